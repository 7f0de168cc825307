"""Where the finance reports get their clients: a stored simulation (database) or a simulation file.

Both give one internal frame (the names the pure modules use): ``client`` (caseload id, no BSN),
``aanbieder``, ``klasse_oud``, ``leveringsvorm``, ``uren_per_week_oud``, ``ingangsdatum_oud``,
``einddatum_oud``, ``minuten_nieuw``, ``trede`` (household-help trede, case-folded),
``overgang_intensiteit`` (case-folded), ``overgang_tot`` and, from the latest planning when it has
one, ``herindicatiedatum``. The simulation's columns are defined by
:mod:`maatwerk.apps.herindicatie.simulatie` (``UITVOER_KOLOMMEN``); this module only renames them.
The database is read through :mod:`maatwerk.apps.herindicatie.selectors` (never its models), lazily,
so the pure modules stay free of Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from maatwerk.apps.finance.invoer import Invoerfout, lees_bestand, typeer
from maatwerk.apps.finance.matrix import normaliseer_trede

HERNOEM = {
    "caseload_id": "client",
    "oude_uren_per_week": "uren_per_week_oud",
    "nieuwe_minuten_per_week": "minuten_nieuw",
    "trede_hbh": "trede",
}


@dataclass(frozen=True)
class Bron:
    frame: pl.DataFrame
    omschrijving: str
    kader: str | None = None
    beleid: str | None = None
    peildatum: dt.date | None = None


def _intern(frame: pl.DataFrame) -> pl.DataFrame:
    frame = frame.rename({k: v for k, v in HERNOEM.items() if k in frame.columns and v not in frame.columns})
    if "client" not in frame.columns and "bsn" in frame.columns:
        frame = frame.with_columns(client=pl.col("bsn"))
    for kolom, soort in (
        ("ingangsdatum_oud", pl.Date),
        ("einddatum_oud", pl.Date),
        ("overgang_intensiteit", pl.String),
        ("overgang_tot", pl.String),
    ):
        if kolom not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=soort).alias(kolom))
    frame = frame.with_columns(
        pl.col("client").cast(pl.String),
        pl.col("aanbieder").fill_null(""),
        normaliseer_trede("trede"),
        normaliseer_trede("overgang_intensiteit"),
        pl.col("uren_per_week_oud").cast(pl.Float64),
    )
    return frame


def uit_bestand(pad: Path) -> Bron:
    """A simulation file written by ``maatwerk herindicatie simuleer -o`` (CSV or Parquet)."""
    ruw = lees_bestand(pad)
    ruw = ruw.rename({k: v for k, v in HERNOEM.items() if k in ruw.columns and v not in ruw.columns})
    if "client" not in ruw.columns and "bsn" not in ruw.columns:
        raise Invoerfout(f"{pad}: kolom caseload_id (of bsn) ontbreekt")
    frame = typeer(ruw, ("aanbieder", "klasse_oud", "leveringsvorm", "uren_per_week_oud", "trede"), str(pad))
    if "minuten_nieuw" in frame.columns and frame.schema["minuten_nieuw"] == pl.String:
        frame = frame.with_columns(
            pl.col("minuten_nieuw").str.replace(",", ".").cast(pl.Float64, strict=False)
        )
    return Bron(_intern(frame), f"bestand {pad}")


def uit_database(simulatie_id: int | None = None, gebruiker: Any = None, waarom: str = "") -> Bron:
    """A stored simulation (default: the newest) joined with the caseload, read through herindicatie's
    selectors (which log the read)."""
    from maatwerk.apps.herindicatie import selectors

    try:
        gegevens = selectors.simulatie_voor_financien(simulatie_id, gebruiker, waarom)
    except selectors.GeenGegevens as exc:
        raise Invoerfout(str(exc)) from None
    schema = {
        "client": pl.String,
        "aanbieder": pl.String,
        "klasse_oud": pl.String,
        "leveringsvorm": pl.String,
        "uren_per_week_oud": pl.Float64,
        "ingangsdatum_oud": pl.Date,
        "einddatum_oud": pl.Date,
        "minuten_nieuw": pl.Float64,
        "trede": pl.String,
        "overgang_intensiteit": pl.String,
        "overgang_tot": pl.String,
    }
    frame = _intern(pl.DataFrame(gegevens.rijen, schema=schema))
    plan = selectors.bezoekweken()
    if plan:
        datums = pl.DataFrame(
            {"client": list(plan), "herindicatiedatum": list(plan.values())},
            schema={"client": pl.String, "herindicatiedatum": pl.Date},
        )
        frame = frame.join(datums, on="client", how="left")
    omschrijving = f"simulatie {gegevens.simulatie_id} ({gegevens.kader}, peildatum {gegevens.peildatum})"
    if plan:
        omschrijving += ", met planning"
    return Bron(frame, omschrijving, gegevens.kader, gegevens.beleid, gegevens.peildatum)
