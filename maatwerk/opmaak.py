"""Dutch date formatting shared by letters, explanations and reports (pure Python, no Django)."""

from __future__ import annotations

import datetime as dt

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
