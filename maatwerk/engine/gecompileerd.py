"""A normenkader version compiled into plain per-activity parameters (cached), shared by the single
and the column form of every step in :mod:`maatwerk.engine.stappen`."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from maatwerk.engine.kaders import (
    Correctie,
    Frequentie,
    MinimumTrede,
    Normenkader,
    Normtijd,
)
from maatwerk.opmaak import getal
from maatwerk.regels.laden import Bron
from maatwerk.regeltaal.voorwaarden import Voorwaarde


def bron_tekst(bron: Bron | None, voorbeeld: bool = False, toelichting: str | None = None) -> str:
    """A source reference as one line of text (voorbeeld values say so)."""
    if voorbeeld:
        return f"VOORBEELD (geen publieke bron): {toelichting}"
    if bron is None:
        return ""
    return f"{bron.titel} ({bron.verwijzing})" if bron.verwijzing else bron.titel


@functools.lru_cache(maxsize=8192)
def komma(x: float, decimalen: int | None = None) -> str:
    """A number the Dutch way (:func:`maatwerk.opmaak.getal`): ``decimalen`` fixed decimals, or without
    them as short as exact (up to 4 decimals, for values from the rule files). Cached: a trace repeats
    the same few numbers (norm times, effects) over and over."""
    return getal(x, decimalen, vast=True) if decimalen is not None else getal(x, 4)


@dataclass(frozen=True, slots=True)
class CCorrectie:
    id: str
    omschrijving: str
    reden: str | None
    als: Voorwaarde | None  # None: always
    soort: str  # "minuten" (per week) or "factor"
    waarde: float
    per_feit: str | None
    per_boven: int
    per_voorbeeld: bool
    groep: str | None
    bron: str
    voorbeeld: bool
    eenheid_tekst: str = ""  # the value in the kader's own unit, e.g. "16 uur per jaar" (for the letter)
    hoogstens_netwerk: bool = False


@dataclass(frozen=True, slots=True)
class CGebruikelijk:
    id: str
    omschrijving: str
    rollen: frozenset[str]
    vanaf: int
    tot: int | None
    kan_meedoen: frozenset[str]
    aandeel: float
    categorieen: frozenset[str]
    vervalt_bij: tuple[str, ...]
    bron: str
    voorbeeld: bool
    uitleg: str | None


@dataclass(frozen=True, slots=True)
class CNorm:
    """Normtijd and frequentie as one: minutes per week, per keer, texts and sources."""

    basis: float  # minutes per week
    frequentie_per_week: float
    frequentie_tekst: str
    basis_tekst: str
    bron: str
    voorbeeld: bool
    minuten_per_keer: float | None  # the norm per keer (None for a norm in hours per year)


@dataclass(frozen=True, slots=True)
class CVariant:
    id: str
    omschrijving: str
    reden: str | None
    als: Voorwaarde
    norm: CNorm


@dataclass(frozen=True, slots=True)
class CVoorziening:
    naam: str
    tekst: str  # Dutch name
    bron: str
    voorbeeld: bool


@dataclass(frozen=True, slots=True)
class CActiviteit:
    id: str
    taak: str
    resultaatgebied: str
    categorieen: tuple[str, ...]
    norm: CNorm
    varianten: tuple[CVariant, ...]
    alleen_als: Voorwaarde | None  # None: always
    reden: str | None
    absoluut: tuple[CCorrectie, ...]
    factoren: tuple[CCorrectie, ...]
    gebruikelijk: tuple[CGebruikelijk, ...]
    netwerk_aftrek: bool
    vervalt_bij: tuple[CVoorziening, ...]
    maximum: float | None
    maximum_bron: str
    maximum_voorbeeld: bool
    telt_voor_trede: bool

    # the default norm's fields under their v1 names
    @property
    def basis(self) -> float:
        return self.norm.basis

    @property
    def frequentie_per_week(self) -> float:
        return self.norm.frequentie_per_week

    @property
    def frequentie_tekst(self) -> str:
        return self.norm.frequentie_tekst


@dataclass(frozen=True, slots=True)
class CMinimumTrede:
    id: str
    omschrijving: str
    matrix_resultaatgebied: str
    trede: str
    als: Voorwaarde
    reden: str | None
    bron: str
    voorbeeld: bool
    activiteit: str | None = None  # only when this activity has minutes


@dataclass(frozen=True, slots=True)
class Gecompileerd:
    """A normenkader version as plain parameters, ready for single and batch evaluation."""

    kader: Normenkader
    id: str
    versie: str
    weken_per_jaar: float
    afronding_stap: int
    afronding_richting: str
    decimalen_uren: int
    basis_voorbeeld: bool  # afronding or weken_per_jaar is a voorbeeld value (always used)
    afronding_bron: str
    activiteiten: tuple[CActiviteit, ...]
    gebieden: tuple[tuple[str, str, str | None], ...]  # (id, naam, matrix_resultaatgebied)
    minimum_treden: tuple[CMinimumTrede, ...] = ()

    def activiteit(self, aid: str) -> CActiviteit:
        return next(a for a in self.activiteiten if a.id == aid)


_PER_TEKST = {
    "dag": "per dag",
    "week": "per week",
    "twee_weken": "per twee weken",
    "maand": "per maand",
    "jaar": "per jaar",
}


def frequentie_tekst(f: Frequentie) -> str:
    return f"{f.aantal:g} keer {_PER_TEKST[f.per]}"


def _norm(normtijd: Normtijd, frequentie: Frequentie, weken: float) -> CNorm:
    freq = frequentie.per_week
    if normtijd.uren_per_jaar is not None:
        basis = normtijd.uren_per_jaar * 60 / weken
        basis_tekst = f"{komma(normtijd.uren_per_jaar)} uur per jaar"
        per_keer = None
    else:
        assert normtijd.minuten is not None
        basis = normtijd.minuten * freq
        basis_tekst = f"{frequentie_tekst(frequentie)}, {komma(normtijd.minuten)} minuten per keer"
        per_keer = normtijd.minuten
    return CNorm(
        basis=basis,
        frequentie_per_week=freq,
        frequentie_tekst=frequentie_tekst(frequentie),
        basis_tekst=basis_tekst,
        bron=bron_tekst(normtijd.bron, normtijd.voorbeeld, normtijd.toelichting)
        + "; frequentie: "
        + bron_tekst(frequentie.bron, frequentie.voorbeeld, frequentie.toelichting),
        voorbeeld=normtijd.voorbeeld or frequentie.voorbeeld,
        minuten_per_keer=per_keer,
    )


def _correctie(c: Correctie, weken: float) -> CCorrectie:
    if c.factor is not None:
        soort, waarde, eenheid = "factor", c.factor, komma(c.factor)
    elif c.uren_per_jaar is not None:
        soort, waarde = "minuten", c.uren_per_jaar * 60 / weken
        eenheid = f"{komma(c.uren_per_jaar)} uur per jaar"
    else:
        assert c.minuten_per_week is not None
        soort, waarde = "minuten", c.minuten_per_week
        eenheid = f"{komma(c.minuten_per_week)} minuten per week"
    voorbeeld = c.voorbeeld or (c.per is not None and c.per.voorbeeld)
    bron = bron_tekst(c.bron, c.voorbeeld, c.toelichting)
    if c.per is not None and c.per.boven:
        bron += f"; drempel {c.per.boven}: {bron_tekst(c.per.bron, c.per.voorbeeld, c.per.toelichting)}"
    return CCorrectie(
        c.id,
        c.omschrijving,
        c.reden,
        c.als,
        soort,
        waarde,
        c.per.feit if c.per else None,
        c.per.boven if c.per else 0,
        bool(c.per and c.per.voorbeeld),
        c.groep,
        bron,
        voorbeeld,
        eenheid,
        c.hoogstens_netwerk,
    )


def _minimum(m: MinimumTrede) -> CMinimumTrede:
    return CMinimumTrede(
        m.id,
        m.omschrijving,
        m.matrix_resultaatgebied,
        m.trede,
        m.als,
        m.reden,
        bron_tekst(m.bron, m.voorbeeld, m.toelichting),
        m.voorbeeld,
        m.activiteit,
    )


_CACHE: dict[tuple[str, dt.date, int], Gecompileerd] = {}


def compileer(kader: Normenkader) -> Gecompileerd:
    """Compile (once, cached) a normenkader version into per-activity parameters."""
    from maatwerk.engine.situatie import VOORZIENING_NAMEN

    sleutel = (kader.id, kader.valid_from, id(kader))
    gevonden = _CACHE.get(sleutel)
    if gevonden is not None and gevonden.kader is kader:
        return gevonden
    weken = kader.weken_per_jaar.waarde
    gebruikelijk = tuple(
        CGebruikelijk(
            g.id,
            g.omschrijving,
            frozenset(g.rollen),
            g.leeftijd_vanaf,
            g.leeftijd_tot,
            frozenset(g.kan_meedoen),
            g.aandeel,
            frozenset(g.categorieen),
            tuple(g.vervalt_bij),
            bron_tekst(g.bron, g.voorbeeld, g.toelichting),
            g.voorbeeld,
            g.uitleg,
        )
        for g in kader.gebruikelijke_hulp
    )
    voorzieningen = {
        naam: CVoorziening(
            naam, VOORZIENING_NAMEN[naam], bron_tekst(k.bron, k.voorbeeld, k.toelichting), k.voorbeeld
        )
        for naam, k in kader.algemene_voorzieningen.items()
    }
    activiteiten = []
    for a in kader.activiteiten:
        correcties = [_correctie(c, weken) for c in a.correcties]
        activiteiten.append(
            CActiviteit(
                id=a.id,
                taak=a.taak,
                resultaatgebied=a.resultaatgebied,
                categorieen=tuple(a.categorieen),
                norm=_norm(a.normtijd, a.frequentie, weken),
                varianten=tuple(
                    CVariant(
                        v.id,
                        v.omschrijving,
                        v.reden,
                        v.als,
                        _norm(v.normtijd or a.normtijd, v.frequentie, weken),
                    )
                    for v in a.varianten
                ),
                alleen_als=a.alleen_als,
                reden=a.reden,
                absoluut=tuple(c for c in correcties if c.soort == "minuten"),
                factoren=tuple(c for c in correcties if c.soort == "factor"),
                gebruikelijk=tuple(g for g in gebruikelijk if g.categorieen & set(a.categorieen)),
                netwerk_aftrek=a.netwerk_aftrek,
                vervalt_bij=tuple(voorzieningen[v] for v in a.vervalt_bij_voorziening),
                maximum=a.maximum.minuten_per_week if a.maximum else None,
                maximum_bron=bron_tekst(a.maximum.bron, a.maximum.voorbeeld, a.maximum.toelichting)
                if a.maximum
                else "",
                maximum_voorbeeld=bool(a.maximum and a.maximum.voorbeeld),
                telt_voor_trede=a.telt_voor_trede,
            )
        )
    uit = Gecompileerd(
        kader=kader,
        id=kader.id,
        versie=kader.versie,
        weken_per_jaar=weken,
        afronding_stap=kader.afronding.stap_minuten,
        afronding_richting=kader.afronding.richting,
        decimalen_uren=kader.afronding.decimalen_uren,
        basis_voorbeeld=kader.afronding.voorbeeld or kader.weken_per_jaar.voorbeeld,
        afronding_bron=bron_tekst(
            kader.afronding.bron, kader.afronding.voorbeeld, kader.afronding.toelichting
        ),
        activiteiten=tuple(activiteiten),
        gebieden=tuple((r.id, r.naam, r.matrix_resultaatgebied) for r in kader.resultaatgebieden),
        minimum_treden=tuple(_minimum(m) for m in kader.minimum_treden),
    )
    _CACHE[sleutel] = uit
    return uit
