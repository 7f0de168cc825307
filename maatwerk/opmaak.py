"""Dutch texts for dates, numbers, hours and euros, shared by letters, explanations, reports and the CLI.

Pure Python, no Django. The one place where a number becomes Dutch text; rounding is half up (see below).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def lange_datum(datum: dt.date) -> str:
    """Dutch long date: ``2018-06-05`` -> ``"5 juni 2018"``."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


# --- numbers, hours and euros -----------------------------------------------------------------------
#
# Rounding, everywhere in this module: half up, i.e. a half goes away from zero (2,5 -> 3; -2,5 -> -3;
# 0,125 -> 0,13 at two decimals), applied to the number as written: a float is read through its
# shortest decimal form (``str``), so 2.675 rounds to 2,68, not to 2,67 as binary rounding would.

Getal = int | float | Decimal


def _decimaal(waarde: Getal) -> Decimal:
    d = waarde if isinstance(waarde, Decimal) else Decimal(str(waarde))
    if not d.is_finite():
        raise ValueError(f"geen eindig getal: {waarde!r}")
    return d


def afgerond(waarde: Getal, decimalen: int = 0) -> Decimal:
    """``waarde`` rounded half up (away from zero) to ``decimalen`` decimals, as a Decimal."""
    d = _decimaal(waarde).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return abs(d) if d == 0 else d  # never "-0"


def getal(
    waarde: Getal, decimalen: int = 2, *, vast: bool = False, duizendtallen: bool = False, teken: bool = False
) -> str:
    """A Dutch number: decimal comma, rounded half up to ``decimalen`` decimals.

    Trailing zeros are dropped (``3.50`` -> ``"3,5"``, ``4.0`` -> ``"4"``) unless ``vast`` (``"3,50"``);
    ``duizendtallen`` groups thousands with a dot (``12345.6`` -> ``"12.345,6"``); ``teken`` writes
    ``+`` before a positive number or zero (``"+1,5"``, ``"+0"``).
    """
    d = afgerond(waarde, decimalen)
    tekst = f"{abs(d):f}"
    heel, _, breuk = tekst.partition(".")
    if not vast:
        breuk = breuk.rstrip("0")
    if duizendtallen:
        heel = f"{int(heel):,}".replace(",", ".")
    voor = "-" if d < 0 else ("+" if teken else "")
    return f"{voor}{heel},{breuk}" if breuk else f"{voor}{heel}"


def hele_minuten(minuten: Getal, stap: int = 1) -> int:
    """Minutes rounded half up to a whole multiple of ``stap`` (37,5 -> 38; stap 5: 152,5 -> 155)."""
    if stap <= 0:
        raise ValueError(f"stap moet positief zijn (is {stap})")
    return int(afgerond(_decimaal(minuten) / stap)) * stap


def uren_en_minuten(minuten: Getal, stap: int = 1) -> str:
    """Minutes as hours and minutes: ``125`` -> ``"2 uur en 5 minuten"``, ``120`` -> ``"2 uur"``,
    ``1`` -> ``"1 minuut"``, ``0`` -> ``"0 minuten"``; first rounded half up to a multiple of ``stap``.
    """
    if minuten < 0:
        raise ValueError(f"minuten: kan niet negatief zijn (is {minuten})")
    heel, rest = divmod(hele_minuten(minuten, stap), 60)
    delen = []
    if heel:
        delen.append(f"{heel} uur")
    if rest or not heel:
        delen.append(f"{rest} {'minuut' if rest == 1 else 'minuten'}")
    return " en ".join(delen)


def uren(minuten: Getal, decimalen: int = 2) -> str:
    """Minutes as decimal hours: ``125`` -> ``"2,08 uur"``, ``90`` -> ``"1,5 uur"`` (half up)."""
    return f"{getal(_decimaal(minuten) / 60, decimalen)} uur"


def euro(bedrag: Getal | None) -> str:
    """An amount in euros, rounded half up to cents: ``1234.5`` -> ``"€ 1.234,50"``;
    negative ``"-€ 0,05"``; ``None`` -> ``"-"``."""
    if bedrag is None:
        return "-"
    d = afgerond(bedrag, 2)
    teken = "-" if d < 0 else ""
    return f"{teken}€ {getal(abs(d), 2, vast=True, duizendtallen=True)}"
