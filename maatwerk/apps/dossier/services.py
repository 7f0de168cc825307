"""State changes of the dossier: record a contactmoment, add a document. Each one audited in its
transaction; a refusal is a :class:`Dossierfout` (Dutch, with the form field), nothing stored.

Public API::

    from maatwerk.apps.dossier import services
    services.leg_contactmoment_vast(zaak, door, datum=..., met="dochter", kanaal="telefoon", notitie="...")
    services.voeg_document_toe(zaak, door, titel="Medisch advies", bestandsnaam="advies.pdf", inhoud=b"...")
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import Zaak

from .bestanden import MAX_GROOTTE, mediatype_van, sha256_van

__all__ = ["MAX_GROOTTE", "Dossierfout", "leg_contactmoment_vast", "voeg_document_toe"]
from .models import Contactmoment, Document, Kanaal


class Dossierfout(ValueError):
    """A dossier change the rules refuse; nothing was stored. ``veld`` names the form field."""

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.veld = veld


def leg_contactmoment_vast(
    zaak: Zaak, door: Any, datum: dt.date, met: str, kanaal: str, notitie: str
) -> Contactmoment:
    """Add a contactmoment to the zaak's journal (not in the future, on or after the melddatum)."""
    if datum > timezone.localdate():
        raise Dossierfout("De datum kan niet in de toekomst liggen.", "datum")
    if datum < zaak.melddatum:
        raise Dossierfout("De datum ligt vóór de melddatum van de zaak.", "datum")
    if kanaal not in Kanaal.values:
        raise Dossierfout("Kies een kanaal.", "kanaal")
    if not met.strip():
        raise Dossierfout("Vul in met wie er contact was.", "met")
    if not notitie.strip():
        raise Dossierfout("Vul in wat er is besproken.", "notitie")
    with transaction.atomic():
        moment: Contactmoment = Contactmoment.objects.create(
            zaak=zaak, datum=datum, met=met.strip(), kanaal=kanaal, notitie=notitie.strip(), door=door
        )
        log_persoonsgegevens(
            door, zaak.client, "schrijven", f"contactmoment {moment.pk} zaak {zaak.pk}", "dossier bijhouden"
        )
    return moment


def voeg_document_toe(zaak: Zaak, door: Any, titel: str, bestandsnaam: str, inhoud: bytes) -> Document:
    """Store a PDF, PNG or JPEG (type from its bytes, at most 10 MB) with its SHA-256."""
    if not titel.strip():
        raise Dossierfout("Geef het document een titel.", "titel")
    if not inhoud:
        raise Dossierfout("Het bestand is leeg.", "bestand")
    if len(inhoud) > MAX_GROOTTE:
        raise Dossierfout(f"Het bestand is groter dan {MAX_GROOTTE // (1024 * 1024)} MB.", "bestand")
    mediatype = mediatype_van(inhoud)
    if mediatype is None:
        raise Dossierfout("Alleen PDF, PNG of JPEG kan worden toegevoegd.", "bestand")
    with transaction.atomic():
        document: Document = Document.objects.create(
            zaak=zaak,
            titel=titel.strip()[:200],
            bestandsnaam=bestandsnaam.rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200] or "document",
            mediatype=mediatype,
            grootte=len(inhoud),
            sha256=sha256_van(inhoud),
            inhoud=inhoud,
            door=door,
        )
        log_persoonsgegevens(
            door,
            zaak.client,
            "schrijven",
            f"document {document.pk} ({mediatype}, sha256 {document.sha256[:12]}…) zaak {zaak.pk}",
            "dossier bijhouden",
        )
    return document
