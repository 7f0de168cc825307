"""Audited reads of the onderzoek: the views call these when they show personal data."""

from __future__ import annotations

from typing import Any

from maatwerk.apps.audit import log_persoonsgegevens


def onderzoek_gelezen(gebruiker: Any, zaak: Any) -> None:
    log_persoonsgegevens(
        gebruiker, zaak.client, "lezen", f"onderzoek zaak {zaak.pk}", "onderzoek / keukentafelgesprek"
    )


def verslag_gelezen(gebruiker: Any, zaak: Any) -> None:
    log_persoonsgegevens(
        gebruiker, zaak.client, "lezen", f"verslag onderzoek zaak {zaak.pk}", "verslag voor de cliënt"
    )
