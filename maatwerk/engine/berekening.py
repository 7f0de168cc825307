"""Evaluate a normenkader for one situation: minutes per activity, totals, treden, tariff, trace.

A kader is first *compiled* (:func:`compileer`, cached) into plain per-activity parameters; the batch
path (:mod:`maatwerk.engine.batch`) evaluates the same compiled parameters column-wise and must give
exactly the same minutes. The order of operations below is the contract between the two.

Facts (``feiten``) of a situation on its peildatum (flat, see :mod:`maatwerk.engine.plat`)
    gemeente, client_leeftijd, personen (client + household), meerpersoons (personen >= 2),
    aantal_kinderen (rol kind, < 18), leeftijd_jongste_kind (None without children), woning_type,
    kamers_in_gebruik, kamers_niet_in_gebruik, trap, every omstandigheid flag,
    ``voorziening.<id>`` for each algemene voorziening in use and ``netwerk.<categorie>`` (the network's
    minutes per week for that category). Per activity also: ``niveau`` and ``netwerk`` (the network's
    minutes, before any activity consumed them, are > 0 in one of its categories). Ages are whole years
    on the peildatum (one less when the peildatum's (month, day) is before the birthday's).

A voorwaarde holds when its fact is not None and every given operator holds (``gelijk`` ==, compared
case-insensitively for text; ``minimaal`` >=; ``hoogstens`` <=; no operator: the fact is truthy);
``een_van`` holds when any sub-voorwaarde holds. A list of voorwaarden holds when all hold.

Per activity, in this order (all arithmetic in float minutes per week):

1. ``niveau`` from the activity's categories in ``beperkingen``: all ``zelf`` -> zelf, all ``niet`` ->
   niet, otherwise deels. Niveau zelf, or an ``alleen_als`` voorwaarde that fails: the activity does
   not apply (0 minutes, left out of the output) unless the consulent set an afwijking (step 9).
2. Algemene voorziening: if one of ``vervalt_bij_voorziening`` is in use, minutes = 0 (go to step 9).
3. basis = ``normtijd.minuten`` x frequentie per week (dag 7, week 1, twee_weken 0.5, maand 12/52,
   jaar 1/52), or ``normtijd.uren_per_jaar`` x 60 / ``weken_per_jaar``.
4. Absolute correcties (``minuten_per_week``, or ``uren_per_jaar`` x 60 / weken_per_jaar) whose ``als``
   holds; with ``per``, times max(0, fact - boven) (0 means it does not fire). Within one ``groep``
   only the fired correctie with the largest absolute effect counts (first in file order on a tie).
   subtotal = basis, then subtotal += effect for each counted correctie, one by one in file order.
5. Factor correcties whose ``als`` holds (per groep only the one farthest from 1, first on a tie):
   subtotal *= factor, one by one in file order. Then subtotal = max(0, subtotal).
6. Gebruikelijke hulp: aandeel = max over household members and rules where the member's rol is in
   ``rollen``, its age on the peildatum is in [leeftijd_vanaf, leeftijd_tot), ``kan_meedoen`` matches,
   the rule's categories intersect the activity's, and none of ``vervalt_bij`` is true.
   subtotal = subtotal + (-(subtotal x aandeel))  (this exact float expression).
7. Netwerk (only with ``netwerk_aftrek``): the network's minutes per category form pools, consumed in
   activity file order and, within an activity, in its category order: aftrek = min(subtotal, pool);
   subtotal -= aftrek; pool -= aftrek.
8. Maximum: subtotal = min(subtotal, maximum). Rounding: x = round(subtotal, 6); with stap s:
   omhoog ceil(x / s) x s, dichtstbij floor(x / s + 0.5) x s, omlaag floor(x / s) x s -> int minutes.
9. Afwijking by the consulent: minutes = the afwijking's ``minuten_per_week`` (int, not rounded again).

Totals: per resultaatgebied and overall = sum of the activities' int minutes (so totals always equal
the sum of the parts). uren_per_week = round(total / 60, decimalen_uren); uren_per_jaar =
round(total x weken_per_jaar / 60, decimalen_uren). minuten_per_keer = round(minutes / frequentie per
week, 1).

Treden: for a matrix area with ``bepaling: uren``: hours = sum of the int minutes of the activities
with ``telt_voor_trede`` in every kader resultaatgebied mapped onto it, / 60, unrounded; the trede
whose band has van <= hours < tot (no trede when the minutes are 0). For ``bepaling:
zelfredzaamheid``: the trede listing the consulent's score. Tariff = sum of the treden's tariffs +
each aanvullend product whose activity has minutes > 0.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from maatwerk.engine.indicatie import (
    ActiviteitIndicatie,
    GebiedTotaal,
    Indicatie,
    Stap,
    Tarief,
    TredeIndicatie,
)
from maatwerk.engine.kaders import (
    PER_WEEK,
    Normenkader,
    Resultatenmatrix,
    Voorwaarde,
    register,
)
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN, VOORZIENING_NAMEN, Situatie, leeftijd
from maatwerk.regels.laden import Bron, Melding, Regelfout

# ------------------------------------------------------------------------------------------ compile


def bron_tekst(bron: Bron | None, voorbeeld: bool = False, toelichting: str | None = None) -> str:
    """A source reference as one line of text (voorbeeld values say so)."""
    if voorbeeld:
        return f"VOORBEELD (geen publieke bron): {toelichting}"
    if bron is None:
        return ""
    return f"{bron.titel} ({bron.verwijzing})" if bron.verwijzing else bron.titel


@dataclass(frozen=True, slots=True)
class CCorrectie:
    id: str
    omschrijving: str
    reden: str | None
    als: tuple[Voorwaarde, ...]
    soort: str  # "minuten" (per week) or "factor"
    waarde: float
    per_feit: str | None
    per_boven: int
    per_voorbeeld: bool
    groep: str | None
    bron: str
    voorbeeld: bool


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
class CActiviteit:
    id: str
    taak: str
    resultaatgebied: str
    categorieen: tuple[str, ...]
    basis: float  # minutes per week
    frequentie_per_week: float
    frequentie_tekst: str
    basis_tekst: str
    basis_bron: str
    basis_voorbeeld: bool
    alleen_als: tuple[Voorwaarde, ...]
    reden: str | None
    absoluut: tuple[CCorrectie, ...]
    factoren: tuple[CCorrectie, ...]
    gebruikelijk: tuple[CGebruikelijk, ...]
    netwerk_aftrek: bool
    vervalt_bij: tuple[str, ...]
    maximum: float | None
    maximum_bron: str
    maximum_voorbeeld: bool
    telt_voor_trede: bool


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


def _correctie(c, weken: float) -> CCorrectie:
    if c.factor is not None:
        soort, waarde = "factor", c.factor
    elif c.uren_per_jaar is not None:
        soort, waarde = "minuten", c.uren_per_jaar * 60 / weken
    else:
        soort, waarde = "minuten", c.minuten_per_week
    voorbeeld = c.voorbeeld or (c.per is not None and c.per.voorbeeld)
    bron = bron_tekst(c.bron, c.voorbeeld, c.toelichting)
    if c.per is not None and c.per.boven:
        bron += f"; drempel {c.per.boven}: {bron_tekst(c.per.bron, c.per.voorbeeld, c.per.toelichting)}"
    return CCorrectie(
        c.id,
        c.omschrijving,
        c.reden,
        tuple(c.als),
        soort,
        waarde,
        c.per.feit if c.per else None,
        c.per.boven if c.per else 0,
        bool(c.per and c.per.voorbeeld),
        c.groep,
        bron,
        voorbeeld,
    )


_CACHE: dict[tuple[str, dt.date, int], Gecompileerd] = {}


def compileer(kader: Normenkader) -> Gecompileerd:
    """Compile (once, cached) a normenkader version into per-activity parameters."""
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
    activiteiten = []
    for a in kader.activiteiten:
        freq = a.frequentie.per_week
        if a.normtijd.uren_per_jaar is not None:
            basis = a.normtijd.uren_per_jaar * 60 / weken
            basis_tekst = f"{_komma(a.normtijd.uren_per_jaar)} uur per jaar"
        else:
            basis = a.normtijd.minuten * freq
            basis_tekst = f"{a.frequentie.tekst()}, {_komma(a.normtijd.minuten)} minuten per keer"
        correcties = [_correctie(c, weken) for c in a.correcties]
        activiteiten.append(
            CActiviteit(
                id=a.id,
                taak=a.taak,
                resultaatgebied=a.resultaatgebied,
                categorieen=tuple(a.categorieen),
                basis=basis,
                frequentie_per_week=freq,
                frequentie_tekst=a.frequentie.tekst(),
                basis_tekst=basis_tekst,
                basis_bron=bron_tekst(a.normtijd.bron, a.normtijd.voorbeeld, a.normtijd.toelichting)
                + (
                    "; frequentie: "
                    + bron_tekst(a.frequentie.bron, a.frequentie.voorbeeld, a.frequentie.toelichting)
                ),
                basis_voorbeeld=a.normtijd.voorbeeld or a.frequentie.voorbeeld,
                alleen_als=tuple(a.alleen_als),
                reden=a.reden,
                absoluut=tuple(c for c in correcties if c.soort == "minuten"),
                factoren=tuple(c for c in correcties if c.soort == "factor"),
                gebruikelijk=tuple(g for g in gebruikelijk if g.categorieen & set(a.categorieen)),
                netwerk_aftrek=a.netwerk_aftrek,
                vervalt_bij=tuple(a.vervalt_bij_voorziening),
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
    )
    _CACHE[sleutel] = uit
    return uit


# ------------------------------------------------------------------------------------------- facts


def feiten(s: Situatie) -> dict[str, Any]:
    """The flat facts of a situation on its peildatum (the names voorwaarden use)."""
    kinderen = [leeftijd(h.geboortedatum, s.peildatum) for h in s.huishouden if h.rol == "kind"]
    kinderen = [k for k in kinderen if k < 18]
    f: dict[str, Any] = {
        "gemeente": s.gemeente,
        "client_leeftijd": leeftijd(s.client.geboortedatum, s.peildatum),
        "personen": 1 + len(s.huishouden),
        "meerpersoons": len(s.huishouden) > 0,
        "aantal_kinderen": len(kinderen),
        "leeftijd_jongste_kind": min(kinderen) if kinderen else None,
        "woning_type": s.woning.type,
        "kamers_in_gebruik": s.woning.kamers_in_gebruik,
        "kamers_niet_in_gebruik": s.woning.kamers_niet_in_gebruik,
        "trap": s.woning.trap,
    }
    omst = s.omstandigheden
    for naam in OMSTANDIGHEDEN:
        f[naam] = getattr(omst, naam)
    for v in s.algemene_voorzieningen:
        f[f"voorziening.{v}"] = True
    for n in s.netwerk:
        f[f"netwerk.{n.taak}"] = f.get(f"netwerk.{n.taak}", 0.0) + n.minuten_per_week
    return f


def geldt(v: Voorwaarde, f: dict[str, Any]) -> bool:
    """Does voorwaarde ``v`` hold for facts ``f``?"""
    if v.een_van is not None:
        return any(geldt(x, f) for x in v.een_van)
    waarde = f.get(v.feit)
    if waarde is None:
        return False
    if v.gelijk is None and v.minimaal is None and v.hoogstens is None:
        return bool(waarde)
    if v.gelijk is not None:
        if isinstance(waarde, str) and isinstance(v.gelijk, str):
            if waarde.casefold() != v.gelijk.casefold():
                return False
        elif waarde != v.gelijk:
            return False
    if v.minimaal is not None and not waarde >= v.minimaal:
        return False
    return not (v.hoogstens is not None and not waarde <= v.hoogstens)


def _gebruikte_feiten(voorwaarden: tuple[Voorwaarde, ...], f: dict[str, Any]) -> dict[str, Any]:
    namen: set[str] = set()
    for v in voorwaarden:
        namen |= v.feiten()
    return {n: f.get(n) for n in sorted(namen)}


def niveau_van(s: Situatie, categorieen: tuple[str, ...]) -> str:
    niveaus = {getattr(s.beperkingen, c) for c in categorieen}
    if niveaus == {"zelf"}:
        return "zelf"
    if niveaus == {"niet"}:
        return "niet"
    return "deels"


def rond_af(x: float, stap: int, richting: str) -> int:
    """The kader's rounding of minutes per week (see step 8 in the module docstring)."""
    x = round(x, 6)
    if richting == "omhoog":
        return int(math.ceil(x / stap) * stap)
    if richting == "omlaag":
        return int(math.floor(x / stap) * stap)
    return int(math.floor(x / stap + 0.5) * stap)


