"""Levering: the zorgplan (aanbieder and client), the toewijzing (iWmo WMO301), start/stop and einde recht.

Changes go through :mod:`.services`. The tables keep their names from the former ``beschikkingen`` app.
A toewijzing refers to its beschikking (``besluiten.Beschikking``) by foreign key only.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.cases.locking import OptimistischVergrendeld
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.indicaties.models import Indicatie


class Leveringsvorm(models.TextChoices):
    ZIN = "ZIN", "Zorg in natura (ZIN)"
    PGB = "PGB", "Persoonsgebonden budget (pgb)"


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
    opgeslagen = models.PositiveIntegerField(
        "versienummer (aantal keer opgeslagen)",
        default=1,
        editable=False,
        help_text="Begint bij 1; telt elke opslag met een wijziging (tekenen telt niet).",
    )

    class Meta:
        db_table = "beschikkingen_zorgplan"
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


class Toewijzing(models.Model):
    """De opdracht aan de aanbieder (iWmo WMO301-velden), levering start/stop en einde recht."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)  # the API's identifier
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="toewijzingen")
    beschikking = models.ForeignKey(
        "besluiten.Beschikking", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    indicatie = models.ForeignKey(
        Indicatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toewijzingen",
        verbose_name="indicatie",
    )
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="toewijzingen")
    productcategorie = models.CharField("productcategorie (WMO020)", max_length=2)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    volume = models.PositiveIntegerField("volume")
    eenheid = models.CharField("eenheid (WJ756)", max_length=2)
    frequentie = models.CharField("frequentie (WMO757)", max_length=1)
    #: The trede indicated for the product's resultaatgebied (resultatenmatrix code, e.g. "2"; empty
    #: when the indication has none) and the PxQ tariff class it gives (iWmo product data,
    #: ``tariefklasse_per_trede``): the contract tariff a declaratie on it is checked against (TR418).
    trede = models.CharField("trede (resultatenmatrix)", max_length=20, blank=True)
    tariefklasse = models.CharField(
        "tariefklasse (PxQ)", max_length=3, choices=[("hh1", "HH1"), ("hh2", "HH2")], default="hh1"
    )
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
        db_table = "beschikkingen_toewijzing"
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


class Notificatie(models.Model):
    """Een bericht in de applicatie voor één gebruiker, bijv. 'zorgplan ondertekend' voor de consulent."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notificaties", verbose_name="voor"
    )
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notificaties")
    tekst = models.CharField("tekst", max_length=300)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now)
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)

    class Meta:
        verbose_name = "notificatie"
        verbose_name_plural = "notificaties"
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return self.tekst
