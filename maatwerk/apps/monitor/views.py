"""The monitor page and its CSV/XLSX export for the beleidsmedewerker (no personal data)."""

from __future__ import annotations

import base64
import datetime as dt
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .bronnen import Rol, rol_vereist
from .cijfers import monitor
from .export import naar_csv, naar_xlsx
from .perioden import MAANDEN, periode_van, perioden


def _keuze(request: HttpRequest) -> tuple[dt.date, dt.date, str, str]:
    """Period choice from the query string; default the last four quarters. Returns a Dutch error or ''."""
    soort = request.GET.get("per", "kwartaal")
    vandaag = timezone.localdate()
    tot_standaard = periode_van(vandaag, "kwartaal").tot
    van_standaard = periode_van(dt.date(vandaag.year - 1, vandaag.month, 1), "kwartaal").van
    van_standaard = periode_van(van_standaard + dt.timedelta(days=92), "kwartaal").van
    fout = ""
    try:
        van = dt.date.fromisoformat(request.GET.get("van") or van_standaard.isoformat())
        tot = dt.date.fromisoformat(request.GET.get("tot") or tot_standaard.isoformat())
    except ValueError:
        van, tot, fout = van_standaard, tot_standaard, "Vul geldige datums in (JJJJ-MM-DD)."
    if soort not in MAANDEN:
        soort, fout = "kwartaal", "Kies kwartaal of halfjaar."
    if tot < van:
        van, tot, fout = van_standaard, tot_standaard, "De einddatum ligt vóór de begindatum."
    if (tot - van).days > 366 * 5:
        van, tot, fout = van_standaard, tot_standaard, "Kies een periode van hoogstens vijf jaar."
    return van, tot, soort, fout


def _tabellen(rijen: list[dict]) -> list[dict]:
    """Group rows per onderdeel into tables: one line per (indicator, uitsplitsing), periods as columns."""
    tabellen: dict[str, dict] = {}
    for r in rijen:
        t = tabellen.setdefault(r["onderdeel"], {"naam": r["onderdeel"], "perioden": [], "regels": {}})
        if r["periode"] not in t["perioden"]:
            t["perioden"].append(r["periode"])
        sleutel = (r["indicator"], r["uitsplitsing"], r["eenheid"])
        t["regels"].setdefault(sleutel, {})[r["periode"]] = r["waarde"]
    uit = []
    for t in tabellen.values():
        regels = [
            {"indicator": i, "uitsplitsing": u, "eenheid": e, "waarden": [w.get(p) for p in t["perioden"]]}
            for (i, u, e), w in t["regels"].items()
        ]
        uit.append({"naam": t["naam"], "perioden": t["perioden"], "regels": regels})
    return uit


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def overzicht(request: HttpRequest) -> HttpResponse:
    van, tot, soort, fout = _keuze(request)
    reeks = perioden(van, tot, soort)  # type: ignore[arg-type]
    rijen, ontbreekt = monitor(reeks)
    from .plots import monitor_plot

    buffer = io.BytesIO()
    monitor_plot(rijen, buffer)
    context = {
        "van": van,
        "tot": tot,
        "per": soort,
        "fout": fout,
        "tabellen": _tabellen(rijen),
        "ontbreekt": ontbreekt,
        "grafiek": "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"),
        "query": f"van={van.isoformat()}&tot={tot.isoformat()}&per={soort}",
    }
    return render(request, "monitor/overzicht.html", context, status=400 if fout else 200)


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def export(request: HttpRequest, formaat: str) -> HttpResponse:
    van, tot, soort, fout = _keuze(request)
    if fout:
        return HttpResponse(fout, status=400, content_type="text/plain; charset=utf-8")
    rijen, _ = monitor(perioden(van, tot, soort))  # type: ignore[arg-type]
    naam = f"monitor-{van.isoformat()}-{tot.isoformat()}"
    if formaat == "xlsx":
        antwoord = HttpResponse(
            naar_xlsx(rijen), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        antwoord = HttpResponse(naar_csv(rijen), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord
