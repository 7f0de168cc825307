"""Views: the consulent's besluit page (plans, beschikking, correction, toewijzing) and the aanbieder portal.

Every lookup starts from :func:`zichtbare_zaken` (and, for aanbieders, from their own organisation), so a
guessed id of another provider's client gives 404. Every page with personal data writes an audit entry.
Bad input re-renders the page with status 400 and Dutch messages; nothing is stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, aanbieder_van, heeft_rol, rol_vereist
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from . import services
from .forms import (
    BeschikkingForm,
    CorrectieForm,
    EindeRechtForm,
    OndersteuningsplanForm,
    StartForm,
    StopForm,
    TekenForm,
    ZorgplanForm,
)
from .iwmo import Iwmofout
from .models import Beschikking, Toewijzing, Zorgplan
from .render import brief_css

LEZERS = (*TOEGANGSTEAM, Rol.KWALITEITSMEDEWERKER)


def _zaak(request: HttpRequest, pk: int) -> Zaak:
    return get_object_or_404(
        zichtbare_zaken(request.user).select_related("client", "aanbieder", "consulent"), pk=pk
    )


def _gebieden(zaak: Zaak) -> list[dict[str, Any]]:
    plan = getattr(zaak, "ondersteuningsplan", None)
    if plan is not None:
        return plan.gebieden
    onderzoek = getattr(zaak, "onderzoek", None)
    return list((onderzoek.indicatie or {}).get("resultaatgebieden", [])) if onderzoek else []


def _besluitpagina(request: HttpRequest, zaak: Zaak, status: int = 200, **forms: Any) -> HttpResponse:
    bewerken = heeft_rol(request.user, *TOEGANGSTEAM)
    onderzoek = getattr(zaak, "onderzoek", None)
    plan = getattr(zaak, "ondersteuningsplan", None)
    zorgplan = (
        Zorgplan.objects.filter(zaak=zaak).select_related("aanbieder", "getekend_aanbieder_door").first()
    )
    beschikkingen = list(zaak.beschikkingen.defer("html", "pdf").order_by("-versie"))
    gebieden = _gebieden(zaak)
    context = {
        "zaak": zaak,
        "client": zaak.client,
        "onderzoek": onderzoek,
        "plan": plan,
        "zorgplan": zorgplan,
        "beschikkingen": beschikkingen,
        "toewijzingen": zaak.toewijzingen.select_related("aanbieder"),
        "bewerken": bewerken,
        "kan_afgeven": bewerken and not beschikkingen and zaak.status == Status.AANVRAAG,
        "kan_toewijzen": bewerken
        and zaak.status == Status.BESLUIT
        and bool(beschikkingen)
        and beschikkingen[0].leveringsvorm == "ZIN"
        and beschikkingen[0].aanbieder_id is not None,
        "plan_form": forms.get("plan_form")
        or (
            OndersteuningsplanForm(gebieden=gebieden) if bewerken and gebieden and not beschikkingen else None
        ),
        "beschikking_form": forms.get("beschikking_form")
        or BeschikkingForm(initial={"gevraagd": zaak.vraag}),
        "einde_form": forms.get("einde_form") or EindeRechtForm(),
    }
    return render(request, "beschikkingen/besluit.html", context, status=status)


@rol_vereist(*LEZERS)
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _zaak(request, pk)
    log_persoonsgegevens(
        request.user,
        zaak.client,
        "lezen",
        f"besluitpagina zaak {zaak.pk} (plannen, beschikking)",
        "besluitvorming",
    )
    return _besluitpagina(request, zaak)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def ondersteuningsplan(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _zaak(request, pk)
    form = OndersteuningsplanForm(request.POST, gebieden=_gebieden(zaak))
    if not form.is_valid():
        return _besluitpagina(request, zaak, 400, plan_form=form)
    try:
        services.stel_ondersteuningsplan_op(
            zaak, request.user, form.doelen(), form.cleaned_data["toelichting"]
        )
    except services.Geweigerd as fout:
        form.add_error(None, str(fout))
        return _besluitpagina(request, zaak, 400, plan_form=form)
    messages.success(request, "Ondersteuningsplan opgeslagen. De aanbieder kan nu het zorgplan opstellen.")
    return redirect("beschikkingen:besluit", pk=zaak.pk)


def _besluitgegevens(data: dict[str, Any]) -> services.Besluitgegevens:
    return services.Besluitgegevens(
        besluit=data["besluit"],
        ingangsdatum=data.get("ingangsdatum"),
        einddatum=data.get("einddatum"),
        leveringsvorm=data["leveringsvorm"],
        gevraagd=data["gevraagd"],
        motivering=data.get("motivering", ""),
        reden_geen_zorgplan=data.get("reden_geen_zorgplan", ""),
    )


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def afgeven(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _zaak(request, pk)
    form = BeschikkingForm(request.POST)
    if not form.is_valid():
        return _besluitpagina(request, zaak, 400, beschikking_form=form)
    try:
        beschikking = services.geef_beschikking_af(zaak, request.user, _besluitgegevens(form.cleaned_data))
    except (services.Geweigerd, Iwmofout) as fout:
        form.add_error(None, str(fout))
        return _besluitpagina(request, zaak, 400, beschikking_form=form)
    messages.success(request, f"Beschikking {beschikking.kenmerk} is afgegeven.")
    return redirect("beschikkingen:beschikking", pk=beschikking.pk)


def _beschikking(request: HttpRequest, pk: int) -> Beschikking:
    return get_object_or_404(
        Beschikking.objects.filter(zaak__in=zichtbare_zaken(request.user)).select_related(
            "zaak", "zaak__client"
        ),
        pk=pk,
    )


@rol_vereist(*LEZERS)
def beschikking(
    request: HttpRequest, pk: int, correctie_form: CorrectieForm | None = None, status: int = 200
) -> HttpResponse:
    b = _beschikking(request, pk)
    log_persoonsgegevens(
        request.user,
        b.zaak.client,
        "lezen",
        f"beschikking {b.kenmerk} v{b.versie} (voorbeeld)",
        "besluitvorming",
    )
    form = correctie_form
    if form is None and heeft_rol(request.user, *TOEGANGSTEAM) and not b.is_vervangen:
        form = CorrectieForm(
            initial={
                "besluit": b.besluit,
                "gevraagd": b.gevraagd,
                "motivering": b.motivering,
                "ingangsdatum": b.ingangsdatum,
                "einddatum": b.einddatum,
                "leveringsvorm": b.leveringsvorm or "ZIN",
                "reden_geen_zorgplan": b.reden_geen_zorgplan,
            }
        )
    versies = Beschikking.objects.filter(zaak=b.zaak).defer("html", "pdf").order_by("versie")
    return render(
        request,
        "beschikkingen/beschikking.html",
        {"b": b, "zaak": b.zaak, "versies": versies, "correctie_form": form, "hash_klopt": b.hash_klopt()},
        status=status,
    )


@rol_vereist(*LEZERS)
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    b = _beschikking(request, pk)
    log_persoonsgegevens(
        request.user, b.zaak.client, "lezen", f"beschikking {b.kenmerk} v{b.versie} (PDF)", "besluitvorming"
    )
    response = HttpResponse(bytes(b.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="beschikking-{b.kenmerk}-v{b.versie}.pdf"'
    response["X-Inhoudshash-SHA256"] = b.inhoudshash
    return response


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def corrigeren(request: HttpRequest, pk: int) -> HttpResponse:
    b = _beschikking(request, pk)
    form = CorrectieForm(request.POST)
    if not form.is_valid():
        return beschikking(request, pk, correctie_form=form, status=400)
    try:
        nieuw = services.corrigeer_beschikking(
            b, request.user, form.cleaned_data["correctie_reden"], _besluitgegevens(form.cleaned_data)
        )
    except (services.Geweigerd, Iwmofout) as fout:
        form.add_error(None, str(fout))
        return beschikking(request, pk, correctie_form=form, status=400)
    messages.success(request, f"Correctie afgegeven: versie {nieuw.versie} vervangt versie {b.versie}.")
    return redirect("beschikkingen:beschikking", pk=nieuw.pk)


def brief_stijl(request: HttpRequest) -> HttpResponse:
    """The letter CSS as a stylesheet (the CSP forbids inline styles in the app)."""
    return HttpResponse(brief_css(), content_type="text/css; charset=utf-8")


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign a ZIN beschikking to the zaak's provider when that did not happen at issuing."""
    zaak = _zaak(request, pk)
    b = zaak.beschikkingen.filter(correctie__isnull=True).order_by("-versie").first()
    try:
        if b is None or b.leveringsvorm != "ZIN" or b.aanbieder_id is None:
            raise services.Geweigerd(
                "Er is geen beschikking met zorg in natura en een aanbieder om toe te wijzen."
            )
        if b.toewijzingen.exists() or zaak.status != Status.BESLUIT:
            raise services.Geweigerd("Deze beschikking is al toegewezen.")
        services.wijs_toe(zaak, b, request.user)
    except services.Geweigerd as fout:
        messages.error(request, str(fout))
        return _besluitpagina(request, zaak, 400)
    messages.success(request, f"Toegewezen aan {b.aanbieder}.")
    return redirect("beschikkingen:besluit", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def einde_recht(request: HttpRequest, pk: int) -> HttpResponse:
    t = get_object_or_404(Toewijzing.objects.filter(zaak__in=zichtbare_zaken(request.user)), pk=pk)
    zaak = _zaak(request, t.zaak_id)
    form = EindeRechtForm(request.POST)
    if form.is_valid():
        try:
            services.beeindig_recht(t, request.user, form.cleaned_data["datum"], form.cleaned_data["reden"])
        except services.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, "Einde recht vastgelegd.")
            return redirect("beschikkingen:besluit", pk=zaak.pk)
    return _besluitpagina(request, zaak, 400, einde_form=form)


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
    log_persoonsgegevens(
        request.user, t.zaak.client, "lezen", f"WMO301-bericht toewijzing {t.pk}", "toewijzing aan aanbieder"
    )
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="WMO301-toewijzing-{t.pk}.xml"'
    return response


