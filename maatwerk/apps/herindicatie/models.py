"""Herindicatie campaign data: the imported caseload, simulations, the plan and per-client tracking.

Other apps read these only through :mod:`maatwerk.apps.herindicatie.selectors` (finance:
``simulatie_voor_financien``, ``bezoekweken``) and change them only through ``services``. The columns:

``CaseloadClient`` — one row per client with an old indication, unique on ``bsn``:
``bsn``, ``client`` (FK ``clients.Client`` by BSN, null when not yet known), ``geboortedatum``,
``uren_per_week_oud`` (Decimal, null = onbekend), ``klasse_oud`` (hh1/hh2), ``leveringsvorm`` (zin/pgb),
``aanbieder_naam`` and ``aanbieder`` (FK ``aanbieders.Aanbieder`` by name, null for PGB without provider),
``ingangsdatum_oud``, ``einddatum_oud`` (null = open), ``situatie`` (JSON: the optional situation columns).

``SimulatieUitkomst`` — one row per client per ``Simulatie``, the same columns as the simulation file
(see :data:`maatwerk.apps.herindicatie.simulatie.UITVOER_KOLOMMEN`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .overgang import DRIEGESPREK_UITKOMSTEN


class KlasseOud(models.TextChoices):
    HH1 = "hh1", "HH1"
    HH2 = "hh2", "HH2"


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", "zorg in natura"
    PGB = "pgb", "persoonsgebonden budget"


class CaseloadClient(models.Model):
    """Een cliënt met een oude indicatie hulp bij het huishouden die geherindiceerd wordt."""

    bsn = models.CharField("BSN", max_length=9, unique=True)
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="oude_indicaties",
        verbose_name="cliënt",
    )
    geboortedatum = models.DateField("geboortedatum")
    uren_per_week_oud = models.DecimalField(
        "uren per week (oud)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    klasse_oud = models.CharField("klasse (oud)", max_length=3, choices=KlasseOud.choices)
    leveringsvorm = models.CharField("leveringsvorm", max_length=3, choices=Leveringsvorm.choices)
    aanbieder_naam = models.CharField("aanbieder", max_length=200, blank=True)
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="caseload",
        verbose_name="aanbieder (gekoppeld)",
    )
    ingangsdatum_oud = models.DateField("ingangsdatum oude indicatie")
    einddatum_oud = models.DateField("einddatum oude indicatie", null=True, blank=True)
    situatie = models.JSONField("situatiekolommen", default=dict, blank=True)
    bronbestand = models.CharField("bronbestand", max_length=300, blank=True)
    bronrij = models.PositiveIntegerField("rij in bronbestand", null=True, blank=True)
    geimporteerd_op = models.DateTimeField("geïmporteerd op", auto_now_add=True)
    bijgewerkt_op = models.DateTimeField("bijgewerkt op", auto_now=True)

    class Meta:
        verbose_name = "cliënt in de caseload"
        verbose_name_plural = "caseload"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"caseload {self.pk} ({self.klasse_oud}, {self.leveringsvorm})"


class Simulatie(models.Model):
    """Eén run van het normenkader over de caseload, met samenvatting."""

    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    kader = models.CharField("normenkader", max_length=100)
    beleid = models.CharField("overgangsbeleid", max_length=200, blank=True)
    peildatum = models.DateField("peildatum")
    aantal = models.PositiveIntegerField("aantal cliënten", default=0)
    samenvatting = models.JSONField("samenvatting", default=dict, blank=True)

    class Meta:
        verbose_name = "simulatie"
        verbose_name_plural = "simulaties"
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return f"simulatie {self.pk} ({self.kader}, {self.peildatum})"


class SimulatieUitkomst(models.Model):
    """De uitkomst van de simulatie voor één cliënt."""

    simulatie = models.ForeignKey(Simulatie, on_delete=models.CASCADE, related_name="uitkomsten")
    caseload = models.ForeignKey(CaseloadClient, on_delete=models.CASCADE, related_name="simulaties")
    oude_uren_per_week = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    nieuwe_minuten_per_week = models.DecimalField(max_digits=8, decimal_places=1)
    nieuwe_uren_per_week = models.DecimalField(max_digits=6, decimal_places=2)
    verschil_uren_per_week = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    trede_hbh = models.CharField(max_length=50, blank=True)
    nieuwe_intensiteit = models.CharField(max_length=50, blank=True)
    situatie_typisch = models.BooleanField(default=False)
    overgang_intensiteit = models.CharField(max_length=50, blank=True)
    overgang_tot = models.CharField(max_length=10, blank=True)
    regel = models.CharField(max_length=120, blank=True)
    toelichting = models.TextField(blank=True)
    aanvullende_ondersteuning = models.BooleanField(default=False)
    aanvullende_redenen = models.TextField(blank=True)
    tarief_per_periode = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "simulatie-uitkomst"
        verbose_name_plural = "simulatie-uitkomsten"
        constraints = [models.UniqueConstraint(fields=["simulatie", "caseload"], name="uniek_per_simulatie")]

    def __str__(self) -> str:
        return f"uitkomst {self.caseload_id} in simulatie {self.simulatie_id}"


class Planning(models.Model):
    """Een planning van de herindicatiecampagne: volgorde, capaciteit en kalender."""

    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    strategie = models.CharField("strategie", max_length=40)
    capaciteit_per_week = models.PositiveIntegerField("capaciteit per week")
    startdatum = models.DateField("startdatum")
    klaar_op = models.DateField("klaar op", null=True, blank=True)
    kalender = models.JSONField("kalender", default=list, blank=True)

    class Meta:
        verbose_name = "planning"
        verbose_name_plural = "planningen"
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return f"planning {self.strategie} vanaf {self.startdatum}"


class Soort(models.TextChoices):
    BEZOEK = "bezoek", "huisbezoek"
    DRIEGESPREK = "driegesprek", "driegesprek"
    BEZWAAR = "bezwaar", "bezwaar"
    PREMATUUR_BEZWAAR = "prematuur_bezwaar", "prematuur bezwaar"


class Registratie(models.Model):
    """Voortgang per cliënt: huisbezoek, driegesprek (met uitkomst), bezwaar of prematuur bezwaar.

    Een prematuur bezwaar is een bezwaar tegen een besluit dat nog niet is genomen (Westland 2019, §5.2).
    """

    caseload = models.ForeignKey(CaseloadClient, on_delete=models.CASCADE, related_name="registraties")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    datum = models.DateField("datum")
    uitkomst = models.CharField(
        "uitkomst driegesprek",
        max_length=30,
        blank=True,
        choices=[(u, u.replace("_", " ")) for u in DRIEGESPREK_UITKOMSTEN],
    )
    tot = models.DateField("tijdelijk terug tot", null=True, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "registratie"
        verbose_name_plural = "registraties"
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort="driegesprek") | ~models.Q(uitkomst=""),
                name="driegesprek_met_uitkomst",
            ),
            models.CheckConstraint(
                condition=~models.Q(uitkomst="tijdelijk_terug") | models.Q(tot__isnull=False),
                name="tijdelijk_terug_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}"
