"""Step 5: factor correcties, then the floor of 0.

A factor correctie fires when its ``als`` holds; per ``groep`` only the one farthest from 1 counts (first
on a tie). subtotal *= factor, one by one in file order. Then subtotal = max(0, subtotal).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from maatwerk.engine.gecompileerd import CCorrectie, komma
from maatwerk.engine.stappen.correcties import kies_groepen, kies_groepen_kolom, plus
from maatwerk.engine.stappen.feiten import alle, alle_kolom, gebruikte_feiten
from maatwerk.engine.stappen.toestand import Enkel, Kolommen, Rij


def enkel(t: Enkel) -> None:
    if not t.rekent:
        return
    gevuurd = [(k, k.waarde, None) for k in t.a.factoren if alle(k.als, t.f)]
    for k, factor, _ in kies_groepen(gevuurd, lambda x: abs(x - 1)):
        effect = t.minuten * factor - t.minuten
        t.minuten *= factor
        t.voorbeeld |= k.voorbeeld
        t.stap(
            k.id,
            k.bron,
            gebruikte_feiten(k.als, t.f),
            effect,
            f"{k.omschrijving}: x {komma(factor)} ({plus(effect)} minuten per week).",
            k.voorbeeld,
        )
        if k.reden:
            t.redenen.append(k.reden)
    if t.minuten < 0:
        t.stap(
            "ondergrens",
            "kader: minuten worden nooit negatief",
            {},
            -t.minuten,
            "Ondergrens: niet minder dan 0 minuten per week.",
        )
        t.minuten = 0.0


def kolom(k: Kolommen) -> None:
    gevuurd: list[tuple[CCorrectie, Rij, Any]] = [
        (c, alle_kolom(c.als, k.feiten, k.n), np.float64(c.waarde)) for c in k.a.factoren
    ]
    for (c, _v, _f), telt in zip(
        gevuurd, kies_groepen_kolom(gevuurd, lambda x: np.abs(x - 1), k.n), strict=True
    ):
        np.multiply(k.m, c.waarde, out=k.m, where=telt)
        k.vb |= telt & c.voorbeeld
    np.maximum(k.m, 0.0, out=k.m)
