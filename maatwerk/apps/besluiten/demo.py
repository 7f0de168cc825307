"""Demo data for besluiten (and levering): plans, signed zorgplannen, beschikkingen and toewijzingen.

Hook for web-core's ``maatwerk demo``: :func:`vul_demo(zaken)` fills in, for demo zaken that are already in
a later status (besluit, toegewezen, levering gestart, beëindigd, afgewezen) and have an indication, what
those statuses imply: an ondersteuningsplan, a zorgplan signed by client and aanbieder, the issued beschikking
(real HTML + PDF with content hash, dated on the zaak's besluitdatum) and, for zorg in natura, the toewijzing
with delivery start/stop. ``maatwerk demo`` calls it through :mod:`.webdemo` (``laad_demo()``), like every
app's ``webdemo`` module. Idempotent: zaken that already have a beschikking are skipped. Synthetic data only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.levering import demo as levering_demo

from . import services
from .models import Beschikking, Besluit, Ondersteuningsplan

LATER = (Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART, Status.BEEINDIGD, Status.AFGEWEZEN)
DOEL = "U woont in een schoon en leefbaar huis."


def _een(zaak: Zaak) -> bool:
    onderzoek = getattr(zaak, "onderzoek", None)
    if onderzoek is None or onderzoek.indicatie is None or zaak.beschikkingen.exists():
        return False
    consulent = zaak.consulent
    besluitdatum = zaak.besluitdatum or timezone.localdate()
    toegekend = zaak.status != Status.AFGEWEZEN
    plan = Ondersteuningsplan.objects.create(
        zaak=zaak,
        indicatie=onderzoek.indicatie,
        opgesteld_door=consulent,
        doelen={g["id"]: DOEL for g in onderzoek.indicatie.get("resultaatgebieden", [])},
    )
    zorgplan = None
    if toegekend and zaak.aanbieder_id:
        zorgplan = levering_demo.getekend_zorgplan(zaak, plan.activiteiten, besluitdatum, consulent)
    besluit = services.Besluitgegevens(
        besluit=Besluit.TOEGEKEND if toegekend else Besluit.AFGEWEZEN,
        ingangsdatum=besluitdatum + dt.timedelta(days=7) if toegekend else None,
        einddatum=besluitdatum + dt.timedelta(days=7 + 364) if toegekend else None,
        leveringsvorm="ZIN" if zaak.aanbieder_id else "PGB",
        gevraagd=services.hulpvraag_voor_brief(zaak),
        motivering="" if toegekend else "Uw huisgenoot kan het huishouden overnemen (gebruikelijke hulp).",
        reden_geen_zorgplan="" if zorgplan is not None else "Geen zorgplan: afwijzing of pgb.",
    )
    na = Status.BESLUIT if toegekend else Status.AFGEWEZEN
    beschikking = services._maak(
        zaak,
        consulent,
        besluit,
        zorgplan,
        f"WMO-{besluitdatum.year}-{zaak.pk:06d}",
        1,
        besluitdatum,
        na,
        onderzoek.indicatie,
    )
    if toegekend and zaak.aanbieder_id and zaak.status != Status.BESLUIT:
        levering_demo.toewijzing_met_verloop(zaak, beschikking, consulent, besluitdatum)
    return True


def _alleen_plan(zaak: Zaak) -> None:
    """An aanvraag with a chosen aanbieder: the gemeente has set the plan, the zorgplan is still to come."""
    onderzoek = getattr(zaak, "onderzoek", None)
    if onderzoek is None or onderzoek.indicatie is None or hasattr(zaak, "ondersteuningsplan"):
        return
    Ondersteuningsplan.objects.create(
        zaak=zaak,
        indicatie=onderzoek.indicatie,
        opgesteld_door=zaak.consulent,
        doelen={g["id"]: DOEL for g in onderzoek.indicatie.get("resultaatgebieden", [])},
    )


def vul_demo(zaken: Iterable[Zaak], voortgang: Callable[[], None] | None = None) -> int:
    """Create plans, beschikkingen and toewijzingen for demo zaken in later statuses; returns how many.

    Zaken in status 'aanvraag' with an aanbieder get only an ondersteuningsplan (every other one), so the
    aanbieder portal has zorgplannen to draft.
    """
    services.controleer_configuratie([timezone.localdate()])
    aantal = 0
    for zaak in zaken:
        if zaak.status == Status.AANVRAAG and zaak.aanbieder_id and zaak.pk % 2 == 0:
            _alleen_plan(zaak)
        if zaak.status in LATER:
            with transaction.atomic():
                aantal += _een(zaak)
        if voortgang:
            voortgang()
    return aantal


def laad_demo() -> str:
    """Entry point used by ``maatwerk demo`` (via :mod:`.webdemo`)."""
    zaken = (
        Zaak.objects.filter(status__in=(*LATER, Status.AANVRAAG), beschikkingen__isnull=True)
        .select_related("client", "consulent", "aanbieder", "onderzoek")
        .order_by("pk")
    )
    nieuw = vul_demo(zaken)
    totaal = Beschikking.objects.count()
    return f"{nieuw} nieuwe beschikkingen (totaal {totaal}) met plannen en toewijzingen."
