"""Audited reads for the inwoner: only their own zaken and those of clients they hold a machtiging for.

Every function that returns personal data writes an audit entry with the inwoner's user. A zaak or
beschikking of anyone else gives ``DoesNotExist`` (the view answers 404), never a hint that it exists.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.besluiten.selectors import beschikking_gelezen
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.termijnen import open_termijnen
from maatwerk.apps.clients.models import Client
from maatwerk.apps.onderzoek.selectors import verslag_gelezen

from .models import Inwoner, Machtiging
from .regels import portaalregels_op
from .statustrein import Treinstap, statustrein

WAAROM_EIGEN = "inwoner volgt de eigen aanvraag (portaal)"


def _waarom(inwoner: Inwoner, client: Client) -> str:
    if client.bsn == inwoner.bsn:
        return WAAROM_EIGEN
    return "gemachtigde volgt de aanvraag van de cliënt (portaal, machtiging)"


def geldige_machtigingen(inwoner: Inwoner, vandaag: dt.date | None = None) -> QuerySet[Machtiging]:
    vandaag = vandaag or timezone.localdate()
    return Machtiging.objects.filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag),
        gemachtigde_bsn=inwoner.bsn,
        ingetrokken_op__isnull=True,
        geldig_van__lte=vandaag,
    )


def zichtbare_zaken(inwoner: Inwoner) -> QuerySet[Zaak]:
    """The inwoner's own zaken and those of clients with a valid machtiging for them."""
    clients = geldige_machtigingen(inwoner).values("client_id")
    return Zaak.objects.filter(Q(client__bsn=inwoner.bsn) | Q(client_id__in=clients))


@dataclass(frozen=True)
class Voorziening:
    """One zaak as a line in the inwoner's overview."""

    zaak: Zaak
    naam: str
    stap: Treinstap
    namens: str  # "" for the inwoner's own zaak, else the client's name


def overzicht(inwoner: Inwoner) -> list[Voorziening]:
    """Every zaak the inwoner may follow, newest first, with its current step; audited per client."""
    regels = portaalregels_op(timezone.localdate())
    zaken = list(zichtbare_zaken(inwoner).select_related("client").prefetch_related("statusevents"))
    uit = []
    for zaak in zaken:
        trein = statustrein(regels, zaak.status, _events(zaak))
        nu = next(s for s in trein if s.stand == "nu")
        namens = "" if zaak.client.bsn == inwoner.bsn else zaak.client.naam
        uit.append(Voorziening(zaak, regels.voorziening, nu, namens))
    for client in {z.client_id: z.client for z in zaken}.values():
        log_persoonsgegevens(
            inwoner.user, client, "lezen", "overzicht aanvragen (portaal)", _waarom(inwoner, client)
        )
    return uit


def _events(zaak: Zaak) -> list[tuple[str, dt.date]]:
    return [(e.naar_status, timezone.localdate(e.tijdstip)) for e in zaak.statusevents.all()]


@dataclass(frozen=True)
class Termijnregel:
    zin: str
    datum: dt.date
    opgeschort: bool


@dataclass(frozen=True)
class Zaakpagina:
    zaak: Zaak
    voorziening: str
    namens: str
    trein: list[Treinstap]
    termijnen: list[Termijnregel]
    verslag: Any  # the Onderzoek when its verslag was shared with the client, else None
    beschikkingen: list[Beschikking]


def zaak_inzien(inwoner: Inwoner, zaak_uuid: uuid.UUID) -> Zaakpagina:
    """The status page of one zaak the inwoner may follow (``Zaak.DoesNotExist`` otherwise); audited."""
    zaak = (
        zichtbare_zaken(inwoner)
        .select_related("client", "onderzoek", "aanbieder")
        .prefetch_related("statusevents", "opschortingen")
        .get(uuid=zaak_uuid)
    )
    regels = portaalregels_op(timezone.localdate())
    termijnen = [
        Termijnregel(regels.termijnen[t.id], t.laatste_dag, t.opgeschort_nu)
        for t in open_termijnen(zaak, timezone.localdate(), list(zaak.opschortingen.all()))
        if t.id in regels.termijnen
    ]
    onderzoek = getattr(zaak, "onderzoek", None)
    verslag = (
        onderzoek if onderzoek is not None and onderzoek.verslag_gedeeld_op and onderzoek.verslag else None
    )
    beschikkingen = list(Beschikking.objects.filter(zaak=zaak).defer("html", "pdf").order_by("-versie"))
    log_persoonsgegevens(
        inwoner.user,
        zaak.client,
        "lezen",
        f"statuspagina zaak {zaak.pk} (portaal)",
        _waarom(inwoner, zaak.client),
    )
    if verslag is not None:
        verslag_gelezen(inwoner.user, zaak)
    return Zaakpagina(
        zaak,
        regels.voorziening,
        "" if zaak.client.bsn == inwoner.bsn else zaak.client.naam,
        statustrein(regels, zaak.status, _events(zaak)),
        termijnen,
        verslag,
        beschikkingen,
    )


def beschikking_downloaden(
    inwoner: Inwoner, zaak_uuid: uuid.UUID, beschikking_uuid: uuid.UUID
) -> Beschikking:
    """A beschikking of a zaak the inwoner may follow (``DoesNotExist`` otherwise); the read is audited."""
    beschikking: Beschikking = Beschikking.objects.select_related("zaak__client").get(
        uuid=beschikking_uuid, zaak__in=zichtbare_zaken(inwoner).filter(uuid=zaak_uuid)
    )
    beschikking_gelezen(inwoner.user, beschikking, "PDF, portaal")
    return beschikking


def machtigingen_gelezen(gebruiker: Any, machtigingen: list[Machtiging], wat: str) -> None:
    """Log that a beheerder saw machtigingen (the clients' and representatives' names, BSN)."""
    for client in {m.client_id: m.client for m in machtigingen}.values():
        log_persoonsgegevens(gebruiker, client, "lezen", wat, "beheer machtigingen")
