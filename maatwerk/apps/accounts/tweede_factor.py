"""Second factor (TOTP) and recovery codes: reading state and checking codes.

State changes (setting up, confirming, resetting) are in :mod:`maatwerk.apps.accounts.services`.
A session counts as verified when django-otp's session key names a confirmed device of the user;
:class:`~maatwerk.apps.accounts.middleware.LoginBeveiligingMiddleware` re-checks that device at
most once a minute (so a reset by a beheerder ends the verification within a minute).
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_CODE = re.compile(r"[0-9]{6}")
HERSTELCODE = re.compile(r"[a-z2-7]{8}")
AANTAL_HERSTELCODES = 10


def normaliseer(code: str) -> str:
    """A code as typed: spaces and dashes removed, lower case; only ASCII letters/digits survive."""
    return "".join(c for c in code.strip().lower() if c not in " -")[:32]


def totp_apparaat(user: Any, bevestigd: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=bevestigd).order_by("pk").first()


def heeft_tweede_factor(user: Any) -> bool:
    """True when the user has a confirmed authenticator app."""
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def is_geverifieerd(request: HttpRequest) -> bool:
    """True when this session passed the second factor (no database query)."""
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


def apparaat_bestaat_nog(request: HttpRequest) -> bool:
    """True when the device that verified this session is still a confirmed device of the user."""
    from django_otp.models import Device

    apparaat = Device.from_persistent_id(request.session.get(DEVICE_ID_SESSION_KEY, ""))
    return apparaat is not None and apparaat.user_id == request.user.pk and apparaat.confirmed


def controleer_code(user: Any, code: str) -> TOTPDevice | StaticDevice | None:
    """The device that accepts ``code`` (a TOTP code or a recovery code, used once), or None.

    Each device throttles failed attempts itself (django-otp: growing wait after each failure).
    """
    code = normaliseer(code)
    if TOTP_CODE.fullmatch(code):
        apparaat: Any = totp_apparaat(user)
    elif HERSTELCODE.fullmatch(code):
        apparaat = StaticDevice.objects.filter(user=user, confirmed=True).first()
    else:
        return None
    if apparaat is not None and apparaat.verify_token(code):
        return apparaat
    return None


def wachttijd(user: Any) -> int:
    """Seconds until the next code may be tried after failures (0 when allowed now)."""
    wachten = 0
    for apparaat in (totp_apparaat(user), StaticDevice.objects.filter(user=user).first()):
        if apparaat is None:
            continue
        toegestaan, info = apparaat.verify_is_allowed()
        if not toegestaan and info and info.get("locked_until"):
            wachten = max(wachten, int((info["locked_until"] - timezone.now()).total_seconds()) + 1)
    return wachten
