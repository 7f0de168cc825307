"""The one yes/no parser and the one age function, in single-value and column (Polars) form."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

JA: frozenset[str] = frozenset({"ja", "j", "true", "waar", "1", "x", "yes"})
"""Words read as yes (compared without case and surrounding spaces)."""
NEE: frozenset[str] = frozenset({"nee", "n", "false", "onwaar", "0", "no"})
"""Words read as no."""


class WaardeFout(ValueError):
    """A value that cannot be read (Dutch message)."""


def ja_nee(waarde: Any) -> bool | None:
    """``True``/``False`` for a yes/no value, ``None`` for an empty one (``None`` or blank text).

    Accepts booleans, the numbers 0 and 1 and the words in :data:`JA` and :data:`NEE`; anything
    else raises :class:`WaardeFout`.
    """
    if waarde is None or isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, int | float) and waarde in (0, 1):
        return bool(waarde)
    if isinstance(waarde, str):
        woord = waarde.strip().lower()
        if not woord:
            return None
        if woord in JA:
            return True
        if woord in NEE:
            return False
    raise WaardeFout(f"verwacht ja of nee, niet {waarde!r}")


def leeftijd(geboortedatum: dt.date, peildatum: dt.date) -> int:
    """Age in whole years on ``peildatum``; the birthday itself counts (80 on the day you turn 80).

    Born on 29 February: in a year without that day, the birthday is 1 March.
    """
    return (
        peildatum.year
        - geboortedatum.year
        - ((peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day))
    )


def leeftijd_expr(geboren: pl.Expr, peildatum: pl.Expr | dt.date) -> pl.Expr:
    """:func:`leeftijd` as a Polars Int32 expression over date columns (null where a date is null)."""
    peil = pl.lit(peildatum, dtype=pl.Date) if isinstance(peildatum, dt.date) else peildatum
    jaren = peil.dt.year().cast(pl.Int32) - geboren.dt.year().cast(pl.Int32)
    dag_peil = peil.dt.month().cast(pl.Int32) * 100 + peil.dt.day().cast(pl.Int32)
    dag_geboren = geboren.dt.month().cast(pl.Int32) * 100 + geboren.dt.day().cast(pl.Int32)
    return (jaren - (dag_peil < dag_geboren).cast(pl.Int32)).cast(pl.Int32)
