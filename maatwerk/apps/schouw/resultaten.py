"""Schouw results per provider per quarter and the signal below the threshold (pure Python, no Django)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


def kwartaal(datum: dt.date) -> str:
    """'2026-K3' for a date in July-September 2026."""
    return f"{datum.year}-K{(datum.month - 1) // 3 + 1}"


@dataclass(frozen=True, slots=True)
class Uitslag:
    """One completed schouw: provider, date and the number of points judged voldoende / onvoldoende."""

    aanbieder: str
    datum: dt.date
    voldoende: int
    onvoldoende: int


@dataclass(frozen=True, slots=True)
class Resultaat:
    aanbieder: str
    kwartaal: str
    schouwen: int
    voldoende: int
    onvoldoende: int
    signaal: bool

    @property
    def beoordeeld(self) -> int:
        return self.voldoende + self.onvoldoende

    @property
    def percentage_voldoende(self) -> float | None:
        return round(100 * self.voldoende / self.beoordeeld, 1) if self.beoordeeld else None


def per_aanbieder_per_kwartaal(
    uitslagen: Iterable[Uitslag], minimum_percentage: float, minimum_schouwen: int
) -> list[Resultaat]:
    """Totals per (provider, quarter), sorted; ``signaal`` when there are enough schouwen and the share
    of points judged voldoende is below ``minimum_percentage`` (points 'niet van toepassing' do not count)."""
    totalen: dict[tuple[str, str], list[int]] = {}
    for u in uitslagen:
        t = totalen.setdefault((u.aanbieder, kwartaal(u.datum)), [0, 0, 0])
        t[0] += 1
        t[1] += u.voldoende
        t[2] += u.onvoldoende
    uit = []
    for (aanbieder, kw), (n, vol, onv) in sorted(totalen.items()):
        beoordeeld = vol + onv
        signaal = n >= minimum_schouwen and beoordeeld > 0 and 100 * vol / beoordeeld < minimum_percentage
        uit.append(Resultaat(aanbieder, kw, n, vol, onv, signaal))
    return uit
