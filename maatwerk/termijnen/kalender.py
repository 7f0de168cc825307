"""The Algemene termijnenwet calendar: feestdagen per year, working days, the next non-holiday (no Django).

Which days count is data (``regels/feestdagen/``); Easter is computed here. A year that no
gelijkstellingsbesluit (Atw art. 3 lid 3) covers is refused with :class:`KalenderOnbekend`: a missing
decree would silently give a deadline one day too early.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from maatwerk.regels.laden import Regelfout

from .regels import feestdagen_op

ZATERDAG, ZONDAG = 5, 6
EEN_DAG = dt.timedelta(days=1)


class KalenderOnbekend(ValueError):
    """The Atw calendar of this year is not in the rules; ``str()`` is the Dutch reason."""


def pasen(jaar: int) -> dt.date:
    """Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(jaar, maand, dag + 1)


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> dict[dt.date, str]:
    """The Atw feestdagen and equated days of ``jaar`` (date -> name)."""
    try:
        regels = feestdagen_op(dt.date(jaar, 1, 1))
    except Regelfout:
        raise KalenderOnbekend(
            f"De feestdagen volgens de Algemene termijnenwet zijn niet vastgelegd voor {jaar} "
            "(maatwerk/regels/feestdagen/)."
        ) from None
    besluit = next((g for g in regels.gelijkgesteld if jaar in g.jaren), None)
    if besluit is None:
        raise KalenderOnbekend(
            f"Geen gelijkstellingsbesluit (Algemene termijnenwet art. 3 lid 3) bekend voor {jaar}; "
            "voeg het toe aan maatwerk/regels/feestdagen/."
        )
    dagen: dict[dt.date, str] = {}
    for v in regels.vast:
        dagen[dt.date(jaar, v.maand, v.dag)] = v.naam
    paasdag = pasen(jaar)
    for p in regels.pasen:
        dagen[paasdag + dt.timedelta(days=p.dagen)] = p.naam
    k = regels.koningsdag
    koningsdag = dt.date(jaar, k.maand, k.dag)
    if koningsdag.weekday() == ZONDAG:
        koningsdag += dt.timedelta(days=k.op_zondag_verschuiven)
    dagen[koningsdag] = "Koningsdag"
    for d in (d for d in besluit.dagen if d.year == jaar):
        dagen.setdefault(d, "gelijkgestelde dag (Atw art. 3 lid 3)")
    return dagen


def feestdag(datum: dt.date) -> str | None:
    """The name of the Atw feestdag on ``datum``, or None."""
    return feestdagen(datum.year).get(datum)


def reden_geen_werkdag(datum: dt.date) -> str | None:
    """Why ``datum`` is not a working day in the sense of the Atw (zaterdag, zondag, a feestdag), or None."""
    if datum.weekday() == ZATERDAG:
        return "zaterdag"
    if datum.weekday() == ZONDAG:
        return "zondag"
    return feestdag(datum)


def is_werkdag(datum: dt.date) -> bool:
    """Not a Saturday, Sunday or algemeen erkende feestdag (including equated days)."""
    return reden_geen_werkdag(datum) is None


def eerstvolgende_werkdag(datum: dt.date) -> dt.date:
    """``datum`` itself when it is a working day, else the next one (Atw art. 1 lid 1)."""
    while not is_werkdag(datum):
        datum += EEN_DAG
    return datum


def werkdagen_na(datum: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``datum`` (``n == 0`` gives ``datum``); e.g. iWmo answer deadlines."""
    if n < 0:
        raise ValueError("het aantal werkdagen kan niet negatief zijn")
    while n:
        datum += EEN_DAG
        if is_werkdag(datum):
            n -= 1
    return datum


def werkdagen_tussen(van: dt.date, tot_en_met: dt.date) -> int:
    """Number of working days in ``[van, tot_en_met]``."""
    dagen, d = 0, van
    while d <= tot_en_met:
        dagen += is_werkdag(d)
        d += EEN_DAG
    return dagen
