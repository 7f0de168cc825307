"""The one adapter from the schouw and its pages to other apps (zaak, client, indicatie, toewijzing, ...).

At merge, only this module changes when other apps are renamed or split (e.g. ``beschikkingen`` into
``besluiten`` and ``levering``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.rollen import Rol, aanbieder_van, heeft_rol, rol_vereist
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

__all__ = [
    "Aanbieder",
    "Rol",
    "Zaak",
    "aanbieder_van",
    "gemeente",
    "heeft_rol",
    "indicatie_en_situatie",
    "rol_vereist",
    "zaken_in_zorg",
    "zaken_met_klacht_of_bezwaar_over_kwaliteit",
    "zichtbare_zaken",
]


def gemeente() -> str:
    return getattr(settings, "MAATWERK_GEMEENTE", "Voorbeeldstad")


def zaken_in_zorg(aanbieder: Aanbieder, peildatum: dt.date) -> QuerySet[Zaak]:
    """Zaken whose help by ``aanbieder`` has started and not stopped on ``peildatum`` (the sample frame)."""
    from maatwerk.apps.levering.models import Toewijzing

    lopend = Toewijzing.objects.filter(
        aanbieder=aanbieder, levering_gestart_op__lte=peildatum, vervangen_door__isnull=True
    ).filter(
        Q(levering_gestopt_op__isnull=True) | Q(levering_gestopt_op__gt=peildatum),
        Q(einde_recht__isnull=True) | Q(einde_recht__gte=peildatum),
    )
    return Zaak.objects.filter(pk__in=lopend.values("zaak_id"))


def indicatie_en_situatie(zaak: Zaak) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The indication of the current decision (ondersteuningsplan, else onderzoek) and the situation."""
    plan = getattr(zaak, "ondersteuningsplan", None)
    onderzoek = getattr(zaak, "onderzoek", None)
    vastgelegd = plan.indicatie if plan is not None else (onderzoek.indicatie if onderzoek else None)
    if vastgelegd is None:
        return None, None
    return vastgelegd.resultaat, vastgelegd.situatie


def zaken_met_klacht_of_bezwaar_over_kwaliteit(aanbieder: Aanbieder) -> set[int]:
    """Zaken with a klacht or bezwaar about the quality of ``aanbieder``'s help (each gets a schouw).

    Klachten: every klacht about the provider (``over='aanbieder'``) with a zaak that is not yet handled,
    or handled in the last 90 days; bezwaren marked ``over_kwaliteit`` (the jurist ticks it at registration)
    that are undecided or decided in the last 90 days. Apps that are not installed give nothing.
    """
    from django.apps import apps

    zaken: set[int] = set()
    recent = dt.date.today() - dt.timedelta(days=90)
    if apps.is_installed("maatwerk.apps.klachten"):
        klacht = apps.get_model("klachten", "Klacht")
        zaken.update(
            klacht.objects.filter(over="aanbieder", aanbieder=aanbieder, zaak__isnull=False)
            .filter(Q(afgehandeld_op__isnull=True) | Q(afgehandeld_op__gte=recent))
            .values_list("zaak_id", flat=True)
        )
    if apps.is_installed("maatwerk.apps.bezwaren"):
        bezwaar = apps.get_model("bezwaren", "Bezwaar")
        if any(f.name == "over_kwaliteit" for f in bezwaar._meta.get_fields()):
            zaken.update(
                bezwaar.objects.filter(over_kwaliteit=True, zaak__aanbieder=aanbieder)
                .filter(Q(beslist_op__isnull=True) | Q(beslist_op__gte=recent))
                .values_list("zaak_id", flat=True)
            )
    return zaken
