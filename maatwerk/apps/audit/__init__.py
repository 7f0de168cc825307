"""Append-only audit log of every read and write of a client's personal data (AVG).

Public API (stable)::

    from maatwerk.apps.audit import log_persoonsgegevens
    log_persoonsgegevens(request.user, client, "lezen", "cliëntgegevens en zaak", "behandeling melding")

``actie`` is ``"lezen"`` or ``"schrijven"``. ``client`` may be None for list pages that show
several clients (``wat`` then says which and how many). Entries cannot be changed or deleted.
"""

from __future__ import annotations

from typing import Any


def log_persoonsgegevens(user: Any, client: Any, actie: str, wat: str, waarom: str) -> Any:
    """Write one audit entry; returns the new AuditRegel."""
    from .models import AuditRegel

    return AuditRegel.schrijf(user, client, actie, wat, waarom)
