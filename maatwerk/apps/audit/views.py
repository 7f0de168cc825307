"""Audit log pages for the functioneel beheerder (and kwaliteitsmedewerker): list and CSV export."""

from __future__ import annotations

import csv
import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from maatwerk.apps.accounts.rollen import Rol, rol_vereist
from maatwerk.veilig import geheel_getal, neutraliseer_rij

from .models import Actie, AuditRegel

LEZERS = (Rol.FUNCTIONEEL_BEHEERDER, Rol.KWALITEITSMEDEWERKER)


def _datum(tekst: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(tekst) if tekst else None
    except ValueError:
        return None


def _gefilterd(request: HttpRequest) -> tuple[QuerySet[AuditRegel], dict, list[str]]:
    qs = AuditRegel.objects.select_related("gebruiker")
    fouten = []
    f = {k: request.GET.get(k, "").strip() for k in ("gebruiker", "client", "actie", "van", "tot")}
    if f["gebruiker"]:
        g = f["gebruiker"]
        qs = qs.filter(
            Q(gebruikersnaam__icontains=g)
            | Q(gebruiker__first_name__icontains=g)
            | Q(gebruiker__last_name__icontains=g)
        )
    if f["client"]:
        if (nummer := geheel_getal(f["client"])) is not None:
            qs = qs.filter(Q(client_id=nummer) | Q(clienten__contains=f",{nummer},"))
        else:
            fouten.append("Cliëntnummer: vul alleen cijfers in.")
    if f["actie"] in Actie.values:
        qs = qs.filter(actie=f["actie"])
    for veld, lookup in (("van", "tijdstip__date__gte"), ("tot", "tijdstip__date__lte")):
        if f[veld]:
            datum = _datum(f[veld])
            if datum is None:
                fouten.append(f"Datum '{veld}': gebruik de vorm JJJJ-MM-DD.")
            else:
                qs = qs.filter(**{lookup: datum})
    return qs, f, fouten


@rol_vereist(*LEZERS)
def lijst(request: HttpRequest) -> HttpResponse:
    qs, filters, fouten = _gefilterd(request)
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "audit/lijst.html",
        {
            "pagina": pagina,
            "filters": filters,
            "fouten": fouten,
            "acties": Actie.choices,
            "query": query.urlencode(),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@rol_vereist(*LEZERS)
def export_csv(request: HttpRequest) -> HttpResponse:
    qs, _, _ = _gefilterd(request)
    schrijver = csv.writer(_Echo(), delimiter=";")

    def rijen():
        yield schrijver.writerow(["tijdstip", "gebruiker", "client_id", "actie", "wat", "waarom"])
        for r in qs.order_by("tijdstip", "pk").iterator(chunk_size=2000):
            yield schrijver.writerow(
                neutraliseer_rij(
                    [
                        timezone.localtime(r.tijdstip).isoformat(timespec="seconds"),
                        r.gebruikersnaam,
                        " ".join(map(str, r.client_ids)),  # a list row: every id, space-separated
                        r.actie,
                        r.wat,
                        r.waarom,
                    ]
                )
            )

    naam = f"auditlog-{timezone.localdate():%Y%m%d}.csv"
    return StreamingHttpResponse(
        rijen(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{naam}"'},
    )
