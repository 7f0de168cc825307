"""``/zaken``, ``/onderzoeken``, ``/beschikkingen`` (with the PDF) and ``/toewijzingen``: read only."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from pydantic import ConfigDict, Field

from .. import selectors
from ..auth import vereist
from ..schemas import (
    Beschikking,
    Beschikkingenlijst,
    Datum,
    Onderzoek,
    Onderzoekenlijst,
    StatusWaarde,
    Toewijzing,
    Toewijzingenlijst,
    Zaak,
    Zakenlijst,
)
from . import weergave

router = Router(tags=["zaken"])
LEZEN = "zaken:lezen"


def bekend(request: HttpRequest, filters: Schema) -> None:
    """A misspelt filter would silently return everything: unknown query parameters are refused (400)."""
    onbekend = sorted(set(request.GET) - set(type(filters).model_fields))
    if onbekend:
        raise ValidationError(
            [{"loc": ("query", naam), "type": "extra_forbidden", "msg": "onbekend"} for naam in onbekend]
        )


class Paginering(Schema):
    model_config = ConfigDict(extra="forbid")

    pagina: int = Field(1, ge=1, le=100_000, description="Paginanummer (vanaf 1).")
    paginaGrootte: int = Field(20, ge=1, le=100, description="Resultaten per pagina (hoogstens 100).")  # noqa: N815


class Zaakfilters(Paginering):
    status: StatusWaarde | None = Field(None, description="Alleen zaken met deze status.")
    aanbieder: str | None = Field(
        None, pattern=r"^\d{8}$", description="Alleen zaken van de aanbieder met deze AGB-code."
    )
    melddatumVanaf: Datum | None = Field(None, description="Melddatum op of na deze dag.")  # noqa: N815
    melddatumTot: Datum | None = Field(None, description="Melddatum op of vóór deze dag.")  # noqa: N815


class Zaakkoppeling(Paginering):
    zaak: uuid.UUID | None = Field(None, description="Alleen die van deze zaak.")


class Onderzoekfilters(Zaakkoppeling):
    gespreksdatumVanaf: Datum | None = None  # noqa: N815
    gespreksdatumTot: Datum | None = None  # noqa: N815


class Beschikkingfilters(Zaakkoppeling):
    aanbieder: str | None = Field(None, pattern=r"^\d{8}$", description="AGB-code van de aanbieder.")
    afgegevenVanaf: Datum | None = None  # noqa: N815
    afgegevenTot: Datum | None = None  # noqa: N815


class Toewijzingfilters(Zaakkoppeling):
    aanbieder: str | None = Field(None, pattern=r"^\d{8}$", description="AGB-code van de aanbieder.")
    ingangsdatumVanaf: Datum | None = None  # noqa: N815
    ingangsdatumTot: Datum | None = None  # noqa: N815


def lijst(
    request: HttpRequest,
    filters: Paginering,
    scope: str,
    zoek: Callable[..., selectors.Pagina],
    toon: Callable[[Any], dict[str, Any]],
    **f: Any,
) -> dict[str, Any]:
    """A list endpoint: the scope, no unknown parameters, the selector's page shown with ``toon``."""
    vereist(request, scope)
    bekend(request, filters)
    pagina = zoek(request.user, selectors.Filters(**f), filters.pagina, filters.paginaGrootte)
    return weergave.lijst(pagina, filters.pagina, filters.paginaGrootte, toon)


@router.get("/zaken", response=Zakenlijst, summary="Zaken zoeken")
def zaken(request: HttpRequest, filters: Query[Zaakfilters]) -> dict:
    """De zaken die deze applicatie mag zien, nieuwste melding eerst (scope `zaken:lezen`)."""
    return lijst(
        request,
        filters,
        LEZEN,
        selectors.zaken,
        weergave.zaak_samenvatting,
        status=filters.status,
        aanbieder=filters.aanbieder,
        vanaf=filters.melddatumVanaf,
        tot=filters.melddatumTot,
    )


