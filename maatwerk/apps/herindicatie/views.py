"""Campaign overview page: nulmeting, simulation summary, plan and progress; record progress per client.

Aggregated figures only (no personal data) on the overview; recording progress writes an audit entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.apps.accounts.rollen import Rol, heeft_rol, rol_vereist
from maatwerk.veilig import neutraliseer_rij

from . import selectors, services
from .forms import RegistratieForm

LEZERS = (Rol.BELEIDSMEDEWERKER, Rol.CONSULENT, Rol.SENIOR_CONSULENT)
REGISTREERDERS = (Rol.CONSULENT, Rol.SENIOR_CONSULENT)


def _peildatum(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        return timezone.localdate()


@rol_vereist(*LEZERS)
def overzicht(request: HttpRequest, form: RegistratieForm | None = None) -> HttpResponse:
    """Campaign overview for beleidsmedewerkers and consulenten."""
    peildatum = _peildatum(request)
    nulmeting = selectors.nulmeting(peildatum, request.user, "overzicht herindicatie (web)")
    rijen = nulmeting.rijen()
    simulatie = selectors.laatste_simulatie()
    planning = selectors.laatste_planning()
    weken = planning.kalender if planning else []
    stand = selectors.voortgang()
    return render(
        request,
        "herindicatie/overzicht.html",
        {
            "peildatum": peildatum,
            "kop": rijen[0],
            "rijen": rijen[1:],
            "nulmeting": nulmeting,
            "simulatie": simulatie,
            "s": simulatie.samenvatting if simulatie else None,
            "planning": planning,
            "weken": [
                {
                    "week": w["week"],
                    "van": dt.date.fromisoformat(w["van"]),
                    "tot_en_met": dt.date.fromisoformat(w["tot_en_met"]),
                    "aantal": len(w["caseload_ids"]),
                }
                for w in weken[:8]
            ],
            "meer_weken": max(len(weken) - 8, 0),
            "voortgang": stand,
            "uitkomsten": [
                (u.replace("_", " "), n) for u, n in sorted(stand["driegesprek_uitkomsten"].items())
            ],
            "form": form
            or (
                RegistratieForm(initial={"datum": timezone.localdate()})
                if heeft_rol(request.user, *REGISTREERDERS)
                else None
            ),
        },
    )


@rol_vereist(*LEZERS)
def nulmeting_csv(request: HttpRequest) -> HttpResponse:
    """The nulmeting as CSV (same shape as ``maatwerk herindicatie nulmeting --csv``)."""
    peildatum = _peildatum(request)
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="nulmeting-{peildatum.isoformat()}.csv"'
    csv.writer(antwoord).writerows(
        map(neutraliseer_rij, selectors.nulmeting(peildatum, request.user, "nulmeting (web, CSV)").rijen())
    )
    return antwoord


@rol_vereist(*LEZERS)
def nulmeting_svg(request: HttpRequest) -> HttpResponse:
    """The nulmeting as an SVG heat map."""
    from .grafieken import heatmap_nulmeting

    buffer = io.BytesIO()
    uitkomst = selectors.nulmeting(_peildatum(request), request.user, "nulmeting (web, grafiek)")
    heatmap_nulmeting(uitkomst, buffer, formaat="svg")
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_POST
@rol_vereist(*REGISTREERDERS)
def registreer_view(request: HttpRequest) -> HttpResponse:
    """Record a visit, driegesprek, bezwaar or premature bezwaar for one client (by BSN)."""
    form = RegistratieForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        client = selectors.caseload_client(bsn=d["bsn"])
        if client is None:
            form.add_error("bsn", "Deze cliënt staat niet in de caseload.")
        else:
            try:
                services.registreer(
                    client,
                    d["soort"],
                    d["datum"],
                    uitkomst=d["uitkomst"] or "",
                    tot=d["tot"],
                    toelichting=d["toelichting"],
                    gebruiker=request.user,
                )
            except services.Herindicatiefout as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, f"Vastgelegd: {d['soort'].replace('_', ' ')} op {d['datum']:%d-%m-%Y}."
                )
                return redirect("herindicatie:overzicht")
    return overzicht(request, form=form)
