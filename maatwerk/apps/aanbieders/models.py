"""The Aanbieder model (contract: naam unique, agb_code optional, 8 digits)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models

agb_validator = RegexValidator(r"^\d{8}$", "Een AGB-code bestaat uit precies 8 cijfers.", code="agb")


class Aanbieder(models.Model):
    """Een zorgaanbieder met wie de gemeente een contract heeft."""

    naam = models.CharField("naam", max_length=200, unique=True)
    agb_code = models.CharField("AGB-code", max_length=8, blank=True, validators=[agb_validator])
    telefoon = models.CharField("telefoon", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
