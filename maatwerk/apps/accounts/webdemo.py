"""Demo second factor: every demo user gets an authenticator device with one public demo key.

Only in development mode (MAATWERK_DEV=1): outside it, demo users set up their own app at the
first login. ``maatwerk tweedefactor democode`` prints the current code for the demo key.
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings

# Public on purpose (README, docs/beheer.md): it only protects synthetic demo data.
DEMO_TOTP_SLEUTEL = b"maatwerk-demo-2fa!!!".hex()


def demo_sleutel_base32() -> str:
    return b32encode(bytes.fromhex(DEMO_TOTP_SLEUTEL)).decode("ascii")


def demo_code() -> str:
    """The current 6-digit code of the demo key."""
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(DEMO_TOTP_SLEUTEL)):06d}"


def zet_demo_apparaat(user: object) -> None:
    """Give ``user`` one confirmed TOTP device with the demo key (idempotent)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).exclude(key=DEMO_TOTP_SLEUTEL).delete()
    TOTPDevice.objects.update_or_create(
        user=user,
        key=DEMO_TOTP_SLEUTEL,
        defaults={
            "name": "demo",
            "confirmed": True,
            "last_t": -1,
            "throttling_failure_count": 0,
            "throttling_failure_timestamp": None,
        },
    )


def laad_demo() -> str:
    from django.contrib.auth.models import User

    from maatwerk.apps.cases.demo import GEBRUIKERS

    if not settings.ONTWIKKELING:
        return "geen demo-tweede factor buiten ontwikkelmodus: demogebruikers stellen zelf een app in"
    for user in User.objects.filter(username__in=[g.gebruikersnaam for g in GEBRUIKERS]):
        zet_demo_apparaat(user)
    return (
        f"tweede factor van de demogebruikers: TOTP-sleutel {demo_sleutel_base32()} "
        "(in een authenticator-app), of de code van nu met 'maatwerk tweedefactor democode'"
    )
