"""Onderzoek views: the keukentafelgesprek form with live indication (htmx), verslag and reaction.

Views only parse and present: every change goes through :mod:`.services`. Saving uses optimistic locking:
the form carries the version the consulent started from; when someone else saved in between, nothing is
stored and both versions are shown. Viewing a stored onderzoek shows its stored indication (no
recomputation); only the live preview while typing (htmx) and the first view of a new onderzoek compute.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol, rol_vereist
from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from . import selectors, services
from .engine import Uitkomst, bereken
from .forms import (
    GesprekForm,
    ReactieForm,
    SituatieForm,
    TweedeMeningForm,
    afwijkingen_uit,
    zelfredzaamheid_uit,
)
from .models import Onderzoek

LEZERS = (*TOEGANGSTEAM, Rol.KWALITEITSMEDEWERKER)


def _zaak(request: HttpRequest, pk: int) -> Zaak:
    return get_object_or_404(zichtbare_zaken(request.user).select_related("client"), pk=pk)


def _gemeente() -> str:
    return getattr(settings, "MAATWERK_GEMEENTE", "Voorbeeldstad")


def _onderzoek_van(zaak: Zaak) -> Onderzoek:
    """The stored onderzoek, or a fresh unsaved one (the form then carries versie 0)."""
    return getattr(zaak, "onderzoek", None) or Onderzoek(zaak=zaak)


def _uitkomst(
    zaak: Zaak, gesprek: GesprekForm, situatie_form: SituatieForm, post: Any, zelfredzaamheid: dict | None
) -> tuple[Uitkomst | None, dict, dict]:
    """Validate the situation part and run the engine; (uitkomst, errors, raw input per task/gebied).

    Errors and raw values of the zelfredzaamheid scores are keyed ``zelfredzaamheid.<gebied>``.
    """
    afwijkingen, afw_fouten, ruw = afwijkingen_uit(post)
    zr, zr_fouten, zr_ruw = zelfredzaamheid_uit(post)
    if zr is not None:
        zelfredzaamheid = zr
    else:
        zr_ruw = {
            g: {"score": str(z["score"]), "motivatie": z["motivatie"]}
            for g, z in (zelfredzaamheid or {}).items()
        }
    afw_fouten.update({f"zelfredzaamheid.{g}": f for g, f in zr_fouten.items()})
    ruw.update({f"zelfredzaamheid.{g}": r for g, r in zr_ruw.items()})
    if not situatie_form.is_valid() or zaak.client.geboortedatum is None:
        return None, afw_fouten, ruw
    peildatum = (
        gesprek.cleaned_data.get("gespreksdatum") if gesprek.is_valid() else None
    ) or timezone.localdate()
    data = situatie_form.situatie_data(
        zaak.client.geboortedatum, peildatum, _gemeente(), afwijkingen, zelfredzaamheid
    )
    uitkomst = bereken(data)
    if uitkomst.indicatie is not None:
        bekend = {a.id for a in uitkomst.indicatie.activiteiten}
        for a in afwijkingen:
            if a["activiteit"] not in bekend:
                afw_fouten[a["activiteit"]] = "Deze activiteit komt niet voor in het normenkader."
    return uitkomst, afw_fouten, ruw


def _context(
    zaak: Zaak,
    onderzoek: Onderzoek,
    gesprek: GesprekForm,
    situatie_form: SituatieForm,
    uitkomst: Uitkomst | None,
    afw_fouten: dict,
    ruw: dict,
    **extra: Any,
) -> dict[str, Any]:
    indicatie = uitkomst.indicatie if uitkomst else None
    rijen = []
    if indicatie is not None:
        for a in indicatie.activiteiten:
            r = ruw.get(a.id, {})
            rijen.append(
                {
                    "a": a,
                    "minuten": r.get("minuten", ""),
                    "motivatie": r.get("motivatie", ""),
                    "fout": afw_fouten.get(a.id),
                }
            )
    return {
        "zr_rijen": _zr_rijen(indicatie, afw_fouten, ruw),
        "zaak": zaak,
        "client": zaak.client,
        "onderzoek": onderzoek,
        "gesprek": gesprek,
        "situatie_form": situatie_form,
        "uitkomst": uitkomst,
        "indicatie": indicatie,
        "rijen": rijen,
        "afw_fouten": afw_fouten,
        "engine_fouten": uitkomst.fouten if uitkomst else [],
        "geen_geboortedatum": zaak.client.geboortedatum is None,
        "reactie_form": ReactieForm(
            initial={"versie": onderzoek.versie, "client_reactie": onderzoek.client_reactie}
        ),
        "bewerken": not onderzoek.afgerond_op and not zaak.is_afgesloten,
        "tweede_meningen": list(onderzoek.tweede_meningen.select_related("door")) if onderzoek.pk else [],
        "tweede_mening_form": extra.pop("tweede_mening_form", None) or TweedeMeningForm(),
        **extra,
    }


def _zr_rijen(indicatie: Any, fouten: dict, ruw: dict) -> list[dict[str, Any]]:
    """Resultaatgebieden of the matrix whose trede follows from a zelfredzaamheid score (1-5)."""
    if indicatie is None or not indicatie.resultatenmatrix:
        return []
    from maatwerk.engine import register

    matrix = register().matrix(indicatie.resultatenmatrix, indicatie.peildatum)
    if matrix is None:
        return []
    rijen = []
    for rg in matrix.resultaatgebieden:
        if rg.bepaling != "zelfredzaamheid":
            continue
        sleutel = f"zelfredzaamheid.{rg.id}"
        r = ruw.get(sleutel, {})
        rijen.append(
            {
                "id": rg.id,
                "naam": rg.naam,
                "score": r.get("score", ""),
                "motivatie": r.get("motivatie", ""),
                "fout": fouten.get(sleutel),
                "trede": indicatie.treden.get(rg.id),
            }
        )
    return rijen


def _ruw_uit_opgeslagen(onderzoek: Onderzoek) -> dict:
    situatie = onderzoek.situatie or {}
    ruw = {
        a["activiteit"]: {"minuten": str(a["minuten_per_week"]), "motivatie": a["motivatie"]}
        for a in situatie.get("afwijkingen", [])
    }
    for gebied, z in situatie.get("zelfredzaamheid", {}).items():
        ruw[f"zelfredzaamheid.{gebied}"] = {"score": str(z["score"]), "motivatie": z["motivatie"]}
    return ruw


@rol_vereist(*LEZERS)
def onderzoek(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    zaak = _zaak(request, zaak_pk)
    ond = _onderzoek_van(zaak)
    if request.method == "POST":
        return _opslaan(request, zaak, ond)
    selectors.onderzoek_gelezen(request.user, zaak)
    gesprek = GesprekForm(
        initial={
            "versie": ond.versie if ond.pk else 0,
            "gespreksdatum": ond.gespreksdatum,
            "locatie": ond.locatie,
            "gewezen_op_clientondersteuning": ond.gewezen_op_clientondersteuning,
            "clientondersteuner": ond.clientondersteuner,
            "mantelzorger": ond.mantelzorger,
            "verslag": ond.verslag,
        },
        melddatum=zaak.melddatum,
    )
    situatie_form = SituatieForm(initial=SituatieForm.initial_uit(ond.situatie), prefix="s")
    uitkomst = None
    ruw = _ruw_uit_opgeslagen(ond)
    if ond.indicatie is not None:
        # The stored indication, as the engine's typed result: viewing never recomputes.
        uitkomst = Uitkomst(ond.indicatie.situatie, ond.indicatie.engine, [])
    elif zaak.client.geboortedatum is not None:
        # No situation yet: show the indication of the typical situation straight away.
        standaard = SituatieForm(_standaard_post(situatie_form), prefix="s")
        if standaard.is_valid():
            uitkomst = bereken(
                standaard.situatie_data(zaak.client.geboortedatum, timezone.localdate(), _gemeente(), [])
            )
    return render(
        request, "onderzoek/onderzoek.html", _context(zaak, ond, gesprek, situatie_form, uitkomst, {}, ruw)
    )


def _standaard_post(form: SituatieForm) -> dict[str, Any]:
    """The field defaults as POST-like data (with the form prefix)."""
    uit: dict[str, Any] = {}
    for naam, veld in form.fields.items():
        waarde = veld.initial() if callable(veld.initial) else veld.initial
        # Identity checks: 0 (e.g. no unused rooms) is a real default, although 0 == False.
        if waarde is not None and waarde is not False and waarde != "":
            uit[form.add_prefix(naam)] = waarde
    return uit


def _opslaan(request: HttpRequest, zaak: Zaak, ond: Onderzoek) -> HttpResponse:
    if not heeft_rol(request.user, *TOEGANGSTEAM) or zaak.is_afgesloten or ond.afgerond_op:
        raise PermissionDenied("Dit onderzoek kan niet meer worden gewijzigd.")
    gesprek = GesprekForm(request.POST, melddatum=zaak.melddatum)
    situatie_form = SituatieForm(request.POST, prefix="s")
    uitkomst, afw_fouten, ruw = _uitkomst(
        zaak, gesprek, situatie_form, request.POST, (ond.situatie or {}).get("zelfredzaamheid")
    )
    afronden = "afronden" in request.POST
    fouten: list[str] = []
    if zaak.client.geboortedatum is None:
        fouten.append(
            "De geboortedatum van de cliënt ontbreekt; zonder geboortedatum kan de indicatie "
            "niet worden berekend."
        )
    gesprek_ok = gesprek.is_valid()
    if afronden and gesprek_ok:
        if not gesprek.cleaned_data.get("gespreksdatum"):
            gesprek.add_error(
                "gespreksdatum", "Vul de datum van het gesprek in om het onderzoek af te ronden."
            )
        if not gesprek.cleaned_data.get("verslag", "").strip():
            gesprek.add_error("verslag", "Schrijf het verslag voordat u het onderzoek afrondt.")
        gesprek_ok = gesprek.is_valid() and not gesprek.errors
    geldig = (
        gesprek_ok
        and situatie_form.is_valid()
        and not afw_fouten
        and uitkomst is not None
        and not uitkomst.fouten
        and uitkomst.indicatie is not None
        and not fouten
    )
    if not geldig:
        messages.error(request, "Er is niets opgeslagen. Verbeter de fouten hieronder.")
        ctx = _context(zaak, ond, gesprek, situatie_form, uitkomst, afw_fouten, ruw, fouten=fouten)
        return render(request, "onderzoek/onderzoek.html", ctx, status=400)

    g = gesprek.cleaned_data
    assert uitkomst is not None and uitkomst.situatie is not None and uitkomst.indicatie is not None
    try:
        services.sla_onderzoek_op(
            zaak,
            request.user,
            g["versie"],
            services.Gesprek(
                gespreksdatum=g["gespreksdatum"],
                locatie=g["locatie"],
                gewezen_op_clientondersteuning=g["gewezen_op_clientondersteuning"],
                clientondersteuner=g["clientondersteuner"],
                mantelzorger=g["mantelzorger"],
                verslag=g["verslag"],
            ),
            uitkomst.situatie,
            uitkomst.indicatie,
            afronden=afronden,
        )
    except Versieconflict as conflict:
        return _conflict(request, zaak, conflict)
    except services.Geweigerd as fout:
        raise PermissionDenied(str(fout)) from None
    messages.success(
        request,
        "Onderzoek afgerond."
        if afronden
        else f"Onderzoek opgeslagen: {uitkomst.indicatie.uren_per_week:.2f} uur per week.",
    )
    return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)


def _leesbaar(waarde: Any) -> Any:
    """Situation/indication JSON as indented text, so the two versions can be compared."""
    if isinstance(waarde, dict | list):
        return json.dumps(waarde, ensure_ascii=False, indent=2, sort_keys=True, default=str)
    return waarde


def _conflict(request: HttpRequest, zaak: Zaak, conflict: Versieconflict) -> HttpResponse:
    opgeslagen = conflict.opgeslagen
    return render(
        request,
        "onderzoek/conflict.html",
        {
            "zaak": zaak,
            "conflict": conflict,
            "opgeslagen": opgeslagen,
            "opgeslagen_uren": getattr(opgeslagen, "uren_per_week", None),
            "ingediend_uren": getattr(conflict.ingediend, "uren_per_week", None),
            "verschillen": [
                (label, _leesbaar(a), _leesbaar(b))
                for label, a, b in conflict.verschillen
                if label not in ("laatst gewijzigd op",)
            ],
        },
        status=409,
    )


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def indicatie(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """htmx: recompute the indication from the form as it is now (nothing is stored)."""
    zaak = _zaak(request, zaak_pk)
    ond = _onderzoek_van(zaak)
    gesprek = GesprekForm(request.POST, melddatum=zaak.melddatum)
    situatie_form = SituatieForm(request.POST, prefix="s")
    uitkomst, afw_fouten, ruw = _uitkomst(
        zaak, gesprek, situatie_form, request.POST, (ond.situatie or {}).get("zelfredzaamheid")
    )
    ctx = _context(zaak, ond, gesprek, situatie_form, uitkomst, afw_fouten, ruw)
    return render(request, "onderzoek/_indicatie.html", ctx)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def reactie(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """Record the client's reaction to the verslag (optimistic locking like the main form)."""
    zaak = _zaak(request, zaak_pk)
    ond = get_object_or_404(Onderzoek, zaak=zaak)
    form = ReactieForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Reactie niet opgeslagen: "
            + "; ".join(
                f"{form.fields[k].label}: {' '.join(v)}" if k in form.fields else " ".join(v)
                for k, v in form.errors.items()
            ),
        )
        return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
    try:
        services.leg_reactie_vast(
            ond, request.user, form.cleaned_data["versie"], form.cleaned_data["client_reactie"]
        )
    except Versieconflict as conflict:
        return _conflict(request, zaak, conflict)
    messages.success(request, "De reactie van de cliënt is vastgelegd.")
    return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)


