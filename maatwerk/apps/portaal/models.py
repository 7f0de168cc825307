"""Inwoner (who logged in, by BSN) and Machtiging (who may act for a client)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from maatwerk.apps.clients.models import Client
from maatwerk.apps.clients.validators import valideer_bsn


class Inwoner(models.Model):
    """Een inwoner die met DigiD (OpenID Connect) heeft ingelogd op het portaal.

    ``user`` is a Django user without password, roles or staff rights: it only names the inwoner in
    the audit log. The portal session refers to this row, never to a Django login.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inwoner")
    bsn = models.CharField("BSN", max_length=9, unique=True, validators=[valideer_bsn])
    aangemaakt_op = models.DateTimeField("eerste keer ingelogd", auto_now_add=True)
    laatst_ingelogd_op = models.DateTimeField("laatst ingelogd", null=True, blank=True)

    class Meta:
        verbose_name = "inwoner (portaal)"
        verbose_name_plural = "inwoners (portaal)"

    def __str__(self) -> str:
        return self.user.get_username()


class Machtiging(models.Model):
    """Een vertegenwoordiger mag namens de cliënt het portaal gebruiken (van en tot en met een datum)."""

    class Soort(models.TextChoices):
        SCHRIFTELIJK = "schriftelijk", "Schriftelijke machtiging van de cliënt"
        CURATOR = "curator", "Curator"
        MENTOR = "mentor", "Mentor"
        BEWINDVOERDER = "bewindvoerder", "Bewindvoerder"
        OUDER = "ouder", "Ouder met gezag"

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="machtigingen", verbose_name="cliënt"
    )
    gemachtigde_bsn = models.CharField("BSN van de gemachtigde", max_length=9, validators=[valideer_bsn])
    gemachtigde_naam = models.CharField("naam van de gemachtigde", max_length=200)
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    geldig_van = models.DateField("geldig vanaf", default=dt.date.today)
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    toelichting = models.CharField("toelichting (bijv. kenmerk van het document)", max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)

    class Meta:
        verbose_name = "machtiging"
        verbose_name_plural = "machtigingen"
        ordering = ["client", "-geldig_van", "pk"]
        indexes = [models.Index(fields=["gemachtigde_bsn"])]

    def __str__(self) -> str:
        return f"{self.gemachtigde_naam} namens {self.client} ({self.get_soort_display().lower()})"

    def geldig_op(self, datum: dt.date) -> bool:
        return (
            self.ingetrokken_op is None
            and self.geldig_van <= datum
            and (self.geldig_tot is None or datum <= self.geldig_tot)
        )
