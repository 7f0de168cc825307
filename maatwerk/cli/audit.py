"""``maatwerk audit verifieer``: check the audit log's hash chain and every beschikking's seal
(exit 0 valid, 2 broken); ``maatwerk audit wissel-sleutel ID``: start a chain segment under a new key."""

from __future__ import annotations

import os
import re
import sys

import click

from maatwerk.cli.opties import stop

ANKER = re.compile(r"(\d+):([0-9a-f]{64})")


@click.group()
def audit() -> None:
    """Het auditlog: controle van de hashketen en de beschikkingen, en sleutelwissel."""


@audit.command()
@click.option(
    "--anker",
    metavar="VOLGNUMMER:HASH",
    help="Een eerder genoteerd anker (uitvoer van een vorige controle) dat nog in de keten moet staan; "
    "zo valt ook het weghalen van de laatste regels op.",
)
def verifieer(anker: str | None) -> None:
    """Controleer de HMAC-keten van het auditlog en de zegels van de beschikkingen; noem wat gebroken is."""
    verwacht = ANKER.fullmatch(anker.strip()) if anker else None
    if anker and verwacht is None:
        stop("--anker: gebruik VOLGNUMMER:HASH (64 hexadecimale tekens), zoals een vorige controle toonde")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    from maatwerk.cli.django import voorbereid

    voorbereid("audit")
    from maatwerk.apps.audit.keten import sleutelnaam
    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.audit.verificatie import verifieer as controleer
    from maatwerk.apps.audit.verificatie import verifieer_beschikkingen

    uitkomst = controleer()
    zegels = verifieer_beschikkingen()
    if not zegels.geldig:
        click.echo(
            f"Beschikkingen GEWIJZIGD: {len(zegels.meldingen) + zegels.niet_getoond} probleem(en).", err=True
        )
        for melding in zegels.meldingen:
            click.echo(f"  {melding}", err=True)
        if zegels.niet_getoond:
            click.echo(f"  ... en nog {zegels.niet_getoond} die niet getoond zijn.", err=True)
    if not uitkomst.geldig:
        click.echo(f"Keten GEBROKEN na {uitkomst.aantal} geldige regels.", err=True)
        click.echo(f"Eerste gebroken schakel: {uitkomst.breuk}", err=True)
        sys.exit(2)
    if not zegels.geldig:
        sys.exit(2)
    if verwacht is not None:
        nummer, hash_ = int(verwacht.group(1)), verwacht.group(2)
        if not AuditRegel.objects.filter(volgnummer=nummer, hash=hash_).exists():
            click.echo(
                f"Keten GEBROKEN: anker {nummer}:{hash_[:12]}... staat niet (meer) in het auditlog; "
                f"de keten eindigt bij volgnummer {uitkomst.laatste_volgnummer}.",
                err=True,
            )
            sys.exit(2)
    click.echo(f"Keten geldig: {uitkomst.aantal} regels.")
    if len(uitkomst.segmenten) > 1:
        for segment in uitkomst.segmenten:
            click.echo(
                f"  segment sleutel {sleutelnaam(segment.sleutel_id)}: vanaf volgnummer {segment.eerste}, "
                f"{segment.aantal} regels"
            )
    click.echo(f"Beschikkingen ongewijzigd: {zegels.aantal} (elk met een geldig zegel in de keten).")
    click.echo(f"Anker (noteer buiten de database): {uitkomst.laatste_volgnummer}:{uitkomst.laatste_hash}")


@audit.command("wissel-sleutel")
@click.argument("sleutel_id")
def wissel_sleutel(sleutel_id: str) -> None:
    """Begin een nieuw ketensegment met sleutel SLEUTEL_ID uit MAATWERK_AUDIT_SLEUTELS.

    Zet de nieuwe sleutel eerst in MAATWERK_AUDIT_SLEUTELS van elk maatwerk-proces (en herstart
    die); bewaar de oude sleutels: ze blijven nodig om de oudere regels te controleren.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    from maatwerk.cli.django import voorbereid

    voorbereid("audit")
    from maatwerk.apps.audit.services import SleutelwisselGeweigerd
    from maatwerk.apps.audit.services import wissel_sleutel as wissel

    try:
        regel = wissel(sleutel_id.strip())
    except SleutelwisselGeweigerd as exc:
        stop(f"sleutelwissel geweigerd: {exc}. Er is niets opgeslagen.")
    click.echo(f"Nieuw ketensegment met sleutel '{regel.sleutel_id}' vanaf volgnummer {regel.volgnummer}.")
    click.echo(f"Anker (noteer buiten de database): {regel.volgnummer}:{regel.hash}")
