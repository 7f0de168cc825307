"""Case workflow views: worklist, case list, case page, melding, status, opschorting, spoed.

Every page that shows a client's personal data writes an audit entry; every lookup starts from
:func:`zichtbare_zaken` so guessing another id gives 404.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol, rol_vereist
from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.clients.models import Client

from .forms import (
    ClientForm,
    MeldingForm,
    OpschortingBeeindigenForm,
    OpschortingForm,
    SpoedForm,
    StatusForm,
    ToewijzenForm,
)
from .models import STATUS_UITLEG, TREIN, Opschorting, Status, Zaak
from .status import OngeldigeStatusovergang, start_zaak, zet_status
from .termijnen import open_termijnen, opschortingen_per_zaak, termijnen_van
from .zichtbaarheid import zichtbare_zaken

LEZERS = (*TOEGANGSTEAM, Rol.KWALITEITSMEDEWERKER)
#: Once decided, the aanbieder is part of the beschikking and cannot be changed from the case page.
VASTE_AANBIEDER = (Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART)


def _zaak(request: HttpRequest, pk: int) -> Zaak:
    return get_object_or_404(
        zichtbare_zaken(request.user).select_related("client", "consulent", "aanbieder"), pk=pk
    )


@rol_vereist(*TOEGANGSTEAM)
def werklijst(request: HttpRequest) -> HttpResponse:
    """What is due or overdue, per consulent (own cases by default; 'alle' for the whole team)."""
    alle = request.GET.get("wie") == "alle"
    qs = (
        zichtbare_zaken(request.user)
        .exclude(
            status__in=[
                Status.BEEINDIGD,
                Status.AFGEWEZEN,
                Status.INGETROKKEN,
                Status.LEVERING_GESTART,
                Status.TOEGEWEZEN,
            ]
        )
        .select_related("client")
    )
    team = list(
        get_user_model()
        .objects.filter(groups__name__in=[str(r) for r in TOEGANGSTEAM], is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )
    gekozen = next((u for u in team if str(u.pk) == request.GET.get("consulent", "")), None)
    if gekozen is not None:
        qs = qs.filter(consulent=gekozen)
        alle = False
    elif not alle:
        qs = qs.filter(consulent=request.user)
    if alle:  # only the whole-team list shows the consulent column
        qs = qs.select_related("consulent")
    vandaag = timezone.localdate()
    zaken = list(qs)
    opschortingen = opschortingen_per_zaak(zaken)
    regels = []
    for zaak in zaken:
        for t in open_termijnen(zaak, vandaag, opschortingen[zaak.pk]):
            regels.append((t, zaak))
    regels.sort(key=lambda r: (r[0].laatste_dag, r[1].pk))
    telling = Counter(t.stand for t, _ in regels)
    log_clientlijst(request.user, [z.client for _, z in regels], "werklijst (naam)", "werkvoorraad bewaken")
    return render(
        request,
        "cases/werklijst.html",
        {
            "regels": regels,
            "alle": alle,
            "team": team,
            "gekozen": gekozen,
            "telling": telling,
            "vandaag": vandaag,
        },
    )


@rol_vereist(*LEZERS)
def zaken(request: HttpRequest) -> HttpResponse:
    qs = zichtbare_zaken(request.user).select_related("client", "consulent")
    zoek = request.GET.get("zoek", "").strip()
    status = request.GET.get("status", "")
    if zoek:
        if zoek.isdigit():
            qs = qs.filter(Q(client__bsn=zoek) | Q(pk=int(zoek)))
        else:
            qs = qs.filter(Q(client__achternaam__icontains=zoek) | Q(client__voornamen__icontains=zoek))
    if status in Status.values:
        qs = qs.filter(status=status)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    log_clientlijst(
        request.user,
        [z.client for z in pagina.object_list],
        "zakenlijst (naam)" + (f", zoekterm '{zoek[:40]}'" if zoek else ""),
        "zaak opzoeken",
    )
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


@rol_vereist(*TOEGANGSTEAM)
def nieuwe_melding(request: HttpRequest) -> HttpResponse:
    form = MeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with transaction.atomic():
            client = Client.objects.filter(bsn=d["bsn"]).first() if d["bsn"] else None
            nieuw = client is None
            if nieuw:
                client = Client(
                    bsn=d["bsn"] or None,
                    **{
                        k: d[k]
                        for k in (
                            "voornamen",
                            "tussenvoegsel",
                            "achternaam",
                            "geboortedatum",
                            "straat",
                            "huisnummer",
                            "postcode",
                            "woonplaats",
                            "telefoon",
                        )
                    },
                )
                client.full_clean()
                client.save()
            zaak = Zaak(
                client=client,
                consulent=request.user,
                soort_melding=d["soort_melding"],
                melddatum=d["melddatum"],
                kanaal=d["kanaal"],
                vraag=d["vraag"],
                spoed=d["spoed"],
            )
            zaak.full_clean()
            start_zaak(
                zaak,
                request.user,
                f"melding via {zaak.get_kanaal_display().lower()}" + (" (spoed)" if zaak.spoed else ""),
            )
            log_persoonsgegevens(
                request.user,
                client,
                "schrijven",
                "nieuwe cliënt en melding" if nieuw else "melding bij bestaande cliënt",
                "melding registreren",
            )
        messages.success(request, f"Melding geregistreerd voor {client.naam} (zaak {zaak.pk}).")
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
    zaak = _zaak(request, pk)
    log_persoonsgegevens(
        request.user,
        zaak.client,
        "lezen",
        f"zaakpagina {zaak.pk} (cliëntgegevens, termijnen)",
        "behandeling zaak",
    )
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


def _opnieuw(request: HttpRequest, zaak: Zaak, **forms) -> HttpResponse:
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
        "status_form": StatusForm(huidig=zaak.status),
        "opschorting_form": OpschortingForm(zaak=zaak),
        "spoed_form": SpoedForm(zaak=zaak) if zaak.spoed else None,
        "toewijzen_form": ToewijzenForm(
            initial={"consulent": zaak.consulent_id, "aanbieder": zaak.aanbieder_id}
        ),
    }
    context["lopende_opschorting"] = next((o for o in context["opschortingen"] if o.tot is None), None)
    context.update(forms)
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
    try:
        with transaction.atomic():
            zet_status(
                zaak,
                form.cleaned_data["naar"],
                request.user,
                form.cleaned_data["toelichting"],
                datum=form.cleaned_data["datum"],
            )
            log_persoonsgegevens(
                request.user,
                zaak.client,
                "schrijven",
                f"status zaak {zaak.pk} → {zaak.status}",
                "behandeling zaak",
            )
    except OngeldigeStatusovergang as exc:
        form.add_error("datum" if "datum" in str(exc) else "naar", str(exc))
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
    with transaction.atomic():
        Opschorting.objects.create(zaak=zaak, door=request.user, **form.cleaned_data)
        log_persoonsgegevens(
            request.user, zaak.client, "schrijven", f"opschorting zaak {zaak.pk}", "termijnbewaking"
        )
    messages.success(request, "De termijnen zijn opgeschort.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def opschorting_beeindigen(request: HttpRequest, pk: int, opschorting_pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    opschorting = get_object_or_404(zaak.opschortingen, pk=opschorting_pk, tot__isnull=True)
    form = OpschortingBeeindigenForm(request.POST, opschorting=opschorting)
    if not form.is_valid():
        messages.error(request, "Opschorting niet beëindigd: " + " ".join(form.errors.get("tot", [])))
        return redirect("cases:zaak", pk=zaak.pk)
    opschorting.tot = form.cleaned_data["tot"]
    with transaction.atomic():
        opschorting.save(update_fields=["tot"])
        log_persoonsgegevens(
            request.user, zaak.client, "schrijven", f"opschorting zaak {zaak.pk} beëindigd", "termijnbewaking"
        )
    messages.success(request, "De opschorting is beëindigd; de termijnen lopen weer.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def spoed(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    form = SpoedForm(request.POST, zaak=zaak)
    if not zaak.spoed:
        form.is_valid()
        form.add_error(None, "Deze zaak is geen spoedzaak.")
        return _opnieuw(request, zaak, spoed_form=form)
    if not form.is_valid():
        return _opnieuw(request, zaak, spoed_form=form)
    veld = form.cleaned_data["mijlpaal"]
    with transaction.atomic():
        Zaak.objects.filter(pk=zaak.pk).update(**{veld: form.cleaned_data["datum"]})
        log_persoonsgegevens(
            request.user, zaak.client, "schrijven", f"spoed: {veld} zaak {zaak.pk}", "spoedprocedure"
        )
    messages.success(request, "Vastgelegd.")
    return redirect("cases:zaak", pk=zaak.pk)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = _bewerkbaar(request, pk)
    form = ToewijzenForm(request.POST)
    if (
        form.is_valid()
        and zaak.status in VASTE_AANBIEDER
        and form.cleaned_data["aanbieder"] != zaak.aanbieder
    ):
        form.add_error(
            "aanbieder",
            "De aanbieder staat in de beschikking; een andere aanbieder kiest u via een correctie "
            "van de beschikking.",
        )
    if not form.is_valid():
        return _opnieuw(request, zaak, toewijzen_form=form)
    with transaction.atomic():
        Zaak.objects.filter(pk=zaak.pk).update(
            consulent=form.cleaned_data["consulent"], aanbieder=form.cleaned_data["aanbieder"]
        )
        log_persoonsgegevens(
            request.user, zaak.client, "schrijven", f"consulent/aanbieder zaak {zaak.pk}", "behandeling zaak"
        )
    messages.success(request, "Consulent en aanbieder opgeslagen.")
    return redirect("cases:zaak", pk=zaak.pk)


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


@rol_vereist(*TOEGANGSTEAM)
def client_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Complete or correct the client's personal data (audited; BSN checked and unique)."""
    zaak = _bewerkbaar(request, pk)
    client = zaak.client
    if request.method == "POST":
        form = ClientForm(request.POST, client=client)
        if form.is_valid():
            gewijzigd = [
                v for v in CLIENTVELDEN if (getattr(client, v) or "") != (form.cleaned_data[v] or "")
            ]
            with transaction.atomic():
                for veld in CLIENTVELDEN:
                    setattr(client, veld, form.cleaned_data[veld])
                client.bsn = client.bsn or None
                client.save()
                if client.bsn and zaak.soort_melding == "vormvrij":
                    Zaak.objects.filter(pk=zaak.pk).update(soort_melding="volledig")
                log_persoonsgegevens(
                    request.user,
                    client,
                    "schrijven",
                    "cliëntgegevens gewijzigd: " + (", ".join(gewijzigd) or "niets"),
                    f"behandeling zaak {zaak.pk}",
                )
            messages.success(request, "Cliëntgegevens opgeslagen.")
            return redirect("cases:zaak", pk=zaak.pk)
        messages.error(request, "Er is niets opgeslagen. Verbeter de fouten hieronder.")
        status = 400
    else:
        log_persoonsgegevens(
            request.user, client, "lezen", "cliëntgegevens (wijzigformulier)", f"behandeling zaak {zaak.pk}"
        )
        form = ClientForm(initial={v: getattr(client, v) for v in CLIENTVELDEN}, client=client)
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
