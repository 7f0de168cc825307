"""Audited reads of levering: the views call these when they show personal data (one audit entry each)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken
from maatwerk.apps.clients.models import sorteersleutel

from .models import Notificatie, Zorgplan


def wmo301_gelezen(gebruiker: Any, toewijzing: Any) -> None:
    log_persoonsgegevens(
        gebruiker,
        toewijzing.zaak.client,
        "lezen",
        f"WMO301-bericht toewijzing {toewijzing.pk}",
        "toewijzing aan aanbieder",
    )


def portaal_gelezen(gebruiker: Any, clients: Any) -> None:
    """The aanbieder portal's list shows the names of ``clients``: one audit row per client."""
    log_clientlijst(gebruiker, clients, "aanbiederportaal: naam in de lijst", "zorg leveren")


def aanbieder_zaak_gelezen(gebruiker: Any, zaak: Any) -> None:
    log_persoonsgegevens(
        gebruiker, zaak.client, "lezen", f"aanbiederportaal zaak {zaak.pk} (plannen)", "zorg leveren"
    )


def ongelezen_notificaties(gebruiker: Any) -> list[Notificatie]:
    """The user's unread in-app notifications (texts name the zaak number only, no personal data)."""
    return list(Notificatie.objects.filter(ontvanger=gebruiker, gelezen_op=None)[:20])


@dataclass
class Werkvoorraad:
    """The aanbieder's day: what to do per kind of step, and all clients sorted by Dutch surname."""

    opstellen: list[Any] = field(default_factory=list)
    tekenen: list[Any] = field(default_factory=list)
    starten: list[Any] = field(default_factory=list)
    stoppen: list[Any] = field(default_factory=list)
    regels: list[tuple[Any, Any, Any]] = field(default_factory=list)

    @property
    def aantal_taken(self) -> int:
        return len(self.opstellen) + len(self.tekenen) + len(self.starten) + len(self.stoppen)


def werkvoorraad(gebruiker: Any, aanbieder: Any, vandaag: dt.date) -> Werkvoorraad:
    """The aanbieder's zaken with their to-do (issue 10.10); one audit row lists the clients shown."""
    uit = Werkvoorraad()
    if aanbieder is None:
        return uit
    zaken = list(
        zichtbare_zaken(gebruiker)
        .filter(aanbieder=aanbieder)
        .select_related("client", "ondersteuningsplan")
        .prefetch_related("toewijzingen")
    )
    zaken.sort(key=lambda z: (sorteersleutel(z.client.achternaam, z.client.voornamen), z.pk))
    zorgplannen = {z.zaak_id: z for z in Zorgplan.objects.filter(zaak__in=zaken)}
    for zaak in zaken:
        zorgplan = zorgplannen.get(zaak.pk)
        toewijzing = next(iter(sorted(zaak.toewijzingen.all(), key=lambda t: -t.pk)), None)
        uit.regels.append((zaak, zorgplan, toewijzing))
        if zaak.is_afgesloten:
            continue
        if zorgplan is None and getattr(zaak, "ondersteuningsplan", None) is not None:
            uit.opstellen.append(zaak)
        elif zorgplan is not None and not zorgplan.is_getekend and not zaak.beschikkingen.exists():
            uit.tekenen.append(zaak)
        if toewijzing is not None and toewijzing.levering_gestart_op is None:
            uit.starten.append((zaak, toewijzing))
        elif toewijzing is not None and toewijzing.levering_gestopt_op is None:
            einde = toewijzing.einde_recht or toewijzing.einddatum
            if einde is not None and einde <= vandaag:
                uit.stoppen.append((zaak, toewijzing))
    log_clientlijst(gebruiker, [z.client for z in zaken], "aanbiederportaal (naam, taken)", "zorg leveren")
    return uit
