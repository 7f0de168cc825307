"""``maatwerk iwmo ontvang | toewijzingen | verstuur | aanbieder``: the message flows from the command line.

Registered on the ``iwmo`` group of :mod:`maatwerk.cli.iwmo`. ``ontvang`` processes one message (or
every waiting inbox file) and writes the retour message to the aanbieder's outbox; ``verstuur`` writes
pending WMO301s; ``toewijzingen`` lists the current toewijzingen; ``aanbieder`` runs the provider
simulator as a separate process on the same file drop. Exit codes: 0 processed, 1 processed with
rejections (a retour with retourcodes), 2 bad input (nothing stored).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

console = Console(highlight=False)
fouten_console = Console(stderr=True, highlight=False)

MAP_HULP = "Map van de bestandsuitwisseling (standaard MAATWERK_IWMO_MAP, anders var/iwmo)."


def _django(wortel: Path | None) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    django.setup()
    if wortel is not None:
        from django.conf import settings

        settings.MAATWERK_IWMO_MAP = str(wortel)


def _stop(tekst: str, als_json: bool) -> None:
    if als_json:
        print(json.dumps({"fout": tekst}, ensure_ascii=False))
    else:
        fouten_console.print(f"[bold red]Fout:[/] {escape(tekst)}")
    sys.exit(2)


def _datum(tekst: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(tekst) if tekst else None
    except ValueError:
        _stop(f"datum {tekst!r} is geen datum (verwacht JJJJ-MM-DD)", False)
        return None


def _toon_ontvangst(naam: str, o: Any) -> None:
    kleur = "green" if o.verwerkt else "red"
    console.print(
        f"{escape(naam)}: {o.bericht} {escape(str(o.identificatie))} [{kleur}]{escape(o.status)}[/]"
    )
    for r in o.retourcodes:
        console.print(f"  {escape(str(r['element']))}: [{escape(str(r['regel']))}] retourcode {r['code']}")
    for m in o.meldingen:
        console.print(f"  let op: {escape(m)}")
    if o.retourbestand:
        console.print(f"  retourbericht: {escape(o.retourbestand)}")


@click.command()
@click.argument("bestand", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "als_json", is_flag=True, help="Schrijf de uitkomst als één JSON-object.")
@click.option("--map", "wortel", type=click.Path(path_type=Path, file_okay=False), help=MAP_HULP)
@click.option("--vandaag", help="Verwerkingsdatum (JJJJ-MM-DD; standaard vandaag).")
def ontvang(bestand: Path | None, als_json: bool, wortel: Path | None, vandaag: str | None) -> None:
    """Verwerk BESTAND (of alle wachtende berichten in de inboxen) en verstuur het retourbericht."""
    datum = _datum(vandaag)
    _django(wortel)
    from maatwerk.apps.berichten import services
    from maatwerk.iwmo.lezen import Onleesbaar

    if bestand is None:
        uitkomsten = services.ontvang_alles(vandaag=datum)
        if als_json:
            print(
                json.dumps(
                    [
                        {"bestand": n, **(o.als_dict() if not isinstance(o, str) else {"fout": o})}
                        for n, o in uitkomsten
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for naam, o in uitkomsten:
                if isinstance(o, str):
                    fouten_console.print(f"[bold red]{escape(naam)}:[/] {escape(o)}")
                else:
                    _toon_ontvangst(naam, o)
            if not uitkomsten:
                console.print("Geen wachtende berichten.")
        return
    try:
        o = services.ontvang(bestand, vandaag=datum)
    except (Onleesbaar, services.Onverwerkbaar) as exc:
        _stop(str(exc), als_json)
        return
    if als_json:
        print(json.dumps(o.als_dict(), ensure_ascii=False, indent=2))
    else:
        _toon_ontvangst(bestand.name, o)
    sys.exit(0 if o.verwerkt and not any(r["code"] not in ("0200", "8001") for r in o.retourcodes) else 1)


@click.command()
@click.option("--aanbieder", "agb", help="Alleen de toewijzingen bij deze aanbieder (AGB-code).")
@click.option("--json", "als_json", is_flag=True, help="Schrijf de lijst als JSON.")
@click.option("--map", "wortel", type=click.Path(path_type=Path, file_okay=False), help=MAP_HULP)
def toewijzingen(agb: str | None, als_json: bool, wortel: Path | None) -> None:
    """Toon de actuele toewijzingen (per cliënt en aanbieder)."""
    _django(wortel)
    from maatwerk.apps.berichten import selectors

    lijst = selectors.actuele_toewijzingen(agb)
    if als_json:
        print(json.dumps(lijst, ensure_ascii=False, indent=2))
        return
    if not lijst:
        console.print("Geen actuele toewijzingen.")
    for t in lijst:
        eind = t["einddatum"] or "—"
        console.print(
            f"{t['nummer']}: aanbieder {t['aanbieder_agb']}, "
            f"product {t['productcategorie']}/{t['productcode']}, {t['volume']} "
            f"(eenheid {t['eenheid']}, frequentie {t['frequentie']}), {t['ingangsdatum']} t/m {eind}"
        )


@click.command()
@click.option("--map", "wortel", type=click.Path(path_type=Path, file_okay=False), help=MAP_HULP)
@click.option("--vandaag", help="Dagtekening (JJJJ-MM-DD; standaard vandaag).")
def verstuur(wortel: Path | None, vandaag: str | None) -> None:
    """Schrijf de wachtende toewijzingsberichten (WMO301) naar de outbox van elke aanbieder."""
    datum = _datum(vandaag)
    _django(wortel)
    from maatwerk.apps.berichten import services

    verzonden = services.verstuur_toewijzingen(vandaag=datum)
    for b in verzonden:
        console.print(f"WMO301 {b.identificatie} aan {b.ontvanger}: {escape(b.bestand)}")
    console.print(f"{len(verzonden)} toewijzingsbericht(en) verstuurd.")


@click.command()
@click.option("--agb", required=True, help="AGB-code van de gesimuleerde aanbieder (8 cijfers).")
@click.option("--map", "wortel", type=click.Path(path_type=Path, file_okay=False), help=MAP_HULP)
@click.option("--eenmalig", is_flag=True, help="Eén ronde en stoppen (anders elke --interval seconden).")
@click.option("--interval", type=float, default=2.0, show_default=True, help="Seconden tussen rondes.")
@click.option("--declareer", metavar="JJJJ-MM", help="Declareer deze maand (WMO323).")
@click.option(
    "--fout",
    "fouten",
    multiple=True,
    type=click.Choice(["productcode", "volume", "onbekende-start", "dubbel"]),
    help="Injecteer een fout (herhaalbaar).",
)
@click.option("--vandaag", help="Datum van de aanbieder (JJJJ-MM-DD; standaard vandaag).")
def aanbieder(
    agb: str,
    wortel: Path | None,
    eenmalig: bool,
    interval: float,
    declareer: str | None,
    fouten: tuple[str, ...],
    vandaag: str | None,
) -> None:
    """Draai een aanbieder die antwoordt: 302 op 301, 305/307 op de zorgplandata, maandelijks 323."""
    from maatwerk.apps.berichten.tarieven import contracttarief
    from maatwerk.iwmo.transport.aanbieder import Aanbieder, Fouten
    from maatwerk.iwmo.transport.bestandsmap import Bestandsmap

    if declareer is not None:
        try:
            dt.date.fromisoformat(f"{declareer}-01")
        except ValueError:
            _stop(f"--declareer {declareer!r}: verwacht een maand als JJJJ-MM", False)
    standaard = Path(os.environ.get("MAATWERK_DATA_DIR", "var")) / "iwmo"
    map_ = Bestandsmap(wortel or os.environ.get("MAATWERK_IWMO_MAP") or standaard)
    try:
        sim = Aanbieder(map_, agb, Fouten(frozenset(fouten)))
        map_.map(agb, "inbox")
    except ValueError as exc:
        _stop(str(exc), False)
        return
    while True:
        datum = _datum(vandaag) or dt.date.today()
        sim.tarief = {
            e: t for e in ("01", "04") if (t := contracttarief("Voorbeeldstad", e, datum)) is not None
        }
        for regel in sim.ronde(datum, declareer):
            console.print(f"[{agb}] {escape(regel)}")
        declareer = None  # a month is declared once per run
        if eenmalig:
            return
        time.sleep(interval)


COMMANDO_S = (ontvang, toewijzingen, verstuur, aanbieder)
