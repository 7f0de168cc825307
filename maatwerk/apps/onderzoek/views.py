"""Onderzoek views: the keukentafelgesprek form with live indication (htmx), verslag and reaction.

Views only parse and present: every change goes through :mod:`.services`. Saving uses optimistic locking:
the form carries the version the consulent started from; when someone else saved in between, nothing is
stored and both versions are shown. Viewing a stored onderzoek shows its stored indication (no
recomputation); only the live preview while typing (htmx) and the first view of a new onderzoek compute.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol, rol_vereist
from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken
from maatwerk.regels.laden import Regelfout

from . import leesbaar, selectors, services
from .engine import Uitkomst, bereken
from .forms import (
    GesprekForm,
    ReactieForm,
    SituatieForm,
    TweedeMeningForm,
    afwijkingen_uit,
    concept_gegevens,
    initial_uit_data,
    zelfredzaamheid_uit,
)
from .models import Concept, Onderzoek

if TYPE_CHECKING:
    from maatwerk.engine.kaders import Normenkader

LEZERS = (*TOEGANGSTEAM, Rol.KWALITEITSMEDEWERKER)


def _zaak(request: HttpRequest, pk: int) -> Zaak:
    return get_object_or_404(zichtbare_zaken(request.user).select_related("client"), pk=pk)


def _gemeente() -> str:
    return getattr(settings, "MAATWERK_GEMEENTE", "Voorbeeldstad")


def _onderzoek_van(zaak: Zaak) -> Onderzoek:
    """The stored onderzoek, or a fresh unsaved one (the form then carries versie 0)."""
    return getattr(zaak, "onderzoek", None) or Onderzoek(zaak=zaak)


def _kader(peildatum: dt.date) -> Normenkader | None:
    """The normenkader the gemeente applies on ``peildatum`` (None when it has none)."""
    from maatwerk.engine import register

    try:
        return register().kies(_gemeente(), peildatum)
    except Regelfout:
        return None


def _peildatum(gesprek: GesprekForm) -> dt.date:
    datum = gesprek.cleaned_data.get("gespreksdatum") if gesprek.is_valid() else None
    return datum or timezone.localdate()


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
    peildatum = _peildatum(gesprek)
    kader = _kader(peildatum)
    if kader is not None:
        bekend = {a.id for a in kader.activiteiten}
        for a in [a for a in afwijkingen if a["activiteit"] not in bekend]:
            afwijkingen.remove(a)
            afw_fouten[a["activiteit"]] = f"Deze taak bestaat niet in normenkader {kader.naam}."
    data = situatie_form.situatie_data(
        zaak.client.geboortedatum, peildatum, _gemeente(), afwijkingen, zelfredzaamheid
    )
    return bereken(data), afw_fouten, ruw


def _is_motivatiefout(fout: str) -> bool:
    return "motivatie (minstens" in fout


def _afw_rijen(kader: Normenkader | None, afw_fouten: dict, ruw: dict) -> list[dict[str, Any]]:
    """One row per task of the kader (a stable set: the live refresh never replaces these fields)."""
    taken = [(a.id, a.taak) for a in kader.activiteiten] if kader is not None else []
    bekend = {aid for aid, _ in taken}
    taken += [
        (aid, "Taak die niet in dit normenkader staat")
        for aid in ruw
        if aid not in bekend and not aid.startswith("zelfredzaamheid.")
    ]
    rijen = []
    for aid, taak in taken:
        r, fout = ruw.get(aid, {}), afw_fouten.get(aid)
        rijen.append(
            {
                "id": aid,
                "taak": taak,
                "minuten": r.get("minuten", ""),
                "motivatie": r.get("motivatie", ""),
                "fout": fout,
                "fout_bij": ("mot" if _is_motivatiefout(fout) else "min") if fout else "",
            }
        )
    return rijen


def _matrix(kader: Normenkader | None, peildatum: dt.date) -> Any:
    from maatwerk.engine import register

    if kader is None or not kader.resultatenmatrix:
        return None
    return register().matrix(kader.resultatenmatrix, peildatum)


def _zr_rijen(matrix: Any, fouten: dict, ruw: dict) -> list[dict[str, Any]]:
    """Resultaatgebieden of the matrix whose trede follows from a zelfredzaamheid score (1-5)."""
    if matrix is None:
        return []
    rijen = []
    for rg in matrix.resultaatgebieden:
        if rg.bepaling != "zelfredzaamheid":
            continue
        sleutel = f"zelfredzaamheid.{rg.id}"
        r, fout = ruw.get(sleutel, {}), fouten.get(sleutel)
        rijen.append(
            {
                "id": rg.id,
                "naam": rg.naam,
                "score": r.get("score", ""),
                "motivatie": r.get("motivatie", ""),
                "fout": fout,
                "fout_bij": ("mot" if _is_motivatiefout(fout) else "score") if fout else "",
            }
        )
    return rijen


def _treden(indicatie: Any, matrix: Any) -> list[tuple[str, Any]]:
    """(readable name of the resultaatgebied, trede) for the result panel."""
    if indicatie is None:
        return []
    namen = {
        g.matrix_resultaatgebied: g.naam for g in indicatie.resultaatgebieden if g.matrix_resultaatgebied
    }
    if matrix is not None:
        namen.update({rg.id: rg.naam for rg in matrix.resultaatgebieden})
    return [(namen.get(gebied, "Resultaatgebied"), trede) for gebied, trede in indicatie.treden.items()]


def _voorziening_uitleg(indicatie: Any) -> list[tuple[str, str]]:
    """(task, the engine's decision) for every algemene voorziening the kader weighed (art. 2.3.5 lid 3):
    replaced because passend and financieel toegankelijk, or not, and why."""
    if indicatie is None:
        return []
    return [
        (a.taak, s.tekst) for a in indicatie.activiteiten for s in a.trace if s.regel.endswith(".voorziening")
    ]


def _context(
    zaak: Zaak,
    onderzoek: Onderzoek,
    gesprek: GesprekForm,
    situatie_form: SituatieForm,
    uitkomst: Uitkomst | None,
    afw_fouten: dict,
    ruw: dict,
    peildatum: dt.date | None = None,
    **extra: Any,
) -> dict[str, Any]:
    indicatie = uitkomst.indicatie if uitkomst else None
    peildatum = peildatum or (indicatie.peildatum if indicatie is not None else timezone.localdate())
    kader = _kader(peildatum)
    matrix = _matrix(kader, peildatum)
    afw = {a: f for a, f in afw_fouten.items() if not a.startswith("zelfredzaamheid.")}
    rijen = []
    if indicatie is not None:
        for a in indicatie.activiteiten:
            r = ruw.get(a.id, {})
            rijen.append({"a": a, "minuten": r.get("minuten", ""), "motivatie": r.get("motivatie", "")})
    afw_rijen = _afw_rijen(kader, afw, ruw)
    zr_rijen = _zr_rijen(matrix, afw_fouten, ruw)
    engine_fouten = [leesbaar.engine_fout(f, situatie_form) for f in (uitkomst.fouten if uitkomst else [])]
    from . import kadervragen  # the engine loads lazily (Django start-up does not pay for it)

    gebruik = kadervragen.gebruik(kader) if kader is not None else None
    ctx = {
        "zaak": zaak,
        "client": zaak.client,
        "onderzoek": onderzoek,
        "gesprek": gesprek,
        "situatie_form": situatie_form,
        "uitkomst": uitkomst,
        "indicatie": indicatie,
        "kader": kader,
        "rijen": rijen,
        "afw_rijen": afw_rijen,
        "zr_rijen": zr_rijen,
        "treden": _treden(indicatie, matrix),
        "voorziening_uitleg": _voorziening_uitleg(indicatie),
        "afw_fouten": afw_fouten,
        "engine_fouten": engine_fouten,
        "secties": leesbaar.secties(situatie_form, gebruik),
        "voorzieningen": leesbaar.voorzieningen(situatie_form, gebruik),
        "geen_geboortedatum": zaak.client.geboortedatum is None,
        "reactie_form": ReactieForm(
            initial={"versie": onderzoek.versie, "client_reactie": onderzoek.client_reactie}
        ),
        "bewerken": not onderzoek.afgerond_op and not zaak.is_afgesloten,
        "tweede_meningen": list(onderzoek.tweede_meningen.select_related("door")) if onderzoek.pk else [],
        "tweede_mening_form": extra.pop("tweede_mening_form", None) or TweedeMeningForm(),
        **extra,
    }
    if extra.get("foutoverzicht_tonen"):
        ctx["foutoverzicht"] = leesbaar.foutoverzicht(
            extra.get("fouten", []), gesprek, situatie_form, afw_rijen, zr_rijen, engine_fouten
        )
    return ctx


def _ruw_uit_opgeslagen(onderzoek: Onderzoek) -> dict:
    situatie = onderzoek.situatie or {}
    ruw = {
        a["activiteit"]: {"minuten": str(a["minuten_per_week"]), "motivatie": a["motivatie"]}
        for a in situatie.get("afwijkingen", [])
        if a.get("activiteit")
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
    bewerken = not ond.afgerond_op and not zaak.is_afgesloten
    concept = (
        selectors.concept_van(request.user, zaak)
        if bewerken and heeft_rol(request.user, *TOEGANGSTEAM)
        else None
    )
    if concept is not None:
        return _toon_concept(request, zaak, ond, concept)
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
    peildatum = ond.gespreksdatum or timezone.localdate()
    return render(
        request,
        "onderzoek/onderzoek.html",
        _context(zaak, ond, gesprek, situatie_form, uitkomst, {}, ruw, peildatum),
    )


def _toon_concept(request: HttpRequest, zaak: Zaak, ond: Onderzoek, concept: Concept) -> HttpResponse:
    """The form as the consulent left it (their draft), still carrying the version it started from."""
    data = QueryDict(mutable=True)
    for naam, waarden in concept.gegevens.items():
        data.setlist(naam, waarden)
    leeg_gesprek = GesprekForm(melddatum=zaak.melddatum)
    gesprek = GesprekForm(
        initial={"versie": concept.basisversie, **initial_uit_data(leeg_gesprek, data)},
        melddatum=zaak.melddatum,
    )
    situatie_form = SituatieForm(initial=initial_uit_data(SituatieForm(prefix="s"), data), prefix="s")
    gebonden_gesprek = GesprekForm(data, melddatum=zaak.melddatum)
    gebonden = SituatieForm(data, prefix="s", motivatie_verplicht=False)
    uitkomst, afw_fouten, ruw = _uitkomst(
        zaak, gebonden_gesprek, gebonden, data, (ond.situatie or {}).get("zelfredzaamheid")
    )
    ctx = _context(
        zaak, ond, gesprek, situatie_form, uitkomst, {}, ruw, _peildatum(gebonden_gesprek),
        concept=concept, concept_achter=bool(ond.pk) and concept.basisversie != ond.versie,
    )  # fmt: skip
    return render(request, "onderzoek/onderzoek.html", ctx)


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
        ctx = _context(
            zaak, ond, gesprek, situatie_form, uitkomst, afw_fouten, ruw, _peildatum(gesprek),
            fouten=fouten, foutoverzicht_tonen=True,
        )  # fmt: skip
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
    situatie_form = SituatieForm(request.POST, prefix="s", motivatie_verplicht=False)
    uitkomst, afw_fouten, ruw = _uitkomst(
        zaak, gesprek, situatie_form, request.POST, (ond.situatie or {}).get("zelfredzaamheid")
    )
    ctx = _context(zaak, ond, gesprek, situatie_form, uitkomst, afw_fouten, ruw, _peildatum(gesprek))
    kader = ctx["kader"]
    gevraagd = request.POST.get("vragen_kader", "")
    ctx["ander_kader"] = bool(gevraagd and kader is not None and gevraagd != f"{kader.id}@{kader.versie}")
    return render(request, "onderzoek/_indicatie.html", ctx)


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def concept(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """Keep the form as typed so far as the consulent's server-side draft (JSON answer, nothing saved)."""
    zaak = _zaak(request, zaak_pk)
    try:
        basisversie = int(request.POST.get("versie", ""))
    except ValueError:
        return JsonResponse({"fout": "Het concept is niet bewaard: de versie ontbreekt."}, status=400)
    try:
        c = services.bewaar_concept(zaak, request.user, basisversie, concept_gegevens(request.POST))
    except services.Geweigerd as fout:
        return JsonResponse({"fout": str(fout)}, status=409)
    return JsonResponse({"bewaard_om": timezone.localtime(c.gewijzigd_op).strftime("%H:%M:%S")})


@require_POST
@rol_vereist(*TOEGANGSTEAM)
def concept_weggooien(request: HttpRequest, zaak_pk: int) -> HttpResponse:
    """Discard the draft: the page shows the saved version again."""
    zaak = _zaak(request, zaak_pk)
    if services.gooi_concept_weg(zaak, request.user):
        messages.success(request, "Uw concept is weggegooid. U ziet de opgeslagen versie.")
    return redirect("onderzoek:onderzoek", zaak_pk=zaak.pk)


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
