"""Deadlines of a Zaak computed from the termijn rules, including opschorting.

``termijnen_van(zaak, vandaag)`` returns one :class:`Termijn` per applicable rule. The rules
version is the one valid on the melddatum. A suspension extends an opschortbare termijn by the
suspended days that fall within the (extended) period; an open suspension counts until today.
A term set in a law (``algemene_termijnenwet: true``) then ends on a working day: ``uiterlijk`` is the
counted date, ``laatste_dag`` the last day after the Algemene termijnenwet (:mod:`maatwerk.termijnen`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from maatwerk.termijnen import KalenderOnbekend, atw_van_toepassing, eerstvolgende_werkdag

from .models import Opschorting, Zaak
from .termijnregels import Termijnregel, termijnregels_op

BIJNA_DAGEN = 3  # "binnenkort" in the worklist: due within this many days (UI choice, not a legal value)


@dataclass(frozen=True)
class Termijn:
    id: str
    naam: str
    start: dt.date
    uiterlijk: dt.date
    opgeschorte_dagen: int
    gehaald_op: dt.date | None
    vandaag: dt.date
    regel: Termijnregel
    werklijst: bool
    opgeschort_nu: bool = False
    einddatum: dt.date | None = None  # after the Algemene termijnenwet, when the law applies it

    @property
    def laatste_dag(self) -> dt.date:
        """The last day of the term: the counted date, moved on by the Atw where it applies."""
        return self.einddatum or self.uiterlijk

    @property
    def verschoven(self) -> bool:
        return self.laatste_dag != self.uiterlijk

    @property
    def stand(self) -> str:
        """gehaald | te_laat | opgeschort (a suspension runs today) | verlopen | binnenkort | open"""
        if self.gehaald_op is not None:
            return "gehaald" if self.gehaald_op <= self.laatste_dag else "te_laat"
        if self.opgeschort_nu:
            return "opgeschort"
        if self.vandaag > self.laatste_dag:
            return "verlopen"
        if (self.laatste_dag - self.vandaag).days <= BIJNA_DAGEN:
            return "binnenkort"
        return "open"

    @property
    def stand_label(self) -> str:
        return {
            "gehaald": "op tijd",
            "te_laat": "te laat afgerond",
            "opgeschort": "opgeschort",
            "verlopen": "verlopen",
            "binnenkort": "binnenkort",
            "open": "loopt",
        }[self.stand]

    @property
    def dagen_over(self) -> int:
        return (self.laatste_dag - self.vandaag).days

    @property
    def dagen_verlopen(self) -> int:
        return max(0, -self.dagen_over)

    @property
    def is_open(self) -> bool:
        return self.gehaald_op is None


def _opgeschort(opschortingen: Iterable[Opschorting], start: dt.date, eind: dt.date, vandaag: dt.date) -> int:
    """Suspended days within [start, eind]; overlapping suspensions count once, open ones run until today."""
    stukken = sorted((max(o.van, start), min(o.tot or vandaag, eind)) for o in opschortingen)
    dagen, tot_nu = 0, start - dt.timedelta(days=1)
    for van, tot in stukken:
        van = max(van, tot_nu + dt.timedelta(days=1))
        if tot >= van:
            dagen += (tot - van).days + 1
            tot_nu = tot
    return dagen


def atw_einde(regel: Termijnregel, uiterlijk: dt.date) -> dt.date | None:
    """The last day after the Algemene termijnenwet, or None (a werkafspraak, or a year without calendar)."""
    if not regel.algemene_termijnenwet or not atw_van_toepassing(regel.weken or 0, regel.dagen or 0):
        return None
    try:
        return eerstvolgende_werkdag(uiterlijk)
    except KalenderOnbekend:
        return None


def bereken(
    regel: Termijnregel,
    start: dt.date,
    opschortingen: list[Opschorting],
    vandaag: dt.date,
    gehaald_op: dt.date | None,
) -> tuple[dt.date, int]:
    """Deadline and suspended days: extend until the suspended days inside the period are stable."""
    uiterlijk = start + regel.duur
    extra = 0
    if regel.opschortbaar and opschortingen:
        grens = gehaald_op or vandaag
        for _ in range(100):
            nieuw = _opgeschort(
                opschortingen, start, min(start + regel.duur + dt.timedelta(days=extra), grens), vandaag
            )
            if nieuw == extra:
                break
            extra = nieuw
        uiterlijk = start + regel.duur + dt.timedelta(days=extra)
    return uiterlijk, extra


def termijnen_van(
    zaak: Zaak, vandaag: dt.date | None = None, opschortingen: list[Opschorting] | None = None
) -> list[Termijn]:
    """All deadlines that apply to ``zaak`` (those whose start date is known)."""
    vandaag = vandaag or timezone.localdate()
    regels = termijnregels_op(zaak.melddatum)
    if opschortingen is None:
        opschortingen = list(zaak.opschortingen.all())
    uit = []
    for tid, regel in regels.termijnen.items():
        if regel.alleen_bij_spoed and not zaak.spoed:
            continue
        start = getattr(zaak, regel.vanaf)
        if start is None:
            continue
        gehaald_op = getattr(zaak, regel.gehaald_bij) if regel.gehaald_bij else None
        uiterlijk, extra = bereken(regel, start, opschortingen, vandaag, gehaald_op)
        nu_opgeschort = regel.opschortbaar and any(
            o.van <= vandaag <= (o.tot or vandaag) and start <= o.van <= uiterlijk for o in opschortingen
        )
        uit.append(
            Termijn(
                tid,
                regel.naam,
                start,
                uiterlijk,
                extra,
                gehaald_op,
                vandaag,
                regel,
                regel.werklijst,
                nu_opgeschort,
                atw_einde(regel, uiterlijk),
            )
        )
    return uit


def open_termijnen(
    zaak: Zaak, vandaag: dt.date | None = None, opschortingen: list[Opschorting] | None = None
) -> list[Termijn]:
    """Deadlines still to be met that belong on the worklist (none for closed cases)."""
    if zaak.is_afgesloten:
        return []
    return [
        t
        for t in termijnen_van(zaak, vandaag, opschortingen)
        if t.werklijst and t.is_open and t.regel.gehaald_bij
    ]


def opschortingen_per_zaak(zaken: list[Zaak]) -> dict[int, list[Opschorting]]:
    """The opschortingen of many zaken in one query (cheaper than prefetch_related for a list)."""
    per_zaak: dict[int, list[Opschorting]] = {z.pk: [] for z in zaken}
    if zaken:
        for o in Opschorting.objects.filter(zaak_id__in=list(per_zaak)):
            per_zaak[o.zaak_id].append(o)
    return per_zaak
