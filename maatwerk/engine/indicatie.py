"""The engine's output: an explained indication (immutable dataclasses, JSON-able via ``as_json``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Stap:
    """One rule that fired: what it is, where it comes from, which facts it used, its effect."""

    regel: str
    kader: str
    versie: str
    bron: str
    feiten: dict[str, Any]
    effect_minuten: float
    tekst: str
    voorbeeld: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "regel": self.regel,
            "kader": self.kader,
            "versie": self.versie,
            "bron": self.bron,
            "feiten": self.feiten,
            "effect_minuten": round(self.effect_minuten, 2),
            "tekst": self.tekst,
            "voorbeeld": self.voorbeeld,
        }


@dataclass(frozen=True, slots=True)
class ActiviteitIndicatie:
    id: str
    taak: str
    resultaatgebied: str
    frequentie: str
    frequentie_per_week: float
    minuten_per_keer: float
    minuten_per_week: int
    uitleg: str
    trace: tuple[Stap, ...]
    afgeweken: bool = False
    voorbeeld: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "taak": self.taak,
            "resultaatgebied": self.resultaatgebied,
            "frequentie": self.frequentie,
            "minuten_per_keer": self.minuten_per_keer,
            "minuten_per_week": self.minuten_per_week,
            "uitleg": self.uitleg,
            "afgeweken": self.afgeweken,
            "voorbeeld": self.voorbeeld,
            "trace": [s.as_json() for s in self.trace],
        }


@dataclass(frozen=True, slots=True)
class Tarief:
    """Tariff per period (e.g. per 4 weeks) valid on the peildatum, summed over the indicated treden."""

    bedrag: float
    periode: str
    voorbeeld: bool

    def as_json(self) -> dict[str, Any]:
        return {"bedrag": self.bedrag, "periode": self.periode, "voorbeeld": self.voorbeeld}


@dataclass(frozen=True, slots=True)
class TredeIndicatie:
    resultaatgebied: str
    naam: str
    code: str
    label: str
    omschrijving: str
    grond: str
    tarief: float
    voorbeeld: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "resultaatgebied": self.resultaatgebied,
            "naam": self.naam,
            "code": self.code,
            "label": self.label,
            "omschrijving": self.omschrijving,
            "grond": self.grond,
            "tarief": self.tarief,
            "voorbeeld": self.voorbeeld,
        }


@dataclass(frozen=True, slots=True)
class GebiedTotaal:
    id: str
    naam: str
    minuten_per_week: int
    uren_per_week: float
    uren_per_jaar: float
    matrix_resultaatgebied: str | None = None
    trede: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "naam": self.naam,
            "minuten_per_week": self.minuten_per_week,
            "uren_per_week": self.uren_per_week,
            "uren_per_jaar": self.uren_per_jaar,
            "matrix_resultaatgebied": self.matrix_resultaatgebied,
            "trede": self.trede,
        }


@dataclass(frozen=True, slots=True)
class Indicatie:
    kader: str
    kader_naam: str
    kader_versie: str
    peildatum: dt.date
    gemeente: str
    activiteiten: tuple[ActiviteitIndicatie, ...]
    resultaatgebieden: tuple[GebiedTotaal, ...]
    totaal_minuten_per_week: int
    uren_per_week: float
    uren_per_jaar: float
    treden: dict[str, str]
    trede_details: tuple[TredeIndicatie, ...]
    tarief_per_periode: Tarief | None
    resultatenmatrix: str | None
    voorbeeldwaarden: bool
    uitleg: str
    opmerkingen: tuple[str, ...] = field(default_factory=tuple)
    kader_keuze: str = ""
    trede_trace: tuple[Stap, ...] = ()  # kader-wide rules on treden (e.g. a minimum trede)

    def activiteit(self, aid: str) -> ActiviteitIndicatie | None:
        return next((a for a in self.activiteiten if a.id == aid), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "kader": self.kader,
            "kader_naam": self.kader_naam,
            "kader_versie": self.kader_versie,
            "kader_keuze": self.kader_keuze,
            "peildatum": self.peildatum.isoformat(),
            "gemeente": self.gemeente,
            "activiteiten": [a.as_json() for a in self.activiteiten],
            "resultaatgebieden": [g.as_json() for g in self.resultaatgebieden],
            "totaal_minuten_per_week": self.totaal_minuten_per_week,
            "uren_per_week": self.uren_per_week,
            "uren_per_jaar": self.uren_per_jaar,
            "treden": self.treden,
            "trede_details": [t.as_json() for t in self.trede_details],
            "resultatenmatrix": self.resultatenmatrix,
            "tarief_per_periode": self.tarief_per_periode.as_json() if self.tarief_per_periode else None,
            "voorbeeldwaarden": self.voorbeeldwaarden,
            "uitleg": self.uitleg,
            "opmerkingen": list(self.opmerkingen),
            "trede_trace": [s.as_json() for s in self.trede_trace],
        }
