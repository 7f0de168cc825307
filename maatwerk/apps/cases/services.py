"""Every state change of a zaak and its client: one function each, audited in the same transaction.

Views and the CLI parse input, call one of these functions and present the result or the
:class:`Zaakfout` (a Dutch message, with the form field it concerns when there is one). Other apps'
services compose :func:`zet_status` and :func:`start_zaak` inside their own audited transaction.

Public API (stable)::

    from maatwerk.apps.cases import services
    zaak = services.registreer_melding(Meldinggegevens(...), door=user)
    services.wijzig_status(zaak, Status.AANVRAAG, door=user, toelichting="", datum=None)
    services.start_opschorting(zaak, van=..., tot=None, reden="...", door=user)
    services.beeindig_opschorting(zaak, opschorting_pk, tot=..., door=user)
    services.leg_spoed_vast(zaak, "vervolgcontact_op", datum, door=user)
    services.wijs_toe(zaak, consulent=..., aanbieder=..., door=user)
    services.wijzig_client(zaak, Clientgegevens(...), door=user)
    services.status_gewijzigd.connect(receiver)  # signal: zaak, event (inside the status transaction)
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, heeft_rol
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.clients.models import Client
from maatwerk.apps.clients.services import Clientfout, Clientgegevens, zoek_of_maak_client
from maatwerk.apps.clients.services import wijzig_client as _wijzig_clientgegevens

from .models import Opschorting, SoortMelding, Status, StatusEvent, Zaak
from .status import OngeldigeStatusovergang, start_zaak, status_gewijzigd, toegestane_overgangen, zet_status

__all__ = [
    "SPOEDMIJLPALEN",
    "VASTE_AANBIEDER",
    "Clientgegevens",
    "Meldinggegevens",
    "OngeldigeStatusovergang",
    "Zaakfout",
    "beeindig_opschorting",
    "leg_spoed_vast",
    "registreer_melding",
    "start_opschorting",
    "start_zaak",
    "status_gewijzigd",
    "toegestane_overgangen",
    "wijs_toe",
    "wijzig_client",
    "wijzig_status",
    "zet_status",
]


def _tekst(keuze: object) -> str:
    """A TextChoices member as its value (without django-stubs mypy sees (value, label) tuples)."""
    return str(keuze)


VOLLEDIG, VORMVRIJ = _tekst(SoortMelding.VOLLEDIG), _tekst(SoortMelding.VORMVRIJ)
#: A status change to one of these needs a reason.
MET_REDEN: tuple[str, ...] = tuple(map(_tekst, (Status.AFGEWEZEN, Status.INGETROKKEN, Status.BEEINDIGD)))
#: Once decided, the aanbieder is part of the beschikking and cannot be changed from the case page.
VASTE_AANBIEDER: tuple[str, ...] = tuple(
    map(_tekst, (Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART))
)
#: Spoed milestones a consulent records (field of Zaak -> what it means).
SPOEDMIJLPALEN: dict[str, str] = {
    "voorlopige_beschikking_op": "voorlopige beschikking verzonden",
    "vervolgcontact_op": "vervolgcontact gehad",
}


class Zaakfout(ValueError):
    """A change the case rules refuse; nothing was stored. ``veld`` names the form field, if any."""

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.veld = veld


@dataclass(frozen=True)
class Meldinggegevens:
    """A melding: who (the client), how and what."""

    client: Clientgegevens
    kanaal: str
    vraag: str
    melddatum: dt.date
    soort_melding: str = VOLLEDIG
    spoed: bool = False
    indiening: uuid.UUID | None = None  # the form's one-time token: registering is idempotent per token


def _fout_uit(exc: ValidationError) -> Zaakfout:
    """The first message of a model validation error as a Zaakfout on that field."""
    if hasattr(exc, "error_dict"):
        veld, fouten = next(iter(exc.message_dict.items()))
        return Zaakfout(" ".join(fouten), None if veld == "__all__" else veld)
    return Zaakfout(" ".join(exc.messages))


# --- the case rules, once: each check lists every refusal (forms show them all, services raise the first)


def _eerste(fouten: list[Zaakfout]) -> None:
    if fouten:
        raise fouten[0]


def melding_fouten(melddatum: dt.date | None, soort_melding: str | None, bsn: str | None) -> list[Zaakfout]:
    """Why a melding with these values is refused (empty: allowed). ``None``: not (validly) entered."""
    fouten = []
    if melddatum is not None and melddatum > timezone.localdate():
        fouten.append(Zaakfout("De melddatum kan niet in de toekomst liggen.", "melddatum"))
    if soort_melding == VOLLEDIG and bsn == "":
        fouten.append(Zaakfout("Bij een volledige melding is het BSN verplicht.", "bsn"))
    return fouten


def status_fouten(naar: str | None, toelichting: str | None) -> list[Zaakfout]:
    """Closing a zaak (afwijzen, intrekken, beëindigen) always needs a reason."""
    if naar in MET_REDEN and not toelichting:
        return [Zaakfout("Geef bij afwijzen, intrekken of beëindigen altijd de reden.", "toelichting")]
    return []


def opschorting_fouten(zaak: Zaak, van: dt.date | None, tot: dt.date | None) -> list[Zaakfout]:
    """A suspension starts on or after the melddatum, ends after it starts, and runs alone."""
    fouten = []
    if van is not None and tot is not None and tot < van:
        fouten.append(Zaakfout("De einddatum ligt vóór de begindatum.", "tot"))
    if van is not None:
        if van < zaak.melddatum:
            fouten.append(Zaakfout("Een opschorting kan niet vóór de melddatum beginnen.", "van"))
        if Opschorting.objects.filter(zaak=zaak, tot__isnull=True).exists():
            fouten.append(Zaakfout("Er loopt al een opschorting; beëindig die eerst.", "van"))
    return fouten


def einde_opschorting_fouten(begonnen: dt.date, tot: dt.date | None) -> list[Zaakfout]:
    if tot is not None and tot < begonnen:
        return [Zaakfout("De einddatum ligt vóór de begindatum van de opschorting.", "tot")]
    return []


def spoed_fouten(zaak: Zaak, datum: dt.date | None) -> list[Zaakfout]:
    """Only a spoedzaak has spoed milestones, dated between the melddatum and today."""
    fouten = [] if zaak.spoed else [Zaakfout("Deze zaak is geen spoedzaak.")]
    if datum is not None and datum > timezone.localdate():
        fouten.append(Zaakfout("De datum kan niet in de toekomst liggen.", "datum"))
    elif datum is not None and datum < zaak.melddatum:
        fouten.append(Zaakfout("De datum ligt vóór de melddatum.", "datum"))
    return fouten


# --- the state changes


def registreer_melding(melding: Meldinggegevens, door: Any, client_id: int | None = None) -> Zaak:
    """Register a melding: the client (``client_id`` when the user chose a known client after the
    duplicate search, else found by BSN, else new), the zaak and its first status event.

    Idempotent per ``melding.indiening``: the same token again returns the zaak it made (nothing new).
    """
    if melding.indiening is not None:
        eerder: Zaak | None = Zaak.objects.filter(indiening=melding.indiening).first()
        if eerder is not None:
            return eerder
        try:
            return _registreer(melding, door, client_id)
        except IntegrityError:  # a concurrent POST with the same token won the race
            eerder = Zaak.objects.filter(indiening=melding.indiening).first()
            if eerder is None:
                raise
            return eerder
    return _registreer(melding, door, client_id)


def _registreer(melding: Meldinggegevens, door: Any, client_id: int | None = None) -> Zaak:
    gegevens = melding.client
    _eerste(melding_fouten(melding.melddatum, melding.soort_melding, gegevens.bsn))
    with transaction.atomic():
        try:
            if client_id is not None:
                client, nieuw = _bestaande_client(client_id, gegevens), False
            else:
                client, nieuw = zoek_of_maak_client(gegevens)
        except Clientfout as exc:
            raise Zaakfout(str(exc), exc.veld) from None
        zaak = Zaak(
            client=client,
            # the consulent who takes the melding; none when it comes in otherwise (an API client)
            consulent=door if _ingelogd(door) and heeft_rol(door, *TOEGANGSTEAM) else None,
            soort_melding=melding.soort_melding,
            melddatum=melding.melddatum,
            kanaal=melding.kanaal,
            vraag=melding.vraag,
            spoed=melding.spoed,
            indiening=melding.indiening,
        )
        try:
            zaak.full_clean()
        except ValidationError as exc:
            raise _fout_uit(exc) from None
        start_zaak(
            zaak,
            door,
            f"melding via {zaak.get_kanaal_display().lower()}" + (" (spoed)" if zaak.spoed else ""),
        )
        log_persoonsgegevens(
            door,
            client,
            "schrijven",
            "nieuwe cliënt en melding" if nieuw else "melding bij bestaande cliënt",
            "melding registreren",
        )
    return zaak


def _bestaande_client(client_id: int, gegevens: Clientgegevens) -> Client:
    """The known client the user chose; a different BSN than entered is refused."""
    client: Client | None = Client.objects.filter(pk=client_id).first()
    if client is None:
        raise Clientfout("Deze cliënt bestaat niet (meer).")
    if gegevens.bsn and client.bsn and gegevens.bsn != client.bsn:
        raise Clientfout("Het ingevulde BSN hoort niet bij de gekozen cliënt.", "bsn")
    return client


def _open(zaak: Zaak) -> None:
    if zaak.is_afgesloten:
        raise Zaakfout("Deze zaak is afgesloten en kan niet meer worden gewijzigd.")


def wijzig_status(
    zaak: Zaak, naar: str, door: Any, toelichting: str = "", datum: dt.date | None = None
) -> StatusEvent:
    """Move the zaak along the status train by hand (with the legal date of the step, if given)."""
    _eerste(status_fouten(naar, toelichting))
    with transaction.atomic():
        try:
            event: StatusEvent = zet_status(zaak, naar, door, toelichting, datum=datum)
        except OngeldigeStatusovergang as exc:
            raise Zaakfout(str(exc), "datum" if "datum" in str(exc) else "naar") from None
        log_persoonsgegevens(
            door, zaak.client, "schrijven", f"status zaak {zaak.pk} → {zaak.status}", "behandeling zaak"
        )
    return event


def start_opschorting(
    zaak: Zaak, van: dt.date, reden: str, door: Any, tot: dt.date | None = None
) -> Opschorting:
    """Suspend the zaak's deadlines from ``van`` (to ``tot`` inclusive, or open-ended)."""
    _open(zaak)
    if not reden.strip():
        raise Zaakfout("Geef de reden van de opschorting.", "reden")
    with transaction.atomic():
        Zaak.objects.select_for_update().filter(pk=zaak.pk).first()  # one suspension at a time
        _eerste(opschorting_fouten(zaak, van, tot))
        opschorting: Opschorting = Opschorting.objects.create(
            zaak=zaak, van=van, tot=tot, reden=reden, door=door if _ingelogd(door) else None
        )
        log_persoonsgegevens(door, zaak.client, "schrijven", f"opschorting zaak {zaak.pk}", "termijnbewaking")
    return opschorting


