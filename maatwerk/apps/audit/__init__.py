"""Append-only audit log of every read and write of a client's personal data (AVG).

Public API (stable)::

    from maatwerk.apps.audit import log_persoonsgegevens
    log_persoonsgegevens(request.user, client, "lezen", "cliëntgegevens en zaak", "behandeling melding")

    log_clientlijst(request.user, clients, "werklijst (naam)", "werkvoorraad bewaken")  # one row, all ids
    log_client_ids(user, [12, 40, 41], "simulatie herindicatie", "doorrekenen caseload")  # ids, no objects

    log_inlogpoging(None, "jan", "inloggen mislukt vanaf 10.0.0.7: ...", "beveiliging inloggen")

``actie`` is ``"lezen"`` or ``"schrijven"`` (``"inloggen"`` for logins and second-factor checks, through
:func:`log_inlogpoging`). Entries cannot be changed or deleted.
"""

from __future__ import annotations

from typing import Any


def log_persoonsgegevens(user: Any, client: Any, actie: str, wat: str, waarom: str) -> Any:
    """Write one audit entry; returns the new AuditRegel."""
    from .models import AuditRegel

    return AuditRegel.schrijf(user, client, actie, wat, waarom)


def log_clientlijst(user: Any, clients: Any, wat: str, waarom: str) -> int:
    """Record a read of several clients at once (a list page): one entry listing the client ids."""
    from .models import AuditRegel

    return AuditRegel.schrijf_lijst(user, clients, wat, waarom)


def log_client_ids(user: Any, client_ids: Any, wat: str, waarom: str) -> int:
    """:func:`log_clientlijst` for client ids (a bulk read need not load a Client per id)."""
    from .models import AuditRegel

    return AuditRegel.schrijf_ids(user, client_ids, wat, waarom)


def log_inlogpoging(user: Any, gebruikersnaam: str, wat: str, waarom: str) -> Any:
    """A login or second-factor check (actie ``inloggen``); ``gebruikersnaam`` names who tried when
    ``user`` is not (yet) logged in. No client, no password, no code."""
    from .models import AuditRegel

    return AuditRegel.schrijf(user, None, "inloggen", wat, waarom, gebruikersnaam=gebruikersnaam)
