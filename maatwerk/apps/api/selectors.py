"""Audited reads for the API: every function that returns personal data logs the read.

Each lookup starts from :func:`~maatwerk.apps.cases.zichtbaarheid.zichtbare_zaken` of the application's
service account, so another aanbieder's zaak is ``DoesNotExist`` (404). Single reads go through the apps'
own selectors (the same audit entries as the web pages); list pages log one entry per client.

The list endpoints differ only in data: what the application may see, which query parameter filters which
field, the order, and what the audit entry says. Each is a :class:`Soort`; :func:`_lijst` does the rest.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Model, QuerySet

from maatwerk.apps.accounts.rollen import aanbieder_van, heeft_rol
from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.berichten.models import Bericht
from maatwerk.apps.besluiten import selectors as besluiten_selectors
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases import selectors as zaak_selectors
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import GEMEENTE_LEZERS, zichtbare_zaken
from maatwerk.apps.clients.models import Client
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.apps.onderzoek import selectors as onderzoek_selectors
from maatwerk.apps.onderzoek.models import Onderzoek

WAAROM = "koppeling via de API"


@dataclass(frozen=True)
class Filters:
    """Filters of the list endpoints (None: not filtered)."""

    status: str | None = None
    aanbieder: str | None = None  # AGB-code
    zaak: uuid.UUID | None = None
    vanaf: dt.date | None = None
    tot: dt.date | None = None
    richting: str | None = None  # berichten: "in" or "uit"
    berichttype: str | None = None  # berichten: WMO301, ...


@dataclass(frozen=True)
class Pagina:
    items: list[Any]
    totaal: int


@dataclass(frozen=True)
class Soort:
    """One list resource: its visible rows, its filters (Filters field -> lookup), order and audit line."""

    zichtbaar: Callable[[Any], QuerySet[Any]]
    velden: dict[str, str]
    volgorde: tuple[str, ...]
    wat: str
    clients: Callable[[list[Any]], Iterable[Client]]
    uitgesteld: tuple[str, ...] = ()  # large fields a list does not load


def _pagina(qs: QuerySet[Any], pagina: int, grootte: int) -> Pagina:
    begin = (pagina - 1) * grootte
    return Pagina(list(qs[begin : begin + grootte]), qs.count())


def _lijst(soort: Soort, gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    qs = soort.zichtbaar(gebruiker)
    if soort.uitgesteld:
        qs = qs.defer(*soort.uitgesteld)
    for veld, lookup in soort.velden.items():
        waarde = getattr(f, veld)
        if waarde:
            qs = qs.filter(**{lookup: waarde})
    gevonden = _pagina(qs.order_by(*soort.volgorde), pagina, grootte)
    log_clientlijst(gebruiker, list(soort.clients(gevonden.items)), soort.wat, WAAROM)
    return gevonden


def _van_zaak(items: list[Any]) -> list[Client]:
    return [x.zaak.client for x in items]


def _bij_zichtbare_zaken(model: type[Model], gebruiker: Any, *verwant: str) -> QuerySet[Any]:
    """Rows of ``model`` whose zaak the application may see."""
    return model._default_manager.filter(zaak__in=zichtbare_zaken(gebruiker)).select_related(*verwant)


# --- zaken

ZAKEN = Soort(
    zichtbaar=lambda g: zichtbare_zaken(g).select_related("client", "aanbieder"),
    velden={
        "status": "status",
        "aanbieder": "aanbieder__agb_code",
        "vanaf": "melddatum__gte",
        "tot": "melddatum__lte",
    },
    volgorde=("-melddatum", "-pk"),
    wat="API: zakenlijst (status)",
    clients=lambda items: [z.client for z in items],
)


def zaken(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    return _lijst(ZAKEN, gebruiker, f, pagina, grootte)


def zaak(gebruiker: Any, zaak_uuid: uuid.UUID) -> Zaak:
    """The zaak with status history, deadlines and client; the read is logged (cases' selector)."""
    pk = zichtbare_zaken(gebruiker).filter(uuid=zaak_uuid).values_list("pk", flat=True).first()
    if pk is None:
        raise Zaak.DoesNotExist
    return zaak_selectors.zaak_inzien(gebruiker, pk, f"API: zaak {pk} (cliënt, status, termijnen)", WAAROM)


# --- onderzoeken

ONDERZOEKEN = Soort(
    zichtbaar=lambda g: _bij_zichtbare_zaken(Onderzoek, g, "zaak__client", "indicatie"),
    velden={"zaak": "zaak__uuid", "vanaf": "gespreksdatum__gte", "tot": "gespreksdatum__lte"},
    volgorde=("-pk",),
    wat="API: onderzoeken met indicatie",
    clients=_van_zaak,
)


def onderzoeken(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    return _lijst(ONDERZOEKEN, gebruiker, f, pagina, grootte)


def onderzoek(gebruiker: Any, onderzoek_uuid: uuid.UUID) -> Onderzoek:
    gevonden: Onderzoek = ONDERZOEKEN.zichtbaar(gebruiker).get(uuid=onderzoek_uuid)
    onderzoek_selectors.onderzoek_gelezen(gebruiker, gevonden.zaak)
    return gevonden


# --- beschikkingen

BESCHIKKINGEN = Soort(
    zichtbaar=lambda g: _bij_zichtbare_zaken(Beschikking, g, "zaak__client", "aanbieder"),
    velden={
        "zaak": "zaak__uuid",
        "aanbieder": "aanbieder__agb_code",
        "vanaf": "afgegeven_op__date__gte",
        "tot": "afgegeven_op__date__lte",
    },
    volgorde=("-afgegeven_op", "-pk"),
    wat="API: beschikkingen (gegevens)",
    clients=_van_zaak,
    uitgesteld=("html", "pdf"),
)


def beschikkingen(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    return _lijst(BESCHIKKINGEN, gebruiker, f, pagina, grootte)


def beschikking(gebruiker: Any, beschikking_uuid: uuid.UUID, pdf: bool = False) -> Beschikking:
    """The beschikking's data (``pdf``: with the letter); logged by besluiten's selector."""
    qs = BESCHIKKINGEN.zichtbaar(gebruiker)
    gevonden: Beschikking = (qs if pdf else qs.defer(*BESCHIKKINGEN.uitgesteld)).get(uuid=beschikking_uuid)
    besluiten_selectors.beschikking_gelezen(gebruiker, gevonden, "PDF via API" if pdf else "gegevens via API")
    return gevonden


# --- toewijzingen

TOEWIJZINGEN = Soort(
    zichtbaar=lambda g: _bij_zichtbare_zaken(Toewijzing, g, "zaak__client", "aanbieder", "beschikking"),
    velden={
        "zaak": "zaak__uuid",
        "aanbieder": "aanbieder__agb_code",
        "vanaf": "ingangsdatum__gte",
        "tot": "ingangsdatum__lte",
    },
    volgorde=("-toegewezen_op", "-pk"),
    wat="API: toewijzingen",
    clients=_van_zaak,
    uitgesteld=("beschikking__html", "beschikking__pdf"),
)


def toewijzingen(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    return _lijst(TOEWIJZINGEN, gebruiker, f, pagina, grootte)


def toewijzing(gebruiker: Any, toewijzing_uuid: uuid.UUID) -> Toewijzing:
    gevonden: Toewijzing = (
        TOEWIJZINGEN.zichtbaar(gebruiker).defer(*TOEWIJZINGEN.uitgesteld).get(uuid=toewijzing_uuid)
    )
    log_persoonsgegevens(
        gebruiker, gevonden.zaak.client, "lezen", f"API: toewijzing {gevonden.pk} (WMO301-gegevens)", WAAROM
    )
    return gevonden


# --- berichten (iWmo)


@dataclass(frozen=True)
class Berichtregel:
    """An iWmo-bericht with the public UUIDs of itself and of the message it answers."""

    bericht: Bericht
    uuid: UUID
    heen: UUID | None


def _zichtbare_berichten(gebruiker: Any) -> QuerySet[Bericht]:
    """All messages for the gemeente's applications; an aanbieder's only its own exchange."""
    if heeft_rol(gebruiker, *(str(r) for r in GEMEENTE_LEZERS)):
        qs = Bericht.objects.all()
    else:
        aanbieder = aanbieder_van(gebruiker)
        qs = Bericht.objects.filter(aanbieder=aanbieder) if aanbieder is not None else Bericht.objects.none()
    return qs.select_related("aanbieder").prefetch_related("zaken__client")


def _berichtclients(berichten: list[Bericht]) -> list[Client]:
    """The clients the messages are about: those of their zaken, else the one BSN a message names."""
    clients = [z.client for b in berichten for z in b.zaken.all()]
    los = {b.client_bsn for b in berichten if b.client_bsn and not b.zaken.all()}
    if los:
        clients += list(Client.objects.filter(bsn__in=los))
    return list(dict.fromkeys(clients))


BERICHTEN = Soort(
    zichtbaar=_zichtbare_berichten,
    velden={
        "status": "status",
        "richting": "richting",
        "berichttype": "berichttype",
        "aanbieder": "aanbieder__agb_code",
        "zaak": "zaken__uuid",
        "vanaf": "dagtekening__gte",
        "tot": "dagtekening__lte",
    },
    volgorde=("-tijdstip", "-pk"),
    wat="API: iWmo-berichten (gegevens)",
    clients=_berichtclients,
    uitgesteld=("toestand",),  # internal state of a WMO301; the XML itself is in the message archive
)


def _met_sleutels(berichten: list[Bericht]) -> list[Berichtregel]:
    heen = dict(
        Bericht.objects.filter(pk__in={b.heen_id for b in berichten if b.heen_id is not None}).values_list(
            "pk", "uuid"
        )
    )
    return [
        Berichtregel(b, b.uuid, heen.get(b.heen_id) if b.heen_id is not None else None) for b in berichten
    ]


def berichten(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    gevonden = _lijst(BERICHTEN, gebruiker, f, pagina, grootte)
    return Pagina(_met_sleutels(gevonden.items), gevonden.totaal)


def bericht(gebruiker: Any, bericht_uuid: uuid.UUID) -> Berichtregel:
    """One message's data (not its XML); the read is logged for every client it is about."""
    gevonden: Bericht = BERICHTEN.zichtbaar(gebruiker).defer(*BERICHTEN.uitgesteld).get(uuid=bericht_uuid)
    wat = f"API: iWmo-bericht {gevonden.pk} ({gevonden.berichttype}, gegevens)"
    clients: list[Client | None] = [*_berichtclients([gevonden])] or [None]
    for client in clients:
        log_persoonsgegevens(gebruiker, client, "lezen", wat, WAAROM)
    return _met_sleutels([gevonden])[0]
