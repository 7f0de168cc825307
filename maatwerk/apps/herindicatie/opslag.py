"""Store and read the caseload in the database (Django). All-or-nothing, idempotent, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl
from django.db import transaction

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.clients.models import Client

from .invoer import CaseloadRij
from .models import CaseloadClient, Registratie, Simulatie, SimulatieUitkomst, Soort
from .nulmeting import Clientregel
from .planning import Planclient

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


def caseload_frame() -> pl.DataFrame:
    """The caseload as a frame for the simulation: :data:`CASELOAD_KOLOMMEN` + situation columns."""
    rijen = list(
        CaseloadClient.objects.values_list(
            "pk",
            "geboortedatum",
            "uren_per_week_oud",
            "klasse_oud",
            "leveringsvorm",
            "aanbieder_naam",
            "situatie",
        ).iterator(chunk_size=2000)
    )
    kolommen = sorted({k for *_, s in rijen for k in s})
    data: dict[str, list[Any]] = {
        "caseload_id": [r[0] for r in rijen],
        "geboortedatum": [r[1] for r in rijen],
        "uren_per_week_oud": [None if r[2] is None else float(r[2]) for r in rijen],
        "klasse_oud": [r[3] for r in rijen],
        "leveringsvorm": [r[4] for r in rijen],
        "aanbieder": [r[5] for r in rijen],
    }
    for k in kolommen:
        data[k] = [r[6].get(k) for r in rijen]
    schema = {"caseload_id": pl.Int64, "geboortedatum": pl.Date, "uren_per_week_oud": pl.Float64}
    return pl.DataFrame(data, schema_overrides=schema, strict=False)


def laatste_driegesprekken() -> dict[int, tuple[str, dt.date | None]]:
    """Per caseload client the outcome of the most recent driegesprek."""
    uit: dict[int, tuple[str, dt.date | None]] = {}
    for pk, uitkomst, tot in (
        Registratie.objects.filter(soort=Soort.DRIEGESPREK)
        .order_by("datum", "pk")
        .values_list("caseload_id", "uitkomst", "tot")
    ):
        uit[pk] = (uitkomst, tot)
    return uit


def sla_simulatie_op(
    uitkomst: pl.DataFrame, kader: str, beleid: str, peildatum: dt.date, samenvatting: dict[str, Any]
) -> Simulatie:
    """Store a simulation and its rows in one transaction."""
    with transaction.atomic():
        simulatie = Simulatie.objects.create(
            kader=kader, beleid=beleid, peildatum=peildatum, aantal=uitkomst.height, samenvatting=samenvatting
        )
        regels = []
        for r in uitkomst.iter_rows(named=True):
            regels.append(
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
            )
        SimulatieUitkomst.objects.bulk_create(regels, batch_size=BLOK)
    return simulatie


def _dec(waarde: float | None, stap: str = "0.01") -> Decimal | None:
    return None if waarde is None else Decimal(str(waarde)).quantize(Decimal(stap))


def laatste_simulatie() -> Simulatie | None:
    return Simulatie.objects.order_by("-aangemaakt_op", "-pk").first()


def planclients(peildatum: dt.date, alleen_niet_bezocht: bool = True) -> list[Planclient]:
    """Clients to plan, with the latest simulation's difference and any premature bezwaar."""
    from .overgang import leeftijd

    simulatie = laatste_simulatie()
    verschil: dict[int, tuple[Decimal | None, bool]] = {}
    if simulatie is not None:
        verschil = {
            pk: (v, a)
            for pk, v, a in simulatie.uitkomsten.values_list(
                "caseload_id", "verschil_uren_per_week", "aanvullende_ondersteuning"
            )
        }
    prematuur = set(
        Registratie.objects.filter(soort=Soort.PREMATUUR_BEZWAAR).values_list("caseload_id", flat=True)
    )
    bezocht = set(Registratie.objects.filter(soort=Soort.BEZOEK).values_list("caseload_id", flat=True))
    uit = []
    for pk, eind, uren, geboren in CaseloadClient.objects.values_list(
        "pk", "einddatum_oud", "uren_per_week_oud", "geboortedatum"
    ).iterator(chunk_size=2000):
        if alleen_niet_bezocht and pk in bezocht:
            continue
        v, aanvullend = verschil.get(pk, (None, False))
        uit.append(Planclient(pk, eind, uren, v, leeftijd(geboren, peildatum), pk in prematuur, aanvullend))
    return uit


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
    from django.core.exceptions import ValidationError

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
    if soort == Soort.DRIEGESPREK and not uitkomst:
        fouten.append("uitkomst: verplicht bij een driegesprek")
    if soort != Soort.DRIEGESPREK and uitkomst:
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
        raise ValueError("; ".join(fouten))
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
    return gebruiker is not None and getattr(gebruiker, "is_authenticated", False)


def voortgang() -> dict[str, Any]:
    """Campaign progress: counts per kind, driegesprek outcomes, clients with a bezwaar."""
    from django.db.models import Count

    per_soort = dict(
        Registratie.objects.values_list("soort").annotate(n=Count("pk")).values_list("soort", "n")
    )
    uitkomsten = dict(
        Registratie.objects.filter(soort=Soort.DRIEGESPREK)
        .values_list("uitkomst")
        .annotate(n=Count("pk"))
        .values_list("uitkomst", "n")
    )
    bezocht = Registratie.objects.filter(soort=Soort.BEZOEK).values("caseload").distinct().count()
    return {
        "caseload": CaseloadClient.objects.count(),
        "bezocht": bezocht,
        "registraties": {s: per_soort.get(s, 0) for s in Soort.values},
        "driegesprek_uitkomsten": uitkomsten,
    }
