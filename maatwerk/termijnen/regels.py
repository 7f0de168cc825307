"""The rule files behind the deadlines: ``regels/feestdagen/`` and ``regels/awb-termijnen/`` (no Django).

Both are dated, cited YAML (one file per version, ``<valid_from>.yaml``), validated on load by the
shared loader; a bad file gives a Dutch error naming file, line and key.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator

from maatwerk.regels import REGELS_DIR
from maatwerk.regels.laden import Bron, Melding, Regelfout, StrictModel, laad_versies

FEESTDAGEN_MAP = REGELS_DIR / "feestdagen"
AWB_MAP = REGELS_DIR / "awb-termijnen"


class Versie(StrictModel):
    id: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    omschrijving: str


class VasteDag(StrictModel):
    naam: str
    maand: int = Field(ge=1, le=12)
    dag: int = Field(ge=1, le=31)
    bron: Bron


class PaasDag(StrictModel):
    """A day relative to Easter Sunday (``dagen`` may be negative: Goede Vrijdag is -2)."""

    naam: str
    dagen: int = Field(ge=-60, le=60)
    bron: Bron


class Koningsdag(StrictModel):
    naam: str
    maand: int = Field(ge=1, le=12)
    dag: int = Field(ge=1, le=31)
    op_zondag_verschuiven: int = Field(ge=-6, le=6)
    bron: Bron


class Gelijkstelling(StrictModel):
    """One royal decree under Atw art. 3 lid 3: the years it covers and the days it equates."""

    besluit: str
    jaren: list[int] = Field(min_length=1)
    dagen: list[dt.date]
    bron: Bron

    @model_validator(mode="after")
    def _dagen_in_jaren(self) -> Gelijkstelling:
        buiten = [d for d in self.dagen if d.year not in self.jaren]
        if buiten:
            raise ValueError(f"dag {buiten[0]} valt buiten de jaren van dit besluit ({self.jaren})")
        return self


class Feestdagen(Versie):
    vast: list[VasteDag]
    pasen: list[PaasDag]
    koningsdag: Koningsdag
    gelijkgesteld: list[Gelijkstelling]

    @model_validator(mode="after")
    def _jaren_eenmaal(self) -> Feestdagen:
        gezien: set[int] = set()
        for g in self.gelijkgesteld:
            dubbel = gezien & set(g.jaren)
            if dubbel:
                raise ValueError(f"jaar {min(dubbel)} staat in twee gelijkstellingsbesluiten")
            gezien |= set(g.jaren)
        return self


class Awbtermijn(StrictModel):
    naam: str
    weken: int = Field(ge=1, le=12)
    weken_met_commissie: int | None = Field(default=None, ge=1, le=12)
    verdaging_weken: int | None = Field(default=None, ge=1, le=12)
    bron: Bron

    @model_validator(mode="after")
    def _commissie_niet_korter(self) -> Awbtermijn:
        if self.weken_met_commissie is not None and self.weken_met_commissie < self.weken:
            raise ValueError("de termijn met commissie kan niet korter zijn dan zonder")
        return self


class Staffel(StrictModel):
    dagen: int = Field(ge=1)
    euro_per_dag: int = Field(ge=0)


class Dwangsom(StrictModel):
    naam: str
    ingebreke_na_weken: int = Field(ge=0)
    maximum_dagen: int = Field(ge=1)
    staffel: list[Staffel] = Field(min_length=1)
    bron: Bron

    @model_validator(mode="after")
    def _staffel_dekt_maximum(self) -> Dwangsom:
        if sum(s.dagen for s in self.staffel) < self.maximum_dagen:
            raise ValueError("de staffel dekt niet alle dagen tot het maximum")
        return self


class Awbtermijnen(Versie):
    termijnen: dict[str, Awbtermijn]
    dwangsom: Dwangsom

    @model_validator(mode="after")
    def _verplicht(self) -> Awbtermijnen:
        ontbreekt = {"bezwaar", "beslissing_op_bezwaar", "klacht"} - set(self.termijnen)
        if ontbreekt:
            raise ValueError(f"termijn ontbreekt: {', '.join(sorted(ontbreekt))}")
        return self


def _op(versies: tuple[Versie, ...], peildatum: dt.date, map_: Path) -> Versie:
    for v in reversed(versies):
        if v.valid_from <= peildatum and (v.valid_until is None or peildatum <= v.valid_until):
            return v
    raise Regelfout([Melding(f"geen regels geldig op {peildatum:%d-%m-%Y}", str(map_))])


@lru_cache(maxsize=4)
def feestdagen_versies(map_: Path = FEESTDAGEN_MAP) -> tuple[Feestdagen, ...]:
    versies = tuple(v for _, v in laad_versies(Feestdagen, map_))
    if not versies:
        raise Regelfout([Melding("geen feestdagenbestanden gevonden", str(map_))])
    return versies


@lru_cache(maxsize=4)
def awb_versies(map_: Path = AWB_MAP) -> tuple[Awbtermijnen, ...]:
    versies = tuple(v for _, v in laad_versies(Awbtermijnen, map_))
    if not versies:
        raise Regelfout([Melding("geen Awb-termijnbestanden gevonden", str(map_))])
    return versies


def feestdagen_op(peildatum: dt.date) -> Feestdagen:
    uit = _op(feestdagen_versies(), peildatum, FEESTDAGEN_MAP)
    assert isinstance(uit, Feestdagen)
    return uit


def awb_op(peildatum: dt.date) -> Awbtermijnen:
    uit = _op(awb_versies(), peildatum, AWB_MAP)
    assert isinstance(uit, Awbtermijnen)
    return uit