@router.get("/zaken/{uuid}", response=Zaak, summary="Eén zaak")
def zaak(request: HttpRequest, uuid: uuid.UUID) -> dict:
    """Status, statusgeschiedenis, termijnen en cliënt van de zaak (scope `zaken:lezen`)."""
    vereist(request, LEZEN)
    return weergave.zaak(selectors.zaak(request.user, uuid))


@router.get("/onderzoeken", response=Onderzoekenlijst, summary="Onderzoeken zoeken")
def onderzoeken(request: HttpRequest, filters: Query[Onderzoekfilters]) -> dict:
    """Onderzoeken (keukentafelgesprekken) met hun vastgelegde indicatie (scope `zaken:lezen`)."""
    return lijst(
        request,
        filters,
        LEZEN,
        selectors.onderzoeken,
        weergave.onderzoek,
        zaak=filters.zaak,
        vanaf=filters.gespreksdatumVanaf,
        tot=filters.gespreksdatumTot,
    )


@router.get("/onderzoeken/{uuid}", response=Onderzoek, summary="Eén onderzoek met indicatie")
def onderzoek(request: HttpRequest, uuid: uuid.UUID) -> dict:
    """Het onderzoek en de vastgelegde indicatie: situatie, uitkomst en regels (scope `zaken:lezen`)."""
    vereist(request, LEZEN)
    return weergave.onderzoek(selectors.onderzoek(request.user, uuid))


@router.get("/beschikkingen", response=Beschikkingenlijst, summary="Beschikkingen zoeken")
def beschikkingen(request: HttpRequest, filters: Query[Beschikkingfilters]) -> dict:
    """Gegevens van afgegeven beschikkingen, nieuwste eerst (scope `zaken:lezen`)."""
    return lijst(
        request,
        filters,
        LEZEN,
        selectors.beschikkingen,
        weergave.beschikking,
        zaak=filters.zaak,
        aanbieder=filters.aanbieder,
        vanaf=filters.afgegevenVanaf,
        tot=filters.afgegevenTot,
    )


@router.get("/beschikkingen/{uuid}", response=Beschikking, summary="Eén beschikking")
def beschikking(request: HttpRequest, uuid: uuid.UUID) -> dict:
    """De gegevens van de beschikking; de brief zelf staat op `pdf` (scope `zaken:lezen`)."""
    vereist(request, LEZEN)
    return weergave.beschikking(selectors.beschikking(request.user, uuid))


@router.get(
    "/beschikkingen/{uuid}/pdf",
    response={200: None},
    summary="De beschikking als PDF",
    openapi_extra={
        "responses": {
            "200": {
                "description": "De brief zoals verstuurd (PDF).",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def beschikking_pdf(request: HttpRequest, uuid: uuid.UUID) -> HttpResponse:
    """De brief zoals verstuurd, onveranderd (scope `zaken:lezen`)."""
    vereist(request, LEZEN)
    b = selectors.beschikking(request.user, uuid, pdf=True)
    antwoord = HttpResponse(bytes(b.pdf), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="beschikking-{b.kenmerk}-v{b.versie}.pdf"'
    return antwoord


@router.get("/toewijzingen", response=Toewijzingenlijst, summary="Toewijzingen zoeken")
def toewijzingen(request: HttpRequest, filters: Query[Toewijzingfilters]) -> dict:
    """Opdrachten aan aanbieders (WMO301-gegevens) en de stand van de levering (scope `zaken:lezen`)."""
    return lijst(
        request,
        filters,
        LEZEN,
        selectors.toewijzingen,
        weergave.toewijzing,
        zaak=filters.zaak,
        aanbieder=filters.aanbieder,
        vanaf=filters.ingangsdatumVanaf,
        tot=filters.ingangsdatumTot,
    )


@router.get("/toewijzingen/{uuid}", response=Toewijzing, summary="Eén toewijzing")
def toewijzing(request: HttpRequest, uuid: uuid.UUID) -> dict:
    """De toewijzing (scope `zaken:lezen`)."""
    vereist(request, LEZEN)
    return weergave.toewijzing(selectors.toewijzing(request.user, uuid))
