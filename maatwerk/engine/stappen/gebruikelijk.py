"""Step 6: gebruikelijke hulp.

aandeel = max over household members and rules where the member's rol is in ``rollen``, its age on the
peildatum is in [leeftijd_vanaf, leeftijd_tot), ``kan_meedoen`` matches, the rule's categories intersect
the activity's, and none of ``vervalt_bij`` is true. subtotal = subtotal + (-(subtotal x aandeel)) (this
exact float expression).
"""

from __future__ import annotations

from typing import get_args

import numpy as np

from maatwerk.engine.gecompileerd import CGebruikelijk, Gecompileerd
from maatwerk.engine.plat import MAX_LEDEN
from maatwerk.engine.situatie import Meedoen
from maatwerk.engine.stappen.correcties import plus
from maatwerk.engine.stappen.feiten import ROLLEN
from maatwerk.engine.stappen.toestand import Enkel, Invoer, Kolommen, Rij

MEEDOEN: tuple[str, ...] = get_args(Meedoen)


def enkel(t: Enkel) -> None:
    if not t.rekent:
        return
    beste: tuple[float, CGebruikelijk, tuple[str, int, str]] | None = None
    for rol, jaren, meedoen in t.leden:
        for g in t.a.gebruikelijk:
            if (
                rol in g.rollen
                and jaren >= g.vanaf
                and (g.tot is None or jaren < g.tot)
                and meedoen in g.kan_meedoen
                and not any(t.f.get(x) for x in g.vervalt_bij)
                and (beste is None or g.aandeel > beste[0])
            ):
                beste = (g.aandeel, g, (rol, jaren, meedoen))
    if beste is None or beste[0] <= 0:
        return
    aandeel, g, (rol, jaren, meedoen) = beste
    effect = -t.minuten * aandeel
    t.minuten += effect
    t.voorbeeld |= g.voorbeeld
    t.stap(
        f"gebruikelijke_hulp.{g.id}",
        g.bron,
        {"rol": rol, "leeftijd": jaren, "kan_meedoen": meedoen, "aandeel": aandeel},
        effect,
        f"Gebruikelijke hulp ({g.omschrijving}): {aandeel:.0%} van de taak "
        f"neemt uw {rol} ({jaren} jaar) over ({plus(effect)} minuten per week)."
        + (f" {g.uitleg}" if g.uitleg else ""),
        g.voorbeeld,
    )
    t.aftrek_redenen.append(
        f"uw {rol} {'alles' if aandeel >= 1 else 'een deel'} kan overnemen (gebruikelijke hulp)"
    )


def match_kolom(c: Gecompileerd, inv: Invoer, leden_leeftijd: Rij) -> dict[str, tuple[Rij, ...]]:
    """Per gebruikelijke-hulp rule: per household member, where the member matches it (once per block)."""
    uit: dict[str, tuple[Rij, ...]] = {}
    for a in c.activiteiten:
        for g in a.gebruikelijk:
            if g.id in uit:
                continue
            vervalt = np.zeros(inv.n, bool)
            for x in g.vervalt_bij:
                if x in inv.omstandigheid:
                    vervalt |= inv.omstandigheid[x]
            rollen = np.zeros(len(ROLLEN) + 1, bool)  # code -1 (no member) reads the last: False
            rollen[[ROLLEN.index(r) for r in g.rollen]] = True
            meedoen = np.array([m in g.kan_meedoen for m in MEEDOEN])
            m = rollen[inv.rol] & (leden_leeftijd >= g.vanaf) & meedoen[inv.meedoen]
            if g.tot is not None:
                m &= leden_leeftijd < g.tot
            m &= ~vervalt
            uit[g.id] = tuple(m)
    return uit


def _aandeel(k: Kolommen) -> tuple[Rij, Rij]:
    """(aandeel, voorbeeld) of the winning rule per row: the largest aandeel, first (member, rule) on ties."""
    a, n, match = k.a, k.n, k.match
    aandeel = np.zeros(n)
    for g in a.gebruikelijk:
        raak = np.zeros(n, bool)
        for lid in match[g.id]:
            raak |= lid
        aandeel = np.where(raak & (g.aandeel > aandeel), g.aandeel, aandeel)
    voorbeeld = np.zeros(n, bool)
    per_aandeel: dict[float, set[bool]] = {}
    for g in a.gebruikelijk:
        per_aandeel.setdefault(g.aandeel, set()).add(g.voorbeeld)
    if all(len(v) == 1 for v in per_aandeel.values()):
        for waarde, vb in per_aandeel.items():
            if vb == {True}:
                voorbeeld |= aandeel == waarde
    else:  # rules with equal aandeel but different voorbeeld: the first (member, rule) pair decides
        open_ = np.ones(n, bool)
        for i in range(MAX_LEDEN):
            for g in a.gebruikelijk:
                kies = open_ & match[g.id][i] & (aandeel == g.aandeel)
                voorbeeld |= kies & g.voorbeeld
                open_ &= ~kies
    return aandeel, voorbeeld & (aandeel > 0)


def kolom(k: Kolommen) -> None:
    # m + (-m x aandeel); with aandeel 0 that adds -0.0, which changes nothing
    if k.a.gebruikelijk:
        aandeel, gvb = _aandeel(k)
        k.m += (-k.m) * aandeel
        k.vb |= gvb
