"""``maatwerk schouw steekproef``: who is visited for a schouw at one provider (reproducible sample)."""

from __future__ import annotations

import datetime as dt
import json
import os

import click

from maatwerk.cli.opties import datum_optie, stop


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()


@click.group()
def schouw() -> None:
    """Schouw: kwaliteitscontrole thuis op de geleverde hulp bij het huishouden."""


@schouw.command()
@click.option("--aanbieder", "naam", required=True, help="Naam van de aanbieder (zoals in maatwerk).")
@click.option(
    "--percentage", type=str, default=None, help="Steekproefpercentage (standaard: regels van de gemeente)."
)
@click.option(
    "--seed", type=str, default=None, help="Seed voor een reproduceerbare trekking (standaard: het jaar)."
)
@click.option(
    "--peildatum", callback=datum_optie, help="Cliënten in zorg op deze datum (standaard: vandaag)."
)
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als één JSON-object.")
def steekproef(
    naam: str, percentage: str | None, seed: str | None, peildatum: dt.date | None, als_json: bool
) -> None:
    """Trek de steekproef (plus iedere zaak met een klacht of bezwaar over de kwaliteit); slaat niets op."""
    pct = None
    if percentage is not None:
        try:
            pct = float(percentage.replace(",", "."))
        except ValueError:
            stop(f"--percentage: '{percentage}' is geen getal")
        if not 0 < pct <= 100:
            stop(f"--percentage: moet groter dan 0 en hoogstens 100 zijn (is {percentage})")
    try:
        getal = int(seed) if seed is not None else None
    except ValueError:
        stop(f"--seed: '{seed}' is geen geheel getal")
    _django()
    from django.utils import timezone

    from maatwerk.apps.schouw import services
    from maatwerk.apps.schouw.bronnen import Aanbieder
    from maatwerk.regels.laden import Regelfout

    aanbieder = Aanbieder.objects.filter(naam__iexact=naam.strip()).first()
    if aanbieder is None:
        bekend = ", ".join(Aanbieder.objects.values_list("naam", flat=True)) or "(geen)"
        stop(f"--aanbieder: onbekende aanbieder '{naam}'; bekend: {bekend}")
    peil = peildatum or timezone.localdate()
    try:
        uitkomst = services.steekproef(aanbieder, peil, getal if getal is not None else peil.year, pct)
    except (services.Geweigerd, Regelfout) as exc:
        stop(exc)
    if als_json:
        click.echo(json.dumps(uitkomst.as_json(), ensure_ascii=False))
        return
    click.echo(
        f"{uitkomst.aanbieder}: {len(uitkomst.steekproef)} van {uitkomst.populatie} zaken in zorg "
        f"({uitkomst.percentage:g} %, seed {uitkomst.seed}); plus {len(uitkomst.klacht_of_bezwaar)} "
        f"met klacht of bezwaar. Te bezoeken zaken: {', '.join(map(str, uitkomst.te_bezoeken)) or '(geen)'}"
    )
