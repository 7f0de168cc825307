"""``maatwerk iwmo ...``: the iWmo 3.2 message exchange from the command line.

``valideer`` checks one message in the four levels without storing anything. Exit codes: 0 valid,
1 rule violations (or XSD errors), 2 unreadable input (no XML, wrong namespace, over 25 MB).
Level 3 (across messages) uses the database through ``maatwerk.apps.levering.iwmo.geschiedenis``
unless ``--zonder-database`` is given.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

console = Console(highlight=False)
fouten_console = Console(stderr=True, highlight=False)


@click.group()
def iwmo() -> None:
    """iWmo 3.2-berichten: valideren (en, later, ontvangen en versturen)."""


def _geschiedenis() -> Any:
    """The database-backed Berichtgeschiedenis (Django is started only here)."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    django.setup()
    from maatwerk.apps.levering.iwmo.geschiedenis import DatabaseGeschiedenis

    return DatabaseGeschiedenis()


@iwmo.command()
@click.argument("bestand", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "als_json", is_flag=True, help="Schrijf de bevindingen als JSON-lijst.")
@click.option("--zonder-database", is_flag=True, help="Sla niveau 3 (berichtoverstijgend) over.")
def valideer(bestand: Path, als_json: bool, zonder_database: bool) -> None:
    """Controleer BESTAND op de vier niveaus van iWmo 3.2 zonder iets op te slaan."""
    from maatwerk.iwmo.lezen import Onleesbaar
    from maatwerk.iwmo.valideer import valideer as valideer_bericht

    try:
        geschiedenis = None if zonder_database else _geschiedenis()
        resultaat = valideer_bericht(bestand, geschiedenis)
    except Onleesbaar as exc:
        _stop(str(exc), als_json)
    except Exception as exc:  # the database adapter: Django's DatabaseError
        if type(exc).__module__.startswith("django.db") or "DatabaseError" in type(exc).__name__:
            _stop(
                "de database is niet bereikbaar of niet bijgewerkt (voer 'maatwerk migrate' uit), "
                "of controleer zonder niveau 3 met --zonder-database",
                als_json,
            )
        raise
    lijst = resultaat.als_lijst()
    if als_json:
        print(json.dumps(lijst, ensure_ascii=False, indent=2))
    else:
        _toon(bestand, resultaat, lijst)
    sys.exit(0 if resultaat.geldig else 1)


def _stop(tekst: str, als_json: bool) -> None:
    if als_json:
        print(json.dumps({"fout": tekst}, ensure_ascii=False))
    else:
        fouten_console.print(f"[bold red]Fout:[/] {escape(tekst)}")
    sys.exit(2)


def _toon(bestand: Path, resultaat: Any, lijst: list[dict[str, Any]]) -> None:
    kop = f"{bestand.name}: {resultaat.bericht}"
    if resultaat.xsd_fouten:
        console.print(f"{kop} voldoet [bold red]niet[/] aan het XSD (niveau 1); er komt geen retourbericht:")
    for item in lijst:
        code = f" retourcode {item['code']}" if item["code"] else ""
        regel = escape(f"[{item['regel']}{code}]")
        console.print(
            f"  regel {item['regelnummer']}: {escape(item['element'])}: {regel} {escape(item['tekst'])}"
        )
    if resultaat.geldig:
        console.print(f"{kop} is [bold green]geldig[/] (niveaus 1-4).")
    elif not resultaat.xsd_fouten:
        console.print(f"{kop}: {len(lijst)} overtreding(en).")
    for niveau, reden in sorted(resultaat.niet_gecontroleerd.items()):
        console.print(f"  niveau {niveau} niet gecontroleerd: {reden}")


# The message flows (ontvang, toewijzingen, verstuur, aanbieder) live in their own module.
from maatwerk.cli.iwmo_berichten import COMMANDO_S  # noqa: E402

for _commando in COMMANDO_S:
    iwmo.add_command(_commando)
