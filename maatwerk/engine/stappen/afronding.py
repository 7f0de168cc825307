"""Step 9: rounding to whole minutes per week.

x = round(subtotal, 6); with stap s: omhoog ceil(x / s) x s, dichtstbij floor(x / s + 0.5) x s, omlaag
floor(x / s) x s -> int minutes. Totals are sums of these int minutes, so they always add up.
"""

from __future__ import annotations

import math

import numpy as np

from maatwerk.engine.gecompileerd import komma
from maatwerk.engine.stappen.toestand import Enkel, Kolommen, Rij


def rond_af(x: float, stap: int, richting: str) -> int:
    """The kader's rounding of minutes per week (single form)."""
    x = round(x, 6)
    if richting == "omhoog":
        return int(math.ceil(x / stap) * stap)
    if richting == "omlaag":
        return int(math.floor(x / stap) * stap)
    return int(math.floor(x / stap + 0.5) * stap)


def py_round(x: Rij, decimalen: int) -> Rij:
    """Python's ``round(x, decimalen)`` element-wise, bit for bit.

    ``rint(x * 10**d) / 10**d`` gives the float nearest to the chosen decimal (IEEE division is correctly
    rounded, like CPython's conversion), so it only differs from Python where ``x * 10**d`` was rounded
    across or onto a half: those rows (rare) are redone with Python's ``round``.
    """
    x = np.asarray(x, dtype=np.float64)
    p = 10.0**decimalen
    y = x * p
    r = np.rint(y)
    uit: Rij = r / p
    if len(y):
        marge = 4 * np.spacing(max(abs(float(r.max())), abs(float(r.min()))) + 1.0)  # >= error of x * p
        np.subtract(y, r, out=y)
        np.abs(y, out=y)
        twijfel = y >= 0.5 - marge
        if twijfel.any():
            idx = np.flatnonzero(twijfel)
            uit[idx] = [round(float(w), decimalen) for w in x[idx]]
    return uit


def rond_af_kolom(x: Rij, stap: int, richting: str) -> Rij:
    """:func:`rond_af` column-wise: int minutes per week."""
    x = py_round(x, 6)
    q = x / stap
    if richting == "omhoog":
        r = np.ceil(q)
    elif richting == "omlaag":
        r = np.floor(q)
    else:
        r = np.floor(q + 0.5)
    uit: Rij = (r * stap).astype(np.int64)
    return uit


def enkel(t: Enkel) -> None:
    c = t.c
    t.voor_afronding = t.minuten
    t.afgerond = rond_af(t.minuten, c.afronding_stap, c.afronding_richting)
    if t.van_toepassing and t.afgerond != t.minuten:
        t.stap(
            "afronding",
            c.afronding_bron,
            {"stap_minuten": c.afronding_stap, "richting": c.afronding_richting},
            t.afgerond - t.minuten,
            f"Afgerond ({c.afronding_richting}, op {c.afronding_stap} minuut): {komma(t.minuten, 2)} → "
            f"{t.afgerond} minuten per week.",
            kader_regel=True,
        )


def kolom(k: Kolommen) -> None:
    k.afgerond = np.where(k.reken, rond_af_kolom(k.m, k.c.afronding_stap, k.c.afronding_richting), 0)