# ------------------------------------------------------------------------------------------ evaluate


_NIVEAU_TEKST = {"niet": "u dit niet zelf kunt", "deels": "u dit maar voor een deel zelf kunt"}


def _kies_groepen(
    gevuurd: list[tuple[CCorrectie, float, float]], afstand
) -> list[tuple[CCorrectie, float, float]]:
    """Within each groep keep the correction with the largest ``afstand(effect)``; first one on ties."""
    beste: dict[str, tuple[CCorrectie, float, float]] = {}
    for item in gevuurd:
        g = item[0].groep
        if g is not None and (g not in beste or afstand(item[1]) > afstand(beste[g][1])):
            beste[g] = item
    return [i for i in gevuurd if i[0].groep is None or beste[i[0].groep] is i]


def _activiteit(
    c: Gecompileerd,
    a: CActiviteit,
    s: Situatie,
    f: dict[str, Any],
    leden: list[tuple[str, int, str]],
    pools: dict[str, float],
    afwijking,
) -> tuple[ActiviteitIndicatie | None, bool]:
    from maatwerk.engine.uitleg import activiteit_uitleg

    kid, versie = c.id, c.versie
    niveau = niveau_van(s, a.categorieen)
    netwerk = any(f.get(f"netwerk.{cat}", 0) > 0 for cat in a.categorieen)
    fa = {**f, "niveau": niveau, "netwerk": netwerk}
    stappen: list[Stap] = []
    voorbeeld = False
    van_toepassing = niveau != "zelf" and all(geldt(v, fa) for v in a.alleen_als)
    if not van_toepassing and afwijking is None:
        return None, False
    minuten = 0.0
    redenen: list[str] = []
    aftrek_redenen: list[str] = []  # why minutes went down (the whole story when the result is 0)
    if van_toepassing:
        voorziening = next((v for v in a.vervalt_bij if f.get(f"voorziening.{v}")), None)
        if voorziening is not None:
            stappen.append(
                Stap(
                    f"{a.id}.voorziening",
                    kid,
                    versie,
                    "kader: vervalt_bij_voorziening",
                    {"algemene_voorziening": voorziening},
                    0.0,
                    f"Vervalt: u gebruikt de algemene voorziening {VOORZIENING_NAMEN[voorziening]}.",
                )
            )
            aftrek_redenen.append(f"u de algemene voorziening {VOORZIENING_NAMEN[voorziening]} gebruikt")
        else:
            minuten = a.basis
            voorbeeld |= a.basis_voorbeeld
            stappen.append(
                Stap(
                    f"{a.id}.normtijd",
                    kid,
                    versie,
                    a.basis_bron,
                    {"niveau": niveau, **{k: getattr(s.beperkingen, k) for k in a.categorieen}},
                    a.basis,
                    f"Normtijd: {a.basis_tekst} = {_komma(a.basis, 1)} minuten per week.",
                    a.basis_voorbeeld,
                )
            )
            redenen.append(_NIVEAU_TEKST[niveau])
            if a.alleen_als:
                stappen.append(
                    Stap(
                        f"{a.id}.voorwaarden",
                        kid,
                        versie,
                        a.basis_bron,
                        _gebruikte_feiten(a.alleen_als, fa),
                        0.0,
                        "Van toepassing: aan de voorwaarden van deze activiteit is voldaan.",
                        a.basis_voorbeeld,
                    )
                )
            if a.reden:
                redenen.append(a.reden)
            gevuurd: list[tuple[CCorrectie, float, float]] = []
            for k in a.absoluut:
                if not all(geldt(v, fa) for v in k.als):
                    continue
                aantal = 1.0
                if k.per_feit is not None:
                    waarde = float(f.get(k.per_feit) or 0)
                    aantal = max(0.0, waarde - k.per_boven)
                    if aantal == 0:
                        if waarde > 0 and k.per_voorbeeld:
                            # the (voorbeeld) threshold decided that nothing is added: say so
                            voorbeeld = True
                            stappen.append(
                                Stap(
                                    f"{a.id}.{k.id}",
                                    kid,
                                    versie,
                                    k.bron,
                                    {k.per_feit: f.get(k.per_feit), "drempel": k.per_boven},
                                    0.0,
                                    f"{k.omschrijving}: geen toeslag ({_komma(waarde)} niet boven de drempel "
                                    f"{k.per_boven}).",
                                    True,
                                )
                            )
                        continue
                gevuurd.append((k, k.waarde * aantal, aantal))
            for k, effect, aantal in _kies_groepen(gevuurd, abs):
                minuten += effect
                voorbeeld |= k.voorbeeld
                gebruikt = _gebruikte_feiten(k.als, fa)
                if k.per_feit:
                    gebruikt[k.per_feit] = f.get(k.per_feit)
                keer = f" ({_komma(aantal)} x {_komma(k.waarde, 1)})" if k.per_feit else ""
                stappen.append(
                    Stap(
                        f"{a.id}.{k.id}",
                        kid,
                        versie,
                        k.bron,
                        gebruikt,
                        effect,
                        f"{k.omschrijving}: {_plus(effect)} minuten per week{keer}.",
                        k.voorbeeld,
                    )
                )
                if k.reden:
                    redenen.append(k.reden)
            fgevuurd = [(k, k.waarde, 1.0) for k in a.factoren if all(geldt(v, fa) for v in k.als)]
            for k, factor, _ in _kies_groepen(fgevuurd, lambda x: abs(x - 1)):
                effect = minuten * factor - minuten
                minuten *= factor
                voorbeeld |= k.voorbeeld
                stappen.append(
                    Stap(
                        f"{a.id}.{k.id}",
                        kid,
                        versie,
                        k.bron,
                        _gebruikte_feiten(k.als, fa),
                        effect,
                        f"{k.omschrijving}: x {_komma(factor)} ({_plus(effect)} minuten per week).",
                        k.voorbeeld,
                    )
                )
                if k.reden:
                    redenen.append(k.reden)
            if minuten < 0:
                stappen.append(
                    Stap(
                        f"{a.id}.ondergrens",
                        kid,
                        versie,
                        "kader: minuten worden nooit negatief",
                        {},
                        -minuten,
                        "Ondergrens: niet minder dan 0 minuten per week.",
                    )
                )
                minuten = 0.0
            beste: tuple[float, CGebruikelijk, tuple[str, int, str]] | None = None
            for rol, jaren, meedoen in leden:
                for g in a.gebruikelijk:
                    if (
                        rol in g.rollen
                        and jaren >= g.vanaf
                        and (g.tot is None or jaren < g.tot)
                        and meedoen in g.kan_meedoen
                        and not any(f.get(x) for x in g.vervalt_bij)
                        and (beste is None or g.aandeel > beste[0])
                    ):
                        beste = (g.aandeel, g, (rol, jaren, meedoen))
            if beste is not None and beste[0] > 0:
                aandeel, g, (rol, jaren, meedoen) = beste
                effect = -minuten * aandeel
                minuten += effect
                voorbeeld |= g.voorbeeld
                stappen.append(
                    Stap(
                        f"{a.id}.gebruikelijke_hulp.{g.id}",
                        kid,
                        versie,
                        g.bron,
                        {"rol": rol, "leeftijd": jaren, "kan_meedoen": meedoen, "aandeel": aandeel},
                        effect,
                        f"Gebruikelijke hulp ({g.omschrijving}): {aandeel:.0%} van de taak "
                        f"neemt uw {rol} ({jaren} jaar) over ({_plus(effect)} minuten per week)."
                        + (f" {g.uitleg}" if g.uitleg else ""),
                        g.voorbeeld,
                    )
                )
                aftrek_redenen.append(
                    f"uw {rol} {'alles' if aandeel >= 1 else 'een deel'} kan overnemen (gebruikelijke hulp)"
                )
            if a.netwerk_aftrek:
                for cat in a.categorieen:
                    pool = pools.get(cat, 0.0)
                    if pool <= 0 or minuten <= 0:
                        continue
                    aftrek = min(minuten, pool)
                    minuten -= aftrek
                    pools[cat] = pool - aftrek
                    wie = ", ".join(n.wie for n in s.netwerk if n.taak == cat)
                    stappen.append(
                        Stap(
                            f"{a.id}.netwerk",
                            kid,
                            versie,
                            "Wmo 2015 art. 2.3.2 lid 4 (eigen kracht en netwerk gaan voor)",
                            {"taak": cat, "netwerk_minuten_beschikbaar": round(pool, 2), "wie": wie},
                            -aftrek,
                            f"Netwerk ({wie}) doet hiervan {_komma(aftrek, 1)} minuten per week.",
                        )
                    )
                    aftrek_redenen.append(f"uw netwerk ({wie}) hier {aftrek:.0f} minuten per week bij helpt")
            if a.maximum is not None and minuten > a.maximum:
                effect = a.maximum - minuten
                minuten = a.maximum
                voorbeeld |= a.maximum_voorbeeld
                stappen.append(
                    Stap(
                        f"{a.id}.maximum",
                        kid,
                        versie,
                        a.maximum_bron,
                        {"maximum": a.maximum},
                        effect,
                        f"Maximum {_komma(a.maximum)} minuten per week.",
                    )
                )
    afgerond = rond_af(minuten, c.afronding_stap, c.afronding_richting)
    if van_toepassing and afgerond != minuten:
        stappen.append(
            Stap(
                f"{c.id}.afronding",
                kid,
                versie,
                c.afronding_bron,
                {"stap_minuten": c.afronding_stap, "richting": c.afronding_richting},
                afgerond - minuten,
                f"Afgerond ({c.afronding_richting}, op {c.afronding_stap} minuut): {_komma(minuten, 2)} → "
                f"{afgerond} minuten per week.",
            )
        )
    afgeweken = False
    if afwijking is not None:
        effect = afwijking.minuten_per_week - afgerond
        stappen.append(
            Stap(
                f"{a.id}.afwijking",
                kid,
                versie,
                "maatwerk door de consulent (Wmo 2015 art. 2.3.5)",
                {
                    "berekend": afgerond,
                    "vastgesteld": afwijking.minuten_per_week,
                    "motivatie": afwijking.motivatie,
                },
                float(effect),
                f"Afwijking door de consulent: {afwijking.minuten_per_week} in plaats van {afgerond} "
                f"minuten per week. Motivatie: {afwijking.motivatie}",
            )
        )
        aftrek_redenen.append(f"de consulent maatwerk heeft toegepast: {afwijking.motivatie}")
        afgerond = afwijking.minuten_per_week
        afgeweken = True
    per_keer = round(afgerond / a.frequentie_per_week, 1)
    if afgerond == 0 and aftrek_redenen:
        redenen = aftrek_redenen
    else:
        redenen += aftrek_redenen
    uitleg = activiteit_uitleg(a.taak, a.frequentie_tekst, per_keer, afgerond, redenen)
    return ActiviteitIndicatie(
        id=a.id,
        taak=a.taak,
        resultaatgebied=a.resultaatgebied,
        frequentie=a.frequentie_tekst,
        frequentie_per_week=a.frequentie_per_week,
        minuten_per_keer=per_keer,
        minuten_per_week=afgerond,
        uitleg=uitleg,
        trace=tuple(stappen),
        afgeweken=afgeweken,
        voorbeeld=voorbeeld,
    ), voorbeeld


