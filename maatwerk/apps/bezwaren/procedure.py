"""The gemeente's bezwaar and klacht procedure as data (``regels/bezwaarprocedure/<gemeente>.yaml``)."""

from __future__ import annotations

from functools import lru_cache

from maatwerk.regels import REGELS_DIR
from maatwerk.regels.laden import Gesourcet, Melding, Regelfout, StrictModel, laad

MAP = REGELS_DIR / "bezwaarprocedure"


class Commissie(Gesourcet):
    ingesteld: bool
    naam: str = ""


class Procedure(StrictModel):
    gemeente: str
    bezwaarcommissie: Commissie
    klachtadviescommissie: Commissie


@lru_cache(maxsize=8)
def procedure_van(gemeente: str) -> Procedure:
    """The procedure of ``gemeente`` (file name: the gemeente in lower case)."""
    pad = MAP / f"{gemeente.lower().replace(' ', '-')}.yaml"
    if not pad.exists():
        raise Regelfout([Melding(f"geen bezwaarprocedure vastgelegd voor gemeente {gemeente}", str(pad))])
    procedure = laad(Procedure, pad)
    if procedure.gemeente != gemeente:
        raise Regelfout([Melding(f"gemeente '{procedure.gemeente}' past niet bij {gemeente}", str(pad))])
    return procedure
