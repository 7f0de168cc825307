"""``maatwerk toets``: test one policy, or every policy in a folder, against the Wmo 2015 and CRvB case law.

Exit codes: 0 when every policy was tested (whatever the verdicts); 2 when a file is invalid (Dutch
error with file, line and key on stderr). In folder mode the valid files are still tested and the
overview is still written, with the invalid files listed under "Niet getoetst"; the exit code is then 2.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from maatwerk.cli.opties import stop
from maatwerk.regels.laden import Regelfout
from maatwerk.toets import Oordeel, laad_beleid, toets_beleid
from maatwerk.toets.overzicht import SCHRIJVERS, Ongeldig, schrijf_overzicht

KOP = {"voldoet": "VOLDOET", "voldoet_niet": "VOLDOET NIET", "onbekend": "ONBEKEND"}
MERK = {
    "voldoet": "voldoet",
    "voldoet_niet": "VOLDOET NIET",
    "onbekend": "onbekend",
    "niet_van_toepassing": "n.v.t.",
}


def _toets_bestand(pad: Path) -> Oordeel:
    return toets_beleid(laad_beleid(pad), str(pad))


def _inspring(tekst: str, voor: str = "    ") -> str:
    return textwrap.fill(tekst, width=100, initial_indent=voor, subsequent_indent=voor)


def als_tekst(o: Oordeel) -> str:
    """The verdict and every finding in plain Dutch (criterion, facts used, legal ground, explanation)."""
    regels = [f"{o.naam} (peildatum {o.peildatum}): {KOP[o.oordeel]}"]
    if o.voorwaarden:
        regels.append("Voorwaarden:")
        regels += [_inspring(v, "  - ") for v in o.voorwaarden]
    if o.ontbrekend:
        regels.append("Ontbrekende feiten: " + ", ".join(o.ontbrekend))
    for b in o.bevindingen:
        regels += ["", f"[{MERK[b.oordeel]}] {b.criterium}: {b.titel}"]
        regels.append(_inspring("Feiten: " + "; ".join(f"{k} = {v}" for k, v in b.feiten.items())))
        regels.append(_inspring("Grondslag: " + b.grondslag))
        regels.append(_inspring(b.toelichting))
        if b.voorwaarde:
            regels.append(_inspring("Voorwaarde: " + b.voorwaarde))
    return "\n".join(regels)


def _meld(tekst: str) -> None:
    click.echo(tekst, err=True)


def _beleidsbestanden(map_: Path) -> list[Path]:
    return sorted(p for p in map_.iterdir() if p.is_file() and p.suffix.lower() in (".yaml", ".yml"))


def _toets_map(bestanden: list[Path]) -> tuple[list[Oordeel], list[Ongeldig]]:
    oordelen: list[Oordeel] = []
    ongeldig: list[Ongeldig] = []
    voortgang = None
    if len(bestanden) > 20 and sys.stderr.isatty():
        from rich.progress import Progress

        voortgang = Progress(transient=True)
        voortgang.start()
        taak = voortgang.add_task("beleid toetsen", total=len(bestanden))
    try:
        for pad in bestanden:
            try:
                oordelen.append(_toets_bestand(pad))
            except Regelfout as fout:
                ongeldig.append(Ongeldig(str(pad), str(fout)))
            if voortgang is not None:
                voortgang.advance(taak)
    finally:
        if voortgang is not None:
            voortgang.stop()
    return oordelen, ongeldig


@click.command("toets")
@click.argument("pad", type=click.Path(path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Druk het oordeel af als één JSON-object.")
@click.option(
    "--overzicht",
    type=click.Path(path_type=Path),
    default=None,
    help="Schrijf een overzicht (out.html, out.csv of out.md) van alle getoetste beleidsbestanden.",
)
def toets(pad: Path, als_json: bool, overzicht: Path | None) -> None:
    """Toets gemeentelijk HbH-beleid (YAML) aan de Wmo 2015 en de CRvB-jurisprudentie.

    PAD is één beleidsbestand of een map met beleidsbestanden (*.yaml).
    """
    if not pad.exists():
        stop(f"{pad}: bestand of map bestaat niet")
    if overzicht is not None and overzicht.suffix.lower() not in SCHRIJVERS:
        stop(f"--overzicht {overzicht}: onbekend formaat; kies .html, .csv of .md")
    bestanden = _beleidsbestanden(pad) if pad.is_dir() else [pad]
    if not bestanden:
        stop(f"{pad}: geen beleidsbestanden (*.yaml) gevonden")
    oordelen, ongeldig = _toets_map(bestanden)
    for f in ongeldig:
        _meld(f"Fout: niet getoetst:\n{f.fout}")
    if overzicht is not None:
        schrijf_overzicht(overzicht, oordelen, ongeldig)
        _meld(f"overzicht geschreven: {overzicht} ({len(oordelen)} getoetst, {len(ongeldig)} ongeldig)")
    if als_json:
        if pad.is_dir():
            uit = {
                "beleid": [dict(o.as_json(), bestand=o.bestand) for o in oordelen],
                "ongeldig": [{"bestand": f.bestand, "fout": f.fout} for f in ongeldig],
            }
        else:
            uit = oordelen[0].as_json() if oordelen else None
        if uit is not None:
            click.echo(json.dumps(uit, ensure_ascii=False, indent=2))
    elif pad.is_dir():
        if overzicht is None:
            breedte = max((len(o.naam) for o in oordelen), default=8)
            for o in oordelen:
                click.echo(f"{o.naam:<{breedte}}  {KOP[o.oordeel]:<12}  {o.hoofdreden}")
    elif oordelen:
        click.echo(als_tekst(oordelen[0]))
    sys.exit(2 if ongeldig else 0)
