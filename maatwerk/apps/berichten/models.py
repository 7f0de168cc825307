"""The iWmo message store: every message in and out, the declared prestaties and the verzoeken.

A :class:`Bericht` keeps its status and retourcodes, the deadline for its answer and the message it
answers; the XML as sent or received is in the message archive (:mod:`.archief`), named by the row's
``sha256``. Changes go through :mod:`.services` only.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.levering.models import Toewijzing


class Richting(models.TextChoices):
    IN = "in", "ontvangen"
    UIT = "uit", "verzonden"


class Berichtstatus(models.TextChoices):
    VERWERKT = "verwerkt", "Ontvangen en verwerkt"
    AFGEKEURD = "afgekeurd", "Ontvangen en afgekeurd"
    DUBBEL = "dubbel", "Dubbel ontvangen, niet opnieuw verwerkt"
    VERZONDEN = "verzonden", "Verzonden, wacht op retour"
    GOEDGEKEURD = "goedgekeurd", "Verzonden, retour zonder fouten"
    FOUTEN = "fouten", "Verzonden, retour met fouten"
    RETOUR = "retour", "Retourbericht verzonden"


class Bericht(models.Model):
    """One iWmo message, in or out, with its XML, status, retourcodes and answer deadline."""

    #: The public identifier (API, links to other systems); never the database id.
    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)
    richting = models.CharField("richting", max_length=3, choices=Richting.choices)
    berichttype = models.CharField("berichttype", max_length=6, db_index=True)
    identificatie = models.CharField("identificatie", max_length=12)
    dagtekening = models.DateField("dagtekening")
    afzender = models.CharField("afzender", max_length=8)
    ontvanger = models.CharField("ontvanger", max_length=8)
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="iwmo_berichten"
    )
    zaken = models.ManyToManyField(Zaak, blank=True, related_name="iwmo_berichten")
    client_bsn = models.CharField("BSN (één cliënt)", max_length=9, blank=True)
    status = models.CharField("status", max_length=12, choices=Berichtstatus.choices)
    #: At most ``services.RETOURCODES_OP_BERICHT`` of them; ``aantal_retourcodes`` counts them all.
    retourcodes = models.JSONField("retourcodes", default=list)
    aantal_retourcodes = models.PositiveIntegerField("aantal retourcodes", default=0)
    meldingen = models.JSONField("meldingen bij verwerking", default=list)
    kenmerk = models.CharField("kenmerk (declaratienummer)", max_length=12, blank=True)
    #: For a WMO301: the state of the toewijzingen it carried (nummer -> fingerprint).
    toestand = models.JSONField("verzonden toestand", default=dict)
    #: The XML itself is in the message archive (``archief``), named by this hash; never in the row.
    sha256 = models.CharField("SHA-256 van de inhoud", max_length=64, db_index=True)
    grootte = models.PositiveBigIntegerField("grootte (bytes)", default=0)
    bestand = models.CharField("bestand", max_length=500, blank=True)
    heen = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="antwoorden"
    )
    tijdstip = models.DateTimeField("ontvangen of verzonden op", auto_now_add=True)
    uiterlijk_antwoord = models.DateField("antwoord uiterlijk op", null=True, blank=True)
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)

    class Meta:
        verbose_name = "iWmo-bericht"
        verbose_name_plural = "iWmo-berichten"
        ordering = ["-tijdstip", "-pk"]
        indexes = [models.Index(fields=["berichttype", "afzender", "identificatie"])]

    def __str__(self) -> str:
        return f"{self.berichttype} {self.identificatie} ({self.get_richting_display()})"

    def xml(self) -> bytes:
        """The message byte for byte, from the archive, checked against ``sha256``."""
        from .archief import lees

        return lees(self.sha256)

    @property
    def inhoud(self) -> str:
        """The message as text (for display; a download should use :meth:`xml`)."""
        return self.xml().decode("utf-8", errors="replace")


class Prestatie(models.Model):
    """One declared prestatie (WMO323) with the gemeente's outcome (WMO325)."""

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="prestaties")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="iwmo_prestaties")
    toewijzing = models.ForeignKey(
        Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="prestaties"
    )
    referentienummer = models.CharField("referentienummer", max_length=36, db_index=True)
    vorig_referentienummer = models.CharField("vorig referentienummer", max_length=36, blank=True)
    toewijzingnummer = models.BigIntegerField("toewijzingnummer")
    bsn = models.CharField("BSN", max_length=9)
    productcategorie = models.CharField("productcategorie", max_length=2)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum")
    volume = models.PositiveIntegerField("geleverd volume")
    eenheid = models.CharField("eenheid", max_length=2)
    tarief = models.IntegerField("producttarief (cent)")
    bedrag = models.IntegerField("ingediend bedrag (cent)")
    debet = models.BooleanField("debet", default=True)
    toegekend = models.BooleanField("toegekend")
    retourcodes = models.JSONField("retourcodes", default=list)

    class Meta:
        verbose_name = "gedeclareerde prestatie"
        verbose_name_plural = "gedeclareerde prestaties"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Prestatie {self.referentienummer} ({'toegekend' if self.toegekend else 'afgewezen'})"


class Verzoeksoort(models.TextChoices):
    TOEWIJZING = "toewijzing", "Verzoek om toewijzing (WMO315)"
    WIJZIGING = "wijziging", "Verzoek om wijziging (WMO317)"


class Verzoekstatus(models.TextChoices):
    OPEN = "open", "Te beoordelen"
    IN_ONDERZOEK = "in_onderzoek", "In onderzoek"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class Verzoek(models.Model):
    """A verzoek from an aanbieder that the consulent decides: one AangevraagdProduct, or a whole 317."""

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="verzoeken")
    soort = models.CharField("soort", max_length=10, choices=Verzoeksoort.choices)
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="iwmo_verzoeken")
    zaak = models.ForeignKey(
        Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="iwmo_verzoeken"
    )
    bsn = models.CharField("BSN", max_length=9)
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=36)
    #: The requested products as read (categorie, code, ingangsdatum, einddatum, volume, eenheid, frequentie).
    producten = models.JSONField("gevraagde producten", default=list)
    status = models.CharField(
        "status", max_length=12, choices=Verzoekstatus.choices, default=Verzoekstatus.OPEN
    )
    reden_afwijzing = models.CharField("reden afwijzing (WJ759)", max_length=2, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    uiterlijk = models.DateField("antwoord uiterlijk op")
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beslist_op = models.DateTimeField("beslist op", null=True, blank=True)
    antwoord = models.ForeignKey(
        Bericht, on_delete=models.PROTECT, null=True, blank=True, related_name="antwoord_op_verzoeken"
    )
    #: The beschikking a granted verzoek produced (issued, or a new version of the current one).
    beschikking = models.ForeignKey(
        "besluiten.Beschikking", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "verzoek van een aanbieder"
        verbose_name_plural = "verzoeken van aanbieders"
        ordering = ["uiterlijk", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.referentie_aanbieder} ({self.get_status_display()})"
