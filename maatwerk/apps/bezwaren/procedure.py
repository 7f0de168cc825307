"""The gemeente's bezwaar and klacht procedure as data (``regels/bezwaarprocedure/<gemeente>.yaml``)."""

from __future__ import annotations

from pathlib import Path

from maatwerk.regels import REGELS_DIR, zoekpad
from maatwerk.regels.laden import Gesourcet, Melding, Regelfout, StrictModel, laad

MAP = REGELS_DIR / "bezwaarprocedure"


class Commissie(Gesourcet):
    ingesteld: bool
    naam: str = ""


class Procedure(StrictModel):
    gemeente: str
    bezwaarcommissie: Commissie
    klachtadviescommissie: Commissie


@zoekpad.per_zoekpad
def procedure_van(gemeente: str) -> Procedure:
    """The procedure of ``gemeente`` (file name: the gemeente in lower case), on the rules search path."""
    naam = f"{gemeente.lower().replace(' ', '-')}.yaml"
    gevonden = [b.pad for b in zoekpad.bestanden("bezwaarprocedure") if b.pad.name == naam]
    pad = gevonden[-1] if gevonden else MAP / naam
    if not gevonden:
        raise Regelfout([Melding(f"geen bezwaarprocedure vastgelegd voor gemeente {gemeente}", str(pad))])
    procedure = laad(Procedure, pad)
    if procedure.gemeente != gemeente:
        raise Regelfout([Melding(f"gemeente '{procedure.gemeente}' past niet bij {gemeente}", str(pad))])
    return procedure


def laad_bestand(pad: Path) -> Procedure:
    """Validate one bezwaarprocedure file (used by ``maatwerk regels controleer``)."""
    return laad(Procedure, pad)
