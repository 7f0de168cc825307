"""The catalogue of iWmo validation rules, read from ``maatwerk/regels/iwmo/validatie/<valid_from>.yaml``.

Every rule (TR/CD/CS code) has its level, WJ001 retourcode, messages, definition, source and status;
numbers a rule uses are ``parameters`` in the same file, never literals in code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Melding,
    Regelfout,
    StrictModel,
    controleer_geen_overlap,
    laad,
)

VALIDATIE = Path(__file__).resolve().parents[1] / "regels" / "iwmo" / "validatie"


class Parameter(StrictModel):
    """A number or list a rule uses, with its source."""

    waarde: int | str | list[str]
    bron: Bron


class Regel(StrictModel):
    """One validation rule as the standard defines it."""

    niveau: Literal[2, 3, 4]
    retourcode: str | None = Field(pattern=r"^[0-9A-Z]{4}$")
    berichten: list[str] = Field(min_length=1)
    definitie: str
    bron: Bron
    status: Literal["geimplementeerd", "niet_geimplementeerd"]
    toelichting: str | None = None
    parameters: dict[str, Parameter] = Field(default_factory=dict)


class Bestandsregels(StrictModel):
    maximale_grootte_bytes: int = Field(gt=0)
    bron: Bron


class Catalogus(Geldigheid):
    release: str
    toelichting_geldigheid: str | None = None
    bestand: Bestandsregels
    regels: dict[str, Regel]

    def parameter(self, code: str, naam: str) -> int | str | list[str]:
        return self.regels[code].parameters[naam].waarde


@cache
def catalogus() -> Catalogus:
    """The current catalogue (maatwerk handles iWmo 3.2 only: the newest version)."""
    versies = [(p.name, laad(Catalogus, p)) for p in sorted(VALIDATIE.glob("*.yaml"))]
    if not versies:
        raise Regelfout([Melding("geen iWmo-validatieregels gevonden", str(VALIDATIE))])
    fout = [
        Melding(f"bestandsnaam moet {v.valid_from}.yaml zijn", n)
        for n, v in versies
        if n != f"{v.valid_from}.yaml"
    ]
    if fout:
        raise Regelfout(fout)
    controleer_geen_overlap(versies)
    return versies[-1][1]
