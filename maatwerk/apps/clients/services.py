"""Writes of a client's personal data. The caller's service writes the audit entry in the same
transaction (a client is always changed as part of a melding or a zaak, whose audit names both).

Public API (stable)::

    from maatwerk.apps.clients.services import Clientgegevens, Clientfout, zoek_of_maak_client, wijzig_client
    from maatwerk.apps.clients.services import identiteit_ontbreekt, controleer_identiteit
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Client


class Clientfout(ValueError):
    """Personal data the rules refuse; nothing was stored. ``veld`` names the field, if any."""

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.veld = veld


@dataclass(frozen=True)
class Clientgegevens:
    """A client's personal data as entered (BSN optional for a vormvrije melding)."""

    achternaam: str
    geboortedatum: dt.date | None = None
    bsn: str = ""
    voornamen: str = ""
    tussenvoegsel: str = ""
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    woonplaats: str = ""
    telefoon: str = ""
    email: str = ""


def _valideer(client: Client) -> None:
    try:
        client.full_clean()
    except ValidationError as exc:
        veld, fouten = next(iter(exc.message_dict.items()))
        raise Clientfout(" ".join(fouten), None if veld == "__all__" else veld) from None


def zoek_of_maak_client(gegevens: Clientgegevens) -> tuple[Client, bool]:
    """The client with this BSN, or a new one from ``gegevens``; ``(client, nieuw)``."""
    with transaction.atomic():
        bestaand: Client | None = Client.objects.filter(bsn=gegevens.bsn).first() if gegevens.bsn else None
        if bestaand is not None:
            return bestaand, False
        client = Client(**(asdict(gegevens) | {"bsn": gegevens.bsn or None}))
        _valideer(client)
        client.save()
        return client, True


def bsn_fouten(client: Client | None, bsn: str) -> list[Clientfout]:
    """A BSN belongs to one client and, once known, cannot be removed (the elfproef is the validator's)."""
    if not bsn:
        if client is not None and client.bsn:
            return [Clientfout("Een bekend BSN kan niet worden verwijderd.", "bsn")]
        return []
    andere = Client.objects.filter(bsn=bsn)
    if client is not None:
        andere = andere.exclude(pk=client.pk)
    return [Clientfout("Dit BSN hoort al bij een andere cliënt.", "bsn")] if andere.exists() else []


def wijzig_client(client: Client, gegevens: Clientgegevens, verwachte_versie: int | None = None) -> list[str]:
    """Replace the client's data with ``gegevens``; returns the changed field names.

    A BSN is checked (elfproef, unique) and cannot be removed once known. With ``verwachte_versie``
    (the version the user's form started from) a save by someone else in between raises
    :class:`~maatwerk.apps.cases.locking.Versieconflict` and nothing is stored.
    """
    for fout in bsn_fouten(client, gegevens.bsn):
        raise fout
    nieuw = asdict(gegevens)
    gewijzigd = [v for v, w in nieuw.items() if (getattr(client, v) or "") != (w or "")]
    kopie = Client.objects.get(pk=client.pk)
    for veld, waarde in nieuw.items():
        setattr(kopie, veld, waarde)
    kopie.bsn = kopie.bsn or None
    _valideer(kopie)
    with transaction.atomic():
        versie = kopie.versie if verwachte_versie is None else verwachte_versie
        kopie.opslaan_met_versie(versie, velden=list(nieuw))
    client.versie = kopie.versie
    for veld in nieuw:
        setattr(client, veld, getattr(kopie, veld))
    return gewijzigd


def identiteit_ontbreekt(client: Client) -> list[str]:
    """What is missing before a decision about ``client`` may be taken (empty: nothing).

    A beschikking and a toewijzing need a valid BSN (11-proef) and a birth date (issue 10, point 3).
    """
    return client.identiteit_ontbreekt


def controleer_identiteit(client: Client, fout: type[Exception], wat: str = "een besluit") -> None:
    """Raise ``fout`` (the caller's refusal type) when the client's identity is incomplete."""
    ontbreekt = identiteit_ontbreekt(client)
    if ontbreekt:
        raise fout(
            f"Voor {wat} moet de identiteit van de cliënt vaststaan. Vul eerst aan: " + " ".join(ontbreekt)
        )
