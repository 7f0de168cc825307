"""Profiel: links a user to the Aanbieder it works for (aanbieder role only)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from maatwerk.apps.aanbieders.models import Aanbieder


class Profiel(models.Model):
    """Extra data of a user: the organisation of an aanbieder-user."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel")
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name="aanbieder",
    )

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self) -> str:
        return f"{self.user} ({self.aanbieder or 'gemeente'})"

    def clean(self) -> None:
        from .rollen import Rol, heeft_rol

        if self.user_id and heeft_rol(self.user, Rol.AANBIEDER) and self.aanbieder_id is None:
            raise ValidationError({"aanbieder": "Een medewerker van een aanbieder hoort bij één aanbieder."})
