"""The criteria as data: dated YAML files under ``maatwerk/regels/beleidstoets/``, validated on load.

Each criterion names the facts it reads, its legal ground (ECLI numbers, Wmo 2015 articles, with a
``bron`` for each), a plain-Dutch explanation, and ordered outcomes with a condition (``als``)
in the language of :mod:`maatwerk.toets.voorwaarden`. Adding a criterion is adding a rule here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Melding,
    Regelfout,
    StrictModel,
    controleer_geen_overlap,
    laad,
)
from maatwerk.toets.feiten import FEITEN
from maatwerk.toets.voorwaarden import Voorwaarde, lees_voorwaarde

MAP = Path(__file__).resolve().parent.parent / "regels" / "beleidstoets"
_PLAATSHOUDER = re.compile(r"\{([a-z0-9_.]+)\}")


class Verwijzing(StrictModel):
    """One legal ground: a ruling (with ECLI) or a statutory article, and where it was read."""

    tekst: str
    ecli: str | None = Field(default=None, pattern=r"^ECLI:NL:[A-Z]+:\d{4}:[A-Z0-9]+$")
    wet: str | None = None
    bron: Bron

    def __str__(self) -> str:
        delen = [self.tekst, self.ecli, self.wet]
        return ", ".join(d for d in delen if d)


def _controleer_tekst(tekst: str, leest: set[str], waar: str) -> None:
    for naam in _PLAATSHOUDER.findall(tekst):
        if naam not in leest:
            raise ValueError(f"{waar}: {{{naam}}} is geen feit dat dit criterium leest")


class Uitkomst(StrictModel):
    """One possible outcome of a criterion: when it applies and what it means."""

    als: Any
    oordeel: Literal["voldoet", "voldoet_niet", "niet_van_toepassing"]
    toelichting: str
    voorwaarde: str | None = None
    grondslag: list[Verwijzing] | None = None

    @field_validator("als")
    @classmethod
    def _voorwaarde(cls, waarde: Any) -> Voorwaarde:
        return lees_voorwaarde(waarde)

    @model_validator(mode="after")
    def _voorwaarde_alleen_bij_voldoet(self) -> Uitkomst:
        if self.voorwaarde and self.oordeel != "voldoet":
            raise ValueError("een voorwaarde hoort alleen bij oordeel 'voldoet'")
        return self


class Anders(StrictModel):
    """The outcome when no condition of the criterion holds."""

    oordeel: Literal["voldoet", "voldoet_niet", "niet_van_toepassing"]
    toelichting: str
    voorwaarde: str | None = None


class Criterium(StrictModel):
    """One legal criterion a policy is tested on."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    titel: str
    schending: str = Field(description="short phrase for an overview when the criterion is violated")
    uitleg: str
    essentieel: bool
    leest: list[str] = Field(min_length=1)
    grondslag: list[Verwijzing] = Field(min_length=1)
    uitkomsten: list[Uitkomst] = Field(min_length=1)
    anders: Anders

    @field_validator("leest")
    @classmethod
    def _bekende_feiten(cls, leest: list[str]) -> list[str]:
        onbekend = [f for f in leest if f not in FEITEN]
        if onbekend:
            raise ValueError(f"onbekend feit '{onbekend[0]}'; bekende feiten: {', '.join(FEITEN)}")
        return leest

    @model_validator(mode="after")
    def _alleen_gelezen_feiten(self) -> Criterium:
        leest = set(self.leest)
        for i, uitkomst in enumerate(self.uitkomsten):
            extra = uitkomst.als.feiten() - leest
            if extra:
                raise ValueError(f"uitkomsten.{i}.als gebruikt {', '.join(sorted(extra))}, niet in 'leest'")
            _controleer_tekst(uitkomst.toelichting, leest, f"uitkomsten.{i}.toelichting")
        _controleer_tekst(self.anders.toelichting, leest, "anders.toelichting")
        return self


class CizVergelijking(StrictModel):
    """How own norm times are compared with the CIZ-style reference framework of the engine."""

    kader: str
    gelijk_binnen_procent: float = Field(ge=0)
    aanzienlijk_lager_vanaf_procent: float = Field(gt=0)
    voorbeeld: bool = False
    toelichting: str
    bron: Bron


class Beleidstoets(StrictModel):
    """One dated version of the beleidstoets."""

    valid_from: dt.date
    valid_until: dt.date | None = None
    titel: str
    toelichting: str
    bron: list[Bron] = Field(min_length=1)
    ciz_vergelijking: CizVergelijking
    criteria: list[Criterium] = Field(min_length=1)

    @model_validator(mode="after")
    def _unieke_ids(self) -> Beleidstoets:
        gezien: set[str] = set()
        for c in self.criteria:
            if c.id in gezien:
                raise ValueError(f"criterium '{c.id}' komt twee keer voor")
            gezien.add(c.id)
        Geldigheid(valid_from=self.valid_from, valid_until=self.valid_until)
        return self

    @property
    def geldigheid(self) -> Geldigheid:
        return Geldigheid(valid_from=self.valid_from, valid_until=self.valid_until)

    @property
    def versie(self) -> str:
        return self.valid_from.isoformat()


@lru_cache(maxsize=8)
def _laad_map(map_: Path, stempel: tuple[tuple[str, float], ...]) -> tuple[Beleidstoets, ...]:
    versies = tuple(laad(Beleidstoets, map_ / naam) for naam, _ in stempel)
    controleer_geen_overlap(
        (str(map_ / naam), v.geldigheid) for (naam, _), v in zip(stempel, versies, strict=True)
    )
    return versies


def versies(map_: Path = MAP) -> tuple[Beleidstoets, ...]:
    """All versions of the beleidstoets, validated (cached until a file changes)."""
    bestanden = sorted(map_.glob("*.yaml"))
    if not bestanden:
        raise Regelfout([Melding("geen beleidstoets-regelbestanden gevonden", str(map_))])
    return _laad_map(map_, tuple((p.name, p.stat().st_mtime) for p in bestanden))


def beleidstoets_op(peildatum: dt.date, map_: Path = MAP) -> Beleidstoets:
    """The version of the beleidstoets valid on ``peildatum``."""
    for versie in versies(map_):
        if versie.geldigheid.geldig_op(peildatum):
            return versie
    raise Regelfout(
        [
            Melding(
                f"geen beleidstoets geldig op {peildatum} (de Wmo 2015 geldt vanaf 2015-01-01)",
                str(map_),
                sleutel="peildatum",
            )
        ]
    )
