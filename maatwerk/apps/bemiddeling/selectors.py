"""Audited reads: a page that shows personal data records the read here, never in a view."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens


def gelezen(user: Any, client: Any, wat: str, waarom: str) -> None:
    """Record that ``user`` read ``wat`` about one client (one audit row)."""
    log_persoonsgegevens(user, client, "lezen", wat, waarom)


def lijst_gelezen(user: Any, clients: Iterable[Any], wat: str, waarom: str) -> None:
    """Record that ``user`` read a list naming ``clients`` (one audit row listing them)."""
    log_clientlijst(user, list(clients), wat, waarom)
