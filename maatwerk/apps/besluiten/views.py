"""Views: the consulent's besluit page (plans, beschikking, correction, toewijzing, einde recht).

Every lookup starts from :func:`zichtbare_zaken` (and, for aanbieders, from their own organisation), so a
guessed id of another provider's client gives 404. Every page with personal data writes an audit entry.
Bad input re-renders the page with status 400 and Dutch messages; nothing is stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol, rol_vereist
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Toewijzing

from . import selectors, services
from .forms import (
    AfgevenForm,
    BeoordelingForm,
    BeschikkingForm,
    CorrectieAfgevenForm,
    CorrectieForm,
    CorrectieGoedkeuringVragenForm,
    EindeRechtForm,
    GoedkeuringVragenForm,
    OndersteuningsplanForm,
)
from .models import Beschikking, Goedkeuring
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
    if onderzoek is None or onderzoek.indicatie is None:
        return []
    return list(onderzoek.indicatie.get("resultaatgebieden", []))


def _besluitpagina(request: HttpRequest, zaak: Zaak, status: int = 200, **forms: Any) -> HttpResponse:
    bewerken = heeft_rol(request.user, *TOEGANGSTEAM)
    onderzoek = getattr(zaak, "onderzoek", None)
    plan = getattr(zaak, "ondersteuningsplan", None)
    zorgplan = levering.getekend_zorgplan(zaak)
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
        "goedkeuringen": zaak.goedkeuringen.select_related("gevraagd_door", "beoordeeld_door").defer("html"),
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
        or BeschikkingForm(initial={"gevraagd": services.hulpvraag_voor_brief(zaak)}),
        "einde_form": forms.get("einde_form") or EindeRechtForm(),
    }
    return render(request, "besluiten/besluit.html", context, status=status)


@rol_vereist(*LEZERS)
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _zaak(request, pk)
    selectors.besluitpagina_gelezen(request.user, zaak)
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


def _conceptpagina(
    request: HttpRequest, zaak: Zaak, form: BeschikkingForm, status: int = 200, afgeven_form: Any = None
) -> HttpResponse:
    """Render the letter exactly as it will be stored, with the confirmation (or the approval request)."""
    besluit = _besluitgegevens(form.cleaned_data)
    try:
        concept = services.maak_concept(zaak, request.user, besluit)
    except services.Geweigerd as fout:
        form.add_error(None, str(fout))
        return _besluitpagina(request, zaak, 400, beschikking_form=form)
    data = {k: v for k, v in form.cleaned_data.items() if k in BeschikkingForm.base_fields}
    data["concepthash"] = concept.concepthash
    context = {
        "zaak": zaak,
        "concept": concept,
        "afgeven_form": afgeven_form or AfgevenForm(initial=data),
        "vragen_form": GoedkeuringVragenForm(initial=data),
    }
    return render(request, "besluiten/concept.html", context, status=status)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def concept(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Concept bekijken": the beschikking as it will be stored; nothing is stored."""
    zaak = _zaak(request, pk)
    form = BeschikkingForm(request.POST)
    if not form.is_valid():
        return _besluitpagina(request, zaak, 400, beschikking_form=form)
    return _conceptpagina(request, zaak, form)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def afgeven(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue after the concept was seen and confirmed (the concept's hash must match the stored letter)."""
    zaak = _zaak(request, pk)
    form = AfgevenForm(request.POST)
    gegevens = BeschikkingForm(request.POST)
    if not gegevens.is_valid():
        return _besluitpagina(request, zaak, 400, beschikking_form=gegevens)
    if not form.is_valid():
        return _conceptpagina(request, zaak, gegevens, 400, afgeven_form=form)
    try:
        beschikking = services.geef_beschikking_af(
            zaak,
            request.user,
            _besluitgegevens(form.cleaned_data),
            concepthash=form.cleaned_data["concepthash"] or None,
        )
    except (services.Geweigerd, levering.Iwmofout) as fout:
        form.add_error(None, str(fout))
        return _conceptpagina(request, zaak, gegevens, 400, afgeven_form=form)
    messages.success(request, f"Beschikking {beschikking.kenmerk} is afgegeven.")
    return redirect("beschikkingen:beschikking", pk=beschikking.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def goedkeuring_vragen(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _zaak(request, pk)
    form = GoedkeuringVragenForm(request.POST)
    if not form.is_valid():
        return _besluitpagina(request, zaak, 400, beschikking_form=BeschikkingForm(request.POST))
    try:
        services.vraag_goedkeuring(
            zaak, request.user, _besluitgegevens(form.cleaned_data), form.cleaned_data["concepthash"]
        )
    except services.Geweigerd as fout:
        messages.error(request, str(fout))
        return _conceptpagina(request, zaak, form, 400)
    messages.success(request, "Goedkeuring gevraagd. Een senior consulent beoordeelt het concept.")
    return redirect("beschikkingen:besluit", pk=zaak.pk)


@rol_vereist(*LEZERS)
def goedkeuring(request: HttpRequest, pk: int) -> HttpResponse:
    """The concept a senior consulent approves or rejects (other roles only read it)."""
    g = get_object_or_404(
        Goedkeuring.objects.filter(zaak__in=zichtbare_zaken(request.user)).select_related(
            "zaak", "zaak__client", "gevraagd_door", "beoordeeld_door"
        ),
        pk=pk,
    )
    selectors.goedkeuring_gelezen(request.user, g)
    mag = heeft_rol(request.user, Rol.SENIOR_CONSULENT) and g.akkoord is None
    form = BeoordelingForm(request.POST or None) if mag else None
    status = 200
    if request.method == "POST":
        if form is None:
            return HttpResponse("U mag deze goedkeuring niet beoordelen.", status=403)
        if form.is_valid():
            try:
                services.beoordeel_goedkeuring(
                    g, request.user, form.cleaned_data["akkoord"], form.cleaned_data["opmerking"]
                )
            except services.Geweigerd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, "Uw oordeel is vastgelegd.")
                return redirect("beschikkingen:besluit", pk=g.zaak_id)
        status = 400
    return render(
        request,
        "besluiten/goedkeuring.html",
        {"g": g, "zaak": g.zaak, "form": form, "verder": _verder(request, g)},
        status=status,
    )


def _verder(request: HttpRequest, g: Goedkeuring) -> dict[str, Any] | None:
    """After approval: reopen the approved concept (first beschikking or correction) without retyping.

    The hidden fields are the stored decision; the concept is rendered again, so issuing still needs
    the letter to be exactly the approved one (its hash)."""
    if g.akkoord is not True or not heeft_rol(request.user, *TOEGANGSTEAM):
        return None
    data = dict(g.besluitgegevens)
    correctie_van = data.pop("correctie_van", None)
    if correctie_van is not None:
        oud = Beschikking.objects.filter(pk=correctie_van, zaak=g.zaak).defer("html", "pdf").first()
        if oud is None or oud.is_vervangen:
            return None
        actie, velden = reverse("beschikkingen:correctie_concept", args=[oud.pk]), CorrectieForm.base_fields
        knop = "Concept van de correctie opnieuw bekijken en afgeven"
    else:
        if g.zaak.beschikkingen.exists():
            return None
        actie, velden = reverse("beschikkingen:concept", args=[g.zaak_id]), BeschikkingForm.base_fields
        knop = "Concept opnieuw bekijken en afgeven"
    return {
        "actie": actie,
        "knop": knop,
        "velden": [(naam, "" if data.get(naam) is None else data[naam]) for naam in velden],
    }


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
    selectors.beschikking_gelezen(request.user, b, "voorbeeld")
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
    goedkeuringen = (
        Goedkeuring.objects.filter(zaak=b.zaak, besluitgegevens__correctie_van=b.pk)
        .select_related("gevraagd_door", "beoordeeld_door")
        .defer("html")
    )
    return render(
        request,
        "besluiten/beschikking.html",
        {
            "b": b,
            "zaak": b.zaak,
            "versies": versies,
            "correctie_form": form,
            "hash_klopt": b.hash_klopt(),
            "goedkeuringen": goedkeuringen,
        },
        status=status,
    )


@rol_vereist(*LEZERS)
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    b = _beschikking(request, pk)
    selectors.beschikking_gelezen(request.user, b, "PDF")
    response = HttpResponse(bytes(b.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="beschikking-{b.kenmerk}-v{b.versie}.pdf"'
    response["X-Inhoudshash-SHA256"] = b.inhoudshash
    return response


def _correctieconcept(
    request: HttpRequest, b: Beschikking, form: CorrectieForm, status: int = 200, afgeven_form: Any = None
) -> HttpResponse:
    try:
        concept = services.maak_correctieconcept(
            b, request.user, form.cleaned_data["correctie_reden"], _besluitgegevens(form.cleaned_data)
        )
    except services.Geweigerd as fout:
        form.add_error(None, str(fout))
        return beschikking(request, b.pk, correctie_form=form, status=400)
    data = {k: v for k, v in form.cleaned_data.items() if k in CorrectieForm.base_fields}
    data["concepthash"] = concept.concepthash
    context = {
        "zaak": b.zaak,
        "concept": concept,
        "correctie": b,
        "afgeven_form": afgeven_form or CorrectieAfgevenForm(initial=data),
        "vragen_form": CorrectieGoedkeuringVragenForm(initial=data),
    }
    return render(request, "besluiten/concept.html", context, status=status)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def correctie_concept(request: HttpRequest, pk: int) -> HttpResponse:
    """The correction letter as it will be stored; nothing is stored."""
    b = _beschikking(request, pk)
    form = CorrectieForm(request.POST)
    if not form.is_valid():
        return beschikking(request, pk, correctie_form=form, status=400)
    return _correctieconcept(request, b, form)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def corrigeren(request: HttpRequest, pk: int) -> HttpResponse:
    b = _beschikking(request, pk)
    gegevens = CorrectieForm(request.POST)
    if not gegevens.is_valid():
        return beschikking(request, pk, correctie_form=gegevens, status=400)
    form = CorrectieAfgevenForm(request.POST)
    if not form.is_valid():
        return _correctieconcept(request, b, gegevens, 400, afgeven_form=form)
    try:
        nieuw = services.corrigeer_beschikking(
            b,
            request.user,
            form.cleaned_data["correctie_reden"],
            _besluitgegevens(form.cleaned_data),
            concepthash=form.cleaned_data["concepthash"] or None,
        )
    except (services.Geweigerd, levering.Iwmofout) as fout:
        form.add_error(None, str(fout))
        return _correctieconcept(request, b, gegevens, 400, afgeven_form=form)
    messages.success(request, f"Correctie afgegeven: versie {nieuw.versie} vervangt versie {b.versie}.")
    return redirect("beschikkingen:beschikking", pk=nieuw.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def correctie_goedkeuring_vragen(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask a senior consulent to approve a correction (when the gemeente's rules require it)."""
    b = _beschikking(request, pk)
    form = CorrectieGoedkeuringVragenForm(request.POST)
    if not form.is_valid():
        return beschikking(request, pk, correctie_form=CorrectieForm(request.POST), status=400)
    try:
        services.vraag_correctiegoedkeuring(
            b,
            request.user,
            form.cleaned_data["correctie_reden"],
            _besluitgegevens(form.cleaned_data),
            form.cleaned_data["concepthash"],
        )
    except services.Geweigerd as fout:
        messages.error(request, str(fout))
        return _correctieconcept(request, b, form, 400)
    messages.success(request, "Goedkeuring gevraagd. Een senior consulent beoordeelt de correctie.")
    return redirect("beschikkingen:beschikking", pk=b.pk)


def brief_stijl(request: HttpRequest) -> HttpResponse:
    """The letter CSS as a stylesheet (the CSP forbids inline styles in the app)."""
    return HttpResponse(brief_css(), content_type="text/css; charset=utf-8")


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign a ZIN beschikking to the zaak's provider when that did not happen at issuing."""
    zaak = _zaak(request, pk)
    try:
        toewijzing = levering.wijs_later_toe(zaak, request.user)
    except levering.Geweigerd as fout:
        messages.error(request, str(fout))
        return _besluitpagina(request, zaak, 400)
    messages.success(request, f"Toegewezen aan {toewijzing.aanbieder}.")
    return redirect("beschikkingen:besluit", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def einde_recht(request: HttpRequest, pk: int) -> HttpResponse:
    t = get_object_or_404(Toewijzing.objects.filter(zaak__in=zichtbare_zaken(request.user)), pk=pk)
    zaak = _zaak(request, t.zaak_id)
    form = EindeRechtForm(request.POST)
    if form.is_valid():
        try:
            levering.beeindig_recht(t, request.user, form.cleaned_data["datum"], form.cleaned_data["reden"])
        except services.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, "Einde recht vastgelegd.")
            return redirect("beschikkingen:besluit", pk=zaak.pk)
    return _besluitpagina(request, zaak, 400, einde_form=form)
