"""State changes of accounts: the second factor (set up, confirm, reset). Each writes an audit row.

Public API::

    from maatwerk.apps.accounts import services
    apparaat = services.begin_tweede_factor(user)                 # unconfirmed TOTP device (new key)
    codes = services.bevestig_tweede_factor(user, apparaat, "123456")  # -> recovery codes, or raises
    services.reset_tweede_factor(gebruiker, door="beheerder")     # beheerder: remove all devices
    services.log_inloggen(request, "jan", gelukt=True, user=user)  # audit row (actie "inloggen")
    services.log_tweede_factor(request, user, gelukt=False)        # audit row per code check

Login audit rows name the user (or the user name as typed), the outcome and the address; never a
password, a code or anything about a client.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.apps.audit import log_inlogpoging, log_persoonsgegevens

from .tweede_factor import AANTAL_HERSTELCODES, TOTP_CODE, normaliseer

WAAROM = "beveiliging inloggen (tweede factor)"
WAAROM_INLOGGEN = "beveiliging inloggen"
_NUMMER = re.compile(r"[\d\s.-]{8,}")  # a user name typed as a number may be a BSN: masked


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


def _adres(request: Any) -> str:
    """The client address as the lockout sees it (django-axes: proxies per MAATWERK_PROXY_AANTAL)."""
    if request is None:
        return "onbekend"
    adres = getattr(request, "axes_ip_address", None)
    if not adres:
        from axes.helpers import get_client_ip_address

        adres = get_client_ip_address(request)
    return str(adres or "onbekend")[:64]


def _getypte_naam(naam: Any) -> str:
    """A user name as typed, fit for the audit log: printable, at most 150 characters, no BSN."""
    from maatwerk.veilig import maskeer_nummers

    tekst = "".join(t for t in str(naam or "") if t.isprintable()).strip()[:150]
    if _NUMMER.fullmatch(tekst):
        tekst = maskeer_nummers(tekst)
    return tekst or "(leeg)"


def log_inloggen(request: Any, gebruikersnaam: Any, gelukt: bool, user: Any = None) -> None:
    """Audit a password login: succeeded (``user`` logged in), failed, or refused during a lockout."""
    adres = _adres(request)
    if gelukt:
        wat = f"inloggen met wachtwoord gelukt vanaf {adres}"
    elif getattr(request, "axes_locked_out", False):
        wat = f"inloggen geweigerd vanaf {adres}: geblokkeerd na herhaalde mislukte pogingen"
    else:
        wat = f"inloggen mislukt vanaf {adres}: onbekende gebruiker of onjuist wachtwoord"
    log_inlogpoging(user if gelukt else None, _getypte_naam(gebruikersnaam), wat, WAAROM_INLOGGEN)


def log_tweede_factor(
    request: Any, user: Any, gelukt: bool, herstelcode: bool = False, over: int = 0
) -> None:
    """Audit one second-factor check: app code or recovery code, accepted or refused."""
    adres = _adres(request)
    if not gelukt:
        wat = f"tweede factor mislukt vanaf {adres}: onjuiste code"
    elif herstelcode:
        wat = f"tweede factor gelukt met een herstelcode vanaf {adres} (nog {over} over)"
    else:
        wat = f"tweede factor gelukt met de authenticator-app vanaf {adres}"
    log_inlogpoging(user, user.get_username(), wat, WAAROM)
