"""Template context: the navigation items the logged-in user may use."""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, reverse

from maatwerk.apps.accounts.rollen import Rol, heeft_rol, rollen_van

# (url name, label, roles that see it); names that do not resolve (app not installed) are skipped.
MENU: list[tuple[str, str, tuple[str, ...]]] = [
    ("cases:werklijst", "Werklijst", (Rol.CONSULENT, Rol.SENIOR_CONSULENT)),
    ("cases:nieuwe_melding", "Nieuwe melding", (Rol.CONSULENT, Rol.SENIOR_CONSULENT)),
    ("cases:zaken", "Zaken", (Rol.CONSULENT, Rol.SENIOR_CONSULENT, Rol.KWALITEITSMEDEWERKER)),
    ("beschikkingen:aanbieder_overzicht", "Mijn cliënten", (Rol.AANBIEDER,)),
    ("cases:rapportage", "Rapportage", (Rol.BELEIDSMEDEWERKER, Rol.KWALITEITSMEDEWERKER)),
    ("herindicatie:overzicht", "Herindicatie", (Rol.BELEIDSMEDEWERKER, Rol.CONSULENT, Rol.SENIOR_CONSULENT)),
    ("berichten:werklijst", "iWmo", (Rol.CONSULENT, Rol.SENIOR_CONSULENT)),
    ("berichten:aanbieder", "Berichten", (Rol.AANBIEDER,)),
    ("finance:overzicht", "Financiën", (Rol.BELEIDSMEDEWERKER, Rol.AANBIEDER)),
    ("beleid:toets", "Beleidstoets", (Rol.BELEIDSMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER)),
    ("audit:lijst", "Auditlog", (Rol.FUNCTIONEEL_BEHEERDER, Rol.KWALITEITSMEDEWERKER)),
    ("schouw:lijst", "Schouw", (Rol.KWALITEITSMEDEWERKER, Rol.AANBIEDER)),
    ("bezwaren:lijst", "Bezwaren", (Rol.JURIST, Rol.KWALITEITSMEDEWERKER)),
    ("klachten:lijst", "Klachten", (Rol.KWALITEITSMEDEWERKER, Rol.JURIST, Rol.AANBIEDER)),
    ("bezwaren:termijnen", "Termijnen", (Rol.JURIST, Rol.KWALITEITSMEDEWERKER)),
    ("monitor:overzicht", "Monitor", (Rol.BELEIDSMEDEWERKER,)),
]


@cache
def _menu_url(naam: str, prefix: str) -> str | None:
    """The URL of a menu item, or None when its app is not installed (resolved once per process)."""
    try:
        return reverse(naam)
    except NoReverseMatch:
        return None


def navigatie(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": [], "mijn_rollen": []}
    items = []
    for naam, label, rollen in MENU:
        if not heeft_rol(user, *rollen):
            continue
        url = _menu_url(naam, get_script_prefix())
        if url is None:
            continue
        items.append({"url": url, "label": label, "actief": False})
    # The current item is the one with the longest URL that prefixes the path.
    passend = [i for i in items if request.path.startswith(i["url"])]
    if passend:
        max(passend, key=lambda i: len(i["url"]))["actief"] = True
    labels = dict(Rol.choices)
    return {"navigatie": items, "mijn_rollen": [labels[r] for r in sorted(rollen_van(user)) if r in labels]}
