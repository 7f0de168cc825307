"""Zaak, StatusEvent and Opschorting.

The status of a Zaak only changes through :func:`maatwerk.apps.cases.status.zet_status`, which
checks the transition and writes a timestamped :class:`StatusEvent` in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.clients.models import Client


class Status(models.TextChoices):
    """The status train of a case (issue 5)."""

    ONTVANGEN = "ontvangen", "Melding ontvangen"
    IN_ONDERZOEK = "in_onderzoek", "In onderzoek"
    AANVRAAG = "aanvraag", "Aanvraag ontvangen"
    BESLUIT = "besluit", "Besluit genomen"
    TOEGEWEZEN = "toegewezen", "Toegewezen aan aanbieder"
    LEVERING_GESTART = "levering_gestart", "Levering gestart"
    BEEINDIGD = "beeindigd", "Beëindigd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


#: The regular order of the status train; afgewezen and ingetrokken leave it.
TREIN: tuple[str, ...] = (
    Status.ONTVANGEN,
    Status.IN_ONDERZOEK,
    Status.AANVRAAG,
    Status.BESLUIT,
    Status.TOEGEWEZEN,
    Status.LEVERING_GESTART,
    Status.BEEINDIGD,
)

#: Plain-language descriptions of each status, for letters and the client.
STATUS_UITLEG: dict[str, str] = {
    Status.ONTVANGEN: "We hebben uw melding ontvangen.",
    Status.IN_ONDERZOEK: "We onderzoeken samen met u wat u nodig hebt (het keukentafelgesprek).",
    Status.AANVRAAG: "We hebben uw aanvraag ontvangen en nemen binnen de wettelijke termijn een besluit.",
    Status.BESLUIT: "We hebben een besluit genomen. U krijgt daarover een brief (de beschikking).",
    Status.TOEGEWEZEN: "De zorgaanbieder heeft de opdracht gekregen om u te helpen.",
    Status.LEVERING_GESTART: "De zorgaanbieder is begonnen met de hulp.",
    Status.BEEINDIGD: "De hulp is gestopt.",
    Status.AFGEWEZEN: "U krijgt geen ondersteuning van de gemeente. In de brief staat waarom.",
    Status.INGETROKKEN: "De melding of aanvraag is ingetrokken.",
}


class Kanaal(models.TextChoices):
    BALIE = "balie", "Balie"
    TELEFOON = "telefoon", "Telefoon"
    DIGITAAL = "digitaal", "Digitaal"
    VIA_PROFESSIONAL = "via_professional", "Via een professional"


class SoortMelding(models.TextChoices):
    VORMVRIJ = "vormvrij", "Vormvrij (naam, adres, geboortedatum en vraag)"
    VOLLEDIG = "volledig", "Volledig"


class Zaak(models.Model):
    """Een Wmo-zaak: van melding tot einde van de ondersteuning."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)  # the API's identifier
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="zaken", verbose_name="cliënt")
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaken",
        verbose_name="consulent",
    )
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaken",
        verbose_name="aanbieder",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.ONTVANGEN,
        db_index=True,
        editable=False,
    )
    soort_melding = models.CharField(
        "soort melding", max_length=10, choices=SoortMelding.choices, default=SoortMelding.VOLLEDIG
    )
    #: One-time token of the melding form that created this zaak: a second POST of the same form
    #: (a double click) finds this zaak instead of registering another.
    indiening = models.UUIDField("indiening", null=True, blank=True, unique=True, editable=False)
    melddatum = models.DateField("melddatum", default=dt.date.today)
    kanaal = models.CharField("kanaal", max_length=20, choices=Kanaal.choices)
    vraag = models.TextField("hulpvraag")
    spoed = models.BooleanField("spoed", default=False)
    voorlopige_beschikking_op = models.DateField("voorlopige beschikking verzonden op", null=True, blank=True)
    vervolgcontact_op = models.DateField("vervolgcontact (spoed) op", null=True, blank=True)
    onderzoek_afgerond_op = models.DateField("onderzoek afgerond op", null=True, blank=True)
    aanvraagdatum = models.DateField("aanvraagdatum", null=True, blank=True)
    besluitdatum = models.DateField("besluitdatum", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["-melddatum", "-pk"]
        indexes = [models.Index(fields=["consulent", "status"])]

    def __str__(self) -> str:
        return f"Zaak {self.pk} ({self.get_status_display()})"

    @property
    def status_uitleg(self) -> str:
        return STATUS_UITLEG[self.status]

    @property
    def is_afgesloten(self) -> bool:
        return self.status in (Status.BEEINDIGD, Status.AFGEWEZEN, Status.INGETROKKEN)


class StatusEvent(models.Model):
    """Eén statuswijziging: van, naar, wanneer, door wie en waarom."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statusevents")
    van_status = models.CharField("van", max_length=20, choices=Status.choices, blank=True)
    naar_status = models.CharField("naar", max_length=20, choices=Status.choices)
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    toelichting = models.CharField("toelichting", max_length=500, blank=True)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["tijdstip", "pk"]

    def __str__(self) -> str:
        return f"{self.van_status or '—'} → {self.naar_status} ({self.tijdstip:%Y-%m-%d %H:%M})"


class Opschorting(models.Model):
    """Opschorting van de termijnen met reden (bijv. wachten op informatie van de cliënt)."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="opschortingen")
    van = models.DateField("opgeschort vanaf")
    tot = models.DateField("opgeschort tot en met", null=True, blank=True)
    reden = models.CharField("reden", max_length=500)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "opschorting"
        verbose_name_plural = "opschortingen"
        ordering = ["van", "pk"]

    def __str__(self) -> str:
        return f"opgeschort {self.van} – {self.tot or 'lopend'}: {self.reden}"

    def dagen(self, tot_en_met: dt.date) -> int:
        """Number of suspended days up to and including ``tot_en_met`` (an open suspension runs on)."""
        einde = min(self.tot or tot_en_met, tot_en_met)
        return max(0, (einde - self.van).days + 1)
