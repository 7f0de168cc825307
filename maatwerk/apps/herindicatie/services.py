"""Every state change of a herindicatie campaign: one function each, audited in the same transaction.

The CLI and the campaign page call these and present the result or the :class:`Herindicatiefout`
(a Dutch message). Reads are in :mod:`maatwerk.apps.herindicatie.selectors`.

Public API (stable)::

    from maatwerk.apps.herindicatie import services
    services.importeer_caseload(lees_caseload(pad), "caseload.csv", gebruiker=None) -> Importresultaat
    services.sla_simulatie_op(uitkomst, kader, beleid, peildatum, samenvatting, gebruiker=None) -> Simulatie
    services.sla_planning_op(strategie, capaciteit, start, gebruiker=None, seed=2019, steekproef=0.1)
    services.registreer(caseload, soort, datum, uitkomst="", tot=None, toelichting="", gebruiker=None)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk.apps.aanbieders.services import aanbieders_op_naam
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.clients.selectors import client_ids_voor_bsns

from .invoer import Caseload, CaseloadRij
from .models import CaseloadClient, Planning, Registratie, Simulatie, SimulatieUitkomst, Soort
from .planning import Plan, plan
from .selectors import planclients

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


DRIEGESPREK = str(Soort.DRIEGESPREK)  # the value (without django-stubs mypy sees a (value, label) tuple)


class Herindicatiefout(ValueError):
    """A campaign step the rules or the data refuse; nothing was stored."""


@dataclass(frozen=True)
class Importresultaat:
    nieuw: int
    gewijzigd: int
    ongewijzigd: int
    gekoppeld_aan_client: int

    @property
    def totaal(self) -> int:
        return self.nieuw + self.gewijzigd + self.ongewijzigd


def _blokken(rijen: Iterable[CaseloadRij]) -> Iterator[list[CaseloadRij]]:
    """Blocks of at most ``BLOK`` rows, read as they come (a spooled Caseload is never loaded whole)."""
    stroom = iter(rijen)
    while blok := list(islice(stroom, BLOK)):
        yield blok


def _werk_bij(gewijzigd: list[CaseloadClient]) -> None:
    """UPDATE the changed rows with one prepared statement (``executemany``).

    Django's ``bulk_update`` writes one ``CASE WHEN pk=... `` per field and row into each statement,
    which the database evaluates per row: quadratic in the batch (a re-import of 50 MB with every row
    changed took 915 s). One plain UPDATE per row, sent as a batch, is linear."""
    if not gewijzigd:
        return
    from django.db import connection

    qn = connection.ops.quote_name
    velden = [CaseloadClient._meta.get_field(v.removesuffix("_id")) for v in VELDEN]
    sql = (
        f"UPDATE {qn(CaseloadClient._meta.db_table)} SET "
        + ", ".join(f"{qn(v.column)} = %s" for v in velden)
        + f" WHERE {qn(CaseloadClient._meta.pk.column)} = %s"
    )
    parameters = [
        [v.get_db_prep_save(getattr(o, v.attname), connection) for v in velden] + [o.pk] for o in gewijzigd
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, parameters)


def _anders(oud: Any, nieuw: Any) -> bool:
    if oud is None or nieuw is None:
        return oud is not nieuw
    return bool(oud != nieuw)


def importeer_caseload(
    rijen: Caseload | Iterable[CaseloadRij],
    bronbestand: str,
    gebruiker: Any = None,
    voortgang: Callable[[int], None] | None = None,
    maak_aanbieders: bool = False,
) -> Importresultaat:
    """Insert or update every row in one transaction; unchanged rows are left alone (idempotent).

    ``rijen`` is what :func:`~maatwerk.apps.herindicatie.invoer.lees_caseload` returned (or any
    iterable of rows that can be read twice). An aanbieder name that is not known is refused
    (``OnbekendeAanbieders``, nothing stored) unless ``maak_aanbieders`` asks to register it."""
    namen = rijen.aanbieders if isinstance(rijen, Caseload) else {r.aanbieder for r in rijen}
    with transaction.atomic():
        aanbieders = aanbieders_op_naam(namen, maak_aan=maak_aanbieders)
        aantal_nieuw = aantal_gewijzigd = gekoppeld = totaal = 0
        # One block at a time (lookup, create, update): memory stays bounded by the block size,
        # also when every row of a large file changed.
        for blok in _blokken(rijen):
            totaal += len(blok)
            bsns = [r.bsn for r in blok]
            bestaand = {c.bsn: c for c in CaseloadClient.objects.filter(bsn__in=bsns)}
            clients = client_ids_voor_bsns(bsns)
            gekoppeld += len(clients)
            nieuw: list[CaseloadClient] = []
            gewijzigd: list[CaseloadClient] = []
            for rij in blok:
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
            CaseloadClient.objects.bulk_create(nieuw, batch_size=BLOK)
            _werk_bij(gewijzigd)
            aantal_nieuw += len(nieuw)
            aantal_gewijzigd += len(gewijzigd)
            if voortgang:
                voortgang(totaal)
        if voortgang:
            voortgang(totaal)
        log_persoonsgegevens(
            gebruiker,
            None,
            "schrijven",
            f"caseload herindicatie: {aantal_nieuw} nieuw, {aantal_gewijzigd} gewijzigd uit {bronbestand}"[
                :300
            ],
            "import oude indicaties voor herindicatiecampagne",
        )
    ongewijzigd = totaal - aantal_nieuw - aantal_gewijzigd
    return Importresultaat(aantal_nieuw, aantal_gewijzigd, ongewijzigd, gekoppeld)


def _dec(waarde: float | None, stap: str = "0.01") -> Decimal | None:
    return None if waarde is None else Decimal(str(waarde)).quantize(Decimal(stap))


def sla_simulatie_op(
    uitkomst: pl.DataFrame,
    kader: str,
    beleid: str,
    peildatum: dt.date,
    samenvatting: dict[str, Any],
    gebruiker: Any = None,
) -> Simulatie:
    """Store a simulation and its rows (the columns of ``simulatie.UITVOER_KOLOMMEN``)."""
    with transaction.atomic():
        simulatie: Simulatie = Simulatie.objects.create(
            kader=kader, beleid=beleid, peildatum=peildatum, aantal=uitkomst.height, samenvatting=samenvatting
        )
        regels = [
            SimulatieUitkomst(
                simulatie=simulatie,
                caseload_id=r["caseload_id"],
                oude_uren_per_week=_dec(r["oude_uren_per_week"]),
                nieuwe_minuten_per_week=_dec(r["nieuwe_minuten_per_week"], "0.1") or 0,
                nieuwe_uren_per_week=_dec(r["nieuwe_uren_per_week"]) or 0,
                verschil_uren_per_week=_dec(r["verschil_uren_per_week"]),
                trede_hbh=r["trede_hbh"] or "",
                nieuwe_intensiteit=r["nieuwe_intensiteit"] or "",
                situatie_typisch=bool(r["situatie_typisch"]),
                overgang_intensiteit=r["overgang_intensiteit"] or "",
                overgang_tot=r["overgang_tot"] or "",
                regel=r["regel"] or "",
                toelichting=r["toelichting"] or "",
                aanvullende_ondersteuning=bool(r["aanvullende_ondersteuning"]),
                aanvullende_redenen=r["aanvullende_redenen"] or "",
                tarief_per_periode=_dec(r["tarief_per_periode"]),
            )
            for r in uitkomst.iter_rows(named=True)
        ]
        SimulatieUitkomst.objects.bulk_create(regels, batch_size=BLOK)
        log_persoonsgegevens(
            gebruiker,
            None,
            "schrijven",
            f"simulatie {simulatie.pk} herindicatie: {uitkomst.height} cliënten",
            "simulatie herindicatie",
        )
    return simulatie


def sla_planning_op(
    strategie: str,
    capaciteit: int,
    start: dt.date,
    gebruiker: Any = None,
    seed: int = 2019,
    steekproef: float = 0.1,
) -> tuple[Planning, Plan, int]:
    """Plan every not yet visited client and store the plan; ``(planning, plan, number of clients)``."""
    with transaction.atomic():
        clients = planclients(start)
        if not clients:
            raise Herindicatiefout("geen cliënten om te plannen: importeer eerst de caseload")
        uitkomst = plan(clients, strategie, capaciteit, start, seed=seed, steekproef=steekproef)
        planning: Planning = Planning.objects.create(
            strategie=strategie,
            capaciteit_per_week=capaciteit,
            startdatum=start,
            klaar_op=uitkomst.klaar_op,
            kalender=uitkomst.as_json(),
        )
        log_persoonsgegevens(
            gebruiker,
            None,
            "schrijven",
            f"planning {planning.pk} herindicatie ({strategie}): {len(clients)} cliënten",
            "planning herindicatie",
        )
    return planning, uitkomst, len(clients)


def registreer(
    caseload: CaseloadClient,
    soort: str,
    datum: dt.date,
    *,
    uitkomst: str = "",
    tot: dt.date | None = None,
    toelichting: str = "",
    gebruiker: Any = None,
) -> Registratie:
    """Record a visit, driegesprek, bezwaar or premature bezwaar (validated, audited)."""
    registratie = Registratie(
        caseload=caseload,
        soort=soort,
        datum=datum,
        uitkomst=uitkomst,
        tot=tot,
        toelichting=toelichting,
        geregistreerd_door=gebruiker if _ingelogd(gebruiker) else None,
    )
    fouten = []
    if soort == DRIEGESPREK and not uitkomst:
        fouten.append("uitkomst: verplicht bij een driegesprek")
    if soort != DRIEGESPREK and uitkomst:
        fouten.append("uitkomst: alleen bij een driegesprek")
    if uitkomst == "tijdelijk_terug" and tot is None:
        fouten.append("tot: verplicht bij tijdelijk terug naar de oude indicatie")
    if tot is not None and tot <= datum:
        fouten.append("tot: moet na de datum van het driegesprek liggen")
    if not fouten:
        try:
            registratie.full_clean(exclude=["geregistreerd_door"])
        except ValidationError as exc:
            fouten.extend(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    if fouten:
        raise Herindicatiefout("; ".join(fouten))
    with transaction.atomic():
        registratie.save()
        log_persoonsgegevens(
            gebruiker,
            caseload.client,
            "schrijven",
            f"herindicatie {soort} {datum} (caseload {caseload.pk})",
            "voortgang herindicatie",
        )
    return registratie


def _ingelogd(gebruiker: Any) -> bool:
    return gebruiker is not None and bool(getattr(gebruiker, "is_authenticated", False))
