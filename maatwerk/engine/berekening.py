"""Evaluate a normenkader for one situation: minutes per activity, totals, treden, tariff, trace.

A kader is first *compiled* (:func:`compileer`, cached) into plain per-activity parameters. Every step
of the order of operations is defined once, in :mod:`maatwerk.engine.stappen`, with its single form
(used here, writing the trace) and its column form (used by :mod:`maatwerk.engine.batch`) side by side;
the two paths must give exactly the same minutes. The facts and the voorwaarde grammar are in
:mod:`maatwerk.engine.stappen.feiten`.

Totals: per resultaatgebied and overall = sum of the activities' int minutes (so totals always equal
the sum of the parts). uren_per_week = round(total / 60, decimalen_uren); uren_per_jaar =
round(total x weken_per_jaar / 60, decimalen_uren). minuten_per_keer = the minutes before rounding /
frequentie per week, rounded to 0.1 (so it shows the norm per keer, e.g. 150 for 150 minutes every two
weeks, not a figure back-computed from the rounded weekly minutes); with an afwijking: its minutes /
frequentie per week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from maatwerk.engine.gecompileerd import (
    CActiviteit,
    CCorrectie,
    CGebruikelijk,
    Gecompileerd,
    bron_tekst,
    compileer,
    komma,
)
from maatwerk.engine.indicatie import ActiviteitIndicatie, GebiedTotaal, Indicatie
from maatwerk.engine.kaders import PER_WEEK, Normenkader, Resultatenmatrix, register
from maatwerk.engine.situatie import CATEGORIEEN, Afwijking, Situatie
from maatwerk.engine.stappen import ENKEL, afwijking, toepassing, treden
from maatwerk.engine.stappen.afronding import rond_af
from maatwerk.engine.stappen.feiten import feiten, geldt
from maatwerk.engine.stappen.toestand import Enkel
from maatwerk.regels.laden import Melding, Regelfout
from maatwerk.regeltaal.waarden import leeftijd


def niveau_van(s: Situatie, categorieen: tuple[str, ...]) -> str:
    """zelf / deels / niet for an activity's categories (step 1)."""
    niveaus = {getattr(s.beperkingen, c) for c in categorieen}
    if niveaus == {"zelf"}:
        return "zelf"
    if niveaus == {"niet"}:
        return "niet"
    return "deels"


def _activiteit(t: Enkel) -> ActiviteitIndicatie | None:
    """Run every step for one activity; None when it does not apply (and the consulent set nothing)."""
    from maatwerk.engine.uitleg import activiteit_uitleg

    toepassing.enkel(t)
    if not t.van_toepassing and t.afwijking is None:
        return None
    for stap in ENKEL[1:]:
        stap(t)
    assert t.norm is not None
    freq = t.norm.frequentie_per_week
    per_keer = round((t.afgerond if t.afgeweken else t.voor_afronding) / freq, 1)
    if t.afgerond == 0:
        per_keer = 0.0
    redenen = t.aftrek_redenen if t.afgerond == 0 and t.aftrek_redenen else t.redenen + t.aftrek_redenen
    a = t.a
    return ActiviteitIndicatie(
        id=a.id,
        taak=a.taak,
        resultaatgebied=a.resultaatgebied,
        frequentie=t.norm.frequentie_tekst,
        frequentie_per_week=freq,
        minuten_per_keer=per_keer,
        minuten_per_week=t.afgerond,
        uitleg=activiteit_uitleg(a.taak, t.norm.frequentie_tekst, per_keer, t.afgerond, redenen),
        trace=tuple(t.stappen),
        afgeweken=t.afgeweken,
        voorbeeld=t.voorbeeld,
    )


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


