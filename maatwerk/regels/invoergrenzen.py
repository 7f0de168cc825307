"""Bounds of plausible input, as data: ``invoergrenzen/<valid_from>.yaml`` on the rules search path.

Not legal thresholds but plausibility bounds against typing errors (a beschikking with einddatum
9999-12-31); still dated, cited and validated on load like every rule file, and overridable per
gemeente through ``MAATWERK_REGELS`` (same file name). Pure Python (no Django)::

    invoergrenzen_op(dt.date.today()).datum_vooruit_jaren.waarde   # 10
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from maatwerk.regels import zoekpad
from maatwerk.regels.laden import (
    Geldigheid,
    Gesourcet,
    Melding,
    Regelfout,
    controleer_geen_overlap,
    laad,
)

SOORT = "invoergrenzen"


class Jaren(Gesourcet):
    """A number of years with its source."""

    waarde: int = Field(ge=1, le=100)


class Invoergrenzen(Geldigheid):
    omschrijving: str
    datum_vooruit_jaren: Jaren  # how far after the current year a case date may lie


@zoekpad.per_zoekpad
def alle_versies() -> tuple[Invoergrenzen, ...]:
    """Every version on the search path, validated, checked for file name and overlap."""
    versies: list[tuple[str, Invoergrenzen]] = []
    meldingen: list[Melding] = []
    for bestand in zoekpad.bestanden(SOORT):
        grenzen = laad(Invoergrenzen, bestand.pad)
        if str(grenzen.valid_from) != bestand.pad.stem:
            meldingen.append(
                Melding(
                    f"bestandsnaam moet {grenzen.valid_from}.yaml zijn", str(bestand.pad), None, "valid_from"
                )
            )
        versies.append((bestand.naam, grenzen))
    if meldingen:
        raise Regelfout(meldingen)
    if not versies:
        raise Regelfout([Melding("geen bestanden met invoergrenzen gevonden", zoekpad.plaats(SOORT))])
    controleer_geen_overlap(versies)
    return tuple(sorted((v for _, v in versies), key=lambda v: v.valid_from))


def invoergrenzen_op(peildatum: dt.date) -> Invoergrenzen:
    """The version valid on ``peildatum`` (before the first version: the first one)."""
    versies = alle_versies()
    for versie in reversed(versies):
        if versie.geldig_op(peildatum):
            return versie
    if peildatum < versies[0].valid_from:
        return versies[0]
    raise Regelfout([Melding(f"geen invoergrenzen geldig op {peildatum}", zoekpad.plaats(SOORT))])
