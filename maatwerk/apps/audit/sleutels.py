"""The keys of the audit chain, by key id (kept outside the database, in the environment).

* ``MAATWERK_AUDIT_SLEUTEL``: the first key (key id empty); always needed to verify the oldest rows.
* ``MAATWERK_AUDIT_SLEUTELS``: later keys as ``ID:SLEUTEL`` pairs separated by commas, e.g.
  ``2027:Jx3...,2028:Pq9...``. A key id is 1 to 20 letters, digits, ``.``, ``_`` or ``-``.

Which key signs new rows is decided by the chain itself: the key of its last row. ``maatwerk audit
wissel-sleutel ID`` appends a key-change row and so starts a new segment under key ``ID``; every
process must have that key in its ring before (docs/beheer.md, "Sleutel wisselen").
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .keten import EERSTE_SLEUTEL, sleutelnaam

SLEUTEL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")
MIN_LENGTE = 16


class SleutelOntbreekt(ImproperlyConfigured):
    """The chain's current key id has no key in this process's key ring."""

    def __init__(self, sleutel_id: str):
        self.sleutel_id = sleutel_id
        super().__init__(
            f"De auditketen tekent met sleutel {sleutelnaam(sleutel_id)}, maar die staat niet in "
            "MAATWERK_AUDIT_SLEUTELS van dit proces: er wordt niets opgeslagen. Zet de sleutel in de "
            "omgeving en start opnieuw (docs/beheer.md, 'Sleutel wisselen')."
        )


def lees_sleutels(tekst: str) -> dict[str, str]:
    """Parse ``ID:SLEUTEL,ID:SLEUTEL``; raise ImproperlyConfigured (Dutch) on a malformed value."""
    ring: dict[str, str] = {}
    for deel in tekst.split(","):
        if not deel.strip():
            continue
        sleutel_id, teken, sleutel = deel.strip().partition(":")
        if not teken or not SLEUTEL_ID.fullmatch(sleutel_id):
            raise ImproperlyConfigured(
                "MAATWERK_AUDIT_SLEUTELS: gebruik ID:SLEUTEL met komma's ertussen; een ID is 1 tot 20 "
                f"letters, cijfers, '.', '_' of '-' (fout bij '{sleutel_id[:20]}')."
            )
        if len(sleutel) < MIN_LENGTE:
            raise ImproperlyConfigured(
                f"MAATWERK_AUDIT_SLEUTELS: sleutel '{sleutel_id}' is te kort (minstens {MIN_LENGTE} tekens)."
            )
        if sleutel_id in ring:
            raise ImproperlyConfigured(
                f"MAATWERK_AUDIT_SLEUTELS: sleutel '{sleutel_id}' staat er twee keer in."
            )
        ring[sleutel_id] = sleutel
    return ring


def sleutelring() -> dict[str, str]:
    """Every key this process knows, by key id (the first key under the empty id)."""
    ring = {EERSTE_SLEUTEL: settings.MAATWERK_AUDIT_SLEUTEL}
    ring.update(lees_sleutels(getattr(settings, "MAATWERK_AUDIT_SLEUTELS", "")))
    return ring


def sleutel(sleutel_id: str) -> str:
    """The key with id ``sleutel_id``; :class:`SleutelOntbreekt` when this process lacks it."""
    gevonden = sleutelring().get(sleutel_id)
    if gevonden is None:
        raise SleutelOntbreekt(sleutel_id)
    return gevonden