def _kader_van(situatie: Situatie, kader: str | Normenkader | None) -> Normenkader:
    if isinstance(kader, Normenkader):
        return kader
    if kader is None:
        return register().kies(situatie.gemeente, situatie.peildatum)
    return register().normenkader(kader, situatie.peildatum)


def _matrix_van(kader: Normenkader, peildatum: dt.date) -> Resultatenmatrix | None:
    if kader.resultatenmatrix is None:
        return None
    return register().matrix(kader.resultatenmatrix, peildatum)


def indiceer(situatie: Situatie, kader: str | Normenkader | None = None) -> Indicatie:
    """The explained indication for ``situatie`` under ``kader`` (id, loaded kader, or chosen by
    gemeente + peildatum). Pure: no I/O beyond the cached, once-loaded rule files."""
    from maatwerk.engine.uitleg import indicatie_uitleg

    k = _kader_van(situatie, kader)
    keuze = (
        f"gekozen op gemeente {situatie.gemeente} en peildatum {situatie.peildatum}"
        if kader is None
        else "expliciet gekozen"
    )
    c = compileer(k)
    f = feiten(situatie)
    ids = {a.id for a in c.activiteiten}
    afwijkingen = {}
    for i, afw in enumerate(situatie.afwijkingen):
        if afw.activiteit not in ids:
            raise Regelfout(
                [
                    Melding(
                        f"activiteit '{afw.activiteit}' bestaat niet in normenkader {k.id}; "
                        f"kies uit: {', '.join(sorted(ids))}",
                        sleutel=f"afwijkingen.{i}.activiteit",
                    )
                ]
            )
        afwijkingen[afw.activiteit] = afw
    leden = [
        (h.rol, leeftijd(h.geboortedatum, situatie.peildatum), h.kan_meedoen) for h in situatie.huishouden
    ]
    pools = {cat: 0.0 for cat in CATEGORIEEN}
    for n in situatie.netwerk:
        pools[n.taak] += n.minuten_per_week
    voorbeeld = c.basis_voorbeeld
    activiteiten = []
    for a in c.activiteiten:
        ind, vb = _activiteit(c, a, situatie, f, leden, pools, afwijkingen.get(a.id))
        if ind is not None:
            activiteiten.append(ind)
            voorbeeld |= vb
    extra: list[str] = []
    for g in {g.id: g for a in c.activiteiten for g in a.gebruikelijk}.values():
        if g.uitleg and any(
            st.regel.endswith(f".gebruikelijke_hulp.{g.id}") for a in activiteiten for st in a.trace
        ):
            extra.append(g.uitleg)
    dec = c.decimalen_uren
    matrix = _matrix_van(k, situatie.peildatum)
    treden, details, tarief, vb, opm = _treden(c, matrix, situatie, activiteiten)
    gebieden = []
    for gid, naam, mrg in c.gebieden:
        m = sum(a.minuten_per_week for a in activiteiten if a.resultaatgebied == gid)
        gebieden.append(
            GebiedTotaal(
                gid,
                naam,
                m,
                round(m / 60, dec),
                round(m * c.weken_per_jaar / 60, dec),
                mrg,
                treden.get(mrg or ""),
            )
        )
    totaal = sum(a.minuten_per_week for a in activiteiten)
    voorbeeld |= vb
    ind = Indicatie(
        kader=k.id,
        kader_naam=k.naam,
        kader_versie=k.versie,
        peildatum=situatie.peildatum,
        gemeente=situatie.gemeente,
        activiteiten=tuple(activiteiten),
        resultaatgebieden=tuple(gebieden),
        totaal_minuten_per_week=totaal,
        uren_per_week=round(totaal / 60, dec),
        uren_per_jaar=round(totaal * c.weken_per_jaar / 60, dec),
        treden=treden,
        trede_details=tuple(details),
        tarief_per_periode=tarief,
        resultatenmatrix=matrix.id if matrix else None,
        voorbeeldwaarden=voorbeeld,
        uitleg="",
        opmerkingen=tuple(extra + opm),
        kader_keuze=keuze,
    )
    return _met_uitleg(ind, indicatie_uitleg(ind, extra))


