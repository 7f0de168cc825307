"""Financial overview for the council (beleidsmedewerker) and providers (aanbieder sees only its own).

Reads the newest stored simulation (audit-logged as a read of the caseload) and shows aggregated
figures only: income old vs new per provider, the uitmiddelen view and, for the council, the budget
impact per year with a plot. The computations are the pure modules of this app.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from maatwerk.apps.accounts.rollen import Rol, aanbieder_van, heeft_rol, rol_vereist
from maatwerk.regels.laden import Regelfout

LEZERS = (Rol.BELEIDSMEDEWERKER, Rol.AANBIEDER)
PERIODES_OP_PAGINA = 13  # one year of 4-week periods


def _eigen_aanbieder(request: HttpRequest) -> str | None:
    """None for the council (sees all); the provider's name for an aanbieder-user; 403 when unlinked."""
    if heeft_rol(request.user, Rol.BELEIDSMEDEWERKER):
        return None
    aanbieder = aanbieder_van(request.user)
    if aanbieder is None:
        raise PermissionDenied("Uw account is niet aan een aanbieder gekoppeld.")
    return aanbieder.naam


def _datum(request: HttpRequest, naam: str, standaard: dt.date) -> dt.date:
    """The date in ``?naam=`` when it is valid and plausible (see ``datumbereik``), else ``standaard``."""
    from maatwerk.apps.cases.termijnregels import datumbereik

    try:
        datum = dt.date.fromisoformat(request.GET.get(naam, ""))
    except ValueError:
        return standaard
    van, tot = datumbereik()
    return datum if van <= datum <= tot else standaard


def _rekenen(request: HttpRequest, aanbieder: str | None) -> dict[str, Any]:
    import polars as pl

    from maatwerk.apps.finance import uitmiddelen as um
    from maatwerk.apps.finance.begroting import begroting_per_jaar
    from maatwerk.apps.finance.bronnen import uit_database
    from maatwerk.apps.finance.inkomsten import inkomsten_per_aanbieder, niet_geprijsd
    from maatwerk.apps.finance.invoer import Invoerfout
    from maatwerk.apps.finance.matrix import intensiteit_naar_trede, intensiteitsgrenzen, tarieftabel
    from maatwerk.apps.finance.perioden import perioden
    from maatwerk.apps.finance.services import Keuzefout, kies_matrix, kies_regelset
    from maatwerk.apps.finance.tarieven import pxq_tabel, uitmiddelen_regels

    try:
        bron = uit_database(gebruiker=request.user, waarom="financieel overzicht (web)")
    except Invoerfout as exc:
        return {"melding": str(exc)}
    frame = bron.frame
    if aanbieder is not None:
        frame = frame.filter(pl.col("aanbieder") == aanbieder)
    van = _datum(request, "van", bron.peildatum or timezone.localdate())
    context: dict[str, Any] = {"bron": bron.omschrijving, "van": van, "aanbieder": aanbieder}
    try:
        if not bron.kader:
            return {**context, "melding": "De simulatie heeft geen normenkader met een resultatenmatrix."}
        mid = kies_matrix(kader=bron.kader, peildatum=bron.peildatum)
        tabel = tarieftabel(mid)
        dagen = int(tabel["periode_dagen"].max())
        tot = van + dt.timedelta(days=dagen * PERIODES_OP_PAGINA - 1)
        pxq = pxq_tabel(kies_regelset("pxq"))
        inkomsten = inkomsten_per_aanbieder(frame, pxq, tabel, perioden(van, tot, dagen), per_periode=False)
        regels = uitmiddelen_regels(kies_regelset("uitmiddelen"), van)
        clienten = um.per_client(frame.filter(pl.col("leveringsvorm") == "zin"), tabel, regels, van)
        context |= {
            "matrix": mid,
            "tot": tot,
            "inkomsten": inkomsten.to_dicts(),
            "inkomsten_totaal": {
                "oud": int(inkomsten["inkomsten_oud_cent"].sum()),
                "nieuw": int(inkomsten["inkomsten_nieuw_cent"].sum()),
            },
            "niet_geprijsd": niet_geprijsd(frame),
            "uitmiddelen": um.per_aanbieder(clienten, regels).to_dicts(),
            "uitmiddelen_trede": um.per_aanbieder_trede(clienten, regels).to_dicts(),
            "drempel": regels.bovenkant_band.waarde,
        }
        if aanbieder is None:
            grenzen = intensiteitsgrenzen(bron.beleid, van)
            omrekening = intensiteit_naar_trede(grenzen, tabel)
            begroting = begroting_per_jaar(
                frame, pxq, tabel, van, van.year, van.year + 3, omrekening, bron.peildatum
            )
            context["begroting"] = begroting.to_dicts()
            context["grafiek"] = _svg_data_uri(begroting)
    except Keuzefout as exc:  # the same refusal as the CLI's, which names its option
        tekst = str(exc)
        context["melding"] = f"{tekst[0].upper()}{tekst[1:]}."
    except (Regelfout, ValueError) as exc:
        context["melding"] = str(exc)
    return context


def _svg_data_uri(begroting: Any) -> str:
    """The budget plot as an SVG data URI (the page's CSP allows ``img-src data:``): no second request."""
    import base64

    from maatwerk.apps.finance.plots import begroting_plot

    buffer = io.BytesIO()
    begroting_plot(begroting, buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@rol_vereist(*LEZERS)
def overzicht(request: HttpRequest) -> HttpResponse:
    """Income old vs new, uitmiddelen and (council only) budget impact of the newest simulation."""
    aanbieder = _eigen_aanbieder(request)
    return render(request, "finance/overzicht.html", _rekenen(request, aanbieder))


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def begroting_svg(request: HttpRequest) -> HttpResponse:
    """The budget plot (SVG) of the newest simulation, for the council."""
    import polars as pl

    from maatwerk.apps.finance.plots import begroting_plot

    context = _rekenen(request, None)
    if "begroting" not in context:
        return HttpResponse(context.get("melding", "geen begroting"), status=404, content_type="text/plain")
    buffer = io.BytesIO()
    begroting_plot(pl.DataFrame(context["begroting"]), buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
