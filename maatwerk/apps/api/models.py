"""ApiClient: one connecting application, its scopes and the hash of its bearer token.

The token itself is shown once, when the client is made (:func:`.services.maak_client`); only its
SHA-256 is stored. Each client acts through its own service account (``api:<naam>``, no password, so it
cannot log in to the web pages): the audit log names that account, and the account's role decides what
the application sees (an aanbieder's application only its own clients).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from maatwerk.apps.aanbieders.models import Aanbieder


class ApiClient(models.Model):
    """Een koppelende applicatie (bijvoorbeeld Open Formulieren, het KCC of een aanbieder)."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)
    naam = models.SlugField("naam", max_length=60, unique=True, help_text="Kleine letters, cijfers en -.")
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    scopes = models.JSONField("scopes", default=list)
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="api_clients",
        verbose_name="aanbieder",
        help_text="Leeg: een applicatie van de gemeente. Gevuld: ziet alleen de cliënten van deze aanbieder.",
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_client",
        verbose_name="serviceaccount",
        editable=False,
    )
    token_hash = models.CharField("SHA-256 van het token", max_length=64, unique=True, editable=False)
    token_begin = models.CharField("begin van het token", max_length=12, editable=False)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API-client"
        verbose_name_plural = "API-clients"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None
