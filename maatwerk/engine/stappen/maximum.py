"""Step 8: the maximum: subtotal = min(subtotal, maximum)."""

from __future__ import annotations

from maatwerk.engine.gecompileerd import komma
from maatwerk.engine.stappen.toestand import Enkel, Kolommen


def enkel(t: Enkel) -> None:
    a = t.a
    if not t.rekent or a.maximum is None or t.minuten <= a.maximum:
        return
    effect = a.maximum - t.minuten
    t.minuten = a.maximum
    t.voorbeeld |= a.maximum_voorbeeld
    t.stap(
        "maximum",
        a.maximum_bron,
        {"maximum": a.maximum},
        effect,
        f"Maximum {komma(a.maximum)} minuten per week.",
    )


def kolom(k: Kolommen) -> None:
    if k.a.maximum is None:
        return
    boven = k.m > k.a.maximum
    k.m[boven] = k.a.maximum
    k.vb |= boven & k.a.maximum_voorbeeld
