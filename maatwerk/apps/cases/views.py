"""Case workflow views: worklist, case list, case page, melding, status, opschorting, spoed.

The views parse input and present output. Every change goes through :mod:`.services` (one function
each, audited in its transaction; a refusal is a :class:`~.services.Zaakfout` shown on its field);
pages with personal data read through :mod:`.selectors`, which log the read. Every lookup starts from
:func:`zichtbare_zaken` so guessing another id gives 404.
"""

from __future__ import annotations

from collections import Counter

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol, rol_vereist

from . import selectors, services
from .forms import (
    ClientForm,
    MeldingForm,
    OpschortingBeeindigenForm,
    OpschortingForm,
    SpoedForm,
    StatusForm,
    ToewijzenForm,
)
from .locking import Versieconflict
from .models import STATUS_UITLEG, TREIN, Status, Zaak
from .services import Zaakfout
from .stappen import volgende_stap
from .termijnen import termijnen_van
from .zichtbaarheid import zichtbare_zaken

LEZERS = (*TOEGANGSTEAM, Rol.KWALITEITSMEDEWERKER)


def _zaak(request: HttpRequest, pk: int) -> Zaak:
    return get_object_or_404(
        zichtbare_zaken(request.user).select_related("client", "consulent", "aanbieder"), pk=pk
    )


@rol_vereist(*TOEGANGSTEAM)
def werklijst(request: HttpRequest) -> HttpResponse:
    """What is due or overdue, per consulent (own cases by default; 'alle' for the whole team)."""
    alle = request.GET.get("wie") == "alle"
    team = list(
        get_user_model()
        .objects.filter(groups__name__in=[str(r) for r in TOEGANGSTEAM], is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )
    gekozen = next((u for u in team if str(u.pk) == request.GET.get("consulent", "")), None)
    if gekozen is not None:
        alle = False
    vandaag = timezone.localdate()
    regels = selectors.werklijst(request.user, vandaag, consulent=gekozen, alle=alle)
    return render(
        request,
        "cases/werklijst.html",
        {
            "regels": regels,
            "alle": alle,
            "team": team,
            "gekozen": gekozen,
            "telling": Counter(t.stand for t, _ in regels),
            "berichten": list({z.pk: z for _, z in regels if z.bericht_pk}.values()),
            "vandaag": vandaag,
        },
    )


@rol_vereist(*LEZERS)
def zaken(request: HttpRequest) -> HttpResponse:
    zoek = request.GET.get("zoek", "").strip()
    status = request.GET.get("status", "")
    pagina = selectors.zakenlijst(request.user, zoek, status, request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/zaken.html",
        {
            "pagina": pagina,
            "zoek": zoek,
            "status": status,
            "statussen": Status.choices,
            "query": query.urlencode(),
        },
    )


def _toon_fout(form: forms.Form, fout: Zaakfout) -> None:
    """Show a service's refusal on its field (or above the form when it names none)."""
    form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))


CLIENTVELDEN = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
    "email",
)


def _clientgegevens(data: dict) -> services.Clientgegevens:
    tekst = {v: data.get(v) or "" for v in CLIENTVELDEN if v != "geboortedatum"}
    return services.Clientgegevens(geboortedatum=data.get("geboortedatum"), **tekst)


def _dubbelen(request: HttpRequest, d: dict) -> list[selectors.MogelijkeDubbel]:
    """Known clients this melding may be about (issue 10.4), from whatever fields are valid."""
    return selectors.mogelijke_dubbelen(
        request.user,
        d.get("bsn") or "",
        d.get("achternaam") or "",
        d.get("geboortedatum"),
        d.get("postcode") or "",
    )


def _melding_met_dubbelen(request: HttpRequest, form: MeldingForm, dubbelen: list) -> HttpResponse:
    bsn_bekend = any(d.reden == "zelfde BSN" for d in dubbelen)
    context = {"form": form, "dubbelen": dubbelen, "bsn_bekend": bsn_bekend}
    return render(request, "cases/melding.html", context, status=200 if form.is_valid() else 400)


