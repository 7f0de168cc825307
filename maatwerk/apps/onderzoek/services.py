"""State changes of the onderzoek: opslaan (with its stored indication), reactie, verslag, tweede mening.

Each is one transaction with its audit entry. Saving uses optimistic locking (:class:`Versieconflict`
from ``cases.locking``, nothing stored); refusals raise :class:`Geweigerd` with the Dutch reason.
The indication is stored once as an immutable :class:`~maatwerk.apps.indicaties.models.Indicatie`; a save
that changes the situation, the result or the rule file makes a new row, an unchanged one keeps its row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.cases.services import zet_status
from maatwerk.apps.indicaties import services as indicaties
from maatwerk.apps.indicaties.models import Indicatie
from maatwerk.engine.indicatie import Indicatie as EngineIndicatie
from maatwerk.engine.serialisatie import indicatie_naar_json

from .models import Concept, Onderzoek, TweedeMening

__all__ = [
    "Geweigerd",
    "bewaar_concept",
    "gooi_concept_weg",
    "Gesprek",
    "deel_verslag",
    "geef_tweede_mening",
    "importeer_onderzoek",
    "leg_reactie_vast",
    "reageer_als_client",
    "sla_onderzoek_op",
]

WAAROM = "onderzoek / keukentafelgesprek"

#: TextChoices members as plain str (without django-stubs mypy types them as (value, label) tuples).
S_IN_ONDERZOEK = str(Status.IN_ONDERZOEK)
S_ONTVANGEN = str(Status.ONTVANGEN)


class Geweigerd(Exception):
    """The step is not allowed; ``str()`` is the Dutch reason. Nothing was stored."""


@dataclass(frozen=True)
class Gesprek:
    """What the consulent records about the keukentafelgesprek."""

    gespreksdatum: dt.date | None
    locatie: str = ""
    gewezen_op_clientondersteuning: bool = False
    clientondersteuner: str = ""
    mantelzorger: str = ""
    verslag: str = ""


def _vul(ond: Onderzoek, gesprek: Gesprek) -> None:
    ond.gespreksdatum = gesprek.gespreksdatum
    ond.locatie = gesprek.locatie
    ond.gewezen_op_clientondersteuning = gesprek.gewezen_op_clientondersteuning
    ond.clientondersteuner = gesprek.clientondersteuner
    ond.mantelzorger = gesprek.mantelzorger
    ond.verslag = gesprek.verslag


def _ongewijzigd(huidig: Indicatie | None, situatie: dict[str, Any], indicatie: EngineIndicatie) -> bool:
    return (
        huidig is not None
        and huidig.situatie == situatie
        and huidig.resultaat == indicatie_naar_json(indicatie)
        and huidig.regelbestand_sha256 == indicaties.regelbestand_sha256(indicatie)
    )


def sla_onderzoek_op(
    zaak: Zaak,
    user: Any,
    verwachte_versie: int,
    gesprek: Gesprek,
    situatie: dict[str, Any],
    indicatie: EngineIndicatie,
    afronden: bool = False,
) -> Onderzoek:
    """Store the onderzoek with its indication; ``afronden`` closes it (needs date and verslag).

    ``verwachte_versie`` is the version the consulent started from (0: there was no onderzoek yet).
    Raises :class:`Versieconflict` (nothing stored) when someone else saved in between.
    """
    with transaction.atomic():
        ond: Onderzoek = getattr(zaak, "onderzoek", None) or Onderzoek(zaak=zaak)
        if zaak.is_afgesloten or ond.afgerond_op:
            raise Geweigerd("Dit onderzoek kan niet meer worden gewijzigd.")
        if afronden and (gesprek.gespreksdatum is None or not gesprek.verslag.strip()):
            raise Geweigerd("Vul de datum van het gesprek en het verslag in om het onderzoek af te ronden.")
        huidig = ond.indicatie if ond.indicatie_id is not None else None
        _vul(ond, gesprek)
        ond.gewijzigd_door = user
        if afronden:
            ond.afgerond_op = timezone.now()
        nieuw = not _ongewijzigd(huidig, situatie, indicatie)
        if nieuw:
            # Shown in a conflict until stored: an unsaved row with the submitted indication.
            ond.indicatie = Indicatie(
                zaak=zaak, situatie=situatie, resultaat=indicatie_naar_json(indicatie), kader=indicatie.kader,
                kader_versie=indicatie.kader_versie,
            )  # fmt: skip
        opgeslagen = Onderzoek.objects.filter(zaak=zaak).first()
        if ond.pk is None:
            # Versie 0: there was no onderzoek when the page was opened; someone may have started one.
            if verwachte_versie != 0 or opgeslagen is not None:
                raise Versieconflict(opgeslagen or ond, ond)
        elif opgeslagen is None or opgeslagen.versie != verwachte_versie:
            raise Versieconflict(opgeslagen or ond, ond)
        if nieuw:
            ond.indicatie = indicaties.leg_vast(zaak, user, situatie, indicatie)
        if ond.pk is None:
            ond.versie = 1
            ond.save()
        else:
            ond.opslaan_met_versie(verwachte_versie)
        if zaak.status == S_ONTVANGEN:
            zet_status(zaak, S_IN_ONDERZOEK, user, "onderzoek gestart")
        if afronden:
            Zaak.objects.filter(pk=zaak.pk).update(onderzoek_afgerond_op=timezone.localdate(ond.afgerond_op))
        # The draft is now the saved version (a conflict above keeps it).
        Concept.objects.filter(zaak=zaak, door=user).delete()
        log_persoonsgegevens(
            user,
            zaak.client,
            "schrijven",
            f"onderzoek zaak {zaak.pk} (situatie, indicatie, verslag)" + (" afgerond" if afronden else ""),
            WAAROM,
        )
        return ond


def importeer_onderzoek(
    zaak: Zaak,
    user: Any,
    gesprek: Gesprek,
    situatie: dict[str, Any] | None,
    indicatie: EngineIndicatie | None,
    afgerond_op: dt.datetime | None = None,
) -> Onderzoek:
    """Store an onderzoek as it was held (demo data, imports): no status change, dates as given."""
    with transaction.atomic():
        ond = Onderzoek(zaak=zaak, gewijzigd_door=user, afgerond_op=afgerond_op)
        _vul(ond, gesprek)
        if indicatie is not None:
            ond.indicatie = indicaties.leg_vast(zaak, user, situatie or {}, indicatie)
        ond.save()
        log_persoonsgegevens(user, zaak.client, "schrijven", f"onderzoek zaak {zaak.pk} (ingelezen)", WAAROM)
        return ond


def leg_reactie_vast(ond: Onderzoek, user: Any, verwachte_versie: int, reactie: str) -> Onderzoek:
    """Record the client's reaction to the verslag (optimistic locking like the main form)."""
    with transaction.atomic():
        ond.client_reactie = reactie
        ond.client_reactie_op = timezone.now()
        ond.gewijzigd_door = user
        ond.opslaan_met_versie(
            verwachte_versie, velden=["client_reactie", "client_reactie_op", "gewijzigd_door"]
        )
        log_persoonsgegevens(
            user, ond.zaak.client, "schrijven", f"reactie cliënt op verslag zaak {ond.zaak_id}", WAAROM
        )
        return ond


