"""Audited reads for the API: every function that returns personal data logs the read.

Each lookup starts from :func:`~maatwerk.apps.cases.zichtbaarheid.zichtbare_zaken` of the application's
service account, so another aanbieder's zaak is ``DoesNotExist`` (404). Single reads go through the apps'
own selectors (the same audit entries as the web pages); list pages log one entry per client.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.besluiten import selectors as besluiten_selectors
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases import selectors as zaak_selectors
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken
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


@dataclass(frozen=True)
class Pagina:
    items: list[Any]
    totaal: int


def _pagina(qs: QuerySet, pagina: int, grootte: int) -> Pagina:
    begin = (pagina - 1) * grootte
    return Pagina(list(qs[begin : begin + grootte]), qs.count())


def _zaken(gebruiker: Any) -> QuerySet[Zaak]:
    return zichtbare_zaken(gebruiker)


# --- zaken


def zaken(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    qs = _zaken(gebruiker).select_related("client", "aanbieder")
    if f.status:
        qs = qs.filter(status=f.status)
    if f.aanbieder:
        qs = qs.filter(aanbieder__agb_code=f.aanbieder)
    if f.vanaf:
        qs = qs.filter(melddatum__gte=f.vanaf)
    if f.tot:
        qs = qs.filter(melddatum__lte=f.tot)
    gevonden = _pagina(qs.order_by("-melddatum", "-pk"), pagina, grootte)
    log_clientlijst(gebruiker, [z.client for z in gevonden.items], "API: zakenlijst (status)", WAAROM)
    return gevonden


def zaak(gebruiker: Any, zaak_uuid: uuid.UUID) -> Zaak:
    """The zaak with status history, deadlines and client; the read is logged (cases' selector)."""
    pk = _zaken(gebruiker).filter(uuid=zaak_uuid).values_list("pk", flat=True).first()
    if pk is None:
        raise Zaak.DoesNotExist
    return zaak_selectors.zaak_inzien(gebruiker, pk, f"API: zaak {pk} (cliënt, status, termijnen)", WAAROM)


# --- onderzoeken


def _onderzoeken(gebruiker: Any) -> QuerySet[Onderzoek]:
    return Onderzoek.objects.filter(zaak__in=_zaken(gebruiker)).select_related("zaak__client", "indicatie")


def onderzoeken(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    qs = _onderzoeken(gebruiker)
    if f.zaak:
        qs = qs.filter(zaak__uuid=f.zaak)
    if f.vanaf:
        qs = qs.filter(gespreksdatum__gte=f.vanaf)
    if f.tot:
        qs = qs.filter(gespreksdatum__lte=f.tot)
    gevonden = _pagina(qs.order_by("-pk"), pagina, grootte)
    log_clientlijst(
        gebruiker, [o.zaak.client for o in gevonden.items], "API: onderzoeken met indicatie", WAAROM
    )
    return gevonden


def onderzoek(gebruiker: Any, onderzoek_uuid: uuid.UUID) -> Onderzoek:
    gevonden: Onderzoek = _onderzoeken(gebruiker).get(uuid=onderzoek_uuid)
    onderzoek_selectors.onderzoek_gelezen(gebruiker, gevonden.zaak)
    return gevonden


# --- beschikkingen


def _beschikkingen(gebruiker: Any) -> QuerySet[Beschikking]:
    return Beschikking.objects.filter(zaak__in=_zaken(gebruiker)).select_related("zaak__client", "aanbieder")


def beschikkingen(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    qs = _beschikkingen(gebruiker).defer("html", "pdf")
    if f.zaak:
        qs = qs.filter(zaak__uuid=f.zaak)
    if f.aanbieder:
        qs = qs.filter(aanbieder__agb_code=f.aanbieder)
    if f.vanaf:
        qs = qs.filter(afgegeven_op__date__gte=f.vanaf)
    if f.tot:
        qs = qs.filter(afgegeven_op__date__lte=f.tot)
    gevonden = _pagina(qs.order_by("-afgegeven_op", "-pk"), pagina, grootte)
    log_clientlijst(
        gebruiker, [b.zaak.client for b in gevonden.items], "API: beschikkingen (gegevens)", WAAROM
    )
    return gevonden


def beschikking(gebruiker: Any, beschikking_uuid: uuid.UUID, pdf: bool = False) -> Beschikking:
    """The beschikking's data (``pdf``: with the letter); logged by besluiten's selector."""
    qs = _beschikkingen(gebruiker)
    gevonden: Beschikking = (qs if pdf else qs.defer("html", "pdf")).get(uuid=beschikking_uuid)
    besluiten_selectors.beschikking_gelezen(gebruiker, gevonden, "PDF via API" if pdf else "gegevens via API")
    return gevonden


# --- toewijzingen


def _toewijzingen(gebruiker: Any) -> QuerySet[Toewijzing]:
    return Toewijzing.objects.filter(zaak__in=_zaken(gebruiker)).select_related(
        "zaak__client", "aanbieder", "beschikking"
    )


def toewijzingen(gebruiker: Any, f: Filters, pagina: int, grootte: int) -> Pagina:
    qs = _toewijzingen(gebruiker).defer("beschikking__html", "beschikking__pdf")
    if f.zaak:
        qs = qs.filter(zaak__uuid=f.zaak)
    if f.aanbieder:
        qs = qs.filter(aanbieder__agb_code=f.aanbieder)
    if f.vanaf:
        qs = qs.filter(ingangsdatum__gte=f.vanaf)
    if f.tot:
        qs = qs.filter(ingangsdatum__lte=f.tot)
    gevonden = _pagina(qs.order_by("-toegewezen_op", "-pk"), pagina, grootte)
    log_clientlijst(gebruiker, [t.zaak.client for t in gevonden.items], "API: toewijzingen", WAAROM)
    return gevonden


def toewijzing(gebruiker: Any, toewijzing_uuid: uuid.UUID) -> Toewijzing:
    gevonden: Toewijzing = (
        _toewijzingen(gebruiker).defer("beschikking__html", "beschikking__pdf").get(uuid=toewijzing_uuid)
    )
    log_persoonsgegevens(
        gebruiker, gevonden.zaak.client, "lezen", f"API: toewijzing {gevonden.pk} (WMO301-gegevens)", WAAROM
    )
    return gevonden
