"""When a beschikking needs a second person's approval (senior consulent): rules as data per gemeente.

``goedkeuring/<gemeente>.yaml`` on the rules search path (:mod:`maatwerk.regels.zoekpad`) lists dated
versions; the one valid on the letter date applies. No file: no second approval. Pure Python (no Django).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field, model_validator

from maatwerk.regels import zoekpad
from maatwerk.regels.laden import Bron, Melding, Regelfout, StrictModel, laad


class Goedkeuringsregel(StrictModel):
    geldig_vanaf: dt.date
    bij_afwijking_normenkader: bool = False
    boven_minuten_per_week: int | None = Field(default=None, ge=0)
    voorbeeld: bool = False
    toelichting: str | None = None
    bron: Bron


class Goedkeuringsbestand(StrictModel):
    gemeente: str
    versies: list[Goedkeuringsregel] = Field(min_length=1)

    @model_validator(mode="after")
    def _oplopend(self) -> Goedkeuringsbestand:
        data = [v.geldig_vanaf for v in self.versies]
        if data != sorted(data) or len(set(data)) != len(data):
            raise ValueError("versies: geldig_vanaf moet per versie uniek zijn en oplopen")
        return self


def regel_op(gemeente: str, datum: dt.date) -> Goedkeuringsregel | None:
    """The approval rule of ``gemeente`` valid on ``datum``, or None (no second approval needed)."""
    naam = f"{gemeente.strip().lower().replace(' ', '-')}.yaml"
    gevonden = [b.pad for b in zoekpad.bestanden("goedkeuring") if b.naam == naam]
    if not gevonden:
        return None
    bestand = laad(Goedkeuringsbestand, gevonden[-1])
    if bestand.gemeente.strip().lower() != gemeente.strip().lower():
        raise Regelfout([Melding(f"gemeente {bestand.gemeente!r} past niet bij {naam}", str(gevonden[-1]))])
    geldig = [v for v in bestand.versies if v.geldig_vanaf <= datum]
    return geldig[-1] if geldig else None


def redenen(
    regel: Goedkeuringsregel | None, *, afwijking: bool, minuten_per_week: Decimal | float
) -> list[str]:
    """Why this decision needs a senior consulent's approval (Dutch, for the consulent); [] = not needed."""
    if regel is None:
        return []
    uit = []
    if regel.bij_afwijking_normenkader and afwijking:
        uit.append("de indicatie wijkt af van het normenkader")
    if regel.boven_minuten_per_week is not None and minuten_per_week > regel.boven_minuten_per_week:
        uit.append(f"de indicatie is meer dan {regel.boven_minuten_per_week} minuten per week")
    return uit
