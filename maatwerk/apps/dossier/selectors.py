"""Audited reads of the dossier: the journal and document list on the zaak page, one document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

from .models import Contactmoment, Document


@dataclass(frozen=True)
class Dossier:
    contactmomenten: list[Contactmoment]
    documenten: list[Document]


def dossier_van(gebruiker: Any, zaak: Zaak) -> Dossier:
    """The zaak's contactmomenten and documents (without their bytes); the read is logged."""
    dossier = Dossier(
        list(zaak.contactmomenten.select_related("door"))
        if getattr(zaak, "heeft_contactmomenten", True)  # known from the zaak's query: skip when empty
        else [],
        list(zaak.documenten.defer("inhoud").select_related("door"))
        if getattr(zaak, "heeft_documenten", True)
        else [],
    )
    if dossier.contactmomenten or dossier.documenten:
        log_persoonsgegevens(gebruiker, zaak.client, "lezen", f"dossier zaak {zaak.pk}", "behandeling zaak")
    return dossier


def document_lezen(gebruiker: Any, zaak_pk: int, document_pk: int) -> Document:
    """One document with its bytes, if the user may see its zaak; the read is logged."""
    document: Document = Document.objects.select_related("zaak__client").get(
        pk=document_pk, zaak__in=zichtbare_zaken(gebruiker), zaak_id=zaak_pk
    )
    log_persoonsgegevens(
        gebruiker, document.zaak.client, "lezen", f"document {document.pk} zaak {zaak_pk}", "behandeling zaak"
    )
    return document
