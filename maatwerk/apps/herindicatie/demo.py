"""Synthetic caseload for demos, tests and benchmarks (never real people). Pure Python + numpy/polars.

BSNs are generated with the 11-proef from a fixed offset (``maak_bsn``); the age and hours distribution
roughly follows the Westland 2019 baseline (RadarAdvies §5.1: most clients 76-85 with 2,1-3 hours).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl

from maatwerk.apps.clients.bsn import maak_bsn

AANBIEDERS = ("Thuiszorg Duinstreek", "Huishoudhulp Kustland", "Zorggroep Veenhof", "Schoon Thuis BV")
# Old hours per week and their weights (roughly Westland 2019: 435 / 809 / 284 / 72 / 73 in the bands).
UREN = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.5)
UREN_GEWICHT = (0.01, 0.09, 0.08, 0.09, 0.22, 0.25, 0.09, 0.08, 0.03, 0.02, 0.03, 0.01)
SITUATIE_KOLOMMEN = (
    "kamers_in_gebruik",
    "lid1_rol",
    "lid1_geboortedatum",
    "incontinentie",
    "rolstoel_binnenshuis",
)


def synthetische_caseload(
    aantal: int, seed: int = 2019, peildatum: dt.date = dt.date(2019, 1, 1), met_situatie: bool = True
) -> pl.DataFrame:
    """A caseload frame with the import columns (dates as ISO text, hours as text, some unknown)."""
    rng = np.random.default_rng(seed)
    jong = rng.random(aantal) < 0.08  # a few younger clients (chronic illness, disability)
    leeftijd = np.where(
        jong, rng.integers(19, 66, aantal), np.clip(rng.normal(80, 9, aantal), 19, 101)
    ).astype(int)
    dagen = rng.integers(0, 365, aantal)
    geboren = [
        peildatum - dt.timedelta(days=int(j * 365.25 + d)) for j, d in zip(leeftijd, dagen, strict=True)
    ]
    uren = rng.choice(UREN, size=aantal, p=np.array(UREN_GEWICHT) / sum(UREN_GEWICHT))
    onbekend = rng.random(aantal) < 0.012
    pgb = rng.random(aantal) < 0.07
    start = [peildatum - dt.timedelta(days=int(d)) for d in rng.integers(30, 3000, aantal)]
    eind = [peildatum + dt.timedelta(days=int(d)) for d in rng.integers(30, 720, aantal)]
    frame = pl.DataFrame(
        {
            "bsn": [maak_bsn(10_000_000 + 7 * i) for i in range(aantal)],
            "geboortedatum": [d.isoformat() for d in geboren],
            "uren_per_week_oud": ["" if o else f"{u:.1f}" for u, o in zip(uren, onbekend, strict=True)],
            "klasse_oud": np.where(uren > 3, "hh2", "hh1").tolist(),
            "leveringsvorm": np.where(pgb, "pgb", "zin").tolist(),
            "aanbieder": [
                "" if p else AANBIEDERS[k]
                for p, k in zip(pgb, rng.integers(0, len(AANBIEDERS), aantal), strict=True)
            ],
            "ingangsdatum_oud": [d.isoformat() for d in start],
            "einddatum_oud": [d.isoformat() for d in eind],
        }
    )
    if met_situatie:
        heeft = rng.random(aantal) < 0.6  # 40% without situation columns: the typical situation is used
        frame = frame.with_columns(
            pl.Series("kamers_in_gebruik", np.where(heeft, rng.integers(2, 6, aantal), 0))
            .cast(pl.Utf8)
            .replace("0", ""),
            pl.Series("lid1_rol", np.where(heeft & (rng.random(aantal) < 0.25), "partner", "")),
            pl.Series("lid1_geboortedatum", [d.isoformat() for d in geboren]),
            pl.Series(
                "lid1_kan_meedoen", rng.choice(["volledig", "deels", "niet"], aantal, p=[0.3, 0.4, 0.3])
            ),
            pl.Series("incontinentie", np.where(heeft & (rng.random(aantal) < 0.1), "ja", "")),
            pl.Series("rolstoel_binnenshuis", np.where(heeft & (rng.random(aantal) < 0.05), "ja", "")),
        ).with_columns(  # a partner of the same age; no partner -> no date
            pl.when(pl.col("lid1_rol") == "")
            .then(pl.lit(""))
            .otherwise(pl.col("lid1_geboortedatum"))
            .alias("lid1_geboortedatum"),
            pl.when(pl.col("lid1_rol") == "")
            .then(pl.lit(""))
            .otherwise(pl.col("lid1_kan_meedoen"))
            .alias("lid1_kan_meedoen"),
        )
    return frame


def schrijf_caseload(frame: pl.DataFrame, pad: Path | str) -> Path:
    """Write the caseload as CSV or xlsx (by extension)."""
    pad = Path(pad)
    if pad.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        boek = Workbook(write_only=True)
        blad = boek.create_sheet()
        blad.append(frame.columns)
        for rij in frame.iter_rows():
            blad.append(list(rij))
        boek.save(pad)
    else:
        frame.write_csv(pad)
    return pad
