"""Reaction deadlines of the iWmo exchange in Atw working days, from ``regels/iwmo/termijnen/`` (pure)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

from pydantic import Field

from maatwerk.regels import REGELS_DIR
from maatwerk.regels.laden import Bron, Melding, Regelfout, StrictModel, laad_versies
from maatwerk.termijnen.kalender import werkdagen_na

TERMIJNEN_MAP = REGELS_DIR / "iwmo" / "termijnen"
Soort = Literal["retour", "declaratie_antwoord", "verzoek_antwoord"]


class Termijn(StrictModel):
    naam: str
    werkdagen: int = Field(ge=1, le=60)
    bron: Bron


class Termijnen(StrictModel):
    id: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    omschrijving: str
    termijnen: dict[Soort, Termijn]


@cache
def _versies() -> tuple[Termijnen, ...]:
    return tuple(v for _, v in laad_versies(Termijnen, TERMIJNEN_MAP))


def termijn(soort: Soort, datum: dt.date) -> Termijn:
    """The deadline rule ``soort`` valid on ``datum``."""
    for versie in reversed(_versies()):
        geldig = versie.valid_from <= datum and (versie.valid_until is None or datum <= versie.valid_until)
        if geldig and soort in versie.termijnen:
            return versie.termijnen[soort]
    raise Regelfout([Melding(f"geen iWmo-termijn '{soort}' geldig op {datum}", str(TERMIJNEN_MAP))])


def uiterlijk(soort: Soort, ontvangen: dt.date) -> dt.date:
    """The last day on which the answer is on time: ``werkdagen`` working days after ``ontvangen``."""
    return werkdagen_na(ontvangen, termijn(soort, ontvangen).werkdagen)


class Retourcodes(StrictModel):
    id: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    omschrijving: str
    bron: Bron
    codes: dict[str, str] = Field(min_length=1)


@cache
def _retourcodes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for _, versie in laad_versies(Retourcodes, REGELS_DIR / "iwmo" / "retourcodes"):
        codes.update(versie.codes)
    return codes


def retourcode_in_woorden(code: str | None) -> str:
    """The WJ001 meaning of a retourcode (``regels/iwmo/retourcodes/``); the code itself when unknown."""
    if not code:
        return ""
    return _retourcodes().get(code, f"retourcode {code}")
