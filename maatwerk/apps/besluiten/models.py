"""Besluiten: the ondersteuningsplan and the beschikking (immutable, hashed, versioned letter).

Changes go through :mod:`.services`. The tables keep their names from the former ``beschikkingen`` app.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.indicaties.models import Indicatie
from maatwerk.apps.levering.models import Leveringsvorm


class Besluit(models.TextChoices):
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class Ondersteuningsplan(models.Model):
    """Wat de gemeente per resultaatgebied besluit: doelen en taken uit de indicatie van het onderzoek."""

    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="ondersteuningsplan")
    indicatie = models.ForeignKey(
        Indicatie, on_delete=models.PROTECT, related_name="ondersteuningsplannen", verbose_name="indicatie"
    )
    doelen = models.JSONField("doel per resultaatgebied", default=dict, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="opgesteld door",
    )
    opgesteld_op = models.DateTimeField("opgesteld op", auto_now=True)

    class Meta:
        db_table = "beschikkingen_ondersteuningsplan"
        verbose_name = "ondersteuningsplan"
        verbose_name_plural = "ondersteuningsplannen"

    def __str__(self) -> str:
        return f"Ondersteuningsplan zaak {self.zaak_id}"

    @property
    def activiteiten(self) -> list[dict[str, Any]]:
        return list(self.indicatie.get("activiteiten", []))

    @property
    def gebieden(self) -> list[dict[str, Any]]:
        """Resultaatgebieden with their minutes and the gemeente's goal."""
        return [
            {**g, "doel": self.doelen.get(g["id"], "")} for g in self.indicatie.get("resultaatgebieden", [])
        ]


class BeschikkingOnveranderlijk(Exception):
    """An issued beschikking is never changed or deleted; a correction is a new version."""

    def __init__(self) -> None:
        super().__init__(
            "Een afgegeven beschikking kan niet worden gewijzigd of verwijderd. Maak een correctie: "
            "dat is een nieuwe versie die naar de oude verwijst."
        )


class BeschikkingQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise BeschikkingOnveranderlijk()

    def delete(self) -> tuple[int, dict[str, int]]:
        raise BeschikkingOnveranderlijk()


class Beschikking(models.Model):
    """Het besluit zoals verstuurd: HTML en PDF met SHA-256-inhoudshash, onveranderlijk na afgifte."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)  # the API's identifier
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="beschikkingen")
    versie = models.PositiveIntegerField("versie", default=1)
    vorige = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correctie",
        verbose_name="vervangt versie",
    )
    kenmerk = models.CharField("kenmerk", max_length=40)
    besluit = models.CharField("besluit", max_length=10, choices=Besluit.choices)
    gevraagd = models.TextField("wat de cliënt vroeg")
    motivering = models.TextField("motivering", blank=True)
    ingangsdatum = models.DateField("ingangsdatum", null=True, blank=True)
    einddatum = models.DateField("einddatum", null=True, blank=True)
    leveringsvorm = models.CharField("leveringsvorm", max_length=3, choices=Leveringsvorm.choices, blank=True)
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    totaal_minuten_per_week = models.PositiveIntegerField("minuten per week", default=0)
    indicatie = models.ForeignKey(
        Indicatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beschikkingen",
        verbose_name="indicatie",
    )
    normenkader = models.CharField("normenkader", max_length=200)
    normenkader_versie = models.CharField("versie normenkader", max_length=50)
    voorbeeld = models.BooleanField("gemaakt met voorbeeldwaarden", default=False)
    reden_geen_zorgplan = models.TextField("reden zonder ondertekend zorgplan", blank=True)
    correctie_reden = models.TextField("reden correctie", blank=True)
    html = models.TextField("brief (HTML)")
    pdf = models.BinaryField("brief (PDF)")
    inhoudshash = models.CharField("SHA-256 van HTML en PDF", max_length=64)
    afgegeven_op = models.DateTimeField("afgegeven op")
    afgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="afgegeven door",
    )

    objects = BeschikkingQuerySet.as_manager()

    class Meta:
        db_table = "beschikkingen_beschikking"
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
        ordering = ["zaak", "versie"]
        constraints = [models.UniqueConstraint(fields=["zaak", "versie"], name="beschikking_versie_uniek")]
        default_permissions = ("add", "view")

    def __str__(self) -> str:
        return f"Beschikking {self.kenmerk} v{self.versie}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise BeschikkingOnveranderlijk()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise BeschikkingOnveranderlijk()

    @property
    def is_vervangen(self) -> bool:
        return hasattr(self, "correctie")

    def hash_klopt(self) -> bool:
        """Recompute the SHA-256 over the stored HTML and PDF and compare."""
        from .render import inhoudshash

        return inhoudshash(self.html, bytes(self.pdf)) == self.inhoudshash

    @property
    def brief_inhoud(self) -> str:
        """The stored letter body (``<article>``), for the preview page."""
        begin = self.html.find("<article")
        einde = self.html.rfind("</article>")
        return self.html[begin : einde + len("</article>")] if begin >= 0 and einde > begin else ""


class Goedkeuring(models.Model):
    """A senior consulent's approval of one concept letter (vier-ogenprincipe; rules in goedkeuring/).

    The approval is bound to the concept's content hash: the beschikking may only be issued when the
    letter rendered at issuing is exactly the approved one.
    """

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="goedkeuringen")
    besluitgegevens = models.JSONField("besluitgegevens")
    concepthash = models.CharField("SHA-256 van het concept", max_length=64)
    html = models.TextField("concept (HTML)")
    redenen = models.TextField("waarom goedkeuring nodig is")
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="gevraagd door"
    )
    gevraagd_op = models.DateTimeField("gevraagd op", auto_now_add=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beoordeeld door",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    akkoord = models.BooleanField("akkoord", null=True, blank=True)
    opmerking = models.TextField("opmerking", blank=True)

    class Meta:
        verbose_name = "goedkeuring"
        verbose_name_plural = "goedkeuringen"
        ordering = ["-gevraagd_op", "-pk"]

    def __str__(self) -> str:
        return f"Goedkeuring zaak {self.zaak_id} ({self.stand})"

    @property
    def stand(self) -> str:
        return "open" if self.akkoord is None else "akkoord" if self.akkoord else "niet akkoord"

    @property
    def brief_inhoud(self) -> str:
        begin, einde = self.html.find("<article"), self.html.rfind("</article>")
        return self.html[begin : einde + len("</article>")] if begin >= 0 and einde > begin else ""