@rol_vereist(*LEZERS)
def verslag(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """The verslag as the client reads it (printable, plain language); POST marks it as shared."""
    zaak = _zaak(request, zaak_pk)
    ond = get_object_or_404(Onderzoek, zaak=zaak)
    if request.method == "POST":
        if not heeft_rol(request.user, *TOEGANGSTEAM):
            raise PermissionDenied("Alleen het toegangsteam deelt het verslag.")
        services.deel_verslag(ond, request.user)
        messages.success(request, "Vastgelegd dat het verslag met de cliënt is gedeeld.")
        return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
    selectors.verslag_gelezen(request.user, zaak)
    return render(
        request,
        "onderzoek/verslag.html",
        {
            "zaak": zaak,
            "client": zaak.client,
            "onderzoek": ond,
            "indicatie": ond.indicatie.engine if ond.indicatie is not None else None,
        },
    )


@require_POST
@rol_vereist(Rol.SENIOR_CONSULENT)
def tweede_mening(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """A senior consulent records a second opinion (not on an onderzoek they last changed themselves)."""
    zaak = _zaak(request, zaak_pk)
    ond = get_object_or_404(Onderzoek, zaak=zaak)
    form = TweedeMeningForm(request.POST)
    if form.is_valid():
        try:
            services.geef_tweede_mening(ond, request.user, **form.cleaned_data)
        except services.Geweigerd as fout:
            form.add_error(None, str(fout))
    if form.errors:
        messages.error(
            request,
            "Tweede mening niet opgeslagen: "
            + " ".join(
                f"{form.fields[k].label + ': ' if k in form.fields else ''}{' '.join(v)}"
                for k, v in form.errors.items()
            ),
        )
        return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
    messages.success(request, "Uw tweede mening is vastgelegd.")
    return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
