"""Bezwaar, its informal route (gesprek, driegesprek, mediation) and hoorzitting.

State changes only through :mod:`.services`. The deadlines are not stored: they follow from the dates
here through :mod:`maatwerk.termijnen` (Awb terms after the Algemene termijnenwet).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from maatwerk.apps.cases.models import Zaak
from maatwerk.termijnen import (
    KalenderOnbekend,
    Uitkomst,
    beslistermijn_bezwaar,
    bezwaartermijn,
    dwangsom,
)
from maatwerk.termijnen.awb import Dwangsomstand

from .koppeling import BESCHIKKING_MODEL


class Indiener(models.TextChoices):
    CLIENT = "client", "De cliënt zelf"
    VERTEGENWOORDIGER = "vertegenwoordiger", "Een vertegenwoordiger (gemachtigde, curator, mentor)"
    BELANGHEBBENDE = "belanghebbende", "Een andere belanghebbende"


class Beslissing(models.TextChoices):
    GEGROND = "gegrond", "Gegrond"
    DEELS_GEGROND = "deels_gegrond", "Deels gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet-ontvankelijk"


#: Outcomes that lead to a new version of the beschikking.
HERZIEN = (Beslissing.GEGROND, Beslissing.DEELS_GEGROND)


class Bezwaar(models.Model):
    """Een bezwaarschrift tegen een beschikking (of, premature, tegen een nog te nemen besluit)."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="bezwaren")
    beschikking = models.ForeignKey(
        BESCHIKKING_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bezwaren",
        verbose_name="beschikking (versie)",
    )
    premature = models.BooleanField("premature (nog geen besluit bij ontvangst)", default=False)
    kenmerk = models.CharField("kenmerk", max_length=20, blank=True)
    ontvangen_op = models.DateField("ontvangen op")
    indiener = models.CharField("ingediend door", max_length=20, choices=Indiener.choices)
    indiener_naam = models.CharField("naam indiener", max_length=200, blank=True)
    gronden = models.TextField("gronden van het bezwaar")
    over_kwaliteit = models.BooleanField(
        "gaat (ook) over de kwaliteit van de geleverde hulp",
        default=False,
        help_text="Dan komt de cliënt in de schouw van de aanbieder.",
    )
    bekendgemaakt_op = models.DateField("besluit bekendgemaakt op", null=True, blank=True)
    commissie = models.BooleanField("advies van de bezwaarcommissie", default=False)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ontvankelijk = models.BooleanField("ontvankelijk", null=True, blank=True)
    ontvankelijkheid_toelichting = models.TextField("toelichting ontvankelijkheid", blank=True)
    verschoonbaar = models.BooleanField(
        "termijnoverschrijding verschoonbaar (Awb 6:11)", null=True, blank=True
    )
    reden_verschoonbaar = models.TextField("reden verschoonbaarheid", blank=True)
    beoordeeld_op = models.DateField("ontvankelijkheid beoordeeld op", null=True, blank=True)
    advies = models.CharField("advies commissie", max_length=20, choices=Beslissing.choices, blank=True)
    advies_op = models.DateField("advies uitgebracht op", null=True, blank=True)
    advies_toelichting = models.TextField("advies (samenvatting)", blank=True)
    verdaagd_weken = models.PositiveSmallIntegerField("verdaagd met (weken)", null=True, blank=True)
    verdaagd_op = models.DateField("verdaagd op", null=True, blank=True)
    verdaging_reden = models.TextField("reden verdaging", blank=True)
    geen_hoorzitting_reden = models.TextField("reden afzien van horen (Awb 7:3)", blank=True)
    uitkomst = models.CharField(
        "beslissing op bezwaar", max_length=20, choices=Beslissing.choices, blank=True
    )
    beslist_op = models.DateField("beslist op", null=True, blank=True)
    motivering = models.TextField("motivering beslissing", blank=True)
    afwijking_advies = models.TextField("motivering afwijken van advies (Awb 7:13 lid 7)", blank=True)
    nieuwe_beschikking = models.ForeignKey(
        BESCHIKKING_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="nieuwe beschikking (versie na bezwaar)",
    )
    ingetrokken_op = models.DateField("ingetrokken op", null=True, blank=True)
    intrekking_reden = models.TextField("reden intrekking", blank=True)
    ingebrekestelling_op = models.DateField("ingebrekestelling ontvangen op", null=True, blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "bezwaar"
        verbose_name_plural = "bezwaren"
        ordering = ["-ontvangen_op", "-pk"]

    def __str__(self) -> str:
        return f"Bezwaar {self.kenmerk or self.pk}"

    # --- deadlines (computed) -------------------------------------------------------------------

    @property
    def bezwaartermijn(self) -> Uitkomst | None:
        if self.bekendgemaakt_op is None:
            return None
        try:
            return bezwaartermijn(self.bekendgemaakt_op)
        except KalenderOnbekend:
            return None

    @property
    def te_laat(self) -> bool:
        """Received after the bezwaartermijn (a premature bezwaar is never late, Awb 6:10)."""
        t = self.bezwaartermijn
        return t is not None and not self.premature and self.ontvangen_op > t.einddatum

    @property
    def beslistermijn(self) -> Uitkomst | None:
        if self.bekendgemaakt_op is None:
            return None
        try:
            return beslistermijn_bezwaar(
                self.bekendgemaakt_op,
                commissie=self.commissie,
                verdaagd=self.verdaagd_weken is not None,
                verdaging_weken=self.verdaagd_weken,
                ontvangen=self.ontvangen_op,
            )
        except KalenderOnbekend:
            return None

    @property
    def beslistermijn_zonder_verdaging(self) -> Uitkomst | None:
        if self.bekendgemaakt_op is None:
            return None
        try:
            return beslistermijn_bezwaar(
                self.bekendgemaakt_op, commissie=self.commissie, ontvangen=self.ontvangen_op
            )
        except KalenderOnbekend:
            return None

    def dwangsom(self, peildatum: dt.date) -> Dwangsomstand | None:
        termijn = self.beslistermijn
        if termijn is None:
            return None
        return dwangsom(termijn.einddatum, self.ingebrekestelling_op, self.beslist_op, peildatum)

    # --- state (derived) ------------------------------------------------------------------------

    @property
    def is_afgerond(self) -> bool:
        return bool(self.uitkomst) or self.ingetrokken_op is not None

    @property
    def stand(self) -> str:
        if self.ingetrokken_op:
            return "ingetrokken"
        if self.uitkomst:
            return f"beslist: {self.get_uitkomst_display().lower()}"
        if self.beschikking_id is None:
            return "premature: wacht op het besluit"
        if self.ontvankelijk is None:
            return "ontvangen: ontvankelijkheid beoordelen"
        return "in behandeling"


class SoortInformeel(models.TextChoices):
    GESPREK = "gesprek", "Gesprek (bellen of op bezoek)"
    DRIEGESPREK = "driegesprek", "Driegesprek (cliënt, consulent, aanbieder)"
    MEDIATION = "mediation", "Mediation"


class UitkomstInformeel(models.TextChoices):
    OPGELOST = "opgelost", "Opgelost: de indiener trekt het bezwaar in"
    DEELS = "deels", "Deels opgelost: bezwaar loopt door"
    NIET_OPGELOST = "niet_opgelost", "Niet opgelost: formele procedure"


class InformeleActie(models.Model):
    """Eén stap van de informele aanpak (eerst praten, dan pas de formele procedure)."""

    bezwaar = models.ForeignKey(Bezwaar, on_delete=models.CASCADE, related_name="informeel")
    soort = models.CharField("soort", max_length=20, choices=SoortInformeel.choices)
    datum = models.DateField("datum")
    deelnemers = models.CharField("deelnemers", max_length=500)
    uitkomst = models.CharField("uitkomst", max_length=20, choices=UitkomstInformeel.choices)
    verslag = models.TextField("verslag")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = "informele actie"
        verbose_name_plural = "informele acties"
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class Hoorzitting(models.Model):
    """De hoorzitting (Awb 7:2): uitnodiging, wie er was en het verslag."""

    bezwaar = models.ForeignKey(Bezwaar, on_delete=models.CASCADE, related_name="hoorzittingen")
    datum = models.DateField("datum hoorzitting")
    uitnodiging_verzonden_op = models.DateField("uitnodiging verzonden op")
    gehouden = models.BooleanField("gehouden", default=False)
    aanwezigen = models.TextField("aanwezig", blank=True)
    verslag = models.TextField("verslag", blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = "hoorzitting"
        verbose_name_plural = "hoorzittingen"
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"Hoorzitting {self.datum:%d-%m-%Y}"
