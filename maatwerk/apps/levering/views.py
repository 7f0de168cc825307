"""Views of levering: the WMO301 download and the aanbieder portal (zorgplan, signing, start/stop).

Every lookup starts from :func:`zichtbare_zaken` and, for aanbieders, from their own organisation, so a
guessed id of another provider's client gives 404. Every page with personal data writes an audit entry.
Bad input re-renders the page with status 400 and Dutch messages; nothing is stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, aanbieder_van, rol_vereist
from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from . import selectors, services
from .forms import StartForm, StopForm, TekenForm, ZorgplanForm
from .iwmo import Iwmofout
from .models import Toewijzing, Zorgplan


@rol_vereist(*TOEGANGSTEAM)
def wmo301(request: HttpRequest, pk: int) -> HttpResponse:
    t = get_object_or_404(
        Toewijzing.objects.filter(zaak__in=zichtbare_zaken(request.user)).select_related(
            "zaak", "zaak__client", "aanbieder"
        ),
        pk=pk,
    )
    try:
        xml = services.wmo301(t)
    except (services.Geweigerd, Iwmofout) as fout:
        messages.error(request, f"Geen WMO301 te maken: {fout}")
        return redirect("beschikkingen:besluit", pk=t.zaak_id)
    selectors.wmo301_gelezen(request.user, t)
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="WMO301-toewijzing-{t.pk}.xml"'
    return response


# --- aanbieder portal ---------------------------------------------------------------------------


def _eigen_zaak(request: HttpRequest, pk: int) -> Zaak:
    aanbieder = aanbieder_van(request.user)
    if aanbieder is None:
        raise Http404
    return get_object_or_404(zichtbare_zaken(request.user).select_related("client", "aanbieder"), pk=pk)


def _eigen_toewijzing(request: HttpRequest, pk: int) -> Toewijzing:
    aanbieder = aanbieder_van(request.user)
    if aanbieder is None:
        raise Http404
    return get_object_or_404(
        Toewijzing.objects.filter(aanbieder=aanbieder, zaak__aanbieder=aanbieder).select_related("zaak"),
        pk=pk,
    )


@rol_vereist(Rol.AANBIEDER)
def aanbieder_overzicht(request: HttpRequest) -> HttpResponse:
    """The aanbieder's day: a to-do list per step, then every client sorted by Dutch surname."""
    aanbieder = aanbieder_van(request.user)
    voorraad = selectors.werkvoorraad(request.user, aanbieder, timezone.localdate())
    return render(
        request,
        "levering/aanbieder_overzicht.html",
        {"aanbieder": aanbieder, "regels": voorraad.regels, "voorraad": voorraad},
    )


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def notificatie_gelezen(request: HttpRequest, pk: int) -> HttpResponse:
    services.markeer_gelezen(request.user, pk)
    return redirect("cases:werklijst")


def _conflict_regels(conflict: Versieconflict) -> list[tuple[str, Any, Any]]:
    """Both versions side by side; the agreements per task instead of raw JSON."""
    regels = []
    for label, opgeslagen, ingediend in conflict.verschillen:
        if isinstance(opgeslagen, list) and isinstance(ingediend, list):
            oud = {a["activiteit"]: a for a in opgeslagen}
            for a in ingediend:
                o = oud.get(a["activiteit"], {})
                if o.get("afspraak") != a.get("afspraak"):
                    regels.append((f"Afspraak: {a['taak']}", o.get("afspraak", ""), a.get("afspraak", "")))
        else:
            regels.append((label, opgeslagen, ingediend))
    return regels


def _aanbieder_pagina(request: HttpRequest, zaak: Zaak, status: int = 200, **forms: Any) -> HttpResponse:
    plan = getattr(zaak, "ondersteuningsplan", None)
    zorgplan = Zorgplan.objects.filter(zaak=zaak).select_related("getekend_aanbieder_door").first()
    afgegeven = zaak.beschikkingen.exists()
    bewerkbaar = zorgplan is not None and not afgegeven
    context = {
        "zaak": zaak,
        "client": zaak.client,
        "plan": plan,
        "zorgplan": zorgplan,
        "afgegeven": afgegeven,
        "toewijzingen": zaak.toewijzingen.filter(aanbieder=zaak.aanbieder),
        "zorgplan_form": forms.get("zorgplan_form")
        or (
            ZorgplanForm(
                initial={"versie": zorgplan.versie, "toelichting": zorgplan.toelichting},
                afspraken=zorgplan.afspraken,
            )
            if bewerkbaar
            else None
        ),
        "teken_form": forms.get("teken_form")
        or (
            TekenForm(initial={"versie": zorgplan.versie, "client_naam": zaak.client.naam})
            if bewerkbaar and not zorgplan.is_getekend
            else None
        ),
        "start_form": forms.get("start_form") or StartForm(),
        "stop_form": forms.get("stop_form") or StopForm(),
        "conflict": forms.get("conflict"),
        "conflict_regels": _conflict_regels(forms["conflict"]) if forms.get("conflict") else [],
    }
    return render(request, "levering/aanbieder_zaak.html", context, status=status)


