"""State changes of the portal, each one transaction with its audit entry.

Public API::

    from maatwerk.apps.portaal import services
    inwoner = services.inwoner_voor_bsn(bsn)                 # at login (OpenID Connect), makes one if new
    services.leg_machtiging_vast(client, Machtiginggegevens(...), door=user)
    services.trek_machtiging_in(machtiging, door=user)
    services.reageer_op_verslag(inwoner, zaak.uuid, "tekst")
    services.meld_statuswijziging(zaak, event)               # called for every status change (signal)

Refusals raise :class:`Portaalfout` with a Dutch message; nothing is stored then.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.besluiten.services import contactgegevens, gemeente
from maatwerk.apps.cases.models import StatusEvent, Zaak
from maatwerk.apps.clients.bsn import is_geldig_bsn
from maatwerk.apps.clients.models import Client
from maatwerk.apps.onderzoek import services as onderzoek
from maatwerk.regels.laden import Regelfout

from .models import Inwoner, Machtiging
from .regels import portaalregels_op
from .selectors import zichtbare_zaken

WAAROM_BERICHT = "inwoner informeren over de stand van de aanvraag"
logger = logging.getLogger(__name__)


class Portaalfout(ValueError):
    """A refused change; ``str()`` is the Dutch reason. Nothing was stored."""


# --- inwoners ------------------------------------------------------------------------------------


def inwoner_voor_bsn(bsn: str) -> Inwoner:
    """The inwoner with this BSN (from the verified OpenID Connect claims); made on the first login.

    The Django user only names the inwoner in the audit log: no password, no roles, no staff rights.
    Race-safe: two first logins of the same BSN at once (two tabs, a double click on the broker's
    button) both look, find nobody and create; the database's unique BSN refuses the second. Its savepoint
    rolls back (with its user and audit entry) and it takes the inwoner the first one made.
    """
    if not is_geldig_bsn(bsn):
        raise Portaalfout("Het BSN van de inlogdienst klopt niet (elfproef).")
    for poging in range(2):
        try:
            with transaction.atomic():
                inwoner = _bestaande_inwoner(bsn)
                if inwoner is None:
                    inwoner = _nieuwe_inwoner(bsn)
                Inwoner.objects.filter(pk=inwoner.pk).update(laatst_ingelogd_op=timezone.now())
            return inwoner
        except IntegrityError:
            if poging:
                raise
            logger.info("gelijktijdige eerste inlog van een inwoner: de ander was eerst")
    raise AssertionError("onbereikbaar")  # pragma: no cover


def _bestaande_inwoner(bsn: str) -> Inwoner | None:
    inwoner: Inwoner | None = Inwoner.objects.select_related("user").filter(bsn=bsn).first()
    return inwoner


def _nieuwe_inwoner(bsn: str) -> Inwoner:
    user = get_user_model().objects.create_user(f"inwoner-{secrets.token_hex(6)}", password=None)
    inwoner: Inwoner = Inwoner.objects.create(user=user, bsn=bsn)
    log_persoonsgegevens(
        user, None, "schrijven", "inwoner (BSN) vastgelegd bij eerste inlog", "inloggen portaal"
    )
    return inwoner


# --- machtigingen --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Machtiginggegevens:
    gemachtigde_bsn: str
    gemachtigde_naam: str
    soort: str
    geldig_van: dt.date
    geldig_tot: dt.date | None = None
    toelichting: str = ""


def machtiging_fouten(client: Client, gegevens: Machtiginggegevens) -> list[str]:
    """Why this machtiging is refused (empty: allowed); forms show these, the service raises the first."""
    fouten = []
    if gegevens.gemachtigde_bsn == client.bsn:
        fouten.append("De gemachtigde is de cliënt zelf; een machtiging is dan niet nodig.")
    if gegevens.geldig_tot is not None and gegevens.geldig_tot < gegevens.geldig_van:
        fouten.append("De einddatum van de machtiging ligt vóór de begindatum.")
    return fouten


def leg_machtiging_vast(client: Client, gegevens: Machtiginggegevens, door: Any) -> Machtiging:
    """Record that someone may act for ``client`` in the portal (checked, audited)."""
    fouten = machtiging_fouten(client, gegevens)
    if fouten:
        raise Portaalfout(fouten[0])
    machtiging = Machtiging(
        client=client,
        gemachtigde_bsn=gegevens.gemachtigde_bsn,
        gemachtigde_naam=gegevens.gemachtigde_naam,
        soort=gegevens.soort,
        geldig_van=gegevens.geldig_van,
        geldig_tot=gegevens.geldig_tot,
        toelichting=gegevens.toelichting,
        vastgelegd_door=door if getattr(door, "is_authenticated", False) else None,
    )
    try:
        machtiging.full_clean()
    except ValidationError as exc:
        raise Portaalfout(" ".join(m for ms in exc.message_dict.values() for m in ms)) from None
    with transaction.atomic():
        machtiging.save()
        log_persoonsgegevens(
            door,
            client,
            "schrijven",
            f"machtiging {machtiging.pk} vastgelegd ({machtiging.soort})",
            "machtiging portaal",
        )
    return machtiging


def trek_machtiging_in(machtiging: Machtiging, door: Any) -> None:
    """End a machtiging now; the representative no longer sees the client's zaken."""
    with transaction.atomic():
        bijgewerkt = Machtiging.objects.filter(pk=machtiging.pk, ingetrokken_op__isnull=True).update(
            ingetrokken_op=timezone.now()
        )
        if not bijgewerkt:
            raise Portaalfout("Deze machtiging is al ingetrokken.")
        log_persoonsgegevens(
            door,
            machtiging.client,
            "schrijven",
            f"machtiging {machtiging.pk} ingetrokken",
            "machtiging portaal",
        )


