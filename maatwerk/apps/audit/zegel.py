"""The seal of an issued beschikking: its content digest, recorded in the audit log's HMAC chain.

When a beschikking is issued (saved for the first time), an audit row is appended whose ``zegel``
field holds ``besluiten.beschikking:<id>:v1:<sha256>``: a SHA-256 over every stored field of the
beschikking (:data:`ZEGELVELDEN`; the PDF by its own SHA-256). The audit row is HMAC-chained, so
whoever edits a beschikking row (even after dropping the triggers, even recomputing its
``inhoudshash``) cannot make its seal match again without the audit key;
``maatwerk audit verifieer`` recomputes every seal
(:func:`maatwerk.apps.audit.verificatie.verifieer_beschikkingen`).

ZEGELVELDEN is part of the stored seals: a new Beschikking field must not be added to it as it
stands; cover a new field with a ``v2`` form instead (and keep ``v1`` readable). A migration that
rewrites an issued beschikking breaks its seal, as it should.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import uuid
from typing import Any

#: The stored fields of a Beschikking (``attname``: foreign keys as ``<naam>_id``) the seal covers.
ZEGELVELDEN: tuple[str, ...] = (
    "id",
    "uuid",
    "zaak_id",
    "versie",
    "vorige_id",
    "kenmerk",
    "besluit",
    "gevraagd",
    "motivering",
    "ingangsdatum",
    "einddatum",
    "leveringsvorm",
    "aanbieder_id",
    "totaal_minuten_per_week",
    "indicatie_id",
    "normenkader",
    "normenkader_versie",
    "voorbeeld",
    "reden_geen_zorgplan",
    "correctie_reden",
    "html",
    "pdf",
    "inhoudshash",
    "afgegeven_op",
    "afgegeven_door_id",
)
VERSIE = "v1"
SOORT = "besluiten.beschikking"


def _waarde(waarde: Any) -> Any:
    if isinstance(waarde, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(waarde)).hexdigest()
    if isinstance(waarde, dt.datetime):
        if waarde.tzinfo is None:
            raise ValueError("tijdstip zonder tijdzone kan niet in een zegel")
        return waarde.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, uuid.UUID | decimal.Decimal):
        return str(waarde)
    return waarde


def inhoudszegel(velden: dict[str, Any]) -> str:
    """``v1:<sha256>`` over the canonical JSON of ``velden`` (every name in ZEGELVELDEN)."""
    gegevens = {naam: _waarde(velden[naam]) for naam in ZEGELVELDEN}
    tekst = json.dumps(gegevens, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return f"{VERSIE}:{hashlib.sha256(tekst.encode('utf-8')).hexdigest()}"


def zegel(velden: dict[str, Any]) -> str:
    """The ``zegel`` value of the audit row for the beschikking with these stored fields."""
    return f"{SOORT}:{velden['id']}:{inhoudszegel(velden)}"


def lees_zegel(tekst: str) -> tuple[int, str] | None:
    """``(beschikking id, inhoudszegel)`` from an audit row's ``zegel``; None for another kind."""
    soort, _, rest = tekst.partition(":")
    nummer, _, inhoud = rest.partition(":")
    if soort != SOORT or not nummer.isascii() or not nummer.isdigit() or not inhoud:
        return None
    return int(nummer), inhoud
