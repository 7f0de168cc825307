"""Pure BSN check (elfproef). No Django import: usable from engines and scripts.

A burgerservicenummer has 9 digits d1..d9 and is valid when
``9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9`` is divisible by 11
and not 0 (the all-zero number is not a BSN).
"""

from __future__ import annotations

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def bsn_som(cijfers: str) -> int:
    """Weighted sum of the 11-proef for a 9-digit string."""
    return sum(int(c) * w for c, w in zip(cijfers, _GEWICHTEN, strict=True))


def is_geldig_bsn(s: str) -> bool:
    """True when ``s`` is exactly 9 digits (no spaces) and passes the 11-proef."""
    if not isinstance(s, str) or len(s) != 9 or not s.isascii() or not s.isdigit():
        return False
    som = bsn_som(s)
    return som != 0 and som % 11 == 0


def maak_bsn(basis: int) -> str:
    """Deterministic valid synthetic BSN derived from ``basis`` (for demo data and tests).

    The first 8 digits come from ``basis``; the 9th is chosen so the 11-proef holds.
    Bases whose check digit would be 10 move on to the next base.
    """
    n = basis
    while True:
        acht = f"{n % 10**8:08d}"
        rest = sum(int(c) * w for c, w in zip(acht, _GEWICHTEN[:8], strict=True)) % 11
        if rest != 10 and acht != "00000000":
            kandidaat = acht + str(rest)
            if is_geldig_bsn(kandidaat):
                return kandidaat
        n += 1
