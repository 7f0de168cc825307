"""Ondersteuningsplan, zorgplan, beschikking (immutable, hashed, versioned) and toewijzing (iWmo).

Changes go through :mod:`.services`, which checks the rules (signed zorgplan or reason, compliant
configuration), writes status events on the Zaak and the audit log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.cases.locking import OptimistischVergrendeld
from maatwerk.apps.cases.models import Zaak


class Leveringsvorm(models.TextChoices):
    ZIN = "ZIN", "Zorg in natura (ZIN)"
    PGB = "PGB", "Persoonsgebonden budget (pgb)"


class Besluit(models.TextChoices):
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class Ondersteuningsplan(models.Model):
    """Wat de gemeente per resultaatgebied besluit: doelen en taken uit de indicatie van het onderzoek."""

    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="ondersteuningsplan")
    indicatie = models.JSONField("indicatie (momentopname)")
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


class Zorgplan(OptimistischVergrendeld):
    """Wat aanbieder en cliënt afspreken over dezelfde taken en frequenties; beide tekenen (wie/wanneer)."""

    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="zorgplan")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="zorgplannen")
    afspraken = models.JSONField("afspraken per taak", default=list)
    toelichting = models.TextField("toelichting", blank=True)
    getekend_client_naam = models.CharField(
        "getekend door (cliënt of vertegenwoordiger)", max_length=200, blank=True
    )
    getekend_client_op = models.DateTimeField("cliënt tekende op", null=True, blank=True)
    client_handtekening_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="handtekening cliënt vastgelegd door",
    )
    getekend_aanbieder_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="getekend namens aanbieder door",
    )
    getekend_aanbieder_op = models.DateTimeField("aanbieder tekende op", null=True, blank=True)
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
        verbose_name = "zorgplan"
        verbose_name_plural = "zorgplannen"

    def __str__(self) -> str:
        return f"Zorgplan zaak {self.zaak_id} ({self.aanbieder})"

    @property
    def is_getekend(self) -> bool:
        """Signed by both the client and the provider."""
        return self.getekend_client_op is not None and self.getekend_aanbieder_op is not None

    @property
    def totaal_minuten_per_week(self) -> int:
        return sum(int(a.get("minuten_per_week", 0)) for a in self.afspraken)


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


class Toewijzing(models.Model):
    """De opdracht aan de aanbieder (iWmo WMO301-velden), levering start/stop en einde recht."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="toewijzingen")
    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="toewijzingen")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="toewijzingen")
    productcategorie = models.CharField("productcategorie (WMO020)", max_length=2)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    volume = models.PositiveIntegerField("volume")
    eenheid = models.CharField("eenheid (WJ756)", max_length=2)
    frequentie = models.CharField("frequentie (WMO757)", max_length=1)
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    toegewezen_op = models.DateTimeField("toewijzingsdatum en -tijd")
    reden_wijziging = models.CharField("reden wijziging (WMO002)", max_length=2, blank=True)
    vervangt = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
        verbose_name="vervangt toewijzing",
    )
    levering_gestart_op = models.DateField("levering gestart op", null=True, blank=True)
    start_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    levering_gestopt_op = models.DateField("levering gestopt op", null=True, blank=True)
    reden_beeindiging = models.CharField("reden beëindiging (WMO588)", max_length=2, blank=True)
    stop_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    einde_recht = models.DateField("einde recht", null=True, blank=True)
    einde_recht_reden = models.CharField("reden einde recht", max_length=300, blank=True)

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["-toegewezen_op", "-pk"]

    def __str__(self) -> str:
        return f"Toewijzing {self.pk} aan {self.aanbieder}"

    @property
    def is_actief(self) -> bool:
        vandaag = dt.date.today()
        return self.levering_gestopt_op is None and (self.einde_recht is None or self.einde_recht >= vandaag)

    @property
    def stand(self) -> str:
        if self.levering_gestopt_op:
            return "gestopt"
        if self.levering_gestart_op:
            return "levering loopt"
        return "toegewezen, nog niet gestart"
