"""Step 3: normtijd and frequentie.

basis = ``normtijd.minuten`` x frequentie per week (dag 7, week 1, twee_weken 0.5, maand 12/52, jaar 1/52),
or ``normtijd.uren_per_jaar`` x 60 / ``weken_per_jaar``. An activity's ``varianten`` are tried in file
order: the first whose ``als`` holds gives the frequentie (and the normtijd, when it has one), e.g.
fortnightly visits of 150 minutes for a client with veel eigen kracht. The frequentie cites its own
source (the kader's, never another framework's).
"""

from __future__ import annotations

import numpy as np

from maatwerk.engine.gecompileerd import CNorm, komma
from maatwerk.engine.stappen.feiten import alle, alle_kolom, gebruikte_feiten
from maatwerk.engine.stappen.toepassing import NIVEAU_TEKST
from maatwerk.engine.stappen.toestand import Enkel, Kolommen


def kies(t: Enkel) -> CNorm:
    """The norm that applies: the first variant whose voorwaarden hold, else the activity's own."""
    for v in t.a.varianten:
        if alle(v.als, t.f):
            return v.norm
    return t.a.norm


def enkel(t: Enkel) -> None:
    t.norm = kies(t)
    if not t.rekent:
        return
    norm = t.norm
    variant = next((v for v in t.a.varianten if v.norm is norm), None)
    t.minuten = norm.basis
    t.voorbeeld |= norm.voorbeeld
    feiten = {"niveau": t.niveau, **{k: getattr(t.s.beperkingen, k) for k in t.a.categorieen}}
    tekst = f"Normtijd: {norm.basis_tekst} = {komma(norm.basis, 1)} minuten per week."
    if variant is not None:
        feiten |= gebruikte_feiten(variant.als, t.f)
        tekst = (
            f"Normtijd ({variant.omschrijving}): {norm.basis_tekst} = {komma(norm.basis, 1)} "
            "minuten per week."
        )
    t.stap("normtijd", norm.bron, feiten, norm.basis, tekst, norm.voorbeeld)
    t.redenen.append(NIVEAU_TEKST[t.niveau])
    if variant is not None and variant.reden:
        t.redenen.append(variant.reden)
    if t.a.reden:
        t.redenen.append(t.a.reden)


def kolom(k: Kolommen) -> None:
    a = k.a
    k.m = np.full(k.n, a.norm.basis)
    k.vb = np.full(k.n, a.norm.voorbeeld)
    if a.varianten:
        open_ = np.ones(k.n, bool)
        for v in a.varianten:
            raak = open_ & alle_kolom(v.als, k.feiten, k.n)
            k.m[raak] = v.norm.basis
            k.vb[raak] = v.norm.voorbeeld
            open_ &= ~raak
