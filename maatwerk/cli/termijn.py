"""``maatwerk termijn``: statutory Awb terms after the Algemene termijnenwet (no Django).

Each subcommand prints one JSON object ``{"begindatum", "einddatum", "grondslag", "verschoven"}``;
``einddatum`` is the last day (inclusive). A bad date gives ``Fout: ...`` and exit code 2.
"""

from __future__ import annotations

import datetime as dt
import json

import click

from maatwerk.cli.opties import datum_optie, stop


def _toon(bereken, als_json: bool) -> None:  # type: ignore[no-untyped-def]
    from maatwerk.regels.laden import Regelfout
    from maatwerk.termijnen import KalenderOnbekend, OngeldigeTermijn

    try:
        uitkomst = bereken()
    except (KalenderOnbekend, OngeldigeTermijn, Regelfout) as fout:
        stop(fout)
    if als_json:
        click.echo(json.dumps(uitkomst.as_json(), ensure_ascii=False))
        return
    click.echo(f"Van {uitkomst.begindatum:%d-%m-%Y} tot en met {uitkomst.einddatum:%d-%m-%Y}")
    if uitkomst.verschoven:
        click.echo(f"Verschoven: {uitkomst.verschoven.reden}")
    for regel in uitkomst.grondslag:
        click.echo(f"- {regel}")


def _verplicht(waarde: dt.date | None, optie: str) -> dt.date:
    if waarde is None:
        stop(f"{optie}: vul een datum in (JJJJ-MM-DD)")
    return waarde


@click.group()
def termijn() -> None:
    """Wettelijke termijnen (Awb) met de Algemene termijnenwet: bezwaar, beslissing op bezwaar, klacht."""


@termijn.command()
@click.option("--bekendgemaakt", callback=datum_optie, help="Datum waarop het besluit is bekendgemaakt.")
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
def bezwaar(bekendgemaakt: dt.date | None, als_json: bool) -> None:
    """Bezwaartermijn: zes weken vanaf de dag na bekendmaking (Awb 6:7, 6:8)."""
    from maatwerk.termijnen import bezwaartermijn

    datum = _verplicht(bekendgemaakt, "--bekendgemaakt")
    _toon(lambda: bezwaartermijn(datum), als_json)


@termijn.command("beslissing-op-bezwaar")
@click.option("--bekendgemaakt", callback=datum_optie, help="Datum waarop het besluit is bekendgemaakt.")
@click.option("--commissie", is_flag=True, help="Met advies van een bezwaarcommissie (Awb 7:13).")
@click.option("--verdaagd", is_flag=True, help="Met de maximale verdaging (Awb 7:10 lid 3).")
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
def beslissing_op_bezwaar(
    bekendgemaakt: dt.date | None, commissie: bool, verdaagd: bool, als_json: bool
) -> None:
    """Beslistermijn op bezwaar: zes weken, of twaalf met een commissie, na afloop van de bezwaartermijn."""
    from maatwerk.termijnen import beslistermijn_bezwaar

    datum = _verplicht(bekendgemaakt, "--bekendgemaakt")
    _toon(lambda: beslistermijn_bezwaar(datum, commissie=commissie, verdaagd=verdaagd), als_json)


@termijn.command()
@click.option("--ontvangen", callback=datum_optie, help="Datum waarop het klaagschrift is ontvangen.")
@click.option("--commissie", is_flag=True, help="Met een klachtadviescommissie (Awb 9:14).")
@click.option("--verdaagd", is_flag=True, help="Met de maximale verdaging (Awb 9:11 lid 2).")
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
def klacht(ontvangen: dt.date | None, commissie: bool, verdaagd: bool, als_json: bool) -> None:
    """Afhandeltermijn klacht: zes weken na ontvangst, tien met een klachtadviescommissie (Awb 9:11)."""
    from maatwerk.termijnen import klachttermijn

    datum = _verplicht(ontvangen, "--ontvangen")
    _toon(lambda: klachttermijn(datum, commissie=commissie, verdaagd=verdaagd), als_json)
