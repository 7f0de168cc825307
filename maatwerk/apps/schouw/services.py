"""Every state change of a schouw: plan (one or a sample), record the findings, the provider's reaction,
and calamities for the toezichthouder. Each is one transaction with its audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens

from . import bronnen
from .checklist import checklist, ruimtes
from .models import Calamiteit, Oordeel, Reden, Schouw, Schouwpunt, SoortMelding, Stand
from .regels import schouwregels
from .steekproef import trek_steekproef


class Geweigerd(Exception):
    """Not allowed; ``str()`` is the Dutch reason. Nothing was stored."""


def _is_kwaliteit(user: Any) -> None:
    if not bronnen.heeft_rol(user, bronnen.Rol.KWALITEITSMEDEWERKER):
        raise Geweigerd("Alleen een kwaliteitsmedewerker plant en doet een schouw.")


@transaction.atomic
def plan_schouw(
    zaak: bronnen.Zaak, user: Any, reden: str, gepland_op: dt.date, seed: int | None = None
) -> Schouw:
    """Plan a schouw for ``zaak``; the checklist is generated from the current indication."""
    _is_kwaliteit(user)
    if reden not in Reden.values:
        raise Geweigerd(f"Onbekende reden '{reden}'; kies uit: {', '.join(Reden.values)}.")
    if zaak.aanbieder_id is None:
        raise Geweigerd("Deze zaak heeft geen aanbieder: er is geen hulp om te schouwen.")
    indicatie, situatie = bronnen.indicatie_en_situatie(zaak)
    punten = checklist(indicatie or {}, situatie)
    if not punten:
        raise Geweigerd("De zaak heeft geen indicatie met taken: er is niets om te schouwen.")
    if Schouw.objects.filter(zaak=zaak, stand=Stand.GEPLAND).exists():
        raise Geweigerd("Voor deze zaak staat al een schouw gepland.")
    schouw = Schouw.objects.create(
        zaak=zaak,
        aanbieder_id=zaak.aanbieder_id,
        reden=reden,
        seed=seed,
        gepland_op=gepland_op,
        ruimtes=ruimtes(situatie),
    )
    Schouwpunt.objects.bulk_create(
        Schouwpunt(
            schouw=schouw,
            volgorde=i,
            taak_id=p.taak_id,
            taak=p.taak,
            resultaatgebied=p.resultaatgebied,
            frequentie=p.frequentie,
            minuten_per_week=p.minuten_per_week,
        )
        for i, p in enumerate(punten, start=1)
    )
    log_persoonsgegevens(
        user,
        zaak.client,
        "schrijven",
        f"schouw {schouw.pk} gepland ({schouw.get_reden_display().lower()})",
        "kwaliteitscontrole (schouw)",
    )
    return schouw


@dataclass(frozen=True)
class Steekproefuitkomst:
    aanbieder: str
    peildatum: dt.date
    percentage: float
    seed: int
    populatie: int
    steekproef: list[int]
    klacht_of_bezwaar: list[int]

    @property
    def te_bezoeken(self) -> list[int]:
        return sorted(set(self.steekproef) | set(self.klacht_of_bezwaar))

    def as_json(self) -> dict[str, Any]:
        return {
            "aanbieder": self.aanbieder,
            "peildatum": self.peildatum.isoformat(),
            "percentage": self.percentage,
            "seed": self.seed,
            "populatie": self.populatie,
            "grootte": len(self.steekproef),
            "steekproef": self.steekproef,
            "klacht_of_bezwaar": self.klacht_of_bezwaar,
            "te_bezoeken": self.te_bezoeken,
        }


def steekproef(
    aanbieder: bronnen.Aanbieder,
    peildatum: dt.date,
    seed: int,
    percentage: float | None = None,
) -> Steekproefuitkomst:
    """Who is visited: the reproducible sample of zaken in care with ``aanbieder`` (percentage from the
    gemeente's rules unless given), plus every zaak with a klacht or bezwaar about quality. Stores nothing."""
    regels = schouwregels(bronnen.gemeente(), peildatum)
    pct = regels.steekproef.percentage if percentage is None else percentage
    if not 0 < pct <= 100:
        raise Geweigerd(f"Het percentage moet groter dan 0 en hoogstens 100 zijn (is {pct}).")
    ids = list(bronnen.zaken_in_zorg(aanbieder, peildatum).values_list("pk", flat=True))
    getrokken = trek_steekproef(ids, pct, seed, aanbieder.naam, regels.steekproef.minimum_per_aanbieder)
    extra = sorted(bronnen.zaken_met_klacht_of_bezwaar_over_kwaliteit(aanbieder)) if regels.ook_bij else []
    return Steekproefuitkomst(aanbieder.naam, peildatum, pct, seed, len(ids), getrokken, extra)


def plan_steekproef(
    aanbieder: bronnen.Aanbieder, user: Any, peildatum: dt.date, seed: int, percentage: float | None = None
) -> list[Schouw]:
    """Plan a schouw for every zaak of :func:`steekproef` that has none planned yet (atomic)."""
    _is_kwaliteit(user)
    uitkomst = steekproef(aanbieder, peildatum, seed, percentage)
    klacht = set(uitkomst.klacht_of_bezwaar)
    geplande = set(Schouw.objects.filter(stand=Stand.GEPLAND).values_list("zaak_id", flat=True))
    nieuw = []
    with transaction.atomic():
        for zaak in bronnen.Zaak.objects.filter(pk__in=uitkomst.te_bezoeken).select_related("client"):
            if zaak.pk in geplande:
                continue
            reden = Reden.KLACHT if zaak.pk in klacht else Reden.STEEKPROEF
            try:
                nieuw.append(plan_schouw(zaak, user, reden, peildatum, seed))
            except Geweigerd:
                continue  # no indication with tasks: nothing to check at this client
    return nieuw


@transaction.atomic
def leg_schouw_vast(
    schouw: Schouw,
    user: Any,
    oordelen: dict[int, tuple[str, str]],
    oordeel_client: str,
    uitgevoerd_op: dt.date,
) -> Schouw:
    """Record the findings of the visit: per point (pk) an oordeel and remark, and the client's view.

    Every point needs an oordeel; an 'onvoldoende' needs a remark. Completes the schouw.
    """
    _is_kwaliteit(user)
    schouw = Schouw.objects.select_for_update().get(pk=schouw.pk)
    if schouw.stand != Stand.GEPLAND:
        raise Geweigerd("Deze schouw is al afgerond.")
    if uitgevoerd_op > timezone.localdate():
        raise Geweigerd("De datum van het bezoek ligt in de toekomst.")
    punten = list(schouw.punten.all())
    fouten = []
    for p in punten:
        oordeel, opmerking = oordelen.get(p.pk, ("", ""))
        if oordeel not in Oordeel.values:
            fouten.append(f"{p.taak}: kies voldoende, onvoldoende of niet van toepassing.")
        elif oordeel == Oordeel.ONVOLDOENDE and not opmerking.strip():
            fouten.append(f"{p.taak}: schrijf bij 'onvoldoende' wat er niet goed is.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    for p in punten:
        p.oordeel, opmerking = oordelen[p.pk]
        p.opmerking = opmerking.strip()
    Schouwpunt.objects.bulk_update(punten, ["oordeel", "opmerking"])
    schouw.aantal_voldoende = sum(p.oordeel == Oordeel.VOLDOENDE for p in punten)
    schouw.aantal_onvoldoende = sum(p.oordeel == Oordeel.ONVOLDOENDE for p in punten)
    schouw.oordeel_client = oordeel_client.strip()
    schouw.uitgevoerd_op = uitgevoerd_op
    schouw.uitgevoerd_door = user
    schouw.stand = Stand.AFGEROND
    schouw.save()
    log_persoonsgegevens(
        user,
        schouw.zaak.client,
        "schrijven",
        f"schouw {schouw.pk} uitgevoerd (oordelen en mening cliënt)",
        "kwaliteitscontrole (schouw)",
    )
    return schouw


@transaction.atomic
def reageer_als_aanbieder(schouw: Schouw, user: Any, reactie: str) -> Schouw:
    """The provider's reaction to a completed schouw about its own work."""
    schouw = Schouw.objects.select_for_update().select_related("zaak__client").get(pk=schouw.pk)
    eigen = bronnen.aanbieder_van(user)
    if eigen is None or eigen.pk != schouw.aanbieder_id:
        raise Geweigerd("Alleen de aanbieder van deze schouw kan reageren.")
    if schouw.stand != Stand.AFGEROND:
        raise Geweigerd("U kunt reageren zodra de schouw is afgerond.")
    if not reactie.strip():
        raise Geweigerd("Schrijf een reactie.")
    schouw.reactie_aanbieder = reactie.strip()
    schouw.reactie_op = timezone.now()
    schouw.reactie_door = user
    schouw.save(update_fields=["reactie_aanbieder", "reactie_op", "reactie_door"])
    log_persoonsgegevens(
        user,
        schouw.zaak.client,
        "schrijven",
        f"reactie aanbieder op schouw {schouw.pk}",
        "kwaliteitscontrole (schouw)",
    )
    return schouw


@transaction.atomic
def registreer_calamiteit(
    zaak: bronnen.Zaak,
    user: Any,
    soort: str,
    datum: dt.date,
    omschrijving: str,
    gemeld_aan_toezichthouder_op: dt.date | None = None,
    schouw: Schouw | None = None,
) -> Calamiteit:
    """Register a calamity or violence in the provision of help, for the toezichthouder (GGD)."""
    _is_kwaliteit(user)
    if soort not in SoortMelding.values:
        raise Geweigerd(f"Onbekende soort '{soort}'; kies calamiteit of geweld.")
    if zaak.aanbieder_id is None:
        raise Geweigerd("Deze zaak heeft geen aanbieder.")
    vandaag = timezone.localdate()
    if datum > vandaag or (gemeld_aan_toezichthouder_op and gemeld_aan_toezichthouder_op > vandaag):
        raise Geweigerd("Een datum ligt in de toekomst.")
    if gemeld_aan_toezichthouder_op and gemeld_aan_toezichthouder_op < datum:
        raise Geweigerd("De melding aan de toezichthouder ligt vóór het voorval.")
    if not omschrijving.strip():
        raise Geweigerd("Beschrijf wat er is gebeurd.")
    melding = Calamiteit.objects.create(
        zaak=zaak,
        aanbieder_id=zaak.aanbieder_id,
        schouw=schouw,
        soort=soort,
        datum=datum,
        omschrijving=omschrijving.strip(),
        gemeld_aan_toezichthouder_op=gemeld_aan_toezichthouder_op,
        geregistreerd_door=user,
    )
    log_persoonsgegevens(
        user,
        zaak.client,
        "schrijven",
        f"{melding.get_soort_display().lower()} geregistreerd (toezichthouder)",
        "melding aan toezichthouder Wmo (GGD)",
    )
    return melding
