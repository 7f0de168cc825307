"""Onderzoek views: the keukentafelgesprek form with live indication (htmx), verslag and reaction.

Saving uses optimistic locking: the form carries the version the consulent started from; when
someone else saved in between, nothing is stored and both versions are shown.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol, rol_vereist
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.cases.status import zet_status
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from .engine import Uitkomst, bereken
from .forms import (
    GesprekForm,
    ReactieForm,
    SituatieForm,
    TweedeMeningForm,
    afwijkingen_uit,
    zelfredzaamheid_uit,
)
from .models import Onderzoek, TweedeMening

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
    log_persoonsgegevens(
        request.user, zaak.client, "lezen", f"onderzoek zaak {zaak.pk}", "onderzoek / keukentafelgesprek"
    )
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
    if ond.situatie:
        uitkomst = bereken(ond.situatie)
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
    for veld in (
        "gespreksdatum",
        "locatie",
        "gewezen_op_clientondersteuning",
        "clientondersteuner",
        "mantelzorger",
        "verslag",
    ):
        setattr(ond, veld, g[veld])
    ind = uitkomst.indicatie
    ond.situatie = uitkomst.situatie
    ond.indicatie = uitkomst.indicatie_json
    ond.kader, ond.kader_versie = ind.kader, ind.kader_versie
    ond.gewijzigd_door = request.user
    nu = timezone.now()
    if afronden:
        ond.afgerond_op = nu
    try:
        with transaction.atomic():
            if ond.pk is None:
                # Versie 0: there was no onderzoek when the page was opened; someone may have started one.
                if g["versie"] != 0 or Onderzoek.objects.filter(zaak=zaak).exists():
                    raise Versieconflict(Onderzoek.objects.filter(zaak=zaak).first() or ond, ond)
                ond.versie = 1
                ond.save()
            else:
                ond.opslaan_met_versie(g["versie"])
            if zaak.status == Status.ONTVANGEN:
                zet_status(zaak, Status.IN_ONDERZOEK, request.user, "onderzoek gestart")
            if afronden:
                Zaak.objects.filter(pk=zaak.pk).update(onderzoek_afgerond_op=timezone.localdate(nu))
            log_persoonsgegevens(
                request.user,
                zaak.client,
                "schrijven",
                f"onderzoek zaak {zaak.pk} (situatie, indicatie, verslag)"
                + (" afgerond" if afronden else ""),
                "onderzoek / keukentafelgesprek",
            )
    except Versieconflict as conflict:
        return _conflict(request, zaak, conflict)
    messages.success(
        request,
        "Onderzoek afgerond." if afronden else f"Onderzoek opgeslagen: {ind.uren_per_week:.2f} uur per week.",
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
            "opgeslagen_uren": (opgeslagen.indicatie or {}).get("uren_per_week"),
            "ingediend_uren": (conflict.ingediend.indicatie or {}).get("uren_per_week"),
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
    ond.client_reactie = form.cleaned_data["client_reactie"]
    ond.client_reactie_op = timezone.now()
    ond.gewijzigd_door = request.user
    try:
        with transaction.atomic():
            ond.opslaan_met_versie(
                form.cleaned_data["versie"], velden=["client_reactie", "client_reactie_op", "gewijzigd_door"]
            )
            log_persoonsgegevens(
                request.user,
                zaak.client,
                "schrijven",
                f"reactie cliënt op verslag zaak {zaak.pk}",
                "onderzoek / keukentafelgesprek",
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
        Onderzoek.objects.filter(pk=ond.pk, verslag_gedeeld_op__isnull=True).update(
            verslag_gedeeld_op=timezone.now()
        )
        log_persoonsgegevens(
            request.user,
            zaak.client,
            "schrijven",
            f"verslag zaak {zaak.pk} gedeeld met cliënt",
            "verslag voor de cliënt",
        )
        messages.success(request, "Vastgelegd dat het verslag met de cliënt is gedeeld.")
        return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
    log_persoonsgegevens(
        request.user, zaak.client, "lezen", f"verslag onderzoek zaak {zaak.pk}", "verslag voor de cliënt"
    )
    return render(
        request,
        "onderzoek/verslag.html",
        {"zaak": zaak, "client": zaak.client, "onderzoek": ond, "indicatie": ond.indicatie or {}},
    )


@require_POST
@rol_vereist(Rol.SENIOR_CONSULENT)
def tweede_mening(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """A senior consulent records a second opinion (not on an onderzoek they last changed themselves)."""
    zaak = _zaak(request, zaak_pk)
    ond = get_object_or_404(Onderzoek, zaak=zaak)
    form = TweedeMeningForm(request.POST)
    if ond.gewijzigd_door_id == request.user.pk:
        form.is_valid()
        form.add_error(None, "Een tweede mening geeft u niet op een onderzoek dat u zelf hebt opgesteld.")
    if not form.is_valid() or form.errors:
        messages.error(
            request,
            "Tweede mening niet opgeslagen: "
            + " ".join(
                f"{form.fields[k].label + ': ' if k in form.fields else ''}{' '.join(v)}"
                for k, v in form.errors.items()
            ),
        )
        return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
    with transaction.atomic():
        TweedeMening.objects.create(onderzoek=ond, door=request.user, **form.cleaned_data)
        log_persoonsgegevens(
            request.user,
            zaak.client,
            "schrijven",
            f"tweede mening onderzoek zaak {zaak.pk}",
            "collegiale toets",
        )
    messages.success(request, "Uw tweede mening is vastgelegd.")
    return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)
