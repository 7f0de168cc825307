"""The status train as the inwoner sees it: steps from the portal rules, with where the zaak stands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .regels import Portaalregels, Stap

KLAAR, NU, STRAKS = "klaar", "nu", "straks"


@dataclass(frozen=True)
class Treinstap:
    id: str
    titel: str
    uitleg: str
    stand: str  # klaar | nu | straks
    datum: dt.date | None

    @property
    def stand_tekst(self) -> str:
        """For screen readers and the text version: what the stand means."""
        return {KLAAR: "klaar", NU: "hier bent u nu", STRAKS: "nog niet"}[self.stand]


def huidige_stap(regels: Portaalregels, status: str, events: Iterable[tuple[str, dt.date]]) -> Stap:
    """The step the zaak is in: its status's step, or (for a status not shown) the last shown one."""
    stap = regels.stap_van(status)
    if stap is not None:
        return stap
    laatste = regels.stappen[0]
    for naar, _ in events:
        zichtbaar = regels.stap_van(naar)
        if zichtbaar is not None:
            laatste = zichtbaar
    return laatste


def statustrein(regels: Portaalregels, status: str, events: Iterable[tuple[str, dt.date]]) -> list[Treinstap]:
    """The steps in order with their stand; ``events`` are (status, date) in time order.

    An end step (afgewezen, ingetrokken) follows the steps actually reached; otherwise every step of the
    train is shown, those after the current one as still to come.
    """
    events = list(events)
    datums: dict[str, dt.date] = {}
    for naar, datum in events:
        stap = regels.stap_van(naar)
        if stap is not None:
            datums.setdefault(stap.id, datum)
    nu = huidige_stap(regels, status, events)
    if regels.is_eindstap(nu):
        trein = [s for s in regels.stappen if s.id in datums] + [nu]
    else:
        trein = list(regels.stappen)
    index = next(i for i, s in enumerate(trein) if s.id == nu.id)
    return [
        Treinstap(
            s.id,
            s.titel,
            s.uitleg,
            KLAAR if i < index else NU if i == index else STRAKS,
            datums.get(s.id) if i <= index else None,
        )
        for i, s in enumerate(trein)
    ]