@rol_vereist(*TOEGANGSTEAM)
def nieuwe_melding(request: HttpRequest) -> HttpResponse:
    form = MeldingForm(request.POST or None)
    keuze = request.POST.get("client_keuze", "")
    onvolledig = request.method == "POST" and not form.is_valid() and not keuze.isdigit()
    if onvolledig and (
        dubbelen := _dubbelen(request, form.cleaned_data)
    ):  # search before the form is complete
        return _melding_met_dubbelen(request, form, dubbelen)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if (eerder := selectors.zaak_van_indiening(d["indiening"])) is not None:
            return redirect("cases:zaak", pk=eerder.pk)  # a double click: this form already made a zaak
        melding = services.Meldinggegevens(
            client=_clientgegevens(d),
            kanaal=d["kanaal"],
            vraag=d["vraag"],
            melddatum=d["melddatum"],
            soort_melding=d["soort_melding"],
            spoed=d["spoed"],
            indiening=d["indiening"],
        )
        if not keuze and (dubbelen := _dubbelen(request, d)):  # first show who this may be
            return _melding_met_dubbelen(request, form, dubbelen)
        try:
            client_id = int(keuze) if keuze.isdigit() else None
            zaak = services.registreer_melding(melding, door=request.user, client_id=client_id)
        except Zaakfout as fout:
            _toon_fout(form, fout)
        else:
            messages.success(request, f"Melding geregistreerd voor {zaak.client.naam} (zaak {zaak.pk}).")
            return redirect("cases:zaak", pk=zaak.pk)
    return render(request, "cases/melding.html", {"form": form})


def _trein(zaak: Zaak) -> list[dict]:
    if zaak.status in (Status.AFGEWEZEN, Status.INGETROKKEN):
        bereikt = {e.naar_status for e in zaak.statusevents.all()}
        stappen = [s for s in TREIN if s in bereikt] + [zaak.status]
    else:
        stappen = list(TREIN)
    index = stappen.index(zaak.status)
    return [
        {"label": Status(s).label, "huidig": i == index, "gedaan": i < index} for i, s in enumerate(stappen)
    ]


@rol_vereist(*LEZERS)
def zaak_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        zaak = selectors.zaak_inzien(request.user, pk, f"zaakpagina {pk} (cliëntgegevens, termijnen)")
    except Zaak.DoesNotExist:
        raise Http404("Deze zaak bestaat niet of u mag hem niet zien.") from None
    opschortingen = list(zaak.opschortingen.all())
    bewerken = heeft_rol(request.user, *TOEGANGSTEAM) and not zaak.is_afgesloten
    onderzoek = getattr(zaak, "onderzoek", None)
    return render(
        request,
        "cases/zaak.html",
        {
            "zaak": zaak,
            "client": zaak.client,
            "trein": _trein(zaak),
            "uitleg": STATUS_UITLEG[zaak.status],
            "termijnen": termijnen_van(zaak, opschortingen=opschortingen),
            "events": zaak.statusevents.select_related("door"),
            "opschortingen": opschortingen,
            "lopende_opschorting": next((o for o in opschortingen if o.tot is None), None),
            "bewerken": bewerken,
            "onderzoek": onderzoek,
            "besluit_url": _besluit_url(zaak),
            "stap": volgende_stap(zaak, onderzoek, _besluit_url(zaak)) if bewerken else None,
            "status_form": StatusForm(huidig=zaak.status) if bewerken else None,
            "opschorting_form": OpschortingForm(zaak=zaak) if bewerken else None,
            "spoed_form": SpoedForm(zaak=zaak) if bewerken and zaak.spoed else None,
            "toewijzen_form": ToewijzenForm(
                initial={"consulent": zaak.consulent_id, "aanbieder": zaak.aanbieder_id}
            )
            if bewerken
            else None,
        },
    )


