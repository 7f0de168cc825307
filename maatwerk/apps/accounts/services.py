"""State changes of accounts: the second factor (set up, confirm, reset). Each writes an audit row.

Public API::

    from maatwerk.apps.accounts import services
    apparaat = services.begin_tweede_factor(user)                 # unconfirmed TOTP device (new key)
    codes = services.bevestig_tweede_factor(user, apparaat, "123456")  # -> recovery codes, or raises
    services.reset_tweede_factor(gebruiker, door="beheerder")     # beheerder: remove all devices
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.apps.audit import log_persoonsgegevens

from .tweede_factor import AANTAL_HERSTELCODES, TOTP_CODE, normaliseer

WAAROM = "beveiliging inloggen (tweede factor)"


class OngeldigeCode(ValueError):
    """The code does not match the authenticator app."""

    def __init__(self) -> None:
        super().__init__(
            "Deze code klopt niet. Neem de code die de app nu toont (6 cijfers) en probeer opnieuw."
        )


def begin_tweede_factor(user: Any) -> TOTPDevice:
    """The user's unconfirmed authenticator device (made with a new random key when missing)."""
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=False)
    return apparaat


def bevestig_tweede_factor(user: Any, apparaat: TOTPDevice, code: str) -> list[str]:
    """Confirm ``apparaat`` with a current code; returns new recovery codes (shown once)."""
    code = normaliseer(code)
    if apparaat.user_id != user.pk or apparaat.confirmed or not TOTP_CODE.fullmatch(code):
        raise OngeldigeCode()
    with transaction.atomic():
        if not apparaat.verify_token(code):
            raise OngeldigeCode()
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        codes = _nieuwe_herstelcodes(user)
        log_persoonsgegevens(user, None, "schrijven", "tweede factor ingesteld, herstelcodes gemaakt", WAAROM)
    return codes


def _nieuwe_herstelcodes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    apparaat = StaticDevice.objects.create(user=user, name="herstelcodes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create([StaticToken(device=apparaat, token=c) for c in codes])
    return codes


def reset_tweede_factor(gebruiker: Any, door: Any = None, namens: str = "") -> int:
    """Remove every second-factor device of ``gebruiker`` (a beheerder's recovery path).

    The user sets up a new authenticator app at the next login. Returns the number removed.
    """
    with transaction.atomic():
        aantal: int = TOTPDevice.objects.filter(user=gebruiker).delete()[0]
        aantal += int(StaticDevice.objects.filter(user=gebruiker).delete()[0])
        wie = f" (door {namens})" if namens else ""
        log_persoonsgegevens(
            door, None, "schrijven", f"tweede factor van {gebruiker.get_username()} gereset{wie}", WAAROM
        )
    return aantal
