"""The beleidstoets page: a beleidsmedewerker pastes or uploads a policy and sees the verdict.

Nothing is stored; a policy is not personal data, so no audit entry is written.
"""

from __future__ import annotations

from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from maatwerk.apps.accounts.rollen import Rol, rol_vereist
from maatwerk.regels.laden import Regelfout
from maatwerk.toets import lees_beleid, toets_beleid

from .forms import BeleidForm

ROLLEN = (Rol.BELEIDSMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER)
VOORBEELD = Path(__file__).resolve().parents[3] / "examples" / "beleid" / "01-voorbeeldstad.yaml"
LABEL = {"voldoet": "Voldoet", "voldoet_niet": "Voldoet niet", "onbekend": "Onbekend",
         "niet_van_toepassing": "Niet van toepassing"}


def _voorbeeld() -> str:
    try:
        return VOORBEELD.read_text(encoding="utf-8")
    except OSError:
        return "gemeente: Voorbeeldstad\npeildatum: 2024-01-01\n"


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
    context: dict = {"form": form, "oordeel": oordeel, "fouten": fouten}
    if oordeel is not None:
        context["oordeel_label"] = LABEL[oordeel.oordeel]
        context["bevindingen"] = [{"b": b, "label": LABEL[b.oordeel]} for b in oordeel.bevindingen]
    return render(request, "beleid/toets.html", context, status=status)
