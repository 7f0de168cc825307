"""The ``maatwerk`` command line.

Subcommands live in their own modules and are imported only when used, so that
``maatwerk indiceer`` never pays for Django start-up. Names that are not a
maatwerk subcommand are handed to Django's management commands
(``maatwerk migrate``, ``maatwerk createsuperuser``, ...).
"""

from __future__ import annotations

import importlib
import os
import sys

import click

# name -> "module:attribute" of a click command or group.
COMMANDS: dict[str, str] = {
    "indiceer": "maatwerk.cli.indicatie:indiceer",
    "batch": "maatwerk.cli.batch:batch",
    "kaders": "maatwerk.cli.indicatie:kaders",
    "kader": "maatwerk.cli.indicatie:kader",
    "toets": "maatwerk.cli.toets:toets",
    "caseload": "maatwerk.cli.herindicatie:caseload",
    "herindicatie": "maatwerk.cli.herindicatie:herindicatie",
    "financien": "maatwerk.cli.financien:financien",
    "regels": "maatwerk.cli.regels:regels",
    "iwmo": "maatwerk.cli.iwmo:iwmo",
    "demo": "maatwerk.cli.web:demo",
    "serve": "maatwerk.cli.web:serve",
    "audit": "maatwerk.cli.audit:audit",
    "tweedefactor": "maatwerk.cli.tweedefactor:tweedefactor",
    "termijn": "maatwerk.cli.termijn:termijn",
    "schouw": "maatwerk.cli.schouw:schouw",
    "monitor": "maatwerk.cli.monitor:monitor",
    "api-client": "maatwerk.cli.api_client:api_client",
}


class LazyGroup(click.Group):
    """A click group that imports each subcommand on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return _django_command(cmd_name)
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attribute)


def _django_command(name: str) -> click.Command:
    """Wrap a Django management command (``migrate``, ``check``, ...)."""

    @click.command(name=name, context_settings={"ignore_unknown_options": True, "help_option_names": []})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def run(args: tuple[str, ...]) -> None:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
        from maatwerk.cli.django import voorbereid

        voorbereid(name)
        from django.core.management import execute_from_command_line

        execute_from_command_line(["maatwerk", name, *args])

    return run


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="maatwerk")
@click.option(
    "--namens",
    metavar="NAAM",
    default=None,
    help="Voor wie u dit commando uitvoert (komt met uw eigen gebruikersnaam in het auditlog).",
)
def cli(namens: str | None) -> None:
    """maatwerk — Wmo hulp bij het huishouden: indiceren, toetsen, herindiceren."""
    from maatwerk.apps.audit.bediener import zet_bediener

    zet_bediener(namens)


def main() -> None:
    cli(prog_name="maatwerk")


if __name__ == "__main__":
    sys.exit(main())
