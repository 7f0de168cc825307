"""Audited reads of the iWmo exchange: toewijzingen list, message history, worklist, declared vs assigned."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.iwmo.codes import gemeente_iwmo

from .models import Bericht, Prestatie, Richting, Verzoek, Verzoekstatus


def actuele_toewijzingen(agb: str | None = None, user: Any = None) -> list[dict[str, Any]]:
    """Current toewijzingen (not replaced, not ended before today): ``maatwerk iwmo toewijzingen``."""
    vandaag = timezone.localdate()
    gemeentecode = gemeente_iwmo(levering.gemeente(), vandaag).gemeentecode.waarde
    rijen = Toewijzing.objects.filter(vervangen_door__isnull=True).select_related("zaak__client", "aanbieder")
    if agb:
        rijen = rijen.filter(aanbieder__agb_code=agb)
    uit, clients = [], []
    for t in rijen.order_by("pk"):
        einddatum = t.einde_recht or t.einddatum
        if einddatum is not None and einddatum < vandaag:
            continue
        client = t.zaak.client
        clients.append(client)
        uit.append(
            {
                "nummer": t.pk,
                "bsn": client.bsn,
                "geboortedatum": client.geboortedatum.isoformat() if client.geboortedatum else None,
                "gemeentecode": gemeentecode,
                "aanbieder_agb": t.aanbieder.agb_code,
                "productcategorie": t.productcategorie,
                "productcode": t.productcode or None,
                "ingangsdatum": t.ingangsdatum.isoformat(),
                "einddatum": einddatum.isoformat() if einddatum else None,
                "volume": t.volume,
                "eenheid": t.eenheid,
                "frequentie": t.frequentie,
            }
        )
    log_clientlijst(user, clients, "lijst actuele iWmo-toewijzingen", "iWmo-berichtenverkeer")
    return uit


def berichten_van_zaak(zaak: Zaak, user: Any) -> QuerySet[Bericht]:
    log_persoonsgegevens(user, zaak.client, "lezen", f"iWmo-berichten zaak {zaak.pk}", "berichtgeschiedenis")
    return zaak.iwmo_berichten.select_related("aanbieder").order_by("-tijdstip", "-pk")


def berichten_van_aanbieder(aanbieder: Any, user: Any) -> QuerySet[Bericht]:
    """Only this aanbieder's messages (an aanbieder never sees another's)."""
    berichten = Bericht.objects.filter(aanbieder=aanbieder).select_related("aanbieder")
    clients = {z.client for b in berichten.prefetch_related("zaken__client")[:200] for z in b.zaken.all()}
    log_clientlijst(user, clients, f"iWmo-berichten aanbieder {aanbieder.agb_code}", "berichtgeschiedenis")
    return berichten.order_by("-tijdstip", "-pk")


def bericht(pk: int, user: Any) -> Bericht:
    b: Bericht = Bericht.objects.select_related("aanbieder", "heen").get(pk=pk)
    for zaak in b.zaken.select_related("client"):
        log_persoonsgegevens(user, zaak.client, "lezen", f"iWmo-bericht {b}", "berichtgeschiedenis")
    return b


def werklijst(vandaag: dt.date | None = None) -> dict[str, Any]:
    """What is due or overdue: answers the aanbieder owes us, and verzoeken the consulent must decide."""
    vandaag = vandaag or timezone.localdate()
    wachtend = (
        Bericht.objects.filter(
            richting=Richting.UIT, beantwoord_op__isnull=True, uiterlijk_antwoord__isnull=False
        )
        .select_related("aanbieder")
        .order_by("uiterlijk_antwoord", "pk")
    )
    verzoeken = (
        Verzoek.objects.filter(status__in=[Verzoekstatus.OPEN, Verzoekstatus.IN_ONDERZOEK])
        .select_related("aanbieder", "zaak__client", "bericht")
        .order_by("uiterlijk", "pk")
    )
    toegekend_zonder_301 = Verzoek.objects.filter(status=Verzoekstatus.TOEGEKEND, antwoord__isnull=True)
    return {
        "vandaag": vandaag,
        "wachtend": [(b, _stand(b.uiterlijk_antwoord, vandaag)) for b in wachtend],
        "verzoeken": [(v, _stand(v.uiterlijk, vandaag)) for v in verzoeken],
        "toegekend_zonder_301": list(toegekend_zonder_301.select_related("aanbieder")),
    }


def _stand(uiterlijk: dt.date | None, vandaag: dt.date) -> str:
    if uiterlijk is None:
        return ""
    if uiterlijk < vandaag:
        return "te laat"
    return "vandaag" if uiterlijk == vandaag else "op tijd"


def verzoek(pk: int, user: Any) -> Verzoek:
    v: Verzoek = Verzoek.objects.select_related("aanbieder", "zaak__client", "bericht", "antwoord").get(pk=pk)
    if v.zaak is not None:
        log_persoonsgegevens(user, v.zaak.client, "lezen", f"verzoek {v.pk}", "verzoek beoordelen")
    return v


def gedeclareerd_per_aanbieder(jaar: int) -> list[dict[str, Any]]:
    """Per aanbieder and month of ``jaar``: amounts declared and granted (cents), volume declared vs assigned.

    ``toegewezen`` is the toewijzingen' weekly volume times the weeks of the month they cover; ``beschikt``
    the same over the beschikkingen' minutes per week (the source of the toewijzing), both in the
    toewijzing's unit. Aggregates only: no personal data, no audit entry.
    """
    rijen: dict[tuple[str, int], dict[str, Any]] = defaultdict(
        lambda: {"ingediend": 0, "toegekend": 0, "volume": 0, "toegewezen": 0.0, "beschikt": 0.0}
    )
    for p in Prestatie.objects.filter(begindatum__year=jaar).select_related("aanbieder"):
        r = rijen[(p.aanbieder.naam, p.begindatum.month)]
        teken = 1 if p.debet else -1
        r["ingediend"] += teken * p.bedrag
        r["toegekend"] += teken * p.bedrag if p.toegekend else 0
        r["volume"] += teken * p.volume if p.toegekend else 0
    for t in Toewijzing.objects.filter(vervangen_door__isnull=True).select_related(
        "aanbieder", "beschikking"
    ):
        for maand in range(1, 13):
            begin = dt.date(jaar, maand, 1)
            eind = (dt.date(jaar + (maand == 12), maand % 12 + 1, 1)) - dt.timedelta(days=1)
            van, tot = max(begin, t.ingangsdatum), min(eind, t.einde_recht or t.einddatum or eind)
            if tot < van or t.frequentie != "2":
                continue
            weken = ((tot - van).days + 1) / 7
            r = rijen[(t.aanbieder.naam, maand)]
            r["toegewezen"] += t.volume * weken
            r["beschikt"] += float(getattr(t.beschikking, "totaal_minuten_per_week", 0) or 0) * weken
    return [
        {"aanbieder": naam, "maand": maand, **waarden}
        for (naam, maand), waarden in sorted(rijen.items())
        if waarden["ingediend"] or waarden["toegewezen"]
    ]
