"""Reads of the herindicatie campaign, for its own views and CLI and for other apps (finance).

Functions that hand out data about (many) clients log the read themselves; other apps read the
campaign only through this module (the import contract in pyproject.toml enforces it).

Public API (stable)::

    from maatwerk.apps.herindicatie import selectors
    selectors.nulmeting(peildatum, gebruiker, waarom)              # audited
    selectors.simulatie_voor_financien(simulatie_id, gebruiker, waarom)  # audited; -> Simulatiegegevens
    selectors.bezoekweken()                                        # caseload id -> planned visit week start
    selectors.uitkomsten_voor_brieven(simulatie_id, ids, gebruiker)      # audited
    selectors.caseload_voor_uitnodigingen(week, ids, gebruiker)          # audited
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from maatwerk.apps.audit import log_client_ids, log_persoonsgegevens
from maatwerk.regeltaal.waarden import leeftijd

from .models import CaseloadClient, Planning, Registratie, Simulatie, SimulatieUitkomst, Soort
from .nulmeting import Clientregel, Nulmeting, bereken_nulmeting
from .planning import Planclient


class GeenGegevens(LookupError):
    """The campaign has no data for this step yet (Dutch message names the command that makes it)."""


def _log_lezen(gebruiker: Any, wat: str, waarom: str, client_ids: Any = ()) -> None:
    """One row for the bulk read itself and one listing every known client it showed (``client_ids``)."""
    log_persoonsgegevens(gebruiker, None, "lezen", wat[:300], waarom[:300])
    log_client_ids(gebruiker, client_ids, wat[:300], waarom[:300])


def _clients_van_caseload(caseload_ids: Any = None) -> list[int]:
    """The Client ids linked to these caseload rows (all rows when None)."""
    qs = CaseloadClient.objects.filter(client_id__isnull=False)
    if caseload_ids is None:
        return list(qs.values_list("client_id", flat=True))
    ids, uit = sorted(set(caseload_ids)), []
    for i in range(0, len(ids), 500):  # under SQLite's variable limit
        uit += qs.filter(pk__in=ids[i : i + 500]).values_list("client_id", flat=True)
    return uit


def clientregels() -> list[Clientregel]:
    """The caseload as input for the baseline report (no BSN: the report needs none)."""
    velden = ("geboortedatum", "uren_per_week_oud", "leveringsvorm", "ingangsdatum_oud", "einddatum_oud")
    return [Clientregel(*w) for w in CaseloadClient.objects.values_list(*velden).iterator(chunk_size=2000)]


def nulmeting(peildatum: dt.date, gebruiker: Any = None, waarom: str = "nulmeting") -> Nulmeting:
    """The baseline report on ``peildatum``; the read of the caseload is logged."""
    uitkomst = bereken_nulmeting(clientregels(), peildatum)
    _log_lezen(
        gebruiker,
        f"nulmeting herindicatie peildatum {peildatum}: {uitkomst.totaal} cliënten",
        waarom,
        _clients_van_caseload(),
    )
    return uitkomst


def caseload_frame(gebruiker: Any = None, waarom: str = "simulatie herindicatie") -> pl.DataFrame:
    """The caseload as a frame for the simulation: :data:`CASELOAD_KOLOMMEN` + situation columns.

    The read is audited: one row for the read and one listing every known client in it (the client
    ids come with the same query)."""
    rijen = list(
        CaseloadClient.objects.values_list(
            "pk",
            "geboortedatum",
            "uren_per_week_oud",
            "klasse_oud",
            "leveringsvorm",
            "aanbieder_naam",
            "situatie",
            "client_id",
        ).iterator(chunk_size=2000)
    )
    _log_lezen(
        gebruiker,
        f"caseload herindicatie voor simulatie: {len(rijen)} cliënten",
        waarom,
        (r[7] for r in rijen),
    )
    kolommen = sorted({k for r in rijen for k in r[6]})
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


def laatste_simulatie() -> Simulatie | None:
    gevonden: Simulatie | None = Simulatie.objects.order_by("-aangemaakt_op", "-pk").first()
    return gevonden


def simulatie(simulatie_id: int | None = None) -> Simulatie:
    """Simulation ``simulatie_id`` (default: the newest); :class:`GeenGegevens` when there is none."""
    if simulatie_id is None:
        gevonden = laatste_simulatie()
        if gevonden is None:
            raise GeenGegevens("er is nog geen simulatie: voer eerst `maatwerk herindicatie simuleer` uit")
        return gevonden
    bestaand: Simulatie | None = Simulatie.objects.filter(pk=simulatie_id).first()
    if bestaand is None:
        raise GeenGegevens(f"simulatie {simulatie_id} bestaat niet")
    return bestaand


def laatste_planning() -> Planning | None:
    gevonden: Planning | None = Planning.objects.order_by("-aangemaakt_op", "-pk").first()
    return gevonden


def planclients(peildatum: dt.date, alleen_niet_bezocht: bool = True) -> list[Planclient]:
    """Clients to plan, with the latest simulation's difference and any premature bezwaar."""
    laatste = laatste_simulatie()
    verschil: dict[int, tuple[Decimal | None, bool]] = {}
    if laatste is not None:
        verschil = {
            pk: (v, a)
            for pk, v, a in laatste.uitkomsten.values_list(
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


def caseload_client(bsn: str | None = None, caseload_id: int | None = None) -> CaseloadClient | None:
    """One client of the caseload by BSN or by caseload id (None when not in the caseload)."""
    qs = CaseloadClient.objects.select_related("client")
    gevonden: CaseloadClient | None = qs.filter(bsn=bsn).first() if bsn else qs.filter(pk=caseload_id).first()
    return gevonden


def voortgang() -> dict[str, Any]:
    """Campaign progress: counts per kind, driegesprek outcomes, clients with a bezwaar (no personal data)."""
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


def uitkomsten_voor_brieven(
    simulatie_id: int | None, ids: set[int], gebruiker: Any = None
) -> tuple[Simulatie, list[SimulatieUitkomst]]:
    """A simulation's outcomes (with caseload and client) for the change letters; the read is logged."""
    gekozen = (
        Simulatie.objects.filter(pk=simulatie_id).first() if simulatie_id is not None else laatste_simulatie()
    )
    if gekozen is None:
        raise GeenGegevens("geen simulatie gevonden: voer eerst `maatwerk herindicatie simuleer` uit")
    qs = gekozen.uitkomsten.select_related("caseload", "caseload__client").order_by("caseload_id")
    if ids:
        qs = qs.filter(caseload_id__in=ids)
    uitkomsten = list(qs)
    if uitkomsten:
        _log_lezen(
            gebruiker,
            f"brieven herindicatie (wijziging, simulatie {gekozen.pk}): {len(uitkomsten)} cliënten",
            "brieven herindicatie",
            [u.caseload.client_id for u in uitkomsten],
        )
    return gekozen, uitkomsten


def caseload_voor_uitnodigingen(
    week: int | None, ids: set[int], gebruiker: Any = None
) -> tuple[Planning, list[tuple[CaseloadClient, dict[str, Any]]]]:
    """The newest planning's clients (with their week) for the visit invitations; the read is logged."""
    planning = Planning.objects.first()
    if planning is None:
        raise GeenGegevens("geen planning gevonden: voer eerst `maatwerk herindicatie plan` uit")
    weken = [w for w in planning.kalender if week is None or w["week"] == week]
    per_id = {cid: w for w in weken for cid in w["caseload_ids"] if not ids or cid in ids}
    clients = CaseloadClient.objects.select_related("client").order_by("pk").iterator(chunk_size=2000)
    uit = [(c, per_id[c.pk]) for c in clients if c.pk in per_id]
    if uit:
        _log_lezen(
            gebruiker,
            f"brieven herindicatie (uitnodiging, planning {planning.pk}): {len(uit)} cliënten",
            "brieven herindicatie",
            [c.client_id for c, _ in uit],
        )
    return planning, uit


@dataclass(frozen=True)
class Simulatiegegevens:
    """A stored simulation joined with the caseload, for finance (no BSN: ``client`` is the caseload id)."""

    simulatie_id: int
    kader: str
    beleid: str | None
    peildatum: dt.date
    rijen: list[dict[str, Any]]


def simulatie_voor_financien(
    simulatie_id: int | None = None, gebruiker: Any = None, waarom: str = ""
) -> Simulatiegegevens:
    """A stored simulation (default: the newest) per client with the old indication; the read is logged."""
    gekozen = simulatie(simulatie_id)
    velden = (
        "caseload_id",
        "oude_uren_per_week",
        "nieuwe_minuten_per_week",
        "trede_hbh",
        "overgang_intensiteit",
        "overgang_tot",
    )
    uitkomsten = list(
        SimulatieUitkomst.objects.filter(simulatie=gekozen).values_list(*velden).iterator(chunk_size=5000)
    )
    caseload_velden = (
        "pk",
        "aanbieder_naam",
        "klasse_oud",
        "leveringsvorm",
        "ingangsdatum_oud",
        "einddatum_oud",
    )
    caseload = {
        r[0]: r
        for r in CaseloadClient.objects.filter(pk__in=[u[0] for u in uitkomsten])
        .values_list(*caseload_velden)
        .iterator(chunk_size=5000)
    }
    rijen = []
    for cid, oud, minuten, trede, intensiteit, tot in uitkomsten:
        _, aanbieder, klasse, vorm, ingang, einde = caseload[cid]
        rijen.append(
            {
                "client": str(cid),
                "aanbieder": aanbieder,
                "klasse_oud": klasse,
                "leveringsvorm": vorm,
                "uren_per_week_oud": None if oud is None else float(oud),
                "ingangsdatum_oud": ingang,
                "einddatum_oud": einde,
                "minuten_nieuw": None if minuten is None else float(minuten),
                "trede": trede or None,
                "overgang_intensiteit": intensiteit or None,
                "overgang_tot": tot or None,
            }
        )
    _log_lezen(
        gebruiker,
        f"financiën: simulatie {gekozen.pk} ({len(rijen)} cliënten)",
        waarom or "financieel overzicht herindicatie",
        _clients_van_caseload(r["client"] for r in rijen),
    )
    return Simulatiegegevens(int(gekozen.pk), gekozen.kader, gekozen.beleid or None, gekozen.peildatum, rijen)


def bezoekweken() -> dict[str, dt.date]:
    """Visit week start per caseload id from the newest campaign planning (empty without one)."""
    planning = laatste_planning()
    if planning is None:
        return {}
    return {
        str(cid): dt.date.fromisoformat(week["van"])
        for week in planning.kalender
        for cid in week["caseload_ids"]
    }
