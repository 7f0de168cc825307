"""Campaign planning: in which order and week each client is visited. Pure Python, no Django.

Strategies (``STRATEGIEEN``):

- ``einddatum``: the old indication that ends first is re-assessed first (no indication lapses unseen);
  open-ended indications last.
- ``risico``: lowest risk first, so that providers can start "uitmiddelen" over a mixed caseload and the
  campaign learns before the hard cases (risk = expected decrease in hours, age 80+, unknown old hours,
  a premature bezwaar, criteria for aanvullende ondersteuning; weights in :class:`Risicogewichten`).
- ``laagste_wijziging_eerst``: smallest simulated change first (without a simulation: lowest old hours).
- ``steekproef_eerst``: a random sample (``steekproef`` fraction, fixed ``seed``) first to check the
  framework on the whole population, then the rest by einddatum.

There is deliberately no "highest old indication first": Westland started with the highest old indications
in 2019 and the RadarAdvies report calls that choice "achteraf een hele ongelukkige" — providers could not
average out (middelen) and the first wave was exactly the group that lost most, which stopped the whole
campaign after 88 clients (westland-radaradvies-herindicatie-hbh-2019.txt §5.3.3 and conclusion 1).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

STRATEGIEEN: tuple[str, ...] = ("einddatum", "risico", "laagste_wijziging_eerst", "steekproef_eerst")


@dataclass(frozen=True)
class Planclient:
    """What planning needs of one client (no personal data beyond dates)."""

    caseload_id: int
    einddatum_oud: dt.date | None
    oude_uren: Decimal | None
    verschil_uren: Decimal | None = None  # simulated new minus old, None = not simulated / unknown
    leeftijd: int = 0
    prematuur_bezwaar: bool = False
    aanvullende_ondersteuning: bool = False


@dataclass(frozen=True)
class Risicogewichten:
    """Weights of the planning risk score (a planning heuristic, not a legal rule)."""

    per_uur_daling: Decimal = Decimal(1)
    leeftijd_vanaf: int = 80
    leeftijd: Decimal = Decimal(1)
    oude_uren_onbekend: Decimal = Decimal(1)
    prematuur_bezwaar: Decimal = Decimal(2)
    aanvullende_ondersteuning: Decimal = Decimal(1)


def risico(c: Planclient, g: Risicogewichten = Risicogewichten()) -> Decimal:
    """Risk score of a client: higher = more likely to object or to lose the result."""
    # Without a simulation the old hours are the best proxy of what can be lost.
    daling = max(Decimal(0), -c.verschil_uren) if c.verschil_uren is not None else c.oude_uren or Decimal(0)
    score = daling * g.per_uur_daling
    score += g.leeftijd if c.leeftijd >= g.leeftijd_vanaf else 0
    score += g.oude_uren_onbekend if c.oude_uren is None else 0
    score += g.prematuur_bezwaar if c.prematuur_bezwaar else 0
    score += g.aanvullende_ondersteuning if c.aanvullende_ondersteuning else 0
    return score


def _op_einddatum(c: Planclient) -> tuple[int, dt.date, int]:
    return (c.einddatum_oud is None, c.einddatum_oud or dt.date.max, c.caseload_id)


def orden(
    clients: list[Planclient],
    strategie: str,
    *,
    seed: int = 2019,
    steekproef: float = 0.1,
    gewichten: Risicogewichten = Risicogewichten(),
) -> list[Planclient]:
    """Clients in visiting order for ``strategie``."""
    if strategie == "einddatum":
        return sorted(clients, key=_op_einddatum)
    if strategie == "risico":
        return sorted(clients, key=lambda c: (risico(c, gewichten), *_op_einddatum(c)))
    if strategie == "laagste_wijziging_eerst":

        def wijziging(c: Planclient) -> Decimal:
            if c.verschil_uren is not None:
                return abs(c.verschil_uren)
            return c.oude_uren if c.oude_uren is not None else Decimal(10**6)

        return sorted(clients, key=lambda c: (wijziging(c), *_op_einddatum(c)))
    if strategie == "steekproef_eerst":
        if not 0 < steekproef <= 1:
            raise ValueError("steekproef moet tussen 0 en 1 liggen")
        gesorteerd = sorted(clients, key=lambda c: c.caseload_id)
        aantal = max(1, round(len(gesorteerd) * steekproef)) if gesorteerd else 0
        gekozen = {c.caseload_id for c in random.Random(seed).sample(gesorteerd, aantal)}
        eerst = sorted((c for c in gesorteerd if c.caseload_id in gekozen), key=_op_einddatum)
        rest = sorted((c for c in gesorteerd if c.caseload_id not in gekozen), key=_op_einddatum)
        return eerst + rest
    raise ValueError(f"onbekende strategie {strategie!r}; kies uit: {', '.join(STRATEGIEEN)}")


@dataclass(frozen=True)
class Week:
    nummer: int
    van: dt.date
    tot_en_met: dt.date
    caseload_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    strategie: str
    capaciteit_per_week: int
    start: dt.date
    weken: list[Week]
    te_laat: list[int]  # caseload ids whose old indication ends before their visit week starts

    @property
    def klaar_op(self) -> dt.date | None:
        """Last day of the last week in which a client is visited."""
        return self.weken[-1].tot_en_met if self.weken else None

    def as_json(self) -> list[dict]:
        return [
            {
                "week": w.nummer,
                "van": w.van.isoformat(),
                "tot_en_met": w.tot_en_met.isoformat(),
                "caseload_ids": w.caseload_ids,
            }
            for w in self.weken
        ]


def plan(
    clients: list[Planclient],
    strategie: str,
    capaciteit_per_week: int,
    start: dt.date,
    *,
    seed: int = 2019,
    steekproef: float = 0.1,
) -> Plan:
    """A calendar of weeks from ``start`` (week 1 = start .. start + 6 days), ``capaciteit_per_week`` each."""
    if capaciteit_per_week < 1:
        raise ValueError("capaciteit moet minstens 1 cliënt per week zijn")
    volgorde = orden(clients, strategie, seed=seed, steekproef=steekproef)
    weken, te_laat = [], []
    for i in range(0, len(volgorde), capaciteit_per_week):
        nummer = i // capaciteit_per_week + 1
        van = start + dt.timedelta(weeks=nummer - 1)
        groep = volgorde[i : i + capaciteit_per_week]
        weken.append(Week(nummer, van, van + dt.timedelta(days=6), [c.caseload_id for c in groep]))
        te_laat.extend(c.caseload_id for c in groep if c.einddatum_oud is not None and c.einddatum_oud < van)
    return Plan(strategie, capaciteit_per_week, start, weken, te_laat)