def _afwijkingen(c: Gecompileerd, situatie: Situatie) -> tuple[dict[str, Afwijking], list[Afwijking]]:
    """The consulent's afwijkingen per activity and per resultaatgebied; unknown ids are an error."""
    ids = {a.id for a in c.activiteiten}
    gebieden = {gid for gid, _n, _m in c.gebieden}
    per_activiteit: dict[str, Afwijking] = {}
    per_gebied: list[Afwijking] = []
    for i, afw in enumerate(situatie.afwijkingen):
        if afw.activiteit is not None:
            if afw.activiteit not in ids:
                raise Regelfout(
                    [
                        Melding(
                            f"activiteit '{afw.activiteit}' bestaat niet in normenkader {c.id}; "
                            f"kies uit: {', '.join(sorted(ids))}",
                            sleutel=f"afwijkingen.{i}.activiteit",
                        )
                    ]
                )
            per_activiteit[afw.activiteit] = afw
        else:
            if afw.resultaatgebied not in gebieden:
                raise Regelfout(
                    [
                        Melding(
                            f"resultaatgebied '{afw.resultaatgebied}' bestaat niet in normenkader {c.id}; "
                            f"kies uit: {', '.join(sorted(gebieden))}",
                            sleutel=f"afwijkingen.{i}.resultaatgebied",
                        )
                    ]
                )
            per_gebied.append(afw)
    return per_activiteit, per_gebied


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
    per_activiteit, per_gebied = _afwijkingen(c, situatie)
    leden: list[tuple[str, int, str]] = [
        (h.rol, leeftijd(h.geboortedatum, situatie.peildatum), h.kan_meedoen) for h in situatie.huishouden
    ]
    pools = dict.fromkeys(CATEGORIEEN, 0.0)
    for n in situatie.netwerk:
        pools[n.taak] += n.minuten_per_week
    voorbeeld = c.basis_voorbeeld
    activiteiten: list[ActiviteitIndicatie] = []
    for a in c.activiteiten:
        ind = _activiteit(Enkel(c, a, situatie, f, leden, pools, per_activiteit.get(a.id)))
        if ind is not None:
            activiteiten.append(ind)
            voorbeeld |= ind.voorbeeld
    namen = {gid: naam for gid, naam, _m in c.gebieden}
    for afw in per_gebied:
        activiteiten.append(afwijking.gebied_enkel(c, afw, namen[afw.resultaatgebied or ""], activiteiten))
    extra: list[str] = []
    for g in {g.id: g for a in c.activiteiten for g in a.gebruikelijk}.values():
        if g.uitleg and any(
            st.regel.endswith(f".gebruikelijke_hulp.{g.id}") for a in activiteiten for st in a.trace
        ):
            extra.append(g.uitleg)
    dec = c.decimalen_uren
    matrix = _matrix_van(k, situatie.peildatum)
    tr = treden.enkel(c, matrix, situatie, f, activiteiten)
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
                tr.treden.get(mrg or ""),
            )
        )
    totaal = sum(a.minuten_per_week for a in activiteiten)
    voorbeeld |= tr.voorbeeld or any(st.voorbeeld for st in tr.stappen)
    uitkomst = Indicatie(
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
        treden=tr.treden,
        trede_details=tuple(tr.details),
        tarief_per_periode=tr.tarief,
        resultatenmatrix=matrix.id if matrix else None,
        voorbeeldwaarden=voorbeeld,
        uitleg="",
        opmerkingen=tuple(extra + tr.opmerkingen),
        kader_keuze=keuze,
        trede_trace=tuple(tr.stappen),
    )
    return replace(uitkomst, uitleg=indicatie_uitleg(uitkomst, extra))


def _komma(x: float, decimalen: int | None = None) -> str:
    """A number the Dutch way (decimal comma); kept for callers of the v1 name."""
    return komma(x, decimalen)


__all__ = [
    "PER_WEEK",
    "CActiviteit",
    "CCorrectie",
    "CGebruikelijk",
    "Gecompileerd",
    "bron_tekst",
    "compileer",
    "feiten",
    "geldt",
    "indiceer",
    "niveau_van",
    "rond_af",
]
