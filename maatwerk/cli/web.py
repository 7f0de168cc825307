"""``maatwerk demo`` (synthetic Voorbeeldstad) and ``maatwerk serve`` (the web app on 127.0.0.1:8000)."""

from __future__ import annotations

import importlib
import os
import shutil
import sys

import click


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:  # a missing SECRET_KEY and the like: a message, no traceback
        raise click.ClickException(str(exc)) from None
    from maatwerk.web.paden import maak_datamappen

    maak_datamappen()


@click.command()
@click.option(
    "--clients",
    "aantal",
    default=200,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Aantal synthetische cliënten (alleen bij de eerste keer laden).",
)
def demo(aantal: int) -> None:
    """Laad de synthetische gemeente Voorbeeldstad (idempotent) en toon de demo-logins."""
    _django()
    from django.apps import apps
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from maatwerk.apps.cases.demo import WACHTWOORD, laad_demo

    console = Console()
    with Progress(console=console, transient=True) as progress:
        taak = progress.add_task("Demodata Voorbeeldstad", total=aantal)
        gebruikers, nieuw = laad_demo(aantal, voortgang=lambda: progress.advance(taak))
    console.print(
        f"{nieuw} nieuwe cliënten met zaken geladen."
        if nieuw
        else "Cliënten en zaken waren al geladen; gebruikers en aanbieders bijgewerkt."
    )
    for config in apps.get_app_configs():
        if not config.name.startswith("maatwerk.apps."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.webdemo")
        except ModuleNotFoundError as exc:
            if exc.name == f"{config.name}.webdemo":
                continue
            raise
        melding = module.laad_demo()
        if melding:
            console.print(f"{config.label}: {melding}")
    tabel = Table(title="Demo-logins (wachtwoord voor iedereen: " + WACHTWOORD + ")")
    for kolom in ("gebruikersnaam", "naam", "rol", "aanbieder"):
        tabel.add_column(kolom)
    for g in gebruikers:
        tabel.add_row(g.gebruikersnaam, g.naam, str(g.rol), g.aanbieder or "")
    console.print(tabel)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=3, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--dev",
    is_flag=True,
    help="Ontwikkelmodus (MAATWERK_DEV=1): Django runserver met automatisch herladen in plaats van "
    "gunicorn, en een ontwikkelsleutel als SECRET_KEY ontbreekt.",
)
def serve(host: str, port: int, workers: int, dev: bool) -> None:
    """Start de webapplicatie (gunicorn; statische bestanden via whitenoise).

    Buiten --dev weigert maatwerk te starten zonder eigen SECRET_KEY, MAATWERK_AUDIT_SLEUTEL en
    ALLOWED_HOSTS (zie docs/beheer.md).
    """
    if dev:
        os.environ["MAATWERK_DEV"] = "1"
    _django()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    click.echo(f"maatwerk draait op http://{host}:{port}/  (stoppen: Ctrl+C)")
    if dev:
        call_command("runserver", f"{host}:{port}")
        return
    gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
    if gunicorn is None:
        raise click.ClickException("gunicorn is niet geïnstalleerd; draai 'make install'.")
    args = [
        gunicorn,
        "maatwerk.web.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        # The request id (X-Request-ID) at the end of each access line, as in the application log.
        "--access-logformat",
        '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}o)s',
        "--graceful-timeout",
        "5",
    ]
    # Replace this process by gunicorn, so that a signal to `maatwerk serve` (Ctrl+C, SIGTERM from a
    # process manager) reaches the server itself and no orphaned server keeps the port.
    os.execv(gunicorn, args)
