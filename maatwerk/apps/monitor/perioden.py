"""Quarters and half years (pure Python, no Django). All ranges include both ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Soort = Literal["kwartaal", "halfjaar"]
MAANDEN: dict[str, int] = {"kwartaal": 3, "halfjaar": 6}


@dataclass(frozen=True, slots=True, order=True)
class Periode:
    van: dt.date
    tot: dt.date  # inclusive
    naam: str

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1


def _begin(datum: dt.date, maanden: int) -> dt.date:
    return dt.date(datum.year, (datum.month - 1) // maanden * maanden + 1, 1)


def _einde(begin: dt.date, maanden: int) -> dt.date:
    maand = begin.month + maanden
    jaar = begin.year + (maand - 1) // 12
    return dt.date(jaar, (maand - 1) % 12 + 1, 1) - dt.timedelta(days=1)


def naam(begin: dt.date, soort: Soort) -> str:
    """'2026-K3' for a quarter, '2026-H2' for a half year."""
    nummer = (begin.month - 1) // MAANDEN[soort] + 1
    return f"{begin.year}-{'K' if soort == 'kwartaal' else 'H'}{nummer}"


def periode_van(datum: dt.date, soort: Soort = "kwartaal") -> Periode:
    """The quarter or half year that contains ``datum``."""
    if soort not in MAANDEN:
        raise ValueError(f"onbekende periode '{soort}'; kies kwartaal of halfjaar")
    begin = _begin(datum, MAANDEN[soort])
    return Periode(begin, _einde(begin, MAANDEN[soort]), naam(begin, soort))


def perioden(van: dt.date, tot: dt.date, soort: Soort = "kwartaal") -> list[Periode]:
    """The quarters or half years that overlap [van, tot], clipped to that range, in order."""
    if tot < van:
        raise ValueError(f"de einddatum ({tot.isoformat()}) ligt vóór de begindatum ({van.isoformat()})")
    uit = []
    p = periode_van(van, soort)
    while p.van <= tot:
        uit.append(Periode(max(p.van, van), min(p.tot, tot), p.naam))
        p = periode_van(p.tot + dt.timedelta(days=1), soort)
    return uit