def _besluit_url(zaak: Zaak) -> str | None:
    """Link to the beschikking flow (beschikkingen app) once there is an aanvraag."""
    if zaak.status in (Status.ONTVANGEN, Status.IN_ONDERZOEK, Status.INGETROKKEN):
        return None
    try:
        return reverse("beschikkingen:besluit", args=[zaak.pk])
    except NoReverseMatch:
        return None


def _opnieuw(request: HttpRequest, zaak: Zaak, **formulieren: forms.Form) -> HttpResponse:
    """Re-render the case page with the failed form (status 400), nothing stored."""
    context = {
        "zaak": zaak,
        "client": zaak.client,
        "trein": _trein(zaak),
        "uitleg": STATUS_UITLEG[zaak.status],
        "termijnen": termijnen_van(zaak),
        "events": zaak.statusevents.select_related("door"),
        "opschortingen": list(zaak.opschortingen.all()),
        "bewerken": True,
        "onderzoek": getattr(zaak, "onderzoek", None),
        "besluit_url": _besluit_url(zaak),
        "stap": volgende_stap(zaak, getattr(zaak, "onderzoek", None), _besluit_url(zaak)),
        "status_form": StatusForm(huidig=zaak.status),
        "opschorting_form": OpschortingForm(zaak=zaak),
        "spoed_form": SpoedForm(zaak=zaak) if zaak.spoed else None,
        "toewijzen_form": ToewijzenForm(
            initial={"consulent": zaak.consulent_id, "aanbieder": zaak.aanbieder_id}
        ),
    }
    context["lopende_opschorting"] = next((o for o in context["opschortingen"] if o.tot is None), None)
    context.update(formulieren)
    messages.error(request, "Er is niets opgeslagen. Verbeter de fouten hieronder.")
    return render(request, "cases/zaak.html", context, status=400)


