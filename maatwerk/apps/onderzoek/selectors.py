"""Audited reads of the onderzoek: the views call these when they show personal data."""

from __future__ import annotations

from typing import Any

from maatwerk.apps.audit import log_persoonsgegevens

from .models import Concept


def onderzoek_gelezen(gebruiker: Any, zaak: Any) -> None:
    log_persoonsgegevens(
        gebruiker, zaak.client, "lezen", f"onderzoek zaak {zaak.pk}", "onderzoek / keukentafelgesprek"
    )


def verslag_gelezen(gebruiker: Any, zaak: Any) -> None:
    log_persoonsgegevens(
        gebruiker, zaak.client, "lezen", f"verslag onderzoek zaak {zaak.pk}", "verslag voor de cliënt"
    )


def concept_van(gebruiker: Any, zaak: Any) -> Concept | None:
    """The user's own draft of this onderzoek, if any (reading it is audited)."""
    concept: Concept | None = Concept.objects.filter(zaak=zaak, door=gebruiker).first()
    if concept is not None:
        log_persoonsgegevens(
            gebruiker,
            zaak.client,
            "lezen",
            f"concept onderzoek zaak {zaak.pk}",
            "onderzoek / keukentafelgesprek",
        )
    return concept
