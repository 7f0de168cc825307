"""Contactmoment and Document: the dossier of a zaak. Rows are added, never changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.apps.cases.models import Zaak


class Kanaal(models.TextChoices):
    TELEFOON = "telefoon", "Telefoon"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    BALIE = "balie", "Balie"
    EMAIL = "email", "E-mail"
    BRIEF = "brief", "Brief"
    VIDEOBELLEN = "video", "Videobellen"


class Contactmoment(models.Model):
    """Eén contact over de zaak: wanneer, wie, via welk kanaal en wat er is besproken."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="contactmomenten")
    datum = models.DateField("datum", default=timezone.localdate)
    met = models.CharField("met wie", max_length=200)
    kanaal = models.CharField("kanaal", max_length=20, choices=Kanaal.choices)
    notitie = models.TextField("notitie")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", default=timezone.now)

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.get_kanaal_display()} met {self.met}"


class Document(models.Model):
    """Een document bij de zaak (bijv. een medisch advies als PDF of foto), met SHA-256 en grootte."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="documenten")
    titel = models.CharField("titel", max_length=200)
    bestandsnaam = models.CharField("bestandsnaam", max_length=200)
    mediatype = models.CharField("soort bestand", max_length=50)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    inhoud = models.BinaryField("inhoud")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="toegevoegd door"
    )
    toegevoegd_op = models.DateTimeField("toegevoegd op", default=timezone.now)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-toegevoegd_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.titel} ({self.bestandsnaam})"
