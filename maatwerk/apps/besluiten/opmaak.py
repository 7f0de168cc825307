"""Plain-Dutch formatting of minutes, hours, numbers and dates for letters (pure Python)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from maatwerk.opmaak import lange_datum


def hele_minuten(minuten: float | Decimal) -> int:
    """Round minutes half up to whole minutes (37.5 -> 38), as shown to the client."""
    if minuten < 0:
        raise ValueError(f"minuten: kan niet negatief zijn (is {minuten})")
    return int(Decimal(str(minuten)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def minuten_tekst(minuten: float | Decimal) -> str:
    """``75`` -> ``"1 uur en 15 minuten"``; ``1`` -> ``"1 minuut"``; ``120`` -> ``"2 uur"``."""
    totaal = hele_minuten(minuten)
    uren, rest = divmod(totaal, 60)
    delen = []
    if uren:
        delen.append(f"{uren} uur")
    if rest or not uren:
        delen.append(f"{rest} {'minuut' if rest == 1 else 'minuten'}")
    return " en ".join(delen)


def getal(waarde: float | Decimal, decimalen: int = 2) -> str:
    """Dutch number: decimal comma, trailing zeros dropped (``3.50`` -> ``"3,5"``, ``4.0`` -> ``"4"``)."""
    d = Decimal(str(waarde)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)
    tekst = f"{d:f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


def uren_tekst(minuten: float | Decimal) -> str:
    """Minutes as decimal hours in Dutch: ``90`` -> ``"1,5 uur"``."""
    return f"{getal(Decimal(hele_minuten(minuten)) / 60)} uur"


def datum_tekst(datum: dt.date | None) -> str:
    """``2026-11-23`` -> ``"23 november 2026"``; None -> ``"(geen)"``."""
    if datum is None:
        return "(geen)"
    return lange_datum(datum)
