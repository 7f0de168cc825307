"""Verify the audit log's hash chain against the key ring, and every beschikking against its seal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

from .keten import EXTRA_VELDEN, VELDEN, Uitkomst, controleer_keten
from .models import AuditRegel
from .sleutels import sleutelring
from .triggers import BESCHERMD
from .zegel import ZEGELVELDEN, inhoudszegel, lees_zegel

MAX_MELDINGEN = 50  # problems named; the rest is counted


def verifieer(using: str = "default") -> Uitkomst:
    """Walk every audit row in chain order; the result names the first broken link, if any."""
    rijen = (
        AuditRegel.objects.using(using)
        .order_by("volgnummer", "pk")
        .values("id", "vorige_hash", "hash", *VELDEN, *EXTRA_VELDEN)
        .iterator(chunk_size=5000)
    )
    return controleer_keten(sleutelring(), rijen)


@dataclass
class Zegelcontrole:
    """Result of checking every beschikking against its seal: ``meldingen`` empty when all hold."""

    aantal: int = 0
    meldingen: list[str] = field(default_factory=list)
    niet_getoond: int = 0

    @property
    def geldig(self) -> bool:
        return not self.meldingen

    def meld(self, tekst: str) -> None:
        if len(self.meldingen) < MAX_MELDINGEN:
            self.meldingen.append(tekst)
        else:
            self.niet_getoond += 1


def _beschikkingmodel() -> Any:
    for label, naam in BESCHERMD[1]:
        try:
            return apps.get_model(label, naam)
        except LookupError:
            continue
    raise LookupError("Beschikking")


def verifieer_beschikkingen(using: str = "default") -> Zegelcontrole:
    """Recompute every issued beschikking's seal and compare it with the one in the audit chain.

    Finds a beschikking changed after issue (any stored field, also with a recomputed
    ``inhoudshash``), one added outside maatwerk (no seal) and one removed (a seal without its
    beschikking). Only as trustworthy as the chain: run :func:`verifieer` too.
    """
    uit = Zegelcontrole()
    zegels: dict[int, tuple[str, int]] = {}
    for volgnummer, tekst in (
        AuditRegel.objects.using(using)
        .exclude(zegel="")
        .order_by("volgnummer")
        .values_list("volgnummer", "zegel")
        .iterator(chunk_size=5000)
    ):
        gelezen = lees_zegel(tekst)
        if gelezen is None:
            uit.meld(f"auditregel volgnummer {volgnummer}: onleesbaar zegel {tekst[:60]!r}")
        elif gelezen[0] in zegels:
            uit.meld(
                f"beschikking id {gelezen[0]}: twee zegels (auditregels volgnummer "
                f"{zegels[gelezen[0]][1]} en {volgnummer})"
            )
        else:
            zegels[gelezen[0]] = (gelezen[1], volgnummer)
    model = _beschikkingmodel()
    for velden in (
        model._base_manager.using(using).order_by("pk").values(*ZEGELVELDEN).iterator(chunk_size=200)
    ):
        uit.aantal += 1
        naam = f"beschikking id {velden['id']} ({velden['kenmerk']} versie {velden['versie']})"
        verwacht = zegels.pop(velden["id"], None)
        if verwacht is None:
            uit.meld(f"{naam}: heeft geen zegel in het auditlog: buiten maatwerk om toegevoegd")
        elif inhoudszegel(velden) != verwacht[0]:
            uit.meld(
                f"{naam}: GEWIJZIGD na afgifte: de inhoud past niet bij het zegel in auditregel "
                f"volgnummer {verwacht[1]}"
            )
    for nummer, (_, volgnummer) in sorted(zegels.items()):
        uit.meld(
            f"beschikking id {nummer}: VERWIJDERD: het zegel staat in auditregel volgnummer {volgnummer}, "
            "de beschikking niet meer"
        )
    return uit
