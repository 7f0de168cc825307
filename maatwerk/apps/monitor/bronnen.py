"""The one adapter from the monitor to other apps' models (renamed or split apps change only here).

Bezwaren and klachten are optional apps: :func:`model_of_none` gives their model or None.
"""

from __future__ import annotations

from typing import Any

from maatwerk.apps.accounts.rollen import Rol, rol_vereist
from maatwerk.apps.bemiddeling.models import Bemiddeling
from maatwerk.apps.besluiten.models import Beschikking, Besluit
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.herindicatie.models import CaseloadClient, Registratie
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.apps.schouw.models import Schouw, Stand

__all__ = [
    "Bemiddeling",
    "Beschikking",
    "Besluit",
    "CaseloadClient",
    "Registratie",
    "Rol",
    "Schouw",
    "Stand",
    "Toewijzing",
    "Zaak",
    "model_of_none",
    "rol_vereist",
    "wettelijke_termijnen",
]


def wettelijke_termijnen(peildatum: Any) -> dict[str, tuple[int, str]]:
    """Legal terms in days with their source: onderzoek (melding) and beschikking (aanvraag)."""
    from maatwerk.apps.cases.termijnregels import termijnregels_op

    regels = termijnregels_op(peildatum).termijnen
    return {
        naam: (regels[naam].duur.days, regels[naam].bron.titel)
        for naam in ("onderzoek", "beschikking")
        if naam in regels
    }


def model_of_none(app_label: str, naam: str) -> Any:
    """A model of an optional app (bezwaren, klachten), or None when that app is not installed."""
    from django.apps import apps

    try:
        return apps.get_model(app_label, naam)
    except LookupError:
        return None
