"""State changes of the audit log itself: starting a new chain segment under a new key.

Public API::

    from maatwerk.apps.audit import services
    regel = services.wissel_sleutel("2027", gebruiker=None)  # -> the key-change AuditRegel
"""

from __future__ import annotations

from typing import Any

from .keten import SLEUTELWISSEL, sleutelnaam
from .models import Actie, AuditRegel, SleutelwisselGeweigerd
from .verificatie import verifieer

__all__ = ["SleutelwisselGeweigerd", "wissel_sleutel"]


def wissel_sleutel(sleutel_id: str, gebruiker: Any = None) -> AuditRegel:
    """Start a new segment of the chain signed with key ``sleutel_id`` (from MAATWERK_AUDIT_SLEUTELS).

    The key-change row itself is the first row under the new key; it links to the last row of the
    old segment, so the old segment stays verifiable with its own key. Refused (nothing stored)
    when the chain is broken now, when the key is unknown to this process, or when the id was used
    before.
    """
    uitkomst = verifieer()
    if not uitkomst.geldig:
        raise SleutelwisselGeweigerd(
            f"de keten is nu al gebroken ({uitkomst.breuk}); zoek dat eerst uit, een nieuw segment "
            "zou de breuk niet herstellen"
        )
    vorige = uitkomst.segmenten[-1].sleutel_id if uitkomst.segmenten else ""
    ingelogd = gebruiker is not None and bool(getattr(gebruiker, "is_authenticated", False))
    regel = AuditRegel(
        gebruiker=gebruiker if ingelogd else None,
        gebruikersnaam=gebruiker.get_username() if ingelogd else _bediener(),
        actie=Actie.SCHRIJVEN,
        wat=f"{SLEUTELWISSEL} nieuw ketensegment met sleutel '{sleutel_id}' (was {sleutelnaam(vorige)})"[
            :300
        ],
        waarom="sleutelrotatie auditlog",
    )
    AuditRegel.aan_keten_toevoegen([regel], nieuwe_sleutel=sleutel_id)
    return regel


def _bediener() -> str:
    from .bediener import bediener

    return bediener() or "(anoniem)"
