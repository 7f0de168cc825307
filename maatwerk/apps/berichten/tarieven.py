"""The contract tariff a WMO323 prestatie is checked against (TR418, retourcode 0611), without Django.

The tariff per hour comes from the gemeente's PxQ tariff rules (``regels/tarieven/pxq/<gemeente>/``,
through :func:`maatwerk.apps.finance.tarieven.uurtarief`) for the klasse and leveringsvorm on the first
day of the prestatie. The klasse is the toewijzing's own (``Toewijzing.tariefklasse``, set from its
indicated trede when it is made); the tariff per unit follows from the iWmo unit (WJ756: 01 minuut,
04 uur). Other units are not checked.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from maatwerk.apps.finance.tarieven import uurtarief

MINUTEN_PER_EENHEID = {"01": 1, "04": 60}  # WJ756: 01 minuut, 04 uur
STANDAARD_KLASSE = "hh1"


def contracttarief(gemeente: str, eenheid: str, datum: dt.date, klasse: str = STANDAARD_KLASSE) -> int | None:
    """Tariff in cents per ``eenheid`` on ``datum``; ``None`` when this unit is not priced per time."""
    minuten = MINUTEN_PER_EENHEID.get(eenheid)
    if minuten is None:
        return None
    per_uur = Decimal(uurtarief(gemeente.lower(), klasse, "zin", datum))
    return int((per_uur * minuten / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
