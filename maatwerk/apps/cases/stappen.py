"""The one primary action of the zaak page per status (issue 10, point 5). Presentation only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from .models import Status, Zaak


@dataclass(frozen=True)
class VolgendeStap:
    """What the consulent does next: a link, or (``status_naar``) a status form posted to the zaak."""

    label: str
    uitleg: str
    url: str = ""
    status_naar: str = ""


def volgende_stap(zaak: Zaak, onderzoek: Any, besluit_url: str | None) -> VolgendeStap | None:
    """The zaak's next step by status; None when the zaak is closed."""
    if zaak.is_afgesloten:
        return None
    onderzoek_url = reverse("onderzoek:onderzoek", args=[zaak.pk])
    if zaak.status == Status.ONTVANGEN:
        return VolgendeStap(
            "Onderzoek starten", "Plan het keukentafelgesprek en leg het onderzoek vast.", onderzoek_url
        )
    if zaak.status == Status.IN_ONDERZOEK:
        if onderzoek is not None and onderzoek.indicatie_id is not None:
            return VolgendeStap(
                "Aanvraag registreren",
                "Het onderzoek heeft een indicatie. Registreer de aanvraag op de dag dat de "
                "ondertekende aanvraag binnenkwam.",
                status_naar=str(Status.AANVRAAG),
            )
        return VolgendeStap(
            "Onderzoek verder invullen", "Het onderzoek heeft nog geen indicatie.", onderzoek_url
        )
    if zaak.status == Status.AANVRAAG and zaak.client.identiteit_ontbreekt:
        return VolgendeStap(
            "Cliëntgegevens aanvullen",
            "Zonder geldig BSN en geboortedatum kan er geen besluit worden genomen.",
            reverse("cases:client", args=[zaak.pk]),
        )
    if besluit_url is None:
        return None
    teksten = {
        Status.AANVRAAG: (
            "Besluit voorbereiden",
            "Stel het ondersteuningsplan vast en bereid de beschikking voor.",
        ),
        Status.BESLUIT: ("Toewijzing afronden", "Wijs de hulp toe aan de aanbieder."),
        Status.TOEGEWEZEN: ("Levering volgen", "De aanbieder registreert de start van de hulp."),
        Status.LEVERING_GESTART: ("Beschikking en levering bekijken", "De hulp loopt."),
    }
    label, uitleg = teksten.get(zaak.status, ("Besluit en beschikking", ""))
    return VolgendeStap(label, uitleg, besluit_url)