def beeindig_opschorting(zaak: Zaak, opschorting_pk: int, tot: dt.date, door: Any) -> Opschorting:
    """End the zaak's running suspension on ``tot`` (inclusive): the deadlines run again."""
    _open(zaak)
    with transaction.atomic():
        opschorting: Opschorting | None = (
            Opschorting.objects.select_for_update()
            .filter(zaak=zaak, pk=opschorting_pk, tot__isnull=True)
            .first()
        )
        if opschorting is None:
            raise Zaakfout("Deze zaak heeft geen lopende opschorting met dit nummer.")
        _eerste(einde_opschorting_fouten(opschorting.van, tot))
        opschorting.tot = tot
        opschorting.save(update_fields=["tot"])
        log_persoonsgegevens(
            door, zaak.client, "schrijven", f"opschorting zaak {zaak.pk} beëindigd", "termijnbewaking"
        )
    return opschorting


def leg_spoed_vast(zaak: Zaak, mijlpaal: str, datum: dt.date, door: Any) -> None:
    """Record that the spoed voorlopige beschikking was sent or the follow-up contact took place."""
    _open(zaak)
    _eerste(spoed_fouten(zaak, datum))
    if mijlpaal not in SPOEDMIJLPALEN:
        raise Zaakfout(f"Onbekende mijlpaal '{mijlpaal}'.", "mijlpaal")
    with transaction.atomic():
        Zaak.objects.filter(pk=zaak.pk).update(**{mijlpaal: datum})
        setattr(zaak, mijlpaal, datum)
        log_persoonsgegevens(
            door, zaak.client, "schrijven", f"spoed: {mijlpaal} zaak {zaak.pk}", "spoedprocedure"
        )


