"""``maatwerk tweedefactor``: reset a user's second factor (beheerder), the demo code (development)."""

from __future__ import annotations

import getpass
import os

import click

from maatwerk.cli.opties import stop


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    from maatwerk.cli.django import voorbereid

    voorbereid("tweedefactor")


@click.group()
def tweedefactor() -> None:
    """Tweede factor (TOTP) van gebruikers."""


@tweedefactor.command()
@click.argument("gebruikersnaam")
@click.option("--namens", default="", help="Voor wie de beheerder dit doet (komt in het auditlog).")
def reset(gebruikersnaam: str, namens: str) -> None:
    """Verwijder de authenticator-app en herstelcodes van GEBRUIKERSNAAM (telefoon kwijt).

    Bij de volgende keer inloggen stelt de gebruiker een nieuwe app in. Een lopende sessie eindigt
    binnen een minuut.
    """
    _django()
    from django.contrib.auth import get_user_model

    from maatwerk.apps.accounts import services

    gebruiker = get_user_model().objects.filter(username=gebruikersnaam).first()
    if gebruiker is None:
        stop(f"gebruiker '{gebruikersnaam}' bestaat niet")
    uitvoerder = namens or f"systeemgebruiker {getpass.getuser()} via de opdrachtregel"
    aantal = services.reset_tweede_factor(gebruiker, door=None, namens=uitvoerder)
    click.echo(f"Tweede factor van {gebruikersnaam} gereset ({aantal} apparaten en codes verwijderd).")


@tweedefactor.command()
def democode() -> None:
    """Toon de code van nu voor de demogebruikers (alleen in ontwikkelmodus)."""
    _django()
    from django.conf import settings

    from maatwerk.apps.accounts.webdemo import demo_code

    if not settings.ONTWIKKELING:
        stop("de democode bestaat alleen in ontwikkelmodus (MAATWERK_DEV=1)")
    click.echo(demo_code())
