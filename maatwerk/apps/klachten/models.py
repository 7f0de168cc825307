"""Klacht: about the gemeente or a provider, optionally linked to a zaak and to a running bezwaar.

State changes only through :mod:`.services`; the deadline follows from the dates (Awb 9:11, 9:14).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.bezwaren.models import Bezwaar
from maatwerk.apps.cases.models import Zaak
from maatwerk.termijnen import KalenderOnbekend, Uitkomst, klachttermijn


class Over(models.TextChoices):
    GEMEENTE = "gemeente", "De gemeente (Wmo-team, consulent)"
    AANBIEDER = "aanbieder", "De zorgaanbieder"


class Oordeel(models.TextChoices):
    GEGROND = "gegrond", "Gegrond"
    DEELS_GEGROND = "deels_gegrond", "Deels gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    NIET_BEHANDELD = "niet_behandeld", "Niet behandeld (Awb 9:8)"
    NAAR_TEVREDENHEID = "naar_tevredenheid", "Naar tevredenheid opgelost (Awb 9:5)"


class Klacht(models.Model):
    """Een klacht over de gedraging van de gemeente of van een zorgaanbieder."""

    kenmerk = models.CharField("kenmerk", max_length=20, blank=True)
    ontvangen_op = models.DateField("ontvangen op")
    klager = models.CharField("naam klager", max_length=200)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="klachten", verbose_name="zaak"
    )
    over = models.CharField("klacht over", max_length=20, choices=Over.choices)
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="klachten"
    )
    omschrijving = models.TextField("waarover gaat de klacht")
    commissie = models.BooleanField("klachtadviescommissie (Awb 9:14)", default=False)
    bezwaar = models.ForeignKey(
        Bezwaar, on_delete=models.PROTECT, null=True, blank=True, related_name="klachten"
    )
    verdaagd_weken = models.PositiveSmallIntegerField("verdaagd met (weken)", null=True, blank=True)
    verdaagd_op = models.DateField("verdaagd op", null=True, blank=True)
    verdaging_reden = models.TextField("reden verdaging", blank=True)
    oordeel = models.CharField("oordeel", max_length=20, choices=Oordeel.choices, blank=True)
    afgehandeld_op = models.DateField("afgehandeld op", null=True, blank=True)
    bevindingen = models.TextField("bevindingen", blank=True)
    maatregelen = models.TextField("maatregelen", blank=True)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "klacht"
        verbose_name_plural = "klachten"
        ordering = ["-ontvangen_op", "-pk"]

    def __str__(self) -> str:
        return f"Klacht {self.kenmerk or self.pk}"

    @property
    def termijn(self) -> Uitkomst | None:
        try:
            return klachttermijn(
                self.ontvangen_op,
                commissie=self.commissie,
                verdaagd=self.verdaagd_weken is not None,
                verdaging_weken=self.verdaagd_weken,
            )
        except KalenderOnbekend:
            return None

    @property
    def termijn_zonder_verdaging(self) -> Uitkomst | None:
        try:
            return klachttermijn(self.ontvangen_op, commissie=self.commissie)
        except KalenderOnbekend:
            return None

    @property
    def is_afgehandeld(self) -> bool:
        return bool(self.oordeel)

    @property
    def client(self):  # type: ignore[no-untyped-def]
        return self.zaak.client if self.zaak_id else None
