"""Bezwaar pages: list, register, one bezwaar with its steps, and the Termijnen worklist (bezwaar + klacht).

Views parse and present; every change goes through :mod:`.services`. A jurist handles bezwaren; the access
team and the kwaliteitsmedewerker read them; an aanbieder never sees them. Every read of personal data
is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import Rol, heeft_rol, rol_vereist
from maatwerk.apps.cases.models import Zaak
from maatwerk.veilig import geheel_getal

from . import koppeling, selectors, services
from .forms import (
    AdviesForm,
    BeslissenForm,
    BezwaarForm,
    HoorzittingPlannenForm,
    HoorzittingVerslagForm,
    InformeelForm,
    IngebrekestellingForm,
    IntrekkenForm,
    OntvankelijkheidForm,
    VerdagenForm,
)
from .models import Bezwaar

LEZERS = (Rol.JURIST, Rol.CONSULENT, Rol.SENIOR_CONSULENT, Rol.KWALITEITSMEDEWERKER)
TERMIJN_LEZERS = (Rol.JURIST, Rol.KWALITEITSMEDEWERKER)
WAAROM = "behandeling bezwaar"


def _bezwaar(pk: int) -> Bezwaar:
    return get_object_or_404(
        Bezwaar.objects.select_related("zaak__client", "beschikking", "nieuwe_beschikking", "behandelaar"),
        pk=pk,
    )


@rol_vereist(*LEZERS)
def lijst(request: HttpRequest) -> HttpResponse:
    """Bezwaren, open ones first, with their deadlines; ``?zaak=N`` shows those of one zaak."""
    qs = Bezwaar.objects.select_related("zaak__client", "beschikking")
    zaak_id = geheel_getal(request.GET.get("zaak", ""))
    zaak_nr = "" if zaak_id is None else str(zaak_id)
    if zaak_id is not None:
        qs = qs.filter(zaak_id=zaak_id)
    alle = request.GET.get("alle") == "1"
    if not alle:
        qs = qs.filter(uitkomst="", ingetrokken_op__isnull=True)
    bezwaren = list(qs[:500])
    selectors.lijst_gelezen(
        request.user, [b.zaak.client for b in bezwaren], "bezwarenlijst (naam, termijnen)", WAAROM
    )
    return render(
        request,
        "bezwaren/lijst.html",
        {
            "bezwaren": bezwaren,
            "alle": alle,
            "zaak_nr": zaak_nr,
            "jurist": heeft_rol(request.user, Rol.JURIST),
            "vandaag": timezone.localdate(),
        },
    )


@rol_vereist(Rol.JURIST)
def nieuw(request: HttpRequest) -> HttpResponse:
    """Register a bezwaarschrift against the current beschikking of a zaak (or premature, without one)."""
    form = BezwaarForm(
        request.POST or None, initial={"zaak": request.GET.get("zaak"), "ontvangen_op": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        zaak = Zaak.objects.select_related("client").filter(pk=d["zaak"]).first()
        versie = koppeling.versie_van(zaak, d["versie"]) if zaak is not None and d["versie"] else None
        if zaak is None:
            form.add_error("zaak", "Er is geen zaak met dit nummer.")
        elif d["versie"] and versie is None:
            form.add_error("versie", "Deze zaak heeft geen beschikking met dit versienummer.")
        else:
            try:
                bezwaar = services.registreer_bezwaar(
                    zaak,
                    request.user,
                    ontvangen_op=d["ontvangen_op"],
                    indiener=d["indiener"],
                    indiener_naam=d["indiener_naam"],
                    gronden=d["gronden"],
                    over_kwaliteit=d["over_kwaliteit"],
                    beschikking=versie,
                )
            except services.Geweigerd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, f"Bezwaar {bezwaar.kenmerk} is geregistreerd.")
                return redirect("bezwaren:bezwaar", pk=bezwaar.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "bezwaren/nieuw.html", {"form": form}, status=status)


def _formulieren(bezwaar: Bezwaar, jurist: bool, vandaag: Any) -> dict[str, forms.Form | None]:
    if not jurist or bezwaar.is_afgerond:
        return {}
    open_zitting = bezwaar.hoorzittingen.filter(gehouden=False).first()
    return {
        "ontvankelijkheid": OntvankelijkheidForm(prefix="ontvankelijkheid")
        if bezwaar.beschikking_id
        else None,
        "informeel": InformeelForm(prefix="informeel", initial={"datum": vandaag}),
        "hoorzitting": HoorzittingPlannenForm(
            prefix="hoorzitting", initial={"uitnodiging_verzonden_op": vandaag}
        )
        if bezwaar.beschikking_id and open_zitting is None
        else None,
        "verslag": HoorzittingVerslagForm(prefix="verslag") if open_zitting is not None else None,
        "advies": AdviesForm(prefix="advies", initial={"advies_op": vandaag}) if bezwaar.commissie else None,
        "verdagen": VerdagenForm(prefix="verdagen", initial={"op": vandaag, "weken": 6})
        if bezwaar.beschikking_id and bezwaar.verdaagd_weken is None
        else None,
        "beslissen": BeslissenForm(prefix="beslissen", initial={"beslist_op": vandaag})
        if bezwaar.beschikking_id
        else None,
        "intrekken": IntrekkenForm(prefix="intrekken", initial={"op": vandaag}),
        "ingebrekestelling": IngebrekestellingForm(prefix="ingebrekestelling", initial={"op": vandaag})
        if bezwaar.beschikking_id and bezwaar.ingebrekestelling_op is None
        else None,
    }


def _pagina(request: HttpRequest, bezwaar: Bezwaar, status: int = 200, **fout: forms.Form) -> HttpResponse:
    vandaag = timezone.localdate()
    jurist = heeft_rol(request.user, Rol.JURIST)
    formulieren = {**_formulieren(bezwaar, jurist, vandaag), **fout}
    return render(
        request,
        "bezwaren/bezwaar.html",
        {
            "bezwaar": bezwaar,
            "client": bezwaar.zaak.client,
            "bezwaartermijn": bezwaar.bezwaartermijn,
            "beslistermijn": bezwaar.beslistermijn,
            "dwangsom": bezwaar.dwangsom(vandaag),
            "informeel": bezwaar.informeel.all(),
            "hoorzittingen": bezwaar.hoorzittingen.all(),
            "klachten": bezwaar.klachten.all() if hasattr(bezwaar, "klachten") else [],
            "jurist": jurist,
            "f": formulieren,
            "vandaag": vandaag,
        },
        status=status,
    )


@rol_vereist(*LEZERS)
def bezwaar(request: HttpRequest, pk: int) -> HttpResponse:
    b = _bezwaar(pk)
    selectors.gelezen(request.user, b.zaak.client, f"bezwaar {b.kenmerk} (dossier en beschikking)", WAAROM)
    return _pagina(request, b)


def _open_zitting(b: Bezwaar):  # type: ignore[no-untyped-def]
    zitting = b.hoorzittingen.filter(gehouden=False).first()
    if zitting is None:
        raise services.Geweigerd("Er is geen geplande hoorzitting om vast te leggen.")
    return zitting


#: action -> (form class, service call with the cleaned data)
ACTIES: dict[str, tuple[type[forms.Form] | None, Callable[[Bezwaar, Any, Any], Any]]] = {
    "ontvankelijkheid": (
        OntvankelijkheidForm,
        lambda b, u, f: services.beoordeel_ontvankelijkheid(b, u, **f.waarden()),
    ),
    "informeel": (InformeelForm, lambda b, u, f: services.leg_informele_actie_vast(b, u, **f.cleaned_data)),
    "hoorzitting": (
        HoorzittingPlannenForm,
        lambda b, u, f: services.plan_hoorzitting(b, u, **f.cleaned_data),
    ),
    "verslag": (
        HoorzittingVerslagForm,
        lambda b, u, f: services.leg_hoorzitting_vast(_open_zitting(b), u, **f.cleaned_data),
    ),
    "advies": (AdviesForm, lambda b, u, f: services.leg_advies_vast(b, u, **f.cleaned_data)),
    "verdagen": (VerdagenForm, lambda b, u, f: services.verdaag(b, u, **f.cleaned_data)),
    "beslissen": (BeslissenForm, lambda b, u, f: services.beslis(b, u, **f.cleaned_data)),
    "intrekken": (IntrekkenForm, lambda b, u, f: services.trek_in(b, u, **f.cleaned_data)),
    "ingebrekestelling": (
        IngebrekestellingForm,
        lambda b, u, f: services.registreer_ingebrekestelling(b, u, **f.cleaned_data),
    ),
    "koppelen": (None, lambda b, u, f: services.koppel_besluit(b, u)),
}

GELUKT = {
    "ontvankelijkheid": "De ontvankelijkheid is vastgelegd.",
    "informeel": "De informele stap is vastgelegd.",
    "hoorzitting": "De hoorzitting is gepland.",
    "verslag": "Het verslag van de hoorzitting is vastgelegd.",
    "advies": "Het advies van de commissie is vastgelegd.",
    "verdagen": "De beslissing is verdaagd.",
    "beslissen": "De beslissing op bezwaar is vastgelegd.",
    "intrekken": "Het bezwaar is ingetrokken.",
    "ingebrekestelling": "De ingebrekestelling is vastgelegd.",
    "koppelen": "Het bezwaar is gekoppeld aan de beschikking.",
}


@require_POST
@rol_vereist(Rol.JURIST)
def actie(request: HttpRequest, pk: int, naam: str) -> HttpResponse:
    if naam not in ACTIES:
        raise Http404("Onbekende stap.")
    b = _bezwaar(pk)
    form_klasse, uitvoeren = ACTIES[naam]
    form = form_klasse(request.POST, prefix=naam) if form_klasse else None
    if form is not None and not form.is_valid():
        return _pagina(request, b, status=400, **{naam: form})
    try:
        uitvoeren(b, request.user, form)
    except services.Geweigerd as fout:
        if form is None:
            messages.error(request, str(fout))
            return redirect("bezwaren:bezwaar", pk=b.pk)
        form.add_error(None, str(fout))
        return _pagina(request, _bezwaar(pk), status=400, **{naam: form})
    messages.success(request, GELUKT[naam])
    return redirect("bezwaren:bezwaar", pk=b.pk)


@rol_vereist(*TERMIJN_LEZERS)
def termijnen(request: HttpRequest) -> HttpResponse:
    """The Termijnen worklist: open bezwaren and klachten by their last day (Awb after the Atw)."""
    from maatwerk.apps.klachten.models import Klacht

    vandaag = timezone.localdate()
    regels = []
    bezwaren = list(
        Bezwaar.objects.filter(uitkomst="", ingetrokken_op__isnull=True).select_related("zaak__client")
    )
    for b in bezwaren:
        t = b.beslistermijn
        regels.append(
            {
                "soort": "Beslissing op bezwaar",
                "kenmerk": b.kenmerk,
                "url": f"/bezwaren/{b.pk}/",
                "wie": b.zaak.client.naam,
                "termijn": t,
                "verdaagd": b.verdaagd_weken is not None,
            }
        )
    klachten = list(Klacht.objects.filter(oordeel="").select_related("zaak__client", "aanbieder"))
    for k in klachten:
        regels.append(
            {
                "soort": "Afhandeling klacht",
                "kenmerk": k.kenmerk,
                "url": f"/klachten/{k.pk}/",
                "wie": k.klager,
                "termijn": k.termijn,
                "verdaagd": k.verdaagd_weken is not None,
            }
        )
    for r in regels:
        t = r["termijn"]
        r["dagen"] = (t.einddatum - vandaag).days if t else None
        r["verlopen"] = -r["dagen"] if r["dagen"] is not None and r["dagen"] < 0 else 0
        r["stand"] = (
            "onbekend"
            if t is None
            else "verlopen"
            if r["dagen"] < 0
            else "binnenkort"
            if r["dagen"] <= 7
            else "open"
        )
    regels.sort(key=lambda r: (r["termijn"] is None, r["termijn"].einddatum if r["termijn"] else vandaag))
    clients = [b.zaak.client for b in bezwaren] + [k.zaak.client for k in klachten if k.zaak_id]
    selectors.lijst_gelezen(request.user, clients, "termijnen bezwaar en klacht (naam)", "termijnbewaking")
    return render(request, "bezwaren/termijnen.html", {"regels": regels, "vandaag": vandaag})