def wijs_toe(zaak: Zaak, consulent: Any, aanbieder: Any, door: Any) -> None:
    """Choose the zaak's consulent and aanbieder (the aanbieder is fixed once there is a besluit)."""
    _open(zaak)
    if zaak.status in VASTE_AANBIEDER and aanbieder != zaak.aanbieder:
        raise Zaakfout(
            "De aanbieder staat in de beschikking; een andere aanbieder kiest u via een correctie "
            "van de beschikking.",
            "aanbieder",
        )
    with transaction.atomic():
        Zaak.objects.filter(pk=zaak.pk).update(consulent=consulent, aanbieder=aanbieder)
        zaak.consulent, zaak.aanbieder = consulent, aanbieder
        log_persoonsgegevens(
            door, zaak.client, "schrijven", f"consulent/aanbieder zaak {zaak.pk}", "behandeling zaak"
        )


def wijzig_client(
    zaak: Zaak, gegevens: Clientgegevens, door: Any, verwachte_versie: int | None = None
) -> list[str]:
    """Complete or correct the zaak's client; returns the changed field names (audited by name).

    A vormvrije melding whose client gets a BSN becomes volledig. ``verwachte_versie``: the client's
    version the form started from; a later save by someone else raises ``Versieconflict``.
    """
    _open(zaak)
    with transaction.atomic():
        try:
            gewijzigd = _wijzig_clientgegevens(zaak.client, gegevens, verwachte_versie)
        except Clientfout as exc:
            raise Zaakfout(str(exc), exc.veld) from None
        if zaak.client.bsn and zaak.soort_melding == VORMVRIJ:
            Zaak.objects.filter(pk=zaak.pk).update(soort_melding=VOLLEDIG)
            zaak.soort_melding = VOLLEDIG
        log_persoonsgegevens(
            door,
            zaak.client,
            "schrijven",
            "cliëntgegevens gewijzigd: " + (", ".join(gewijzigd) or "niets"),
            f"behandeling zaak {zaak.pk}",
        )
    return gewijzigd


def _ingelogd(gebruiker: Any) -> bool:
    return gebruiker is not None and bool(getattr(gebruiker, "is_authenticated", False))
