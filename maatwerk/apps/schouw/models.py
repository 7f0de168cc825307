"""Schouw (home visit with a checklist), its points, and calamities registered for the toezichthouder."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Reden(models.TextChoices):
    STEEKPROEF = "steekproef", "Steekproef"
    KLACHT = "klacht", "Klacht over de kwaliteit"
    BEZWAAR = "bezwaar", "Bezwaar over de kwaliteit"
    OVERIG = "overig", "Op verzoek (signaal)"


class Stand(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    AFGEROND = "afgerond", "Afgerond"


class Oordeel(models.TextChoices):
    VOLDOENDE = "voldoende", "Voldoende"
    ONVOLDOENDE = "onvoldoende", "Onvoldoende"
    NVT = "nvt", "Niet van toepassing"


class Schouw(models.Model):
    """Een schouw bij een cliënt thuis: is het resultaat van de hulp (schoon en leefbaar huis) bereikt?"""

    zaak = models.ForeignKey("cases.Zaak", on_delete=models.PROTECT, related_name="schouwen")
    aanbieder = models.ForeignKey("aanbieders.Aanbieder", on_delete=models.PROTECT, related_name="schouwen")
    reden = models.CharField("reden", max_length=20, choices=Reden.choices)
    seed = models.IntegerField("seed van de steekproef", null=True, blank=True)
    stand = models.CharField("stand", max_length=10, choices=Stand.choices, default=Stand.GEPLAND)
    gepland_op = models.DateField("gepland op")
    ruimtes = models.CharField("ruimtes in gebruik", max_length=200, blank=True)
    uitgevoerd_op = models.DateField("uitgevoerd op", null=True, blank=True)
    uitgevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uitgevoerd door",
    )
    oordeel_client = models.TextField("wat vindt de cliënt zelf", blank=True)
    reactie_aanbieder = models.TextField("reactie van de aanbieder", blank=True)
    reactie_op = models.DateTimeField("reactie gegeven op", null=True, blank=True)
    reactie_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="reactie door",
    )
    aantal_voldoende = models.PositiveIntegerField("voldoende", default=0)
    aantal_onvoldoende = models.PositiveIntegerField("onvoldoende", default=0)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "schouw"
        verbose_name_plural = "schouwen"
        ordering = ["-gepland_op", "-pk"]
        indexes = [models.Index(fields=["aanbieder", "stand", "uitgevoerd_op"])]

    def __str__(self) -> str:
        return f"Schouw {self.pk} ({self.get_reden_display().lower()}, {self.get_stand_display().lower()})"

    @property
    def percentage_voldoende(self) -> float | None:
        beoordeeld = self.aantal_voldoende + self.aantal_onvoldoende
        return round(100 * self.aantal_voldoende / beoordeeld, 1) if beoordeeld else None


class Schouwpunt(models.Model):
    """Eén taak uit de indicatie, met frequentie, het oordeel en een opmerking."""

    schouw = models.ForeignKey(Schouw, on_delete=models.CASCADE, related_name="punten")
    volgorde = models.PositiveSmallIntegerField("volgorde")
    taak_id = models.CharField("taak", max_length=100)
    taak = models.CharField("omschrijving", max_length=200)
    resultaatgebied = models.CharField("resultaatgebied", max_length=200)
    frequentie = models.CharField("frequentie", max_length=100)
    minuten_per_week = models.PositiveIntegerField("minuten per week", default=0)
    oordeel = models.CharField("oordeel", max_length=12, choices=Oordeel.choices, blank=True)
    opmerking = models.TextField("opmerking", blank=True)

    class Meta:
        verbose_name = "schouwpunt"
        verbose_name_plural = "schouwpunten"
        ordering = ["schouw", "volgorde"]

    def __str__(self) -> str:
        return f"{self.taak}: {self.get_oordeel_display() or 'nog niet beoordeeld'}"


class SoortMelding(models.TextChoices):
    CALAMITEIT = "calamiteit", "Calamiteit"
    GEWELD = "geweld", "Geweld bij de verstrekking"


class Calamiteit(models.Model):
    """Een calamiteit of geweld bij de verstrekking, voor de toezichthouder Wmo (GGD), Wmo 2015 art. 3.4."""

    zaak = models.ForeignKey("cases.Zaak", on_delete=models.PROTECT, related_name="calamiteiten")
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder", on_delete=models.PROTECT, related_name="calamiteiten"
    )
    schouw = models.ForeignKey(
        Schouw, on_delete=models.PROTECT, null=True, blank=True, related_name="calamiteiten"
    )
    soort = models.CharField("soort", max_length=12, choices=SoortMelding.choices)
    datum = models.DateField("datum van het voorval")
    omschrijving = models.TextField("omschrijving")
    gemeld_aan_toezichthouder_op = models.DateField(
        "gemeld aan de toezichthouder (GGD) op", null=True, blank=True
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="geregistreerd door",
    )
    geregistreerd_op = models.DateTimeField("geregistreerd op", auto_now_add=True)

    class Meta:
        verbose_name = "calamiteit of geweld"
        verbose_name_plural = "calamiteiten en geweld"
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum} ({self.aanbieder})"
