"""``maatwerk batch``: a whole caseload through a normenkader, vectorised, with a progress bar."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import click
import polars as pl
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from maatwerk.cli.opties import datum_optie, stop
from maatwerk.opmaak import getal
from maatwerk.regels.laden import Melding, Regelfout
from maatwerk.veilig import neutraliseer_frame

INVOER = (".parquet", ".csv", ".jsonl", ".ndjson")
UITVOER = (".parquet", ".csv")
BLOK = 100_000
MAX_FOUTEN = 50


def lees_situaties(pad: Path) -> pl.DataFrame:
    """Read a caseload file: Parquet, CSV (',' or ';', every cell as text) or JSON Lines."""
    suffix = pad.suffix.lower()
    if suffix not in INVOER:
        raise Regelfout(
            [Melding(f"onbekend bestandstype '{pad.suffix}'; gebruik .parquet, .csv of .jsonl", str(pad))]
        )
    if not pad.is_file():
        raise Regelfout([Melding("bestand bestaat niet", str(pad))])
    try:
        if suffix == ".parquet":
            return pl.read_parquet(pad)
        if suffix == ".csv":
            with pad.open(encoding="utf-8", errors="replace") as f:
                kop = f.readline()
            scheiding = ";" if kop.count(";") > kop.count(",") else ","  # Dutch Excel writes ';'
            return pl.read_csv(pad, infer_schema=False, separator=scheiding, encoding="utf8-lossy")
        return pl.read_ndjson(pad, infer_schema_length=None)
    except (pl.exceptions.PolarsError, OSError, ValueError) as exc:
        raise Regelfout([Melding(f"kan het bestand niet lezen: {exc}", str(pad))]) from None


def _getal(x: float, decimalen: int = 1) -> str:
    """A number the Dutch way: 12.345,6."""
    return getal(x, decimalen, vast=True, duizendtallen=True)


def _samenvatting(console: Console, uit: pl.DataFrame, seconden: float, doel: Path) -> None:
    n = uit.height
    tempo = _getal(n / max(seconden, 1e-9), 0)
    tabel = Table(title=f"Batch: {n} situaties in {getal(seconden, 2, vast=True)} s ({tempo} per seconde)")
    tabel.add_column("Trede hulp bij het huishouden")
    tabel.add_column("Aantal", justify="right")
    tabel.add_column("Gem. uren/week", justify="right")
    tabel.add_column("Tarief per periode (som)", justify="right")
    if n:
        per = (
            uit.group_by("trede_hbh")
            .agg(
                pl.len().alias("aantal"),
                pl.col("uren_per_week").mean().alias("uren"),
                pl.col("tarief_per_periode").sum().alias("tarief"),
            )
            .sort("trede_hbh", nulls_last=True)
        )
        for r in per.iter_rows(named=True):
            tabel.add_row(
                r["trede_hbh"] or "geen (0 minuten)",
                str(r["aantal"]),
                _getal(r["uren"], 2),
                f"€ {_getal(r['tarief'] or 0, 2)}",
            )
    console.print(tabel)
    typisch = int(uit["situatie_typisch"].sum()) if n else 0
    console.print(
        f"Totaal {_getal(int(uit['totaal_minuten_per_week'].sum()) / 60 if n else 0)} uur per week. "
        f"Typische situatie gebruikt (consulent moet controleren): {typisch}."
    )
    if n and uit["voorbeeldwaarden"].any():
        console.print(
            "[bold]VOORBEELD[/]: de uitkomst gebruikt voorbeeldwaarden zonder publieke bron; "
            "niet gebruiken voor beschikkingen."
        )
    console.print(f"Geschreven: {doel}")


@click.command()
@click.argument("situaties", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kader", "kader_id", required=True, metavar="ID", help="Normenkader (id), bv. kpmg-hbel.")
@click.option(
    "--peildatum",
    callback=datum_optie,
    metavar="JJJJ-MM-DD",
    help="Peildatum voor rijen zonder eigen kolom peildatum (standaard: vandaag).",
)
@click.option(
    "-o",
    "--uitvoer",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="uitkomst.parquet of .csv",
)
@click.option("--blok", default=BLOK, show_default=True, type=click.IntRange(1), help="Rijen per blok.")
def batch(situaties: Path, kader_id: str, peildatum: dt.date | None, uitvoer: Path, blok: int) -> None:
    """Bereken een hele caseload (Parquet, CSV of JSON Lines) in één keer, gevectoriseerd.

    Alleen de kolommen id en geboortedatum zijn verplicht; ontbrekende situatiekolommen krijgen de
    typische situatie (kolom situatie_typisch). Bij een fout wordt niets geschreven.
    """
    from maatwerk.engine.batch import indiceer_batch

    if uitvoer.suffix.lower() not in UITVOER:
        stop(f"uitvoer '{uitvoer}': gebruik .parquet of .csv")
    peildatum = peildatum or dt.date.today()
    console = Console(stderr=False)
    try:
        frame = lees_situaties(situaties)
        from maatwerk.engine import register

        register().normenkader(kader_id)
    except Regelfout as exc:
        stop(str(exc))
    begin = time.perf_counter()
    delen: list[pl.DataFrame] = []
    fouten: list[Melding] = []
    with Progress(
        TextColumn("[bold]Indiceren"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as voortgang:
        taak = voortgang.add_task("batch", total=frame.height)
        for start in range(0, frame.height, blok):
            deel = frame.slice(start, blok)
            try:
                delen.append(
                    indiceer_batch(deel, kader_id, peildatum, bron=str(situaties), eerste_rij=start + 1)
                )
            except Regelfout as exc:
                fouten.extend(m for m in exc.meldingen if "niets berekend" not in m.tekst)
            voortgang.advance(taak, deel.height)
    if fouten:
        getoond = fouten[:MAX_FOUTEN]
        tekst = "\n".join(str(m) for m in getoond)
        if len(fouten) > len(getoond):
            tekst += f"\n... en nog {len(fouten) - len(getoond)} melding(en)"
        stop(f"{tekst}\ner is niets geschreven: verbeter de invoer en probeer opnieuw")
    uit = pl.concat(delen, how="diagonal_relaxed") if delen else indiceer_batch(frame, kader_id, peildatum)
    seconden = time.perf_counter() - begin
    try:
        if uitvoer.suffix.lower() == ".csv":
            neutraliseer_frame(uit).write_csv(uitvoer)
        else:
            uit.write_parquet(uitvoer)
    except OSError as exc:
        stop(f"kan '{uitvoer}' niet schrijven: {exc.strerror}")
    _samenvatting(console, uit, seconden, uitvoer)
