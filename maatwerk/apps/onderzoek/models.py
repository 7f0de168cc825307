"""Onderzoek (keukentafelgesprek) of a Zaak."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from maatwerk.apps.cases.locking import OptimistischVergrendeld
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.indicaties.models import Indicatie


class Onderzoek(OptimistischVergrendeld):
    """Het onderzoek naar wat de cliënt nodig heeft (Wmo 2015 art. 2.3.2)."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)  # the API's identifier
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="onderzoek")
    gespreksdatum = models.DateField("datum keukentafelgesprek", null=True, blank=True)
    locatie = models.CharField("plaats van het gesprek", max_length=200, blank=True)
    gewezen_op_clientondersteuning = models.BooleanField(
        "cliënt gewezen op gratis cliëntondersteuning", default=False
    )
    clientondersteuner = models.CharField("cliëntondersteuner aanwezig (naam)", max_length=200, blank=True)
    mantelzorger = models.CharField("mantelzorger aanwezig (naam)", max_length=200, blank=True)
    indicatie = models.ForeignKey(
        Indicatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderzoeken",
        verbose_name="vastgelegde indicatie",
    )
    verslag = models.TextField("verslag", blank=True)
    verslag_gedeeld_op = models.DateTimeField("verslag gedeeld met cliënt op", null=True, blank=True)
    client_reactie = models.TextField("reactie van de cliënt", blank=True)
    client_reactie_op = models.DateTimeField("reactie ontvangen op", null=True, blank=True)
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatst gewijzigd door",
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"

    def __str__(self) -> str:
        return f"Onderzoek zaak {self.zaak_id}"

    @property
    def situatie(self) -> dict[str, Any] | None:
        """The situation of the stored indication (the engine's input), if any."""
        return self.indicatie.situatie if self.indicatie is not None else None

    @property
    def kader(self) -> str:
        return self.indicatie.kader if self.indicatie is not None else ""

    @property
    def kader_versie(self) -> str:
        return self.indicatie.kader_versie if self.indicatie is not None else ""

    @property
    def uren_per_week(self) -> float | None:
        return self.indicatie.get("uren_per_week") if self.indicatie is not None else None


class TweedeMening(models.Model):
    """Second opinion of a senior consulent on an onderzoek (four eyes: never on one's own work)."""

    class Oordeel(models.TextChoices):
        EENS = "eens", "Eens met de indicatie"
        NIET_EENS = "niet_eens", "Niet eens: aanpassen"

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="tweede_meningen")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="senior consulent"
    )
    oordeel = models.CharField("oordeel", max_length=10, choices=Oordeel.choices)
    toelichting = models.TextField("toelichting")
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)

    class Meta:
        verbose_name = "tweede mening"
        verbose_name_plural = "tweede meningen"
        ordering = ["tijdstip", "pk"]

    def __str__(self) -> str:
        return f"{self.get_oordeel_display()} ({self.door})"


class Concept(models.Model):
    """A consulent's unsaved work on the onderzoek form: the server-side draft kept while typing.

    Separate from the saved :class:`Onderzoek`: it never changes the saved version, and it remembers the
    version the consulent started from (``basisversie``), so saving it still meets the optimistic lock.
    One draft per zaak and consulent; a successful save removes it.
    """

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="onderzoek_concepten")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="consulent"
    )
    basisversie = models.PositiveIntegerField("gestart vanaf versie")
    gegevens = models.JSONField("ingevulde velden", default=dict)
    gewijzigd_op = models.DateTimeField("laatst bewaard op", auto_now=True)

    class Meta:
        verbose_name = "concept van een onderzoek"
        verbose_name_plural = "concepten van onderzoeken"
        constraints = [
            models.UniqueConstraint(fields=["zaak", "door"], name="een_concept_per_zaak_en_consulent")
        ]

    def __str__(self) -> str:
        return f"Concept onderzoek zaak {self.zaak_id} ({self.door})"
