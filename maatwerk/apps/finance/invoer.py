"""Read a caseload / simulation outcome / past indications file (CSV or Parquet) into typed columns.

Errors are Dutch and name the file, the column and (for CSV) the first bad row as a spreadsheet shows
it (header = row 1). Nothing is returned on a bad file.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

DATUM_KOLOMMEN = (
    "ingangsdatum_oud",
    "einddatum_oud",
    "ingangsdatum",
    "einddatum",
    "herindicatiedatum",
    "geboortedatum",
)
GETAL_KOLOMMEN = (
    "uren_per_week_oud",
    "minuten_per_week_nieuw",
    "totaal_minuten_per_week",
    "tarief_per_periode",
    "uren_per_week",
)
TEKST_KOLOMMEN = (
    "bsn",
    "aanbieder",
    "klasse_oud",
    "leveringsvorm",
    "trede",
    "trede_hbh",
    "overgang_intensiteit",
    "overgang_tot",
)


class Invoerfout(ValueError):
    """A file that cannot be used, with every problem in Dutch."""


def lees_bestand(pad: Path | str) -> pl.DataFrame:
    """CSV (all columns as text first) or Parquet; empty cells become null."""
    pad = Path(pad)
    if not pad.exists():
        raise Invoerfout(f"{pad}: bestand bestaat niet")
    soort = pad.suffix.lower()
    try:
        if soort == ".parquet":
            frame = pl.read_parquet(pad)
        elif soort == ".csv":
            frame = pl.read_csv(pad, infer_schema=False)
        else:
            raise Invoerfout(f"{pad}: onbekend bestandstype {pad.suffix!r} (gebruik .csv of .parquet)")
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise Invoerfout(f"{pad}: kan het bestand niet lezen ({exc.__class__.__name__})") from None
    return frame.with_columns(pl.col(pl.String).str.strip_chars().replace("", None))


def typeer(frame: pl.DataFrame, vereist: tuple[str, ...], bestand: str) -> pl.DataFrame:
    """Check required columns and cast known ones (dates ISO, numbers with dot or comma)."""
    ontbreekt = [k for k in vereist if k not in frame.columns]
    if ontbreekt:
        raise Invoerfout(f"{bestand}: kolom(men) ontbreken: {', '.join(ontbreekt)}")
    fouten: list[str] = []
    casts = []
    for kolom in frame.columns:
        bron = pl.col(kolom)
        if kolom in DATUM_KOLOMMEN and frame.schema[kolom] == pl.String:
            doel = bron.str.to_date("%Y-%m-%d", strict=False)
        elif kolom in GETAL_KOLOMMEN and frame.schema[kolom] == pl.String:
            doel = bron.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)
        elif kolom in TEKST_KOLOMMEN:
            doel = bron.cast(pl.String)
        else:
            continue
        casts.append(doel.alias(kolom))
        fout = frame.with_row_index("_rij", offset=2).filter(bron.is_not_null() & doel.is_null())
        if fout.height:
            eerste = fout.row(0, named=True)
            wat = "datum (JJJJ-MM-DD)" if kolom in DATUM_KOLOMMEN else "getal"
            meer = f" (en nog {fout.height - 1} rij(en))" if fout.height > 1 else ""
            fouten.append(
                f"{bestand}: rij {eerste['_rij']}, kolom {kolom}: {eerste[kolom]!r} is geen "
                f"geldige {wat}{meer}"
            )
    if fouten:
        raise Invoerfout("\n".join(fouten))
    frame = frame.with_columns(casts)
    if "klasse_oud" in frame.columns:
        fouten += _toegestaan(frame, "klasse_oud", ("hh1", "hh2"), bestand)
    if "leveringsvorm" in frame.columns:
        fouten += _toegestaan(frame, "leveringsvorm", ("zin", "pgb"), bestand)
    if fouten:
        raise Invoerfout("\n".join(fouten))
    kleine_letters = [k for k in ("klasse_oud", "leveringsvorm") if k in frame.columns]
    return frame.with_columns(pl.col(kleine_letters).str.to_lowercase())


def _toegestaan(frame: pl.DataFrame, kolom: str, waarden: tuple[str, ...], bestand: str) -> list[str]:
    normaal = frame[kolom].str.to_lowercase()
    fout = frame.with_row_index("_rij", offset=2).filter(~normaal.is_in(waarden) | normaal.is_null())
    if not fout.height:
        return []
    eerste = fout.row(0, named=True)
    return [
        f"{bestand}: rij {eerste['_rij']}, kolom {kolom}: {eerste[kolom]!r} is niet toegestaan "
        f"(toegestaan: {', '.join(waarden)})"
    ]
