"""Periods and day overlaps (all date ranges include both ends)."""

from __future__ import annotations

import datetime as dt

import polars as pl

EINDE_DER_TIJDEN = dt.date(9999, 12, 31)


def perioden(van: dt.date, tot: dt.date, lengte_dagen: int = 28) -> pl.DataFrame:
    """Consecutive periods of ``lengte_dagen`` from ``van``; the last one ends at ``tot``.

    Columns: ``periode`` (1, 2, ...), ``periode_van``, ``periode_tot``.
    """
    if tot < van:
        raise ValueError(f"--tot ({tot.isoformat()}) ligt vóór --van ({van.isoformat()})")
    if lengte_dagen <= 0:
        raise ValueError("een periode moet minstens één dag lang zijn")
    rijen = []
    start, nummer = van, 1
    while start <= tot:
        eind = min(start + dt.timedelta(days=lengte_dagen - 1), tot)
        rijen.append({"periode": nummer, "periode_van": start, "periode_tot": eind})
        start, nummer = eind + dt.timedelta(days=1), nummer + 1
    return pl.DataFrame(rijen, schema={"periode": pl.Int32, "periode_van": pl.Date, "periode_tot": pl.Date})


def jaren(van_jaar: int, tot_jaar: int) -> pl.DataFrame:
    """Calendar years as periods: ``jaar``, ``periode_van``, ``periode_tot``."""
    if tot_jaar < van_jaar:
        raise ValueError(f"eindjaar {tot_jaar} ligt vóór beginjaar {van_jaar}")
    return pl.DataFrame(
        [
            {"jaar": j, "periode_van": dt.date(j, 1, 1), "periode_tot": dt.date(j, 12, 31)}
            for j in range(van_jaar, tot_jaar + 1)
        ],
        schema={"jaar": pl.Int32, "periode_van": pl.Date, "periode_tot": pl.Date},
    )


def dagen_overlap(*bereiken: tuple[pl.Expr | str, pl.Expr | str]) -> pl.Expr:
    """Number of days common to all (start, end) ranges; 0 when they do not meet. Null end = open."""
    starts = [pl.col(s) if isinstance(s, str) else s for s, _ in bereiken]
    eindes = [
        (pl.col(e) if isinstance(e, str) else e).fill_null(pl.lit(EINDE_DER_TIJDEN)) for _, e in bereiken
    ]
    dagen = (pl.min_horizontal(eindes) - pl.max_horizontal(starts)).dt.total_days() + 1
    return dagen.clip(lower_bound=0).cast(pl.Int64)
