"""Pages of the inwonerportaal: they parse input and present; reads go through :mod:`.selectors`
(audited), changes through :mod:`.services`."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.besluiten.services import contactgegevens
from maatwerk.apps.cases.models import Zaak
from maatwerk.regels.laden import Regelfout

from . import selectors, services, sessie
from .models import Inwoner
from .sessie import inwoner_vereist


def _contact() -> object | None:
    try:
        return contactgegevens()
    except Regelfout:
        return None


def start(request: HttpRequest) -> HttpResponse:
    if sessie.inwoner_van(request) is not None:
        return redirect("portaal:overzicht")
    return render(request, "portaal/start.html", {"contact": _contact()})


@inwoner_vereist
def overzicht(request: HttpRequest, inwoner: Inwoner) -> HttpResponse:
    voorzieningen = selectors.overzicht(inwoner)
    return render(
        request,
        "portaal/overzicht.html",
        {"voorzieningen": voorzieningen, "contact": _contact(), "ingelogd": True},
    )


@inwoner_vereist
def zaak(request: HttpRequest, inwoner: Inwoner, zaak: uuid.UUID) -> HttpResponse:
    try:
        pagina = selectors.zaak_inzien(inwoner, zaak)
    except Zaak.DoesNotExist:
        raise Http404("Deze aanvraag bestaat niet of is niet van u.") from None
    return render(request, "portaal/zaak.html", {"p": pagina, "contact": _contact(), "ingelogd": True})


@inwoner_vereist
def beschikking_pdf(
    request: HttpRequest, inwoner: Inwoner, zaak: uuid.UUID, beschikking: uuid.UUID
) -> HttpResponse:
    try:
        b = selectors.beschikking_downloaden(inwoner, zaak, beschikking)
    except Beschikking.DoesNotExist:
        raise Http404("Deze brief bestaat niet of is niet van u.") from None
    response = HttpResponse(bytes(b.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="beschikking-{b.kenmerk}-v{b.versie}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@inwoner_vereist
def reactie(request: HttpRequest, inwoner: Inwoner, zaak: uuid.UUID) -> HttpResponse:
    tekst = request.POST.get("reactie", "")
    try:
        services.reageer_op_verslag(inwoner, zaak, tekst)
    except Zaak.DoesNotExist:
        raise Http404("Deze aanvraag bestaat niet of is niet van u.") from None
    except services.Portaalfout as fout:
        pagina = selectors.zaak_inzien(inwoner, zaak)
        return render(
            request,
            "portaal/zaak.html",
            {
                "p": pagina,
                "contact": _contact(),
                "ingelogd": True,
                "reactie_fout": str(fout),
                "reactie": tekst,
            },
            status=400,
        )
    messages.success(request, "Dank u wel. We hebben uw reactie op het verslag ontvangen.")
    return redirect("portaal:zaak", zaak=zaak)


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    """End the portal session, then (RP-initiated logout) the one at the provider; back to the start."""
    methode = getattr(settings, "OIDC_OP_LOGOUT_URL_METHOD", "")
    naar = import_string(methode)(request) if methode else reverse("portaal:start")
    sessie.stop(request)
    messages.info(request, "U bent uitgelogd.")
    return redirect(naar)