def _met_uitleg(ind: Indicatie, tekst: str) -> Indicatie:
    from dataclasses import replace

    return replace(ind, uitleg=tekst)


def _treden(
    c: Gecompileerd, matrix: Resultatenmatrix | None, s: Situatie, activiteiten: list[ActiviteitIndicatie]
):
    treden: dict[str, str] = {}
    details: list[TredeIndicatie] = []
    opm: list[str] = []
    if matrix is None:
        if c.kader.resultatenmatrix is not None:
            opm.append(
                f"Resultatenmatrix '{c.kader.resultatenmatrix}' heeft geen versie die geldt op "
                f"{s.peildatum}: geen trede en geen tarief."
            )
        return treden, details, None, False, opm
    voorbeeld = matrix.periode.voorbeeld
    bedrag = 0.0
    uren_gebieden: dict[str, set[str]] = {}  # matrix resultaatgebied -> kader resultaatgebieden
    for gid, _, mrg in c.gebieden:
        rg = matrix.resultaatgebied(mrg) if mrg is not None else None
        if rg is not None and rg.bepaling == "uren":
            uren_gebieden.setdefault(rg.id, set()).add(gid)
    for mid, gids in uren_gebieden.items():
        rg = matrix.resultaatgebied(mid)
        minuten = sum(
            a.minuten_per_week for a in activiteiten if a.resultaatgebied in gids and _telt(c, a.id)
        )
        if minuten <= 0:
            continue
        uren = minuten / 60
        for t in rg.treden:
            band = t.uren_per_week
            if band.van <= uren and (band.tot is None or uren < band.tot):
                treden[rg.id] = t.label
                tvb = t.tarief.voorbeeld or band.voorbeeld or rg.voorbeeld
                details.append(
                    TredeIndicatie(
                        rg.id,
                        rg.naam,
                        t.code,
                        t.label,
                        t.omschrijving,
                        f"{_komma(uren, 2)} uur per week valt in de band {_komma(band.van)}–"
                        f"{'∞' if band.tot is None else _komma(band.tot)} uur",
                        t.tarief.bedrag,
                        tvb,
                    )
                )
                bedrag += t.tarief.bedrag
                voorbeeld |= tvb
                break
    for rid, z in s.zelfredzaamheid.items():
        rg = matrix.resultaatgebied(rid)
        if rg is None:
            opm.append(
                f"Zelfredzaamheid voor '{rid}' genegeerd: geen resultaatgebied van matrix {matrix.id}."
            )
            continue
        if rg.id in uren_gebieden:
            opm.append(f"Zelfredzaamheid voor '{rid}' genegeerd: de trede volgt hier uit de uren.")
            continue
        t = next(t for t in rg.treden if z.score in t.zelfredzaamheid)
        treden[rg.id] = t.label
        tvb = t.tarief.voorbeeld or rg.voorbeeld
        details.append(
            TredeIndicatie(
                rg.id,
                rg.naam,
                t.code,
                t.label,
                t.omschrijving,
                f"zelfredzaamheid {z.score} van 5: {z.motivatie}",
                t.tarief.bedrag,
                tvb,
            )
        )
        bedrag += t.tarief.bedrag
        voorbeeld |= tvb
    for p in matrix.aanvullende_producten:
        act = next((a for a in activiteiten if a.id == p.activiteit), None)
        if act is not None and act.minuten_per_week > 0:
            bedrag += p.tarief.bedrag
            voorbeeld |= p.tarief.voorbeeld
            details.append(
                TredeIndicatie(
                    p.resultaatgebied,
                    p.naam,
                    p.id,
                    "toegekend",
                    "aanvullend product",
                    f"{act.taak}: {act.minuten_per_week} minuten per week",
                    p.tarief.bedrag,
                    p.tarief.voorbeeld,
                )
            )
    tarief = Tarief(round(bedrag, 2), matrix.periode.label, voorbeeld) if details else None
    return treden, details, tarief, voorbeeld and bool(details), opm


def _komma(x: float, decimalen: int | None = None) -> str:
    """A number the Dutch way (decimal comma)."""
    tekst = f"{x:.{decimalen}f}" if decimalen is not None else f"{x:g}"
    return tekst.replace(".", ",")


def _plus(x: float) -> str:
    return ("+" if x >= 0 else "") + _komma(x, 1)


def _telt(c: Gecompileerd, aid: str) -> bool:
    return next(a.telt_voor_trede for a in c.activiteiten if a.id == aid)


__all__ = [
    "compileer",
    "Gecompileerd",
    "CActiviteit",
    "CCorrectie",
    "CGebruikelijk",
    "feiten",
    "geldt",
    "niveau_van",
    "rond_af",
    "indiceer",
    "PER_WEEK",
]
