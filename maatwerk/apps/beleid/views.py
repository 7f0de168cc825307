"""The beleidstoets page: a beleidsmedewerker pastes or uploads a policy and sees the verdict.

Nothing is stored; a policy is not personal data, so no audit entry is written.
"""

from __future__ import annotations

from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from maatwerk.apps.accounts.rollen import Rol, rol_vereist
from maatwerk.regels.laden import Regelfout
from maatwerk.toets import lees_beleid, toets_beleid
from maatwerk.toets.bewaking import (
    ConfiguratieAfgekeurd,
    controleer_configuratie,
    geconfigureerde_gemeenten,
    laad_gemeente,
)

from .forms import BeleidForm

ROLLEN = (Rol.BELEIDSMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER)
VOORBEELD = Path(__file__).resolve().parents[3] / "examples" / "beleid" / "01-voorbeeldstad.yaml"
LABEL = {
    "voldoet": "Voldoet",
    "voldoet_niet": "Voldoet niet",
    "onbekend": "Onbekend",
    "niet_van_toepassing": "Niet van toepassing",
}


def _voorbeeld() -> str:
    try:
        return VOORBEELD.read_text(encoding="utf-8")
    except OSError:
        return "gemeente: Voorbeeldstad\npeildatum: 2024-01-01\n"


def _configuraties() -> list[dict[str, str]]:
    """The guard's verdict today for every gemeente configuration in maatwerk."""
    vandaag = timezone.localdate()
    rijen = []
    for pad in geconfigureerde_gemeenten():
        naam = pad.stem
        try:
            naam = laad_gemeente(pad.stem).gemeente
            oordeel = controleer_configuratie(naam, vandaag)
            rijen.append({"gemeente": naam, "status": LABEL[oordeel.oordeel], "reden": oordeel.hoofdreden})
        except ConfiguratieAfgekeurd as afgekeurd:
            rijen.append(
                {"gemeente": naam, "status": "Afgekeurd: geen beschikkingen", "reden": afgekeurd.reden}
            )
        except Regelfout as fout:
            rijen.append({"gemeente": naam, "status": "Fout in de configuratie", "reden": str(fout)})
    return rijen


@rol_vereist(*ROLLEN)
def toets(request: HttpRequest) -> HttpResponse:
    """GET: the form with an example policy. POST: test the policy and show verdict or Dutch errors."""
    oordeel = None
    fouten: list = []
    status = 200
    if request.method == "POST":
        form = BeleidForm(request.POST, request.FILES)
        if form.is_valid():
            naam, tekst = form.invoer()
            try:
                oordeel = toets_beleid(lees_beleid(tekst, naam), naam)
            except Regelfout as fout:
                fouten = fout.meldingen
                status = 400
        else:
            status = 400
    else:
        form = BeleidForm(initial={"tekst": _voorbeeld()})
    context: dict = {"form": form, "oordeel": oordeel, "fouten": fouten, "configuraties": _configuraties()}
    if oordeel is not None:
        context["oordeel_label"] = LABEL[oordeel.oordeel]
        context["bevindingen"] = [{"b": b, "label": LABEL[b.oordeel]} for b in oordeel.bevindingen]
    return render(request, "beleid/toets.html", context, status=status)