# --- reageren op het verslag ---------------------------------------------------------------------


def reageer_op_verslag(inwoner: Inwoner, zaak_uuid: uuid.UUID, reactie: str) -> None:
    """The inwoner's (or representative's) reaction to the shared verslag of a zaak they may follow."""
    zaak = zichtbare_zaken(inwoner).select_related("onderzoek").get(uuid=zaak_uuid)  # DoesNotExist: 404
    ond = getattr(zaak, "onderzoek", None)
    if ond is None:
        raise Portaalfout("Bij deze aanvraag is nog geen verslag.")
    try:
        onderzoek.reageer_als_client(ond, inwoner.user, reactie)
    except onderzoek.Geweigerd as exc:
        raise Portaalfout(str(exc)) from None


# --- berichten bij een statuswijziging -----------------------------------------------------------


def portaal_url() -> str:
    return str(getattr(settings, "MAATWERK_PORTAAL_URL", "")).rstrip("/") + "/portaal/"


def bij_statuswijziging(sender: Any, zaak: Zaak, event: StatusEvent, **_: Any) -> None:
    """Receiver of ``cases.services.status_gewijzigd``."""
    meld_statuswijziging(zaak, event)


def meld_statuswijziging(zaak: Zaak, event: StatusEvent) -> bool:
    """E-mail the client that their aanvraag reached a new step; True when a mail is queued.

    Runs inside the status change's transaction: the audit entry (the e-mail address was read) commits
    with it, and the mail leaves only after the commit (``transaction.on_commit``), so a rolled-back change
    sends nothing. No mail when the client has no address, when the new status shows no (new) step, or when
    the step is configured without a message. The mail holds no health details: the step's name and where
    to read more.
    """
    try:
        regels = portaalregels_op(timezone.localdate())
    except Regelfout:
        logger.warning("geen portaalregels: geen bericht over zaak %s", zaak.pk)
        return False
    stap = regels.stap_van(event.naar_status)
    if stap is None or not stap.melden:
        return False
    if event.van_status and regels.stap_van(event.van_status) == stap:
        return False
    client = Client.objects.only("pk", "email", "bsn").get(pk=zaak.client_id)
    if not client.email:
        return False
    try:
        telefoon = contactgegevens().telefoon
    except Regelfout:
        telefoon = "14 + het netnummer van uw gemeente"
    waarden = {"gemeente": gemeente(), "stap": stap.titel, "portaal": portaal_url(), "telefoon": telefoon}
    onderwerp = regels.bericht.onderwerp.format(**waarden)
    tekst = regels.bericht.tekst.format(**waarden)
    log_persoonsgegevens(
        event.door,
        client,
        "lezen",
        f"e-mailadres voor bericht over zaak {zaak.pk} ({stap.id})",
        WAAROM_BERICHT,
    )
    adres = client.email
    transaction.on_commit(lambda: _verstuur(zaak.pk, onderwerp, tekst, adres))
    return True


def _verstuur(zaak_pk: int, onderwerp: str, tekst: str, adres: str) -> None:
    """Send after the commit; a mail server that fails is logged, the status change stands."""
    try:
        send_mail(onderwerp, tekst, None, [adres], fail_silently=False)
    except Exception:
        logger.exception("bericht over zaak %s kon niet worden verstuurd", zaak_pk)
