"""The one adapter to the beschikking and its correction mechanism (``apps/besluiten``).

When the beschikking moves (e.g. to ``apps/besluiten``), only this module and the model reference
``BESCHIKKING_MODEL`` (also in the migration) change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from maatwerk.apps.besluiten import services as _besluit
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.besluiten.services import Geweigerd

BESCHIKKING_MODEL = "besluiten.Beschikking"

__all__ = [
    "BESCHIKKING_MODEL",
    "Beschikking",
    "Geweigerd",
    "bekendgemaakt_op",
    "corrigeer_na_bezwaar",
    "gemeente",
    "geldende_versie",
    "versie_van",
]


def gemeente() -> str:
    return _besluit.gemeente()


def geldende_versie(zaak: Any) -> Beschikking | None:
    """The newest (not replaced) version of the zaak's beschikking, or None."""
    return Beschikking.objects.filter(zaak=zaak, correctie__isnull=True).order_by("-versie").first()


def versie_van(zaak: Any, versie: int) -> Beschikking | None:
    """A given version of the zaak's beschikking, or None."""
    return Beschikking.objects.filter(zaak=zaak, versie=versie).first()


def bekendgemaakt_op(beschikking: Beschikking) -> dt.date:
    """The day the beschikking was sent (bekendmaking by sending, Awb 3:41)."""
    return timezone.localdate(beschikking.afgegeven_op)


def corrigeer_na_bezwaar(
    beschikking: Beschikking,
    user: Any,
    reden: str,
    *,
    motivering: str,
    ingangsdatum: dt.date | None = None,
    einddatum: dt.date | None = None,
) -> Beschikking:
    """A new version of the (newest) beschikking through the existing correction, referring to the bezwaar.

    The besluit itself (toekenning/afwijzing) stays; the correction mechanism refuses to change it.
    """
    nieuwste = beschikking
    while nieuwste.is_vervangen:
        nieuwste = nieuwste.correctie
    besluit = _besluit.Besluitgegevens(
        besluit=nieuwste.besluit,
        ingangsdatum=ingangsdatum or nieuwste.ingangsdatum,
        einddatum=einddatum or nieuwste.einddatum,
        leveringsvorm=nieuwste.leveringsvorm,
        gevraagd=nieuwste.gevraagd,
        motivering=motivering.strip() or nieuwste.motivering,
        reden_geen_zorgplan=nieuwste.reden_geen_zorgplan,
    )
    return _besluit.corrigeer_beschikking(nieuwste, user, reden, besluit)
