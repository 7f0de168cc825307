"""Audited reads of levering: the views call these when they show personal data (one audit entry each)."""

from __future__ import annotations

from typing import Any

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens


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
