"""Schouw pages: list and planning (kwaliteitsmedewerker), the checklist on a phone, the provider's
reaction, calamities, and results per provider per quarter. Parse and present; rules in services."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from maatwerk.regels.laden import Regelfout

from . import selectors, services
from .bronnen import Aanbieder, Rol, aanbieder_van, gemeente, heeft_rol, rol_vereist, zichtbare_zaken
from .models import Calamiteit, Oordeel, Reden, Schouw, SoortMelding, Stand
from .regels import schouwregels
from .resultaten import Uitslag, per_aanbieder_per_kwartaal

WAAROM = "kwaliteitscontrole (schouw)"


def _schouwen(user) -> QuerySet[Schouw]:
    """Schouwen the user may see: all for the kwaliteitsmedewerker, completed own ones for an aanbieder."""
    qs = Schouw.objects.select_related("zaak__client", "aanbieder")
    if heeft_rol(user, Rol.KWALITEITSMEDEWERKER):
        return qs
    eigen = aanbieder_van(user)
    if eigen is not None:
        return qs.filter(aanbieder=eigen, stand=Stand.AFGEROND)
    return qs.none()


def _datum(tekst: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(tekst or "")
    except ValueError:
        return None


def _int(tekst: str | None) -> int | None:
    try:
        return int(tekst or "")
    except ValueError:
        return None


@rol_vereist(Rol.KWALITEITSMEDEWERKER, Rol.AANBIEDER)
def lijst(request: HttpRequest) -> HttpResponse:
    """Planned and completed schouwen; the kwaliteitsmedewerker plans a sample per provider here."""
    kwaliteit = heeft_rol(request.user, Rol.KWALITEITSMEDEWERKER)
    fout, status = "", 200
    if request.method == "POST":
        if not kwaliteit:
            raise PermissionDenied("Alleen een kwaliteitsmedewerker plant een schouw.")
        aanbieder = Aanbieder.objects.filter(pk=_int(request.POST.get("aanbieder"))).first()
        seed = _int(request.POST.get("seed"))
        peildatum = _datum(request.POST.get("peildatum"))
        if request.POST.get("actie") == "zaak":
            return _plan_een(request)
        if aanbieder is None or seed is None or peildatum is None:
            fout = "Kies een aanbieder en vul een geldige peildatum (JJJJ-MM-DD) en seed (geheel getal) in."
        else:
            try:
                nieuw = services.plan_steekproef(aanbieder, request.user, peildatum, seed)
            except (services.Geweigerd, Regelfout) as exc:
                fout = str(exc)
            else:
                messages.success(request, f"{len(nieuw)} schouw(en) gepland bij {aanbieder.naam}.")
                return redirect("schouw:lijst")
        status = 400
    schouwen = list(_schouwen(request.user)[:200])
    selectors.lijst_gelezen(request.user, [s.zaak.client for s in schouwen], "schouwlijst (naam)", WAAROM)
    context = {
        "schouwen": schouwen,
        "kwaliteit": kwaliteit,
        "aanbieders": Aanbieder.objects.filter(actief=True),
        "redenen": [(r.value, r.label) for r in Reden if r != Reden.STEEKPROEF],
        "fout": fout,
        "post": request.POST if request.method == "POST" else {},
        "peildatum": request.POST.get("peildatum") or timezone.localdate().isoformat(),
        "seed": request.POST.get("seed") or timezone.localdate().year,
    }
    return render(request, "schouw/lijst.html", context, status=status)


def _plan_een(request: HttpRequest) -> HttpResponse:
    """Plan a schouw for one zaak (after a klacht or bezwaar, or on a signal)."""
    zaak = zichtbare_zaken(request.user).filter(pk=_int(request.POST.get("zaak"))).first()
    datum = _datum(request.POST.get("gepland_op"))
    try:
        if zaak is None or datum is None:
            raise services.Geweigerd("Vul een bestaand zaaknummer en een geldige datum (JJJJ-MM-DD) in.")
        s = services.plan_schouw(zaak, request.user, request.POST.get("reden", ""), datum)
    except services.Geweigerd as exc:
        messages.error(request, f"Er is niets opgeslagen. {exc}")
        return redirect("schouw:lijst")
    messages.success(request, f"Schouw {s.pk} gepland.")
    return redirect("schouw:schouw", pk=s.pk)


def _oordelen(request: HttpRequest, schouw: Schouw) -> dict[int, tuple[str, str]]:
    return {
        p.pk: (request.POST.get(f"oordeel_{p.pk}", ""), request.POST.get(f"opmerking_{p.pk}", ""))
        for p in schouw.punten.all()
    }


@rol_vereist(Rol.KWALITEITSMEDEWERKER, Rol.AANBIEDER)
def schouw(request: HttpRequest, pk: int) -> HttpResponse:
    """The checklist: filled in during the visit (kwaliteitsmedewerker) or read and answered (aanbieder)."""
    s = get_object_or_404(_schouwen(request.user), pk=pk)
    kwaliteit = heeft_rol(request.user, Rol.KWALITEITSMEDEWERKER)
    fout, status = "", 200
    ingevuld: dict[int, tuple[str, str]] = {}
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "reactie":
                services.reageer_als_aanbieder(s, request.user, request.POST.get("reactie", ""))
                messages.success(request, "Uw reactie is opgeslagen.")
            elif request.POST.get("actie") == "calamiteit":
                datum = _datum(request.POST.get("datum"))
                if datum is None:
                    raise services.Geweigerd("Vul de datum van het voorval in (JJJJ-MM-DD).")
                services.registreer_calamiteit(
                    s.zaak,
                    request.user,
                    request.POST.get("soort", ""),
                    datum,
                    request.POST.get("omschrijving", ""),
                    _datum(request.POST.get("gemeld_op")),
                    schouw=s,
                )
                messages.success(request, "De melding voor de toezichthouder is geregistreerd.")
            else:
                ingevuld = _oordelen(request, s)
                uitgevoerd = _datum(request.POST.get("uitgevoerd_op"))
                if uitgevoerd is None:
                    raise services.Geweigerd("Vul de datum van het bezoek in (JJJJ-MM-DD).")
                services.leg_schouw_vast(
                    s, request.user, ingevuld, request.POST.get("oordeel_client", ""), uitgevoerd
                )
                messages.success(request, "De schouw is afgerond en opgeslagen.")
        except services.Geweigerd as exc:
            fout, status = str(exc), 400
        else:
            return redirect("schouw:schouw", pk=s.pk)
    selectors.gelezen(request.user, s.zaak.client, f"schouw {s.pk}", WAAROM)
    punten = [
        {
            "p": p,
            "oordeel": ingevuld.get(p.pk, (p.oordeel, ""))[0],
            "opmerking": ingevuld.get(p.pk, ("", p.opmerking))[1],
        }
        for p in s.punten.all()
    ]
    context = {
        "s": s,
        "punten": punten,
        "oordelen": Oordeel.choices,
        "soorten": SoortMelding.choices,
        "invullen": kwaliteit and s.stand == Stand.GEPLAND,
        "kwaliteit": kwaliteit,
        "reageren": not kwaliteit and s.stand == Stand.AFGEROND,
        "calamiteiten": s.calamiteiten.all() if kwaliteit else [],
        "fout": fout,
        "post": request.POST if request.method == "POST" else {},
        "uitgevoerd_op": request.POST.get("uitgevoerd_op") or timezone.localdate().isoformat(),
    }
    return render(request, "schouw/schouw.html", context, status=status)


@rol_vereist(Rol.KWALITEITSMEDEWERKER, Rol.BELEIDSMEDEWERKER, Rol.AANBIEDER)
def resultaten(request: HttpRequest) -> HttpResponse:
    """Per provider per quarter: schouwen, share voldoende and the signal (no personal data)."""
    qs = Schouw.objects.filter(stand=Stand.AFGEROND, uitgevoerd_op__isnull=False)
    calamiteiten = Calamiteit.objects.all()
    eigen = None
    if not heeft_rol(request.user, Rol.KWALITEITSMEDEWERKER, Rol.BELEIDSMEDEWERKER):
        eigen = aanbieder_van(request.user)
        if eigen is None:
            raise PermissionDenied("Uw account is niet aan een aanbieder gekoppeld.")
        qs, calamiteiten = qs.filter(aanbieder=eigen), calamiteiten.filter(aanbieder=eigen)
    rijen = qs.values_list("aanbieder__naam", "uitgevoerd_op", "aantal_voldoende", "aantal_onvoldoende")
    melding = ""
    try:
        regels = schouwregels(gemeente(), timezone.localdate()).signaal
    except Regelfout as exc:
        regels, melding = None, str(exc)
    uit = per_aanbieder_per_kwartaal(
        (Uitslag(*r) for r in rijen),
        regels.minimum_voldoende_percentage if regels else 0,
        regels.minimum_schouwen if regels else 1,
    )
    from django.db.models import Count

    per_soort = (
        calamiteiten.values("aanbieder__naam", "soort").annotate(n=Count("pk")).order_by("aanbieder__naam")
    )
    context = {
        "resultaten": uit,
        "signalen": [r for r in uit if r.signaal],
        "regels": regels,
        "melding": melding,
        "calamiteiten": [
            {"aanbieder": c["aanbieder__naam"], "soort": SoortMelding(c["soort"]).label, "n": c["n"]}
            for c in per_soort
        ],
        "eigen": eigen,
    }
    return render(request, "schouw/resultaten.html", context)
