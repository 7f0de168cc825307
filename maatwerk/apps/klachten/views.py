"""Klacht pages: list, register, one klacht. A kwaliteitsmedewerker handles klachten; a jurist reads them
(a klacht may run beside a bezwaar); an aanbieder sees only klachten about itself. Reads of personal data
(a klacht linked to a zaak) are audited.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import Rol, aanbieder_van, heeft_rol, rol_vereist
from maatwerk.apps.bezwaren.models import Bezwaar
from maatwerk.apps.cases.models import Zaak

from . import selectors, services
from .forms import AfhandelenForm, KlachtForm, KoppelForm, VerdagenForm
from .models import Klacht, Over

LEZERS = (Rol.KWALITEITSMEDEWERKER, Rol.JURIST, Rol.AANBIEDER)
WAAROM = "behandeling klacht"


def zichtbare_klachten(user: Any) -> QuerySet[Klacht]:
    """Gemeente roles see all klachten; an aanbieder only those about itself."""
    qs = Klacht.objects.select_related("zaak__client", "aanbieder", "bezwaar")
    if heeft_rol(user, Rol.KWALITEITSMEDEWERKER, Rol.JURIST):
        return qs
    aanbieder = aanbieder_van(user)
    if aanbieder is not None:
        return qs.filter(over=Over.AANBIEDER, aanbieder=aanbieder)
    return qs.none()


def _klacht(request: HttpRequest, pk: int) -> Klacht:
    return get_object_or_404(zichtbare_klachten(request.user), pk=pk)


def _bezwaar(kenmerk: str) -> Bezwaar | None:
    return Bezwaar.objects.filter(kenmerk=kenmerk.strip().upper()).select_related("zaak").first()


@rol_vereist(*LEZERS)
def lijst(request: HttpRequest) -> HttpResponse:
    alle = request.GET.get("alle") == "1"
    qs = zichtbare_klachten(request.user)
    if not alle:
        qs = qs.filter(oordeel="")
    klachten = list(qs[:500])
    selectors.lijst_gelezen(
        request.user, [k.zaak.client for k in klachten if k.zaak_id], "klachtenlijst", WAAROM
    )
    return render(
        request,
        "klachten/lijst.html",
        {"klachten": klachten, "alle": alle, "kwaliteit": heeft_rol(request.user, Rol.KWALITEITSMEDEWERKER)},
    )


@rol_vereist(Rol.KWALITEITSMEDEWERKER)
def nieuw(request: HttpRequest) -> HttpResponse:
    form = KlachtForm(request.POST or None, initial={"ontvangen_op": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        zaak = Zaak.objects.select_related("client").filter(pk=d["zaak"]).first() if d["zaak"] else None
        bezwaar = _bezwaar(d["bezwaar"]) if d["bezwaar"] else None
        if d["zaak"] and zaak is None:
            form.add_error("zaak", "Er is geen zaak met dit nummer.")
        elif d["bezwaar"] and bezwaar is None:
            form.add_error("bezwaar", "Er is geen bezwaar met dit kenmerk.")
        else:
            try:
                klacht = services.registreer_klacht(
                    request.user,
                    ontvangen_op=d["ontvangen_op"],
                    klager=d["klager"],
                    over=d["over"],
                    omschrijving=d["omschrijving"],
                    aanbieder=d["aanbieder"],
                    zaak=zaak,
                    bezwaar=bezwaar,
                )
            except services.Geweigerd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, f"Klacht {klacht.kenmerk} is geregistreerd.")
                return redirect("klachten:klacht", pk=klacht.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "klachten/nieuw.html", {"form": form}, status=status)


def _pagina(request: HttpRequest, klacht: Klacht, status: int = 200, **fout: forms.Form) -> HttpResponse:
    vandaag = timezone.localdate()
    kwaliteit = heeft_rol(request.user, Rol.KWALITEITSMEDEWERKER)
    f: dict[str, forms.Form | None] = {}
    if kwaliteit and not klacht.is_afgehandeld:
        f = {
            "verdagen": VerdagenForm(prefix="verdagen", initial={"op": vandaag, "weken": 4})
            if klacht.verdaagd_weken is None
            else None,
            "koppelen": KoppelForm(prefix="koppelen") if klacht.bezwaar_id is None else None,
            "afhandelen": AfhandelenForm(prefix="afhandelen", initial={"op": vandaag}),
        }
    f.update(fout)
    return render(
        request,
        "klachten/klacht.html",
        {
            "klacht": klacht,
            "termijn": klacht.termijn,
            "f": f,
            "kwaliteit": kwaliteit,
            "toon_client": not heeft_rol(request.user, Rol.AANBIEDER) or kwaliteit,
        },
        status=status,
    )


@rol_vereist(*LEZERS)
def klacht(request: HttpRequest, pk: int) -> HttpResponse:
    k = _klacht(request, pk)
    if k.zaak_id:
        selectors.gelezen(request.user, k.zaak.client, f"klacht {k.kenmerk}", WAAROM)
    return _pagina(request, k)


@require_POST
@rol_vereist(Rol.KWALITEITSMEDEWERKER)
def actie(request: HttpRequest, pk: int, naam: str) -> HttpResponse:
    klassen = {"verdagen": VerdagenForm, "koppelen": KoppelForm, "afhandelen": AfhandelenForm}
    if naam not in klassen:
        raise Http404("Onbekende stap.")
    k = _klacht(request, pk)
    form = klassen[naam](request.POST, prefix=naam)
    if not form.is_valid():
        return _pagina(request, k, status=400, **{naam: form})
    d = form.cleaned_data
    try:
        if naam == "verdagen":
            services.verdaag_klacht(k, request.user, **d)
        elif naam == "koppelen":
            bezwaar = _bezwaar(d["bezwaar"])
            if bezwaar is None:
                raise services.Geweigerd("Er is geen bezwaar met dit kenmerk.")
            services.koppel_bezwaar(k, request.user, bezwaar)
        else:
            services.handel_af(k, request.user, **d)
    except services.Geweigerd as fout:
        form.add_error(None, str(fout))
        return _pagina(request, _klacht(request, pk), status=400, **{naam: form})
    messages.success(
        request,
        {
            "verdagen": "De afhandeling is verdaagd.",
            "koppelen": "De klacht is gekoppeld aan het bezwaar.",
            "afhandelen": "De klacht is afgehandeld.",
        }[naam],
    )
    return redirect("klachten:klacht", pk=k.pk)
