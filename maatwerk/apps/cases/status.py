"""Status transitions of a Zaak: the only way to change ``Zaak.status``.

Every transition writes a timestamped :class:`StatusEvent`; invalid ones raise
:class:`OngeldigeStatusovergang` with a Dutch message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from .models import Status, StatusEvent, Zaak

#: Sent inside the transaction of every status change, after its StatusEvent is written: arguments
#: ``zaak`` and ``event``. Receivers run in that transaction (so their writes and audit entries commit
#: or roll back with it); anything outside the database (e-mail) goes in ``transaction.on_commit``.
status_gewijzigd = Signal()

#: Allowed transitions: from -> set of to.
OVERGANGEN: dict[str, set[str]] = {
    Status.ONTVANGEN: {Status.IN_ONDERZOEK, Status.AANVRAAG, Status.INGETROKKEN},
    Status.IN_ONDERZOEK: {Status.AANVRAAG, Status.INGETROKKEN},
    Status.AANVRAAG: {Status.BESLUIT, Status.AFGEWEZEN, Status.INGETROKKEN},
    Status.BESLUIT: {Status.TOEGEWEZEN, Status.BEEINDIGD, Status.INGETROKKEN},
    Status.TOEGEWEZEN: {Status.LEVERING_GESTART, Status.BEEINDIGD},
    Status.LEVERING_GESTART: {Status.BEEINDIGD},
    Status.BEEINDIGD: set(),
    Status.AFGEWEZEN: set(),
    Status.INGETROKKEN: set(),
}


class OngeldigeStatusovergang(ValueError):
    """A transition that the status train does not allow."""


def toegestane_overgangen(status: str) -> list[str]:
    """Statuses reachable from ``status`` in the order of the train."""
    return [s for s in Status.values if s in OVERGANGEN[status]]


def zet_status(
    zaak: Zaak, naar: str, door: Any = None, toelichting: str = "", datum: dt.date | None = None
) -> StatusEvent:
    """Move ``zaak`` to status ``naar`` and record the event (atomic; row-locked on PostgreSQL).

    ``datum`` is the legal date of the step when it differs from today (the day the signed aanvraag
    was received, the date of the besluit); it sets ``aanvraagdatum``/``besluitdatum`` if still empty.
    """
    if naar not in Status.values:
        raise OngeldigeStatusovergang(f"Onbekende status '{naar}'.")
    with transaction.atomic():
        huidig = Zaak.objects.select_for_update().only("status").get(pk=zaak.pk).status
        if naar not in OVERGANGEN[huidig]:
            mogelijk = ", ".join(Status(s).label.lower() for s in toegestane_overgangen(huidig))
            raise OngeldigeStatusovergang(
                f"Een zaak met status '{Status(huidig).label.lower()}' kan niet naar "
                f"'{Status(naar).label.lower()}'. "
                + (f"Mogelijk is: {mogelijk}." if mogelijk else "De zaak is afgesloten.")
            )
        nu = timezone.now()
        velden = {"status": naar}
        if datum is not None and not (zaak.melddatum <= datum <= timezone.localdate(nu)):
            raise OngeldigeStatusovergang("De datum moet tussen de melddatum en vandaag liggen.")
        if naar == Status.AANVRAAG and zaak.aanvraagdatum is None:
            velden["aanvraagdatum"] = datum or timezone.localdate(nu)
        if naar in (Status.BESLUIT, Status.AFGEWEZEN) and zaak.besluitdatum is None:
            velden["besluitdatum"] = datum or timezone.localdate(nu)
        Zaak.objects.filter(pk=zaak.pk).update(**velden)
        for veld, waarde in velden.items():
            setattr(zaak, veld, waarde)
        gebruiker = door if door is not None and getattr(door, "is_authenticated", False) else None
        event = StatusEvent.objects.create(
            zaak=zaak,
            van_status=huidig,
            naar_status=naar,
            tijdstip=nu,
            door=gebruiker,
            toelichting=toelichting[:500],
        )
        status_gewijzigd.send(sender=Zaak, zaak=zaak, event=event)
        return event


def start_zaak(zaak: Zaak, door: Any = None, toelichting: str = "melding geregistreerd") -> StatusEvent:
    """Save a new zaak and write its first event (→ ontvangen)."""
    with transaction.atomic():
        zaak.save()
        gebruiker = door if door is not None and getattr(door, "is_authenticated", False) else None
        event = StatusEvent.objects.create(
            zaak=zaak, van_status="", naar_status=Status.ONTVANGEN, door=gebruiker, toelichting=toelichting
        )
        status_gewijzigd.send(sender=Zaak, zaak=zaak, event=event)
        return event