# --- aanbieder portal ---------------------------------------------------------------------------


def _eigen_zaak(request: HttpRequest, pk: int) -> Zaak:
    aanbieder = aanbieder_van(request.user)
    if aanbieder is None:
        raise Http404
    return get_object_or_404(
        zichtbare_zaken(request.user).filter(aanbieder=aanbieder).select_related("client", "aanbieder"), pk=pk
    )


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
    aanbieder = aanbieder_van(request.user)
    zaken = (
        zichtbare_zaken(request.user)
        .filter(aanbieder=aanbieder)
        .select_related("client")
        .prefetch_related("toewijzingen")
        .order_by("client__achternaam", "pk")
        if aanbieder is not None
        else Zaak.objects.none()
    )
    zorgplannen = {z.zaak_id: z for z in Zorgplan.objects.filter(zaak__in=zaken)}
    regels = [(z, zorgplannen.get(z.pk), next(iter(z.toewijzingen.all()), None)) for z in zaken]
    log_persoonsgegevens(
        request.user, None, "lezen", f"aanbiederportaal: namen van {len(regels)} cliënten", "zorg leveren"
    )
    return render(
        request, "beschikkingen/aanbieder_overzicht.html", {"aanbieder": aanbieder, "regels": regels}
    )


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
    return render(request, "beschikkingen/aanbieder_zaak.html", context, status=status)


@rol_vereist(Rol.AANBIEDER)
def aanbieder_zaak(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _eigen_zaak(request, pk)
    log_persoonsgegevens(
        request.user, zaak.client, "lezen", f"aanbiederportaal zaak {zaak.pk} (plannen)", "zorg leveren"
    )
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
