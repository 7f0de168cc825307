"""Verify the audit log's hash chain against the key in the settings."""

from __future__ import annotations

from django.conf import settings

from .keten import EXTRA_VELDEN, VELDEN, Uitkomst, controleer_keten
from .models import AuditRegel


def verifieer(using: str = "default") -> Uitkomst:
    """Walk every audit row in chain order; the result names the first broken link, if any."""
    rijen = (
        AuditRegel.objects.using(using)
        .order_by("volgnummer", "pk")
        .values("id", "vorige_hash", "hash", *VELDEN, *EXTRA_VELDEN)
        .iterator(chunk_size=5000)
    )
    return controleer_keten(settings.MAATWERK_AUDIT_SLEUTEL, rijen)
