"""``maatwerk monitor``: the council figures per quarter (or half year), without personal data."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from maatwerk.cli.opties import datum_optie, stop


@click.command()
@click.option("--van", callback=datum_optie, required=True, help="Begindatum (JJJJ-MM-DD).")
@click.option("--tot", callback=datum_optie, required=True, help="Einddatum, inclusief (JJJJ-MM-DD).")
@click.option("--per", default="kwartaal", show_default=True, help="kwartaal of halfjaar.")
@click.option(
    "--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf CSV naar dit bestand."
)
@click.option("--xlsx", "xlsx_pad", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf XLSX.")
@click.option(
    "--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="Grafiek (.png of .svg)."
)
def monitor(
    van: dt.date, tot: dt.date, per: str, csv_pad: Path | None, xlsx_pad: Path | None, plot_pad: Path | None
) -> None:
    """Meldingen, doorlooptijden, wachttijd, schouw, uitgaven, CBS-cijfers Wmo en herindicatie per periode."""
    if per not in ("kwartaal", "halfjaar"):
        stop(f"--per: '{per}' is onbekend; kies kwartaal of halfjaar")
    if tot < van:
        stop(f"--tot ({tot.isoformat()}) ligt vóór --van ({van.isoformat()})")
    if (tot - van).days > 366 * 10:
        stop("kies een periode van hoogstens tien jaar")
    for optie, pad, achtervoegsels in (
        ("--csv", csv_pad, (".csv",)),
        ("--xlsx", xlsx_pad, (".xlsx",)),
        ("--plot", plot_pad, (".png", ".svg")),
    ):
        if pad is not None and pad.suffix.lower() not in achtervoegsels:
            stop(f"{optie}: de bestandsnaam moet eindigen op {' of '.join(achtervoegsels)}")
        if pad is not None and not pad.parent.exists():
            stop(f"{optie}: map {pad.parent} bestaat niet")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()
    from rich.console import Console
    from rich.table import Table

    from maatwerk.apps.monitor.cijfers import monitor as bereken
    from maatwerk.apps.monitor.export import naar_csv, naar_xlsx
    from maatwerk.apps.monitor.perioden import perioden

    reeks = perioden(van, tot, per)  # type: ignore[arg-type]
    rijen, ontbreekt = bereken(reeks)
    if csv_pad:
        csv_pad.write_text(naar_csv(rijen), encoding="utf-8")
    if xlsx_pad:
        xlsx_pad.write_bytes(naar_xlsx(rijen))
    if plot_pad:
        from maatwerk.apps.monitor.plots import monitor_plot

        monitor_plot(rijen, plot_pad)
    tabel = Table(title=f"Monitor {van.isoformat()} t/m {tot.isoformat()} (per {per}; <5 = onderdrukt)")
    for kolom in ("onderdeel", "indicator", "uitsplitsing", *(p.naam for p in reeks)):
        tabel.add_column(kolom)
    regels: dict[tuple[str, str, str], dict[str, object]] = {}
    for r in rijen:
        regels.setdefault((r["onderdeel"], r["indicator"], r["uitsplitsing"]), {})[r["periode"]] = r["waarde"]
    for (onderdeel, indicator, uitsplitsing), waarden in regels.items():
        cellen = ["—" if waarden.get(p.naam) is None else str(waarden[p.naam]) for p in reeks]
        tabel.add_row(onderdeel, indicator, uitsplitsing, *cellen)
    console = Console()
    console.print(tabel)
    if ontbreekt:
        console.print(f"Nog niet beschikbaar: {', '.join(ontbreekt)}.", highlight=False)
