"""The HMAC chain of the audit log: each row's hash covers its content and its predecessor's hash.

``bereken_hash`` is pure (no Django); ``controleer_keten`` walks rows in chain order and names the
first broken link. The key lives outside the database (``MAATWERK_AUDIT_SLEUTEL``), so whoever can
edit rows cannot recompute a valid chain; a deleted row leaves a gap in ``volgnummer`` and a
``vorige_hash`` that no longer matches.

VELDEN is part of the stored hashes: a new AuditRegel field must not be added to it as it stands
(every existing hash would break); cover a new field with a versioned canonical form instead.
EXTRA_VELDEN are such fields: they join the canonical form only when not empty, so rows written
before they existed keep their hash, and filling or emptying one later breaks the row's hash.

Key rotation: every row names the id of the key its HMAC was made with (``sleutel_id``; empty = the
first key, ``MAATWERK_AUDIT_SLEUTEL``). The key id may change only at a key-change row (``wat``
starts with :data:`SLEUTELWISSEL`) and only to an id not used before in the chain, so a key that
leaked after its segment ended cannot be used to forge rows later in the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

BEGIN = "0" * 64  # vorige_hash of the first row
VELDEN = ("volgnummer", "tijdstip", "gebruiker_id", "gebruikersnaam", "client_id", "actie", "wat", "waarom")
#: Fields hashed only when not empty: ``clienten`` (issue 10.12, the ids one list-page row covers),
#: ``zegel`` (the seal of an issued beschikking, maatwerk.apps.audit.zegel) and ``sleutel_id``.
EXTRA_VELDEN = ("clienten", "zegel", "sleutel_id")
#: ``wat`` of the row that starts a new chain segment under a new key (``maatwerk audit wissel-sleutel``).
SLEUTELWISSEL = "sleutelwissel:"
#: The id of the first key (``MAATWERK_AUDIT_SLEUTEL``), as stored: empty.
EERSTE_SLEUTEL = ""


def _tijd(waarde: dt.datetime) -> str:
    if waarde.tzinfo is None:
        raise ValueError("tijdstip zonder tijdzone kan niet in de auditketen")
    return waarde.astimezone(dt.UTC).isoformat(timespec="microseconds")


def inhoud(velden: dict[str, Any], vorige_hash: str) -> bytes:
    """Canonical bytes of one row: its fields (VELDEN) and the previous row's hash."""
    gegevens = {naam: velden[naam] for naam in VELDEN}
    gegevens |= {naam: velden[naam] for naam in EXTRA_VELDEN if velden.get(naam)}
    gegevens["tijdstip"] = _tijd(gegevens["tijdstip"])
    gegevens["vorige_hash"] = vorige_hash
    return json.dumps(gegevens, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def bereken_hash(sleutel: str, velden: dict[str, Any], vorige_hash: str) -> str:
    """HMAC-SHA256 (hex) of a row's content chained to ``vorige_hash``."""
    return hmac.new(sleutel.encode("utf-8"), inhoud(velden, vorige_hash), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Segment:
    """A run of rows under one key: its id, the first row's volgnummer and the number of rows."""

    sleutel_id: str
    eerste: int
    aantal: int


@dataclass(frozen=True)
class Uitkomst:
    """Result of a chain check: ``breuk`` is None when every link holds."""

    aantal: int
    laatste_volgnummer: int
    laatste_hash: str
    breuk: str | None = None
    breuk_id: int | None = None
    segmenten: tuple[Segment, ...] = field(default=())

    @property
    def geldig(self) -> bool:
        return self.breuk is None


def sleutelnaam(sleutel_id: str) -> str:
    """How messages name a key id (the first key has the empty id)."""
    return f"'{sleutel_id}'" if sleutel_id else "de eerste (MAATWERK_AUDIT_SLEUTEL)"


def _fout(
    sleutels: Mapping[str, str],
    rij: dict[str, Any],
    vorige: str,
    verwacht: int,
    segment: str,
    gebruikt: set[str],
) -> str | None:
    """Why ``rij`` is not the valid link ``verwacht`` after ``vorige``; None when it is."""
    if rij["volgnummer"] is None or not rij["hash"]:
        return "heeft geen plaats in de keten (volgnummer of hash ontbreekt)"
    if rij["volgnummer"] != verwacht:
        return f"volgnummer {verwacht} ontbreekt: een regel is verwijderd of de volgorde is gewijzigd"
    if not hmac.compare_digest(rij["vorige_hash"], vorige):
        return "vorige_hash past niet bij de regel ervoor: een regel is verwijderd of gewijzigd"
    sleutel_id = rij.get("sleutel_id") or EERSTE_SLEUTEL
    if sleutel_id != segment:
        if not str(rij.get("wat", "")).startswith(SLEUTELWISSEL):
            return f"de sleutel wisselt naar {sleutelnaam(sleutel_id)} zonder sleutelwissel-regel"
        if sleutel_id in gebruikt:
            return (
                f"sleutel {sleutelnaam(sleutel_id)} is al eerder gebruikt: een oude sleutel keert niet terug"
            )
    sleutel = sleutels.get(sleutel_id)
    if sleutel is None:
        return (
            f"sleutel {sleutelnaam(sleutel_id)} ontbreekt in MAATWERK_AUDIT_SLEUTELS: deze regel en de "
            "regels erna zijn niet te controleren"
        )
    if not hmac.compare_digest(rij["hash"], bereken_hash(sleutel, rij, vorige)):
        return "de inhoud past niet bij de hash: de regel is gewijzigd (of de sleutel is een andere)"
    return None


def controleer_keten(sleutels: str | Mapping[str, str], rijen: Iterable[dict[str, Any]]) -> Uitkomst:
    """Check rows (dicts with ``id``, VELDEN, ``vorige_hash``, ``hash``) in ``volgnummer`` order.

    ``sleutels`` maps key ids to keys (a plain string is the first key only)."""
    ring: Mapping[str, str] = {EERSTE_SLEUTEL: sleutels} if isinstance(sleutels, str) else sleutels
    vorige, aantal = BEGIN, 0
    segment, gebruikt = EERSTE_SLEUTEL, {EERSTE_SLEUTEL}
    segmenten: list[Segment] = []
    for rij in rijen:
        reden = _fout(ring, rij, vorige, aantal + 1, segment, gebruikt)
        if reden is not None:
            melding = f"regel id {rij['id']} (volgnummer {rij['volgnummer']}): {reden}"
            return Uitkomst(aantal, aantal, vorige, melding, rij["id"], tuple(segmenten))
        vorige, aantal = rij["hash"], aantal + 1
        segment = rij.get("sleutel_id") or EERSTE_SLEUTEL
        gebruikt.add(segment)
        if segmenten and segmenten[-1].sleutel_id == segment:
            segmenten[-1] = Segment(segment, segmenten[-1].eerste, segmenten[-1].aantal + 1)
        else:
            segmenten.append(Segment(segment, rij["volgnummer"], 1))
    return Uitkomst(aantal, aantal, vorige, segmenten=tuple(segmenten))
