"""Store and read the caseload in the database (Django). All-or-nothing, idempotent, audited."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.clients.models import Client

from .invoer import CaseloadRij
from .models import CaseloadClient
from .nulmeting import Clientregel

VELDEN = (
    "client_id",
    "geboortedatum",
    "uren_per_week_oud",
    "klasse_oud",
    "leveringsvorm",
    "aanbieder_naam",
    "aanbieder_id",
    "ingangsdatum_oud",
    "einddatum_oud",
    "situatie",
    "bronbestand",
    "bronrij",
)
BLOK = 500  # rows per query: stays under SQLite's variable limit


@dataclass(frozen=True)
class Importresultaat:
    nieuw: int
    gewijzigd: int
    ongewijzigd: int
    gekoppeld_aan_client: int

    @property
    def totaal(self) -> int:
        return self.nieuw + self.gewijzigd + self.ongewijzigd


def _blokken(waarden: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(waarden), BLOK):
        yield waarden[i : i + BLOK]


def importeer(
    rijen: list[CaseloadRij],
    bronbestand: str,
    gebruiker: Any = None,
    voortgang: Callable[[int], None] | None = None,
) -> Importresultaat:
    """Insert or update every row in one transaction; unchanged rows are left alone (idempotent)."""
    bsns = [r.bsn for r in rijen]
    with transaction.atomic():
        bestaand: dict[str, CaseloadClient] = {}
        clients: dict[str, int] = {}
        for blok in _blokken(bsns):
            bestaand.update({c.bsn: c for c in CaseloadClient.objects.filter(bsn__in=blok)})
            clients.update(dict(Client.objects.filter(bsn__in=blok).values_list("bsn", "pk")))
        aanbieders = _aanbieders({r.aanbieder for r in rijen if r.aanbieder})
        nieuw, gewijzigd = [], []
        for i, rij in enumerate(rijen, 1):
            waarden = {
                "client_id": clients.get(rij.bsn),
                "geboortedatum": rij.geboortedatum,
                "uren_per_week_oud": rij.uren_per_week_oud,
                "klasse_oud": rij.klasse_oud,
                "leveringsvorm": rij.leveringsvorm,
                "aanbieder_naam": rij.aanbieder,
                "aanbieder_id": aanbieders.get(rij.aanbieder),
                "ingangsdatum_oud": rij.ingangsdatum_oud,
                "einddatum_oud": rij.einddatum_oud,
                "situatie": rij.situatie,
                "bronbestand": bronbestand,
                "bronrij": rij.rij,
            }
            oud = bestaand.get(rij.bsn)
            if oud is None:
                nieuw.append(CaseloadClient(bsn=rij.bsn, **waarden))
            elif any(_anders(getattr(oud, k), v) for k, v in waarden.items()):
                for k, v in waarden.items():
                    setattr(oud, k, v)
                gewijzigd.append(oud)
            if voortgang and i % 200 == 0:
                voortgang(i)
        CaseloadClient.objects.bulk_create(nieuw, batch_size=BLOK)
        CaseloadClient.objects.bulk_update(gewijzigd, VELDEN, batch_size=BLOK)
        if voortgang:
            voortgang(len(rijen))
        log_persoonsgegevens(
            gebruiker,
            None,
            "schrijven",
            f"caseload herindicatie: {len(nieuw)} nieuw, {len(gewijzigd)} gewijzigd uit {bronbestand}"[:300],
            "import oude indicaties voor herindicatiecampagne",
        )
    return Importresultaat(len(nieuw), len(gewijzigd), len(rijen) - len(nieuw) - len(gewijzigd), len(clients))


def _anders(oud: Any, nieuw: Any) -> bool:
    if oud is None or nieuw is None:
        return oud is not nieuw
    return oud != nieuw


def _aanbieders(namen: set[str]) -> dict[str, int]:
    bekend = dict(Aanbieder.objects.filter(naam__in=namen).values_list("naam", "pk"))
    for naam in sorted(namen - bekend.keys()):
        bekend[naam] = Aanbieder.objects.create(naam=naam).pk
    return bekend


def clientregels() -> list[Clientregel]:
    """The caseload as input for the baseline report (no BSN: the report needs none)."""
    velden = ("geboortedatum", "uren_per_week_oud", "leveringsvorm", "ingangsdatum_oud", "einddatum_oud")
    return [Clientregel(*w) for w in CaseloadClient.objects.values_list(*velden).iterator(chunk_size=2000)]


def log_rapport(gebruiker: Any, wat: str, waarom: str) -> None:
    """Audit a read of the whole caseload (reports, simulations, letters)."""
    log_persoonsgegevens(gebruiker, None, "lezen", wat[:300], waarom[:300])