def deel_verslag(ond: Onderzoek, user: Any) -> None:
    """Record that the verslag was shared with the client (the first time counts)."""
    with transaction.atomic():
        Onderzoek.objects.filter(pk=ond.pk, verslag_gedeeld_op__isnull=True).update(
            verslag_gedeeld_op=timezone.now()
        )
        log_persoonsgegevens(
            user,
            ond.zaak.client,
            "schrijven",
            f"verslag zaak {ond.zaak_id} gedeeld met cliënt",
            "verslag voor de cliënt",
        )


def geef_tweede_mening(ond: Onderzoek, user: Any, oordeel: str, toelichting: str) -> TweedeMening:
    """A senior consulent's second opinion; never on an onderzoek they last changed themselves."""
    with transaction.atomic():
        if ond.gewijzigd_door_id == user.pk:
            raise Geweigerd("Een tweede mening geeft u niet op een onderzoek dat u zelf hebt opgesteld.")
        if oordeel not in TweedeMening.Oordeel.values:
            raise Geweigerd("Oordeel: kies eens of niet eens.")
        mening: TweedeMening = TweedeMening.objects.create(
            onderzoek=ond, door=user, oordeel=oordeel, toelichting=toelichting
        )
        log_persoonsgegevens(
            user,
            ond.zaak.client,
            "schrijven",
            f"tweede mening onderzoek zaak {ond.zaak_id}",
            "collegiale toets",
        )
        return mening


