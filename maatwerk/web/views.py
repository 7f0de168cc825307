"""Project-level views: the start page sends each role to its own main page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from maatwerk.apps.accounts.rollen import Rol, heeft_rol

STARTPAGINA: list[tuple[tuple[str, ...], str]] = [
    ((Rol.CONSULENT, Rol.SENIOR_CONSULENT), "cases:werklijst"),
    ((Rol.AANBIEDER,), "beschikkingen:aanbieder_overzicht"),
    ((Rol.KWALITEITSMEDEWERKER,), "cases:zaken"),
    ((Rol.BELEIDSMEDEWERKER,), "cases:rapportage"),
    ((Rol.FUNCTIONEEL_BEHEERDER,), "audit:lijst"),
    ((Rol.JURIST,), "bezwaren:lijst"),
]


@login_required
def start(request: HttpRequest) -> HttpResponse:
    for rollen, naam in STARTPAGINA:
        if heeft_rol(request.user, *rollen):
            try:
                return redirect(reverse(naam))
            except NoReverseMatch:
                continue
    return render(request, "start.html")


def csrf_fout(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Dutch page for a failed CSRF check (nothing stored)."""
    return render(request, "csrf_fout.html", status=403)
