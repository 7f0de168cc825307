"""Dossier views: add a contactmoment or a document from the zaak page; open a document.

They parse and present; :mod:`.services` stores and audits, :mod:`.selectors` reads and audits.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, rol_vereist
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from . import selectors, services
from .forms import ContactmomentForm, DocumentForm
from .models import Document

LEZERS = (*TOEGANGSTEAM, Rol.KWALITEITSMEDEWERKER)


def _open_zaak(request: HttpRequest, pk: int) -> Zaak:
    zaak: Zaak = get_object_or_404(zichtbare_zaken(request.user).select_related("client"), pk=pk)
    if zaak.is_afgesloten:
        raise PermissionDenied("Deze zaak is afgesloten; het dossier kan niet meer worden aangevuld.")
    return zaak


def _fouten(form: ContactmomentForm | DocumentForm) -> str:
    """Every error in one sentence list, each with its field's label."""
    return " ".join(
        f"{form.fields[veld].label}: {' '.join(fouten)}" if veld in form.fields else " ".join(fouten)
        for veld, fouten in form.errors.items()
    )


def _naar_zaak(zaak: Zaak) -> HttpResponse:
    return redirect(reverse("cases:zaak", args=[zaak.pk]) + "#kop-dossier")


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def contactmoment(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _open_zaak(request, pk)
    form = ContactmomentForm(request.POST)
    if form.is_valid():
        try:
            services.leg_contactmoment_vast(zaak, request.user, **form.cleaned_data)
        except services.Dossierfout as fout:
            form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))
    if not form.is_valid():
        messages.error(request, "Contactmoment niet opgeslagen. " + _fouten(form))
    else:
        messages.success(request, "Contactmoment vastgelegd.")
    return _naar_zaak(zaak)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def document(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _open_zaak(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        inhoud = bestand.read(services.MAX_GROOTTE + 1)
        try:
            services.voeg_document_toe(zaak, request.user, form.cleaned_data["titel"], bestand.name, inhoud)
        except services.Dossierfout as fout:
            form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))
    if not form.is_valid():
        messages.error(request, "Document niet opgeslagen. " + _fouten(form))
    else:
        messages.success(request, "Document toegevoegd.")
    return _naar_zaak(zaak)


@rol_vereist(*LEZERS)
def document_openen(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    try:
        doc = selectors.document_lezen(request.user, pk, document_pk)
    except Document.DoesNotExist:
        raise Http404("Dit document bestaat niet of u mag het niet zien.") from None
    antwoord = HttpResponse(bytes(doc.inhoud), content_type=doc.mediatype)
    antwoord["Content-Disposition"] = f'inline; filename="{doc.bestandsnaam.replace(chr(34), "")}"'
    antwoord["X-Content-Type-Options"] = "nosniff"
    antwoord["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return antwoord
