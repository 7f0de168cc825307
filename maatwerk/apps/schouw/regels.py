"""Schouw rules as data: ``maatwerk/regels/schouw/<gemeente>/<valid_from>.yaml`` (pure Python, no Django)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import Field

from maatwerk.regels import zoekpad
from maatwerk.regels.laden import (
    Bron,
    Gesourcet,
    Melding,
    Regelfout,
    StrictModel,
    laad_versiebestanden,
    laad_versies,
)

MAP = Path(__file__).resolve().parents[2] / "regels" / "schouw"


class Steekproef(Gesourcet):
    percentage: float = Field(gt=0, le=100)
    minimum_per_aanbieder: int = Field(default=1, ge=0)


class Signaal(Gesourcet):
    minimum_voldoende_percentage: float = Field(ge=0, le=100)
    minimum_schouwen: int = Field(default=1, ge=1)


class Schouwregels(StrictModel):
    id: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    omschrijving: str
    steekproef: Steekproef
    ook_bij: list[Literal["klacht_over_kwaliteit", "bezwaar_over_kwaliteit"]] = []
    ook_bij_bron: Bron | None = None
    signaal: Signaal


def gemeente_id(gemeente: str) -> str:
    """Folder name of a gemeente: lower case, letters and digits joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", gemeente.lower()).strip("-")


@zoekpad.per_zoekpad
def _versies(gemeente: str, map_: Path | None = None) -> tuple[Schouwregels, ...]:
    """The versions of ``gemeente`` in ``map_``, or on the rules search path (``MAATWERK_REGELS``)."""
    if map_ is not None:
        return tuple(v for _, v in laad_versies(Schouwregels, map_ / gemeente_id(gemeente)))
    paden = zoekpad.versiebestanden("schouw", gemeente_id(gemeente))
    return tuple(v for _, v in laad_versiebestanden(Schouwregels, gemeente_id(gemeente), paden))


def schouwregels(gemeente: str, peildatum: dt.date, map_: Path | None = None) -> Schouwregels:
    """The schouw rules of ``gemeente`` valid on ``peildatum``; a Dutch :class:`Regelfout` otherwise."""
    for versie in _versies(gemeente, map_):
        if versie.valid_from <= peildatum and (versie.valid_until is None or peildatum <= versie.valid_until):
            return versie
    raise Regelfout(
        [
            Melding(
                f"geen schouwregels voor {gemeente} geldig op {peildatum.isoformat()}",
                str(map_ or zoekpad.plaats("schouw", gemeente_id(gemeente))),
            )
        ]
    )
