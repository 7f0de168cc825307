"""Demo data of levering for ``besluiten.demo``: a zorgplan signed in the past, a toewijzing with history.

Synthetic data only; dates in the past are set directly (the services always stamp 'now').
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from maatwerk.apps.cases.models import Status, Zaak

from . import services
from .models import Toewijzing, Zorgplan


def _moment(datum: dt.date, uur: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time(uur, 0)))


def getekend_zorgplan(zaak: Zaak, activiteiten: list[dict[str, Any]], datum: dt.date, door: Any) -> Zorgplan:
    """A zorgplan for the zaak's aanbieder, signed by client and aanbieder on ``datum``."""
    medewerker = zaak.aanbieder.medewerkers.first()
    zorgplan: Zorgplan = Zorgplan.objects.create(
        zaak=zaak,
        aanbieder=zaak.aanbieder,
        afspraken=[
            {**a, "afspraak": "Vaste hulp, op dinsdagochtend"}
            for a in services.concept_afspraken(activiteiten)
        ],
        getekend_client_naam=zaak.client.naam,
        getekend_client_op=_moment(datum, 10),
        getekend_aanbieder_op=_moment(datum, 10),
        gewijzigd_door=door,
        getekend_aanbieder_door=medewerker.user if medewerker is not None else door,
    )
    return zorgplan


def toewijzing_met_verloop(zaak: Zaak, beschikking: Any, door: Any, datum: dt.date) -> Toewijzing:
    """The toewijzing of a ZIN beschikking, started/stopped as the zaak's status says."""
    t = services._nieuwe_toewijzing(zaak, beschikking, door)
    velden: dict[str, Any] = {"toegewezen_op": _moment(datum, 11)}
    if zaak.status in (Status.LEVERING_GESTART, Status.BEEINDIGD):
        velden["levering_gestart_op"] = beschikking.ingangsdatum
    if zaak.status == Status.BEEINDIGD:
        velden["levering_gestopt_op"] = min(
            timezone.localdate(), beschikking.ingangsdatum + dt.timedelta(days=120)
        )
        velden["reden_beeindiging"] = "19"
    Toewijzing.objects.filter(pk=t.pk).update(**velden)
    return t
