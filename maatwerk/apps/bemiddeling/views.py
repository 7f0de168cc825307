"""Informal resolution on a zaak: the list and the form (parse and present; rules in services)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from maatwerk.apps.accounts.rollen import rol_vereist

from . import selectors
from .bronnen import TOEGANGSTEAM, zaken_voor
from .forms import BemiddelingForm
from .services import Geweigerd, registreer


@rol_vereist(*TOEGANGSTEAM)
def zaak(request: HttpRequest, pk: int) -> HttpResponse:
    """Driegesprekken, tweede meningen and mediation on one zaak; POST registers a new one."""
    z = get_object_or_404(zaken_voor(request.user), pk=pk)
    status = 200
    if request.method == "POST":
        form = BemiddelingForm(request.POST)
        if form.is_valid():
            try:
                registreer(z, request.user, **form.cleaned_data)
            except Geweigerd as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "De informele afhandeling is vastgelegd.")
                return redirect("bemiddeling:zaak", pk=z.pk)
        status = 400
    else:
        form = BemiddelingForm()
    selectors.gelezen(request.user, z.client, f"informele afhandeling zaak {z.pk}", "informele afhandeling")
    stappen = z.bemiddelingen.select_related("aanbieder", "door")
    return render(
        request, "bemiddeling/zaak.html", {"zaak": z, "stappen": stappen, "form": form}, status=status
    )
