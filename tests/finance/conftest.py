"""Shared fixtures: a small resultatenmatrix as a tariff frame (test values, not rules)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest


def tarieftabel(
    rijen: list[tuple[str, int, int | None, int | None]],
    van=dt.date(2017, 1, 1),
    tot=dt.date(9999, 12, 31),
    periode_dagen: int = 28,
) -> pl.DataFrame:
    """(trede, tarief_cent, band_min, band_max minutes) -> a tariff frame like the matrix adapter's."""
    return pl.DataFrame(
        [
            {
                "trede": t,
                "trede_label": t.capitalize(),
                "van": van,
                "tot": tot,
                "tarief_cent": c,
                "periode_dagen": periode_dagen,
                "band_min_minuten": lo,
                "band_max_minuten": hi,
            }
            for t, c, lo, hi in rijen
        ],
        schema={
            "trede": pl.String,
            "trede_label": pl.String,
            "van": pl.Date,
            "tot": pl.Date,
            "tarief_cent": pl.Int64,
            "periode_dagen": pl.Int64,
            "band_min_minuten": pl.Int64,
            "band_max_minuten": pl.Int64,
        },
    )


@pytest.fixture
def matrix() -> pl.DataFrame:
    return tarieftabel([("basis", 28000, 60, 120), ("plus", 56000, 121, 240), ("intensief", 84000, 241, 360)])


CASELOAD_SCHEMA = {
    "client": pl.String,
    "aanbieder": pl.String,
    "klasse_oud": pl.String,
    "leveringsvorm": pl.String,
    "uren_per_week_oud": pl.Float64,
    "ingangsdatum_oud": pl.Date,
    "einddatum_oud": pl.Date,
    "trede": pl.String,
}


def caseload(rijen: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rijen, schema=CASELOAD_SCHEMA)
