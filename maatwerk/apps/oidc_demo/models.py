"""The BSN of a demo inwoner: what a DigiD broker puts in the ``bsn`` claim."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DemoIdentiteit(models.Model):
    """Een demo-inwoner van de provider met een (synthetisch) BSN."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="identiteit")
    bsn = models.CharField("BSN", max_length=9, unique=True)

    class Meta:
        verbose_name = "demo-identiteit"
        verbose_name_plural = "demo-identiteiten"

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.bsn})"