@rol_vereist(Rol.AANBIEDER)
def aanbieder_zaak(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _eigen_zaak(request, pk)
    selectors.aanbieder_zaak_gelezen(request.user, zaak)
    return _aanbieder_pagina(request, zaak)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def zorgplan_opstellen(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _eigen_zaak(request, pk)
    try:
        services.zorgplan_voor(zaak, request.user)
    except services.Geweigerd as fout:
        messages.error(request, str(fout))
    return redirect("beschikkingen:aanbieder_zaak", pk=zaak.pk)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def zorgplan_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _eigen_zaak(request, pk)
    zorgplan = get_object_or_404(Zorgplan, zaak=zaak, aanbieder=zaak.aanbieder)
    form = ZorgplanForm(request.POST, afspraken=zorgplan.afspraken)
    if not form.is_valid():
        return _aanbieder_pagina(request, zaak, 400, zorgplan_form=form)
    try:
        services.wijzig_zorgplan(
            zorgplan,
            request.user,
            form.cleaned_data["versie"],
            form.per_taak(),
            form.cleaned_data["toelichting"],
        )
    except Versieconflict as conflict:
        return _aanbieder_pagina(request, zaak, 409, zorgplan_form=form, conflict=conflict)
    except services.Geweigerd as fout:
        form.add_error(None, str(fout))
        return _aanbieder_pagina(request, zaak, 400, zorgplan_form=form)
    messages.success(request, "Zorgplan opgeslagen.")
    return redirect("beschikkingen:aanbieder_zaak", pk=zaak.pk)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def zorgplan_tekenen(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _eigen_zaak(request, pk)
    zorgplan = get_object_or_404(Zorgplan, zaak=zaak, aanbieder=zaak.aanbieder)
    form = TekenForm(request.POST)
    if not form.is_valid():
        return _aanbieder_pagina(request, zaak, 400, teken_form=form)
    try:
        services.teken_zorgplan(
            zorgplan, request.user, form.cleaned_data["versie"], form.cleaned_data["client_naam"]
        )
    except Versieconflict as conflict:
        return _aanbieder_pagina(request, zaak, 409, teken_form=form, conflict=conflict)
    except services.Geweigerd as fout:
        form.add_error(None, str(fout))
        return _aanbieder_pagina(request, zaak, 400, teken_form=form)
    messages.success(request, "Zorgplan ondertekend door cliënt en aanbieder.")
    return redirect("beschikkingen:aanbieder_zaak", pk=zaak.pk)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def levering_start(request: HttpRequest, pk: int) -> HttpResponse:
    t = _eigen_toewijzing(request, pk)
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            services.start_levering(t, request.user, form.cleaned_data["datum"])
        except services.Geweigerd as fout:
            form.add_error("datum", str(fout))
        else:
            messages.success(request, "Start van de levering vastgelegd.")
            return redirect("beschikkingen:aanbieder_zaak", pk=t.zaak_id)
    return _aanbieder_pagina(request, _eigen_zaak(request, t.zaak_id), 400, start_form=form)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def levering_stop(request: HttpRequest, pk: int) -> HttpResponse:
    t = _eigen_toewijzing(request, pk)
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.stop_levering(t, request.user, form.cleaned_data["datum"], form.cleaned_data["reden"])
        except services.Geweigerd as fout:
            form.add_error("datum", str(fout))
        else:
            messages.success(request, "Einde van de levering vastgelegd.")
            return redirect("beschikkingen:aanbieder_zaak", pk=t.zaak_id)
    return _aanbieder_pagina(request, _eigen_zaak(request, t.zaak_id), 400, stop_form=form)
