"""``maatwerk audit verifieer``: check the audit log's hash chain (exit 0 valid, 2 broken)."""

from __future__ import annotations

import os
import re
import sys

import click

from maatwerk.cli.opties import stop

ANKER = re.compile(r"(\d+):([0-9a-f]{64})")


@click.group()
def audit() -> None:
    """Het auditlog: controle van de hashketen."""


@audit.command()
@click.option(
    "--anker",
    metavar="VOLGNUMMER:HASH",
    help="Een eerder genoteerd anker (uitvoer van een vorige controle) dat nog in de keten moet staan; "
    "zo valt ook het weghalen van de laatste regels op.",
)
def verifieer(anker: str | None) -> None:
    """Controleer de HMAC-keten van het auditlog en noem de eerste gebroken schakel."""
    verwacht = ANKER.fullmatch(anker.strip()) if anker else None
    if anker and verwacht is None:
        stop("--anker: gebruik VOLGNUMMER:HASH (64 hexadecimale tekens), zoals een vorige controle toonde")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    from maatwerk.cli.django import voorbereid

    voorbereid("audit")
    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.audit.verificatie import verifieer as controleer

    uitkomst = controleer()
    if not uitkomst.geldig:
        click.echo(f"Keten GEBROKEN na {uitkomst.aantal} geldige regels.", err=True)
        click.echo(f"Eerste gebroken schakel: {uitkomst.breuk}", err=True)
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
    click.echo(f"Anker (noteer buiten de database): {uitkomst.laatste_volgnummer}:{uitkomst.laatste_hash}")
