"""``maatwerk regels controleer DIR`` and ``maatwerk regels pad``: rules kept outside the package."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from maatwerk.regels.laden import Regelfout


@click.group()
def regels() -> None:
    """Regelbestanden buiten het pakket (MAATWERK_REGELS) controleren en tonen."""


@regels.command("controleer")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Eén JSON-object op stdout.")
def controleer(map_: Path, als_json: bool) -> None:
    """Controleer regelmap MAP (zonder haar te activeren) en toon wat ze toevoegt of vervangt.

    Exitcode 0 als alles geldig is, 2 met de fouten (bestand:regel: sleutel: melding) anders.
    """
    from maatwerk.cli.django import voorbereid
    from maatwerk.regels.controle import controleer_map

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    voorbereid("regels")  # some loaders belong to apps (portaal, bezwaren): they need Django's registry
    try:
        verslag = controleer_map(map_)
    except Regelfout as fout:  # MAATWERK_REGELS itself names a missing directory
        _fouten(Console(stderr=True), [str(m) for m in fout.meldingen])
        raise SystemExit(2) from None
    if als_json:
        click.echo(json.dumps(verslag.as_dict(), ensure_ascii=False, indent=2))
        raise SystemExit(0 if verslag.geldig else 2)
    console = Console()
    if verslag.inhoud:
        tabel = Table(title=f"Regelmap {verslag.map}")
        for kolom in ("soort", "id", "versie", "wat", "bestand"):
            tabel.add_column(kolom)
        for i in verslag.inhoud:
            wat = i.status + (f" ({escape(i.vervangt)})" if i.vervangt else "")
            tabel.add_row(i.soort, i.id or "—", i.versie, wat, escape(i.bestand))
        console.print(tabel)
    else:
        console.print(f"Regelmap {escape(str(verslag.map))} bevat geen regelbestanden.")
    if verslag.geldig:
        console.print(
            f"[green]Geldig.[/] Activeer met MAATWERK_REGELS={escape(str(verslag.map))}", highlight=False
        )
        return
    _fouten(Console(stderr=True), [str(m) for m in verslag.fouten])
    raise SystemExit(2)


def _fouten(console: Console, fouten: list[str]) -> None:
    console.print(f"[red]Ongeldig:[/] {len(fouten)} fout(en)", highlight=False)
    for f in fouten:
        console.print(escape(f), highlight=False, soft_wrap=True)


@regels.command("pad")
def pad() -> None:
    """Toon het zoekpad: de regelmap van het pakket, dan de mappen uit MAATWERK_REGELS."""
    from maatwerk.regels.zoekpad import regelmappen

    try:
        mappen = regelmappen()
    except Regelfout as fout:
        _fouten(Console(stderr=True), [str(m) for m in fout.meldingen])
        raise SystemExit(2) from None
    for i, m in enumerate(mappen):
        click.echo(f"{i + 1}. {m}" + (" (pakket)" if i == 0 else ""))
