"""Pages of the iWmo exchange: worklist, message history per zaak and per aanbieder, one message, a verzoek.

The gemeente (toegangsteam) sees all messages; an aanbieder only its own (another's id gives 404).
Reads go through :mod:`.selectors` (audited), the verzoek decision through :mod:`.services`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, aanbieder_van, heeft_rol, rol_vereist
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from . import archief, selectors, services
from .forms import VerzoekBesluitForm
from .models import Bericht, Verzoek
from .termijnen import retourcode_in_woorden


def _regels(b: Bericht) -> list[dict[str, Any]]:
    return [{**r, "woorden": retourcode_in_woorden(r.get("code"))} for r in b.retourcodes]


@rol_vereist(*TOEGANGSTEAM)
def werklijst(request: HttpRequest) -> HttpResponse:
    return render(request, "berichten/werklijst.html", selectors.werklijst())


@rol_vereist(*TOEGANGSTEAM, Rol.AANBIEDER)
def zaak_berichten(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = get_object_or_404(zichtbare_zaken(request.user).select_related("client"), pk=pk)
    berichten = selectors.berichten_van_zaak(zaak, request.user)
    aanbieder = aanbieder_van(request.user)
    if aanbieder is not None and not heeft_rol(request.user, *TOEGANGSTEAM):
        berichten = berichten.filter(aanbieder=aanbieder)
    return render(
        request,
        "berichten/lijst.html",
        {"titel": f"Berichten zaak {zaak.pk}", "zaak": zaak, "berichten": berichten},
    )


@rol_vereist(Rol.AANBIEDER)
def aanbieder_berichten(request: HttpRequest) -> HttpResponse:
    aanbieder = aanbieder_van(request.user)
    if aanbieder is None:
        raise Http404
    berichten = selectors.berichten_van_aanbieder(aanbieder, request.user)[:500]
    return render(
        request, "berichten/lijst.html", {"titel": f"Berichten {aanbieder.naam}", "berichten": berichten}
    )


def _zichtbaar_bericht(request: HttpRequest, pk: int) -> Bericht:
    if heeft_rol(request.user, *TOEGANGSTEAM):
        get_object_or_404(Bericht, pk=pk)
    else:
        aanbieder = aanbieder_van(request.user)
        if aanbieder is None:
            raise Http404
        get_object_or_404(Bericht, pk=pk, aanbieder=aanbieder)
    return selectors.bericht(pk, request.user)


#: Larger messages are only offered as a download (a 25 MB declaratie does not belong in a page).
TONEN_TOT_BYTES = 512 * 1024


def _xml_om_te_tonen(b: Bericht) -> str | None:
    if b.grootte > TONEN_TOT_BYTES:
        return None
    try:
        return b.inhoud
    except archief.Beschadigd as fout:
        return str(fout)


@rol_vereist(*TOEGANGSTEAM, Rol.AANBIEDER)
def bericht(request: HttpRequest, pk: int) -> HttpResponse:
    b = _zichtbaar_bericht(request, pk)
    return render(
        request,
        "berichten/bericht.html",
        {
            "b": b,
            "regels": _regels(b),
            "antwoorden": b.antwoorden.all(),
            "prestaties": b.prestaties.all(),
            "xml": _xml_om_te_tonen(b),
        },
    )


@rol_vereist(*TOEGANGSTEAM, Rol.AANBIEDER)
def bericht_xml(request: HttpRequest, pk: int) -> HttpResponse:
    b = _zichtbaar_bericht(request, pk)
    try:
        archief.controleer(b.sha256)  # checked against its hash before it is handed out
    except archief.Beschadigd as fout:
        return HttpResponse(str(fout), status=500, content_type="text/plain; charset=utf-8")
    return FileResponse(
        archief.pad(b.sha256).open("rb"),
        as_attachment=True,
        filename=f"{b.berichttype}-{b.identificatie}.xml",
        content_type="application/xml; charset=utf-8",
    )


def _verzoek_pagina(
    request: HttpRequest, v: Verzoek, form: VerzoekBesluitForm, status: int = 200
) -> HttpResponse:
    return render(request, "berichten/verzoek.html", {"v": v, "form": form}, status=status)


@rol_vereist(*TOEGANGSTEAM)
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(Verzoek, pk=pk)
    v = selectors.verzoek(pk, request.user)
    if request.method != "POST":
        return _verzoek_pagina(request, v, VerzoekBesluitForm())
    return _beslis(request, v)


def _beslis(request: HttpRequest, v: Verzoek) -> HttpResponse:
    form = VerzoekBesluitForm(request.POST)
    if not form.is_valid():
        return _verzoek_pagina(request, v, form, status=400)
    try:
        services.beslis_verzoek(
            v,
            request.user,
            form.cleaned_data["besluit"],
            form.cleaned_data["reden_afwijzing"],
            form.cleaned_data["toelichting"],
        )
    except services.levering.Geweigerd as fout:
        form.add_error(None, str(fout))
        return _verzoek_pagina(request, v, form, status=400)
    messages.success(request, "Het besluit op het verzoek is vastgelegd.")
    return redirect("berichten:werklijst")
