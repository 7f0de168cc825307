"""Reads of clients for other apps (no personal data leaves: only ids)."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Client


def client_ids_voor_bsns(bsns: Iterable[str]) -> dict[str, int]:
    """BSN -> client id for the BSNs that belong to a known client."""
    return {bsn: int(pk) for bsn, pk in Client.objects.filter(bsn__in=list(bsns)).values_list("bsn", "pk")}
