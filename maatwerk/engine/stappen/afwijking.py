"""Step 10: maatwerk by the consulent (Wmo 2015 art. 2.3.5), per activity or per resultaatgebied.

Per activity: minutes = the afwijking's ``minuten_per_week`` (int, not rounded again). Per
resultaatgebied (courts award minutes per result area): after every activity, one extra line
``resultaatgebied.<id>.afwijking`` carries the difference between the consulent's minutes and the
computed area total, so the area total is the consulent's figure and totals stay the sum of the parts.
An afwijking has no flat (batch) form: the column form changes nothing.
"""

from __future__ import annotations

from maatwerk.engine.gecompileerd import Gecompileerd
from maatwerk.engine.indicatie import ActiviteitIndicatie, Stap
from maatwerk.engine.situatie import Afwijking
from maatwerk.engine.stappen.toestand import Enkel, Kolommen

BRON = "maatwerk door de consulent (Wmo 2015 art. 2.3.5)"


def enkel(t: Enkel) -> None:
    afw = t.afwijking
    if afw is None:
        return
    t.stap(
        "afwijking",
        BRON,
        {"berekend": t.afgerond, "vastgesteld": afw.minuten_per_week, "motivatie": afw.motivatie},
        float(afw.minuten_per_week - t.afgerond),
        f"Afwijking door de consulent: {afw.minuten_per_week} in plaats van {t.afgerond} "
        f"minuten per week. Motivatie: {afw.motivatie}",
    )
    t.aftrek_redenen.append(f"de consulent maatwerk heeft toegepast: {afw.motivatie}")
    t.afgerond = afw.minuten_per_week
    t.afgeweken = True


def kolom(k: Kolommen) -> None:
    """No flat form: nothing to do."""


def gebied_enkel(
    c: Gecompileerd, afw: Afwijking, naam: str, activiteiten: list[ActiviteitIndicatie]
) -> ActiviteitIndicatie:
    """The line ``resultaatgebied.<id>.afwijking`` that sets the area to the consulent's minutes."""
    gid = afw.resultaatgebied or ""
    regel = f"resultaatgebied.{gid}.afwijking"
    berekend = sum(a.minuten_per_week for a in activiteiten if a.resultaatgebied == gid)
    verschil = afw.minuten_per_week - berekend
    gebied = naam[0].lower() + naam[1:]
    stap = Stap(
        regel,
        c.id,
        c.versie,
        BRON,
        {"berekend": berekend, "vastgesteld": afw.minuten_per_week, "motivatie": afw.motivatie},
        float(verschil),
        f"Afwijking door de consulent voor het resultaatgebied {gebied}: {afw.minuten_per_week} in plaats "
        f"van {berekend} minuten per week. Motivatie: {afw.motivatie}",
    )
    return ActiviteitIndicatie(
        id=regel,
        taak=f"Afwijking {gebied}",
        resultaatgebied=gid,
        frequentie="per week",
        frequentie_per_week=1.0,
        minuten_per_keer=float(verschil),
        minuten_per_week=verschil,
        uitleg=f"Voor {gebied} samen: {afw.minuten_per_week} minuten per week (berekend: {berekend}), "
        f"omdat de consulent maatwerk heeft toegepast: {afw.motivatie.rstrip('.')}.",
        trace=(stap,),
        afgeweken=True,
    )