def reageer_als_client(ond: Onderzoek, door: Any, reactie: str) -> Onderzoek:
    """The client's own reaction to the shared verslag (the inwonerportaal); ``door`` is the inwoner.

    Unlike :func:`leg_reactie_vast` (a consulent records what the client said) this leaves
    ``gewijzigd_door`` alone, so the four-eyes check of the tweede mening still sees who wrote the
    onderzoek. A second reaction is added below the first.
    """
    reactie = reactie.strip()
    if not reactie:
        raise Geweigerd("Schrijf uw reactie in het vak.")
    if len(reactie) > 5000:
        raise Geweigerd("Uw reactie is te lang: gebruik hoogstens 5000 tekens.")
    with transaction.atomic():
        ond = Onderzoek.objects.select_for_update(of=("self",)).select_related("zaak__client").get(pk=ond.pk)
        if ond.verslag_gedeeld_op is None:
            raise Geweigerd("Het verslag is nog niet met u gedeeld.")
        nu = timezone.now()
        if ond.client_reactie:
            reactie = f"{ond.client_reactie}\n\n[{timezone.localtime(nu):%d-%m-%Y %H:%M}] {reactie}"
        ond.client_reactie, ond.client_reactie_op = reactie, nu
        ond.opslaan_met_versie(ond.versie, velden=["client_reactie", "client_reactie_op"])
        log_persoonsgegevens(
            door,
            ond.zaak.client,
            "schrijven",
            f"reactie cliënt op verslag zaak {ond.zaak_id} (portaal)",
            WAAROM,
        )
        return ond


#: A draft holds the onderzoek form's own fields only, within these limits (nothing half-stored).
CONCEPT_MAX_VELDEN = 300
CONCEPT_MAX_TEKENS = 200_000


def bewaar_concept(zaak: Zaak, user: Any, basisversie: int, gegevens: dict[str, list[str]]) -> Concept:
    """Keep the consulent's unsaved form as a server-side draft (one per zaak and consulent).

    ``basisversie`` is the version of the onderzoek the form was opened with; the saved onderzoek itself
    is not touched, so its optimistic lock stays as it is.
    """
    with transaction.atomic():
        ond = Onderzoek.objects.filter(zaak=zaak).first()
        if zaak.is_afgesloten or (ond is not None and ond.afgerond_op):
            raise Geweigerd("Dit onderzoek kan niet meer worden gewijzigd; er is geen concept bewaard.")
        if basisversie < 0 or len(gegevens) > CONCEPT_MAX_VELDEN:
            raise Geweigerd("Het concept is niet bewaard: het formulier is onvolledig of te groot.")
        if sum(len(k) + sum(len(w) for w in v) for k, v in gegevens.items()) > CONCEPT_MAX_TEKENS:
            raise Geweigerd("Het concept is niet bewaard: er is te veel tekst ingevuld.")
        concept: Concept
        concept, _ = Concept.objects.update_or_create(
            zaak=zaak, door=user, defaults={"basisversie": basisversie, "gegevens": gegevens}
        )
        log_persoonsgegevens(user, zaak.client, "schrijven", f"concept onderzoek zaak {zaak.pk}", WAAROM)
        return concept


def gooi_concept_weg(zaak: Zaak, user: Any) -> bool:
    """Discard the consulent's draft of this onderzoek; True when there was one."""
    with transaction.atomic():
        aantal, _ = Concept.objects.filter(zaak=zaak, door=user).delete()
        if aantal:
            log_persoonsgegevens(
                user, zaak.client, "schrijven", f"concept onderzoek zaak {zaak.pk} weggegooid", WAAROM
            )
        return bool(aantal)
