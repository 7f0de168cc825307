"""Register a driegesprek, tweede mening or mediation on a zaak: checks, row and audit in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens

from .bronnen import TOEGANGSTEAM, Rol, Zaak, eigen_zaak, heeft_rol
from .models import UITKOMSTEN_PER_SOORT, Bemiddeling, Soort, Uitkomst


class Geweigerd(Exception):
    """Not allowed; ``str()`` is the Dutch reason. Nothing was stored."""


def registreer(
    zaak: Zaak,
    user: Any,
    *,
    soort: str,
    datum: dt.date,
    uitkomst: str,
    toelichting: str,
    aanbieder: Any = None,
    deelnemers: str = "",
    mediator: str = "",
    aanleiding: str = "",
) -> Bemiddeling:
    """Store one informal-resolution step on ``zaak`` and its audit entry (atomic).

    A tweede mening is given by a senior consulent who is not the zaak's own consulent; a driegesprek
    needs the aanbieder (default: the zaak's aanbieder).
    """
    if soort not in Soort.values:
        raise Geweigerd(f"Onbekende soort '{soort}'; kies uit: {', '.join(Soort.values)}.")
    if not heeft_rol(user, *TOEGANGSTEAM):
        raise Geweigerd("Alleen een consulent of senior consulent legt een informele afhandeling vast.")
    if soort == Soort.TWEEDE_MENING:
        if not heeft_rol(user, Rol.SENIOR_CONSULENT):
            raise Geweigerd("Een tweede mening wordt gegeven door een senior consulent.")
        if eigen_zaak(zaak, user):
            raise Geweigerd(
                "Een tweede mening geeft u nooit op uw eigen zaak: vraag een andere senior consulent."
            )
    if uitkomst not in UITKOMSTEN_PER_SOORT[soort]:
        passend = ", ".join(Uitkomst(u).label.lower() for u in UITKOMSTEN_PER_SOORT[soort])
        raise Geweigerd(f"Deze uitkomst past niet bij een {Soort(soort).label.lower()}; kies uit: {passend}.")
    vandaag = timezone.localdate()
    if datum > vandaag:
        raise Geweigerd("De datum ligt in de toekomst: leg het gesprek vast nadat het is gevoerd.")
    if datum < zaak.melddatum:
        raise Geweigerd("De datum ligt vóór de melddatum van de zaak.")
    if not toelichting.strip():
        raise Geweigerd("Schrijf in de toelichting wat er is besproken en afgesproken.")
    aanbieder = aanbieder or zaak.aanbieder
    if soort == Soort.DRIEGESPREK and aanbieder is None:
        raise Geweigerd("Een driegesprek voert u met de aanbieder: kies eerst een aanbieder.")
    with transaction.atomic():
        stap = Bemiddeling.objects.create(
            zaak=zaak,
            soort=soort,
            datum=datum,
            aanbieder=aanbieder,
            deelnemers=deelnemers.strip()[:300],
            mediator=mediator.strip()[:200],
            uitkomst=uitkomst,
            toelichting=toelichting.strip(),
            aanleiding=aanleiding.strip()[:200],
            door=user,
        )
        log_persoonsgegevens(
            user,
            zaak.client,
            "schrijven",
            f"{Soort(soort).label.lower()} op zaak {zaak.pk} ({Uitkomst(uitkomst).label.lower()})",
            "informele afhandeling",
        )
    return stap


def registreer_driegesprek(zaak: Zaak, user: Any, **kwargs: Any) -> Bemiddeling:
    return registreer(zaak, user, soort=Soort.DRIEGESPREK, **kwargs)


def registreer_tweede_mening(zaak: Zaak, user: Any, **kwargs: Any) -> Bemiddeling:
    return registreer(zaak, user, soort=Soort.TWEEDE_MENING, **kwargs)


def registreer_mediation(zaak: Zaak, user: Any, **kwargs: Any) -> Bemiddeling:
    return registreer(zaak, user, soort=Soort.MEDIATION, **kwargs)
