"""Step 4: absolute correcties (minutes per week, or hours per year x 60 / weken_per_jaar).

A correctie fires when its ``als`` holds; with ``per`` its effect is times max(0, fact - boven) (0 means
it does not fire). With ``hoogstens_netwerk`` a deduction is never larger than the network's minutes in
the activity's categories (what the network actually gives). Within one ``groep`` only the fired
correctie with the largest absolute effect counts (first in file order on a tie). Then
subtotal += effect for each counted correctie, one by one in file order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from maatwerk.engine.gecompileerd import CCorrectie, komma
from maatwerk.engine.stappen.feiten import alle, alle_kolom, gebruikte_feiten, getal_kolom
from maatwerk.engine.stappen.toestand import Enkel, Kolommen, Rij

T = TypeVar("T")


def plus(x: float) -> str:
    return ("+" if x >= 0 else "") + komma(x, 1)


def kies_groepen(
    gevuurd: list[tuple[CCorrectie, float, T]], afstand: Callable[[float], float]
) -> list[tuple[CCorrectie, float, T]]:
    """Within each groep keep the correction with the largest ``afstand(effect)``; first one on ties."""
    beste: dict[str, tuple[CCorrectie, float, T]] = {}
    for item in gevuurd:
        g = item[0].groep
        if g is not None and (g not in beste or afstand(item[1]) > afstand(beste[g][1])):
            beste[g] = item
    return [i for i in gevuurd if i[0].groep is None or beste[i[0].groep] is i]


def kies_groepen_kolom(
    gevuurd: list[tuple[CCorrectie, Rij, Any]], afstand: Callable[[Any], Any], n: int
) -> list[Rij]:
    """Per correction the rows where it counts: per groep only the largest ``afstand`` (first on ties)."""
    beste: dict[str, tuple[Rij, Rij]] = {}
    for i, (k, vuurt, effect) in enumerate(gevuurd):
        if k.groep is None:
            continue
        maat, wie = beste.get(k.groep, (np.full(n, -np.inf), np.full(n, -1)))
        a = afstand(effect)
        beter = vuurt & (a > maat)
        beste[k.groep] = (np.where(beter, a, maat), np.where(beter, i, wie))
    return [
        vuurt if k.groep is None else vuurt & (beste[k.groep][1] == i)
        for i, (k, vuurt, _e) in enumerate(gevuurd)
    ]


def netwerk_minuten(t: Enkel) -> float:
    """The network's minutes per week in the activity's categories (before any activity used them)."""
    return sum(float(t.f.get(f"netwerk.{cat}") or 0.0) for cat in t.a.categorieen)


def enkel(t: Enkel) -> None:
    if not t.rekent:
        return
    gevuurd: list[tuple[CCorrectie, float, dict[str, Any]]] = []
    for k in t.a.absoluut:
        if not alle(k.als, t.f):
            continue
        extra: dict[str, Any] = {"aantal": 1.0}
        effect = k.waarde
        if k.per_feit is not None:
            waarde = float(t.f.get(k.per_feit) or 0)
            aantal = max(0.0, waarde - k.per_boven)
            if aantal == 0:
                if waarde > 0 and k.per_voorbeeld:
                    # the (voorbeeld) threshold decided that nothing is added: say so
                    t.voorbeeld = True
                    t.stap(
                        k.id,
                        k.bron,
                        {k.per_feit: t.f.get(k.per_feit), "drempel": k.per_boven},
                        0.0,
                        f"{k.omschrijving}: geen toeslag ({komma(waarde)} niet boven de drempel "
                        f"{k.per_boven}).",
                        True,
                    )
                continue
            extra["aantal"] = aantal
            effect = k.waarde * aantal
        if k.hoogstens_netwerk:
            netwerk = netwerk_minuten(t)
            extra["netwerk"] = netwerk
            effect = max(effect, -netwerk)
            if effect == 0:
                continue
        gevuurd.append((k, effect, extra))
    for k, effect, extra in kies_groepen(gevuurd, abs):
        t.minuten += effect
        t.voorbeeld |= k.voorbeeld
        gebruikt = gebruikte_feiten(k.als, t.f)
        tekst = f"{k.omschrijving}: {plus(effect)} minuten per week"
        if k.per_feit:
            gebruikt[k.per_feit] = t.f.get(k.per_feit)
            tekst += f" ({komma(extra['aantal'])} x {k.eenheid_tekst})"
        if k.hoogstens_netwerk:
            netwerk = extra["netwerk"]
            gebruikt |= {
                "netwerk_minuten_per_week": round(netwerk, 2),
                "norm_minuten_per_week": round(k.waarde, 2),
            }
            if effect > k.waarde:
                tekst += (
                    f" (de norm is {k.eenheid_tekst} = {komma(k.waarde, 1)} minuten per week; niet meer dan "
                    f"uw netwerk echt doet: {komma(netwerk, 1)} minuten per week)"
                )
        t.stap(k.id, k.bron, gebruikt, effect, tekst + ".", k.voorbeeld)
        if k.reden:
            t.redenen.append(k.reden)


def kolom(k: Kolommen) -> None:
    a, n = k.a, k.n
    gevuurd: list[tuple[CCorrectie, Rij, Any]] = []  # effect: a column, or one number for every row
    netwerk: Rij | None = None
    for c in a.absoluut:
        vuurt = alle_kolom(c.als, k.feiten, n)
        effect: Any
        if c.per_feit is not None:
            f = k.feiten.get(c.per_feit)
            if f is None:
                waarde = np.zeros(n)
            else:
                waarde = getal_kolom(f, c.per_feit).astype(np.float64)
                if f.aanwezig is not None:
                    waarde = np.where(f.aanwezig, waarde, 0.0)
            aantal = np.maximum(0.0, waarde - c.per_boven)
            if c.per_voorbeeld:
                k.vb |= vuurt & (aantal == 0) & (waarde > 0)
            vuurt = vuurt & (aantal != 0)
            effect = c.waarde * aantal
        else:
            effect = np.float64(c.waarde * 1.0)  # a scalar: broadcast, as fast as before
        if c.hoogstens_netwerk:
            if netwerk is None:
                netwerk = np.zeros(n)
                for cat in a.categorieen:
                    netwerk = netwerk + k.inv.netwerk[cat]
            effect = np.maximum(effect, -netwerk)
            vuurt = vuurt & (effect != 0)
        gevuurd.append((c, vuurt, effect))
    for (c, _v, effect), telt in zip(gevuurd, kies_groepen_kolom(gevuurd, np.abs, n), strict=True):
        np.add(k.m, effect, out=k.m, where=telt)  # subtotal += effect, in file order
        k.vb |= telt & c.voorbeeld
