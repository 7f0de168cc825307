"""Dated versions of the gemeente's contact details and product codes (never changed once recorded).

A version applies from its ``geldig_vanaf`` until the next one; before the first version the rules YAML
(``afzenders/<gemeente>.yaml``, ``iwmo/gemeenten/<id>/``) applies. A correction is a new version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Contactgegevens(models.Model):
    """The gemeente as sender of letters (same fields and checks as ``afzenders/<gemeente>.yaml``)."""

    gemeente = models.CharField("gemeente", max_length=100)
    geldig_vanaf = models.DateField(
        "geldig vanaf", help_text="Brieven met deze datum of later gebruiken deze gegevens."
    )
    afdeling = models.CharField("afdeling", max_length=200)
    postadres = models.TextField("postadres", help_text="Eén regel per adresregel.")
    bezwaaradres = models.TextField("bezwaaradres", help_text="Eén regel per adresregel.")
    bezwaar_digitaal = models.CharField("bezwaar digitaal (website)", max_length=200)
    telefoon = models.CharField("telefoon", max_length=40)
    email = models.CharField("e-mail", max_length=200, blank=True)
    website = models.CharField("website", max_length=200)
    ondertekening = models.CharField("ondertekening", max_length=300)
    reden = models.CharField("reden van de wijziging", max_length=300)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)

    class Meta:
        verbose_name = "contactgegevens (versie)"
        verbose_name_plural = "contactgegevens"
        ordering = ["gemeente", "-geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "geldig_vanaf"], name="contactgegevens_een_per_datum")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} vanaf {self.geldig_vanaf:%d-%m-%Y}"


class Productcode(models.Model):
    """The local iWmo code of one product (same checks as ``iwmo/gemeenten/<id>/<datum>.yaml``)."""

    gemeente = models.CharField("gemeente", max_length=100)
    product = models.CharField("product (id uit de regels)", max_length=100)
    geldig_vanaf = models.DateField(
        "geldig vanaf", help_text="Toewijzingen die op deze datum of later ingaan gebruiken deze code."
    )
    code = models.CharField("productcode", max_length=5)
    omschrijving = models.CharField("omschrijving", max_length=300)
    reden = models.CharField("reden van de wijziging", max_length=300)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)

    class Meta:
        verbose_name = "productcode (versie)"
        verbose_name_plural = "productcodes"
        ordering = ["gemeente", "product", "-geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "product", "geldig_vanaf"], name="productcode_een_per_datum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.product} = {self.code} vanaf {self.geldig_vanaf:%d-%m-%Y}"
