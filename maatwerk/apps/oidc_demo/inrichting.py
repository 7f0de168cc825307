"""Set up the demo provider: database, signing key, the maatwerk client and the demo inwoners.

Idempotent. Runs inside the provider's own Django project (``maatwerk.apps.oidc_demo.settings``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Client id of the inwonerportaal at the demo provider (``MAATWERK_OIDC_CLIENT_ID`` in maatwerk).
CLIENT_ID = "maatwerk-portaal"
#: Demo secret, only valid on loopback (``MAATWERK_OIDC_CLIENT_SECRET`` in maatwerk's development mode).
CLIENT_SECRET = "maatwerk-portaal-demo-geheim"  # noqa: S105 (demo provider)
WACHTWOORD = "demo-inwoner"  # noqa: S105 (demo provider)


@dataclass(frozen=True)
class DemoInwoner:
    gebruikersnaam: str
    naam: str
    bsn: str
    rol: str


#: The BSNs are synthetic (11-proef valid). 600000060 is the sixth demo client of ``maatwerk demo``
#: (help started, with a beschikking); 690000005 holds a machtiging for demo client 600000047
#: (``maatwerk.apps.portaal.webdemo``); 690001009 has no zaak at all.
DEMO_INWONERS: tuple[DemoInwoner, ...] = (
    DemoInwoner("inwoner", "Demo-inwoner", "600000060", "cliënt met hulp bij het huishouden"),
    DemoInwoner("vertegenwoordiger", "Demo-vertegenwoordiger", "690000005", "gemachtigde van een cliënt"),
    DemoInwoner("nieuw", "Demo-inwoner zonder aanvraag", "690001009", "inwoner zonder zaak"),
)


def na_uitloggen(redirect_uri: str) -> str:
    """The portal's start page for its callback URI: where the provider sends the browser after logout."""
    return redirect_uri.removesuffix("oidc/callback/")


def richt_in(
    redirect_uris: Sequence[str],
    client_secret: str = CLIENT_SECRET,
    post_logout_redirect_uris: Sequence[str] | None = None,
) -> None:
    """Migrate, make a signing key if there is none, register the client and the demo inwoners.

    ``post_logout_redirect_uris`` (RP-initiated logout) default to the portal start page of each redirect
    URI (``.../portaal/oidc/callback/`` -> ``.../portaal/``).
    """
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType, RSAKey

    from .models import DemoIdentiteit

    call_command("migrate", verbosity=0, interactive=False)
    if not RSAKey.objects.exists():
        call_command("creatersakey", stdout=_Stil())
    client, _ = Client.objects.update_or_create(
        client_id=CLIENT_ID,
        defaults={
            "name": "maatwerk inwonerportaal (demo)",
            "client_type": "confidential",
            "client_secret": client_secret,
            "jwt_alg": "RS256",
            "require_consent": False,
            "reuse_consent": True,
        },
    )
    client.redirect_uris = list(dict.fromkeys([*client.redirect_uris, *redirect_uris]))
    na = post_logout_redirect_uris or [na_uitloggen(uri) for uri in redirect_uris]
    client.post_logout_redirect_uris = list(dict.fromkeys([*client.post_logout_redirect_uris, *na]))
    client.scope = ["openid", "bsn", "profile"]
    client.save()
    client.response_types.set([ResponseType.objects.get(value="code")])
    for inwoner in DEMO_INWONERS:
        user = User.objects.filter(username=inwoner.gebruikersnaam).first()
        if user is None:
            user = User.objects.create_user(
                inwoner.gebruikersnaam, password=WACHTWOORD, first_name=inwoner.naam
            )
        DemoIdentiteit.objects.update_or_create(user=user, defaults={"bsn": inwoner.bsn})


class _Stil:
    def write(self, *_: object) -> None:
        pass

    def flush(self) -> None:
        pass
