"""State changes of API clients: make one (the token is returned once), revoke one. Each is audited.

Public API::

    from maatwerk.apps.api import services
    client, token = services.maak_client("open-formulieren", ["meldingen:schrijven"], door=user)
    services.trek_in("open-formulieren", door=user)
    services.client_voor_token(token)  # the active client, or None (used by the API's authentication)
"""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.accounts.rollen import Rol
from maatwerk.apps.audit import log_persoonsgegevens

from .models import ApiClient
from .scopes import AANBIEDER_SCOPES, SCOPES

WAAROM = "koppelingen beheren (API-clients)"
TOKEN_VOORVOEGSEL = "mw_"
_NAAM = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")


class ApiClientfout(ValueError):
    """A request the rules refuse; nothing was stored."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def client_fouten(naam: str, scopes: list[str], aanbieder: Any) -> list[str]:
    """Why a client with these values is refused (empty: allowed)."""
    fouten = []
    if not _NAAM.match(naam):
        fouten.append(
            f"Naam '{naam}' is ongeldig: gebruik 2 tot 60 kleine letters, cijfers en '-' "
            "(begin niet met '-')."
        )
    elif ApiClient.objects.filter(naam=naam).exists():
        fouten.append(f"Er bestaat al een API-client met de naam '{naam}'.")
    if not scopes:
        fouten.append("Geef minstens één scope; 'maatwerk api-client scopes' toont ze.")
    onbekend = [s for s in scopes if s not in SCOPES]
    if onbekend:
        fouten.append(f"Onbekende scope(s): {', '.join(onbekend)}. Kies uit: {', '.join(SCOPES)}.")
    if aanbieder is not None:
        verboden = [s for s in scopes if s in SCOPES and s not in AANBIEDER_SCOPES]
        if verboden:
            fouten.append(
                f"Een applicatie van een aanbieder mag deze scope(s) niet hebben: {', '.join(verboden)}."
            )
    return fouten


def maak_client(
    naam: str, scopes: list[str], door: Any, aanbieder: Any = None, omschrijving: str = ""
) -> tuple[ApiClient, str]:
    """Make an API client with its service account; returns ``(client, token)``: show the token once."""
    scopes = list(dict.fromkeys(s.strip() for s in scopes if s.strip()))
    fouten = client_fouten(naam, scopes, aanbieder)
    if fouten:
        raise ApiClientfout(" ".join(fouten))
    token = TOKEN_VOORVOEGSEL + secrets.token_urlsafe(32)
    with transaction.atomic():
        gebruiker = get_user_model().objects.create_user(f"api:{naam}", first_name=f"API {naam}")
        gebruiker.set_unusable_password()
        gebruiker.save(update_fields=["password"])
        # The role decides what the application sees (maatwerk.apps.cases.zichtbaarheid): the gemeente's
        # applications read like a kwaliteitsmedewerker (all zaken, no hand work); an aanbieder's
        # application only its own clients.
        rol = Rol.AANBIEDER if aanbieder is not None else Rol.KWALITEITSMEDEWERKER
        gebruiker.groups.add(Group.objects.get(name=str(rol)))
        if aanbieder is not None:
            Profiel.objects.create(user=gebruiker, aanbieder=aanbieder)
        client = ApiClient.objects.create(
            naam=naam,
            omschrijving=omschrijving,
            scopes=scopes,
            aanbieder=aanbieder,
            gebruiker=gebruiker,
            token_hash=token_hash(token),
            token_begin=token[:10],
        )
        log_persoonsgegevens(
            door,
            None,
            "schrijven",
            f"API-client {naam} aangemaakt (scopes {', '.join(scopes)}"
            + (f"; aanbieder {aanbieder})" if aanbieder is not None else ")"),
            WAAROM,
        )
    return client, token


def trek_in(naam: str, door: Any) -> ApiClient:
    """Revoke the client's token: every later call with it is refused (401)."""
    with transaction.atomic():
        client: ApiClient | None = ApiClient.objects.select_for_update().filter(naam=naam).first()
        if client is None:
            raise ApiClientfout(f"Er is geen API-client met de naam '{naam}'.")
        if client.ingetrokken_op is not None:
            raise ApiClientfout(f"API-client '{naam}' is al ingetrokken op {client.ingetrokken_op:%Y-%m-%d}.")
        client.ingetrokken_op = timezone.now()
        client.save(update_fields=["ingetrokken_op"])
        get_user_model().objects.filter(pk=client.gebruiker_id).update(is_active=False)
        log_persoonsgegevens(door, None, "schrijven", f"API-client {naam} ingetrokken", WAAROM)
    return client


def client_voor_token(token: str) -> ApiClient | None:
    """The active client whose token this is (None: unknown or revoked)."""
    if not token.startswith(TOKEN_VOORVOEGSEL):
        return None
    gevonden: ApiClient | None = (
        ApiClient.objects.select_related("gebruiker", "aanbieder")
        .filter(token_hash=token_hash(token), ingetrokken_op__isnull=True, gebruiker__is_active=True)
        .first()
    )
    return gevonden


def wijzig_omschrijving(naam: str, omschrijving: str, door: Any) -> None:
    """Change what the client is for (name, scopes and aanbieder are fixed: make a new client instead)."""
    with transaction.atomic():
        ApiClient.objects.filter(naam=naam).update(omschrijving=omschrijving)
        log_persoonsgegevens(door, None, "schrijven", f"API-client {naam}: omschrijving gewijzigd", WAAROM)