def _bewerkbaar(request: HttpRequest, pk: int) -> Zaak:
    zaak = _zaak(request, pk)
    if zaak.is_afgesloten:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Deze zaak is afgesloten en kan niet meer worden gewijzigd.")
    return zaak


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def status_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    form = StatusForm(request.POST, huidig=zaak.status)
    if not form.is_valid():
        return _opnieuw(request, zaak, status_form=form)
    d = form.cleaned_data
    try:
        services.wijzig_status(zaak, d["naar"], request.user, d["toelichting"], datum=d["datum"])
    except Zaakfout as fout:
        _toon_fout(form, fout)
        return _opnieuw(request, zaak, status_form=form)
    messages.success(request, f"Status gewijzigd naar '{zaak.get_status_display()}'.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def opschorten(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    form = OpschortingForm(request.POST, zaak=zaak)
    if not form.is_valid():
        return _opnieuw(request, zaak, opschorting_form=form)
    try:
        services.start_opschorting(zaak, door=request.user, **form.cleaned_data)
    except Zaakfout as fout:
        _toon_fout(form, fout)
        return _opnieuw(request, zaak, opschorting_form=form)
    messages.success(request, "De termijnen zijn opgeschort.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def opschorting_beeindigen(request: HttpRequest, pk: int, opschorting_pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    opschorting = get_object_or_404(zaak.opschortingen, pk=opschorting_pk, tot__isnull=True)
    form = OpschortingBeeindigenForm(request.POST, opschorting=opschorting)
    if form.is_valid():
        try:
            services.beeindig_opschorting(zaak, opschorting.pk, form.cleaned_data["tot"], door=request.user)
        except Zaakfout as fout:
            _toon_fout(form, fout)
    if not form.is_valid():
        messages.error(request, "Opschorting niet beëindigd: " + " ".join(form.errors.get("tot", [])))
        return redirect("cases:zaak", pk=zaak.pk)
    messages.success(request, "De opschorting is beëindigd; de termijnen lopen weer.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def spoed(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    form = SpoedForm(request.POST, zaak=zaak)
    if not form.is_valid():
        return _opnieuw(request, zaak, spoed_form=form)
    try:
        services.leg_spoed_vast(zaak, form.cleaned_data["mijlpaal"], form.cleaned_data["datum"], request.user)
    except Zaakfout as fout:
        _toon_fout(form, fout)
        return _opnieuw(request, zaak, spoed_form=form)
    messages.success(request, "Vastgelegd.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose consulent and aanbieder; the rule (aanbieder fixed after the besluit) is in the service."""
    zaak = _bewerkbaar(request, pk)
    form = ToewijzenForm(request.POST)
    if form.is_valid():
        try:
            d = form.cleaned_data
            services.wijs_toe(zaak, d["consulent"], d["aanbieder"], request.user)
        except Zaakfout as fout:
            _toon_fout(form, fout)
        else:
            messages.success(request, "Consulent en aanbieder opgeslagen.")
            return redirect("cases:zaak", pk=zaak.pk)
    return _opnieuw(request, zaak, toewijzen_form=form)


@rol_vereist(*TOEGANGSTEAM)
def client_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Complete or correct the client's personal data (audited; BSN checked and unique)."""
    zaak = _bewerkbaar(request, pk)
    client = zaak.client
    if request.method == "POST":
        form = ClientForm(request.POST, client=client)
        if form.is_valid():
            try:
                services.wijzig_client(
                    zaak,
                    _clientgegevens(form.cleaned_data),
                    door=request.user,
                    verwachte_versie=form.cleaned_data["versie"],
                )
            except Zaakfout as fout:
                _toon_fout(form, fout)
            except Versieconflict as conflict:
                return render(
                    request,
                    "cases/clientconflict.html",
                    {"zaak": zaak, "conflict": conflict, "verschillen": conflict.verschillen},
                    status=409,
                )
            else:
                messages.success(request, "Cliëntgegevens opgeslagen.")
                return redirect("cases:zaak", pk=zaak.pk)
        messages.error(request, "Er is niets opgeslagen. Verbeter de fouten hieronder.")
        status = 400
    else:
        selectors.client_inzien(request.user, zaak, "cliëntgegevens (wijzigformulier)")
        form = ClientForm(
            initial={"versie": client.versie, **{v: getattr(client, v) for v in CLIENTVELDEN}}, client=client
        )
        status = 200
    return render(request, "cases/client.html", {"form": form, "zaak": zaak, "client": client}, status=status)


@rol_vereist(Rol.BELEIDSMEDEWERKER, Rol.KWALITEITSMEDEWERKER, *TOEGANGSTEAM)
def rapportage(request: HttpRequest) -> HttpResponse:
    """Aggregate figures without personal data: cases per status and deadlines met/missed."""
    per_status = dict(Zaak.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    vandaag = timezone.localdate()
    standen: Counter[tuple[str, str]] = Counter()
    for zaak in Zaak.objects.prefetch_related("opschortingen").only(
        "pk",
        "melddatum",
        "spoed",
        "aanvraagdatum",
        "besluitdatum",
        "onderzoek_afgerond_op",
        "voorlopige_beschikking_op",
        "vervolgcontact_op",
        "status",
    ):
        for t in termijnen_van(zaak, vandaag):
            if t.werklijst and t.regel.gehaald_bij:
                if zaak.is_afgesloten and t.is_open:
                    continue
                standen[(t.naam, t.stand)] += 1
    termijnnamen = sorted({naam for naam, _ in standen})
    kolommen = ["gehaald", "te_laat", "open", "opgeschort", "binnenkort", "verlopen"]
    return render(
        request,
        "cases/rapportage.html",
        {
            "per_status": [(Status(s).label, per_status.get(s, 0)) for s in Status.values],
            "totaal": sum(per_status.values()),
            "termijnen": [(naam, [standen[(naam, k)] for k in kolommen]) for naam in termijnnamen],
            "kolommen": ["op tijd", "te laat", "loopt", "opgeschort", "binnenkort", "verlopen"],
        },
    )
