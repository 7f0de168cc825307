"""``maatwerk api-client``: make, list the scopes of, and revoke the API's client applications."""

from __future__ import annotations

import getpass
import os

import click

from maatwerk.cli.opties import stop


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    from maatwerk.cli.django import voorbereid

    voorbereid("api-client")


@click.group(name="api-client")
def api_client() -> None:
    """Applicaties die de API (/api/v1) gebruiken: tokens met scopes."""


@api_client.command()
def scopes() -> None:
    """Toon de scopes die een applicatie kan krijgen."""
    from maatwerk.apps.api.scopes import AANBIEDER_SCOPES, SCOPES

    for naam, uitleg in SCOPES.items():
        ook = "" if naam in AANBIEDER_SCOPES else "  (niet voor een aanbieder)"
        click.echo(f"{naam:<22} {uitleg}{ook}")


@api_client.command()
@click.argument("naam")
@click.option("--scopes", "scopelijst", required=True, help="Scopes met komma's ertussen, bv. zaken:lezen.")
@click.option("--aanbieder", default="", help="AGB-code of naam: de applicatie ziet alleen diens cliënten.")
@click.option("--omschrijving", default="", help="Waarvoor de applicatie is.")
def aanmaken(naam: str, scopelijst: str, aanbieder: str, omschrijving: str) -> None:
    """Maak een API-client NAAM en toon het token (één keer: bewaar het meteen)."""
    _django()
    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.api import services

    gekozen = None
    if aanbieder:
        veld = "agb_code" if aanbieder.isdigit() else "naam"
        gekozen = Aanbieder.objects.filter(**{veld: aanbieder}).first()
        if gekozen is None:
            stop(f"--aanbieder: geen aanbieder met {veld.replace('_', '-')} '{aanbieder}'")
    try:
        client, token = services.maak_client(
            naam, scopelijst.split(","), door=None, aanbieder=gekozen, omschrijving=omschrijving
        )
    except services.ApiClientfout as fout:
        stop(fout)
    click.echo(f"API-client {client.naam} aangemaakt (scopes: {', '.join(client.scopes)}).", err=True)
    click.echo("Het token staat hieronder en wordt niet opgeslagen: bewaar het nu.", err=True)
    click.echo(token)


@api_client.command()
@click.argument("naam")
def intrekken(naam: str) -> None:
    """Trek het token van API-client NAAM in: elk volgend verzoek ermee wordt geweigerd."""
    _django()
    from maatwerk.apps.api import services

    try:
        services.trek_in(naam, door=None)
    except services.ApiClientfout as fout:
        stop(fout)
    click.echo(f"API-client {naam} ingetrokken door {getpass.getuser()} (opdrachtregel).")


@api_client.command(name="lijst")
def lijst() -> None:
    """Toon de API-clients, hun scopes en of ze actief zijn."""
    _django()
    from maatwerk.apps.api.models import ApiClient

    for c in ApiClient.objects.select_related("aanbieder"):
        stand = "actief" if c.actief else f"ingetrokken {c.ingetrokken_op:%Y-%m-%d}"
        wie = f" [{c.aanbieder}]" if c.aanbieder_id else ""
        click.echo(f"{c.naam:<24} {stand:<22} {', '.join(c.scopes)}{wie}")
