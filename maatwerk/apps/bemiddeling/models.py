"""Bemiddeling: one informal-resolution step on a zaak (driegesprek, tweede mening, mediation)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Soort(models.TextChoices):
    DRIEGESPREK = "driegesprek", "Driegesprek (cliënt, consulent en aanbieder)"
    TWEEDE_MENING = "tweede_mening", "Tweede mening door een senior consulent"
    MEDIATION = "mediation", "Mediation"


class Uitkomst(models.TextChoices):
    OVEREENSTEMMING = "overeenstemming", "Overeenstemming bereikt"
    OPLOSSING_MET_AANBIEDER = "oplossing_met_aanbieder", "Oplossing met de aanbieder"
    INDICATIE_AANPASSEN = "indicatie_aanpassen", "Indicatie wordt aangepast"
    GEEN_OVEREENSTEMMING = "geen_overeenstemming", "Geen overeenstemming"
    EENS = "eens", "Eens met de indicatie"
    NIET_EENS = "niet_eens", "Niet eens: indicatie bijstellen"


#: Which outcomes fit which kind of step (checked in the service).
UITKOMSTEN_PER_SOORT: dict[str, tuple[str, ...]] = {
    Soort.DRIEGESPREK: (
        Uitkomst.OVEREENSTEMMING,
        Uitkomst.OPLOSSING_MET_AANBIEDER,
        Uitkomst.INDICATIE_AANPASSEN,
        Uitkomst.GEEN_OVEREENSTEMMING,
    ),
    Soort.TWEEDE_MENING: (Uitkomst.EENS, Uitkomst.NIET_EENS),
    Soort.MEDIATION: (Uitkomst.OVEREENSTEMMING, Uitkomst.INDICATIE_AANPASSEN, Uitkomst.GEEN_OVEREENSTEMMING),
}


class Bemiddeling(models.Model):
    """Een stap in de informele afhandeling van een zaak, met de uitkomst (Den Haag 2017, Westland 2019)."""

    zaak = models.ForeignKey("cases.Zaak", on_delete=models.PROTECT, related_name="bemiddelingen")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    datum = models.DateField("datum")
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aanbieder",
    )
    deelnemers = models.CharField("deelnemers", max_length=300, blank=True)
    mediator = models.CharField("mediator", max_length=200, blank=True)
    uitkomst = models.CharField("uitkomst", max_length=30, choices=Uitkomst.choices)
    toelichting = models.TextField("toelichting")
    aanleiding = models.CharField("aanleiding (bijv. bezwaar of klacht)", max_length=200, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )
    geregistreerd_op = models.DateTimeField("geregistreerd op", auto_now_add=True)

    class Meta:
        verbose_name = "bemiddeling"
        verbose_name_plural = "bemiddelingen"
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}: {self.get_uitkomst_display()}"
