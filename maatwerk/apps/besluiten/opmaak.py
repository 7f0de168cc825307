"""Plain-Dutch formatting of minutes, hours, numbers and dates for letters (pure Python).

The texts themselves live in :mod:`maatwerk.opmaak`; these are the letter's names for them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk import opmaak
from maatwerk.opmaak import getal, lange_datum

__all__ = ["datum_tekst", "getal", "hele_minuten", "minuten_tekst", "uren_tekst"]


def hele_minuten(minuten: float | Decimal) -> int:
    """Round minutes half up to whole minutes (37.5 -> 38), as shown to the client."""
    if minuten < 0:
        raise ValueError(f"minuten: kan niet negatief zijn (is {minuten})")
    return opmaak.hele_minuten(minuten)


def minuten_tekst(minuten: float | Decimal) -> str:
    """``75`` -> ``"1 uur en 15 minuten"``; ``1`` -> ``"1 minuut"``; ``120`` -> ``"2 uur"``."""
    return opmaak.uren_en_minuten(minuten)


def uren_tekst(minuten: float | Decimal) -> str:
    """Minutes as decimal hours in Dutch: ``90`` -> ``"1,5 uur"`` (whole minutes first, as in the letter)."""
    return opmaak.uren(hele_minuten(minuten))


def datum_tekst(datum: dt.date | None) -> str:
    """``2026-11-23`` -> ``"23 november 2026"``; None -> ``"(geen)"``."""
    if datum is None:
        return "(geen)"
    return lange_datum(datum)
