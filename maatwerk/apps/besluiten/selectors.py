"""Audited reads of besluiten: the views call these when they show personal data (one audit entry each)."""

from __future__ import annotations

from typing import Any

from maatwerk.apps.audit import log_persoonsgegevens

WAAROM = "besluitvorming"


def besluitpagina_gelezen(gebruiker: Any, zaak: Any) -> None:
    log_persoonsgegevens(
        gebruiker, zaak.client, "lezen", f"besluitpagina zaak {zaak.pk} (plannen, beschikking)", WAAROM
    )


def beschikking_gelezen(gebruiker: Any, beschikking: Any, vorm: str) -> None:
    """``vorm``: "voorbeeld" (the page) or "PDF" (the download)."""
    log_persoonsgegevens(
        gebruiker,
        beschikking.zaak.client,
        "lezen",
        f"beschikking {beschikking.kenmerk} v{beschikking.versie} ({vorm})",
        WAAROM,
    )


def goedkeuring_gelezen(gebruiker: Any, goedkeuring: Any) -> None:
    log_persoonsgegevens(
        gebruiker,
        goedkeuring.zaak.client,
        "lezen",
        f"concept beschikking zaak {goedkeuring.zaak_id} (goedkeuring {goedkeuring.pk})",
        WAAROM,
    )
