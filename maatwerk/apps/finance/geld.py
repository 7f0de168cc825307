"""Money as whole cents, exact until the one rounding step (Decimal ROUND_HALF_UP to cents).

Amounts are carried as a numerator in cents with a known integer denominator (for example
``tarief_cent * minuten * dagen`` over ``60 * 7``) and rounded once, half away from zero,
exactly like ``Decimal.quantize(Decimal("0.01"), ROUND_HALF_UP)``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import polars as pl

from maatwerk import opmaak
from maatwerk.opmaak import afgerond

CENT = Decimal("0.01")


def naar_centen(bedrag: Decimal | str | int | float) -> int:
    """Euro amount -> whole cents; refuses more than two decimals."""
    try:
        waarde = Decimal(str(bedrag))
    except InvalidOperation:
        raise ValueError(f"geen geldig bedrag: {bedrag!r}") from None
    centen = waarde * 100
    if centen != centen.to_integral_value():
        raise ValueError(f"bedrag {bedrag} heeft meer dan twee decimalen")
    return int(centen)


def rond_af(teller: int, noemer: int = 1) -> int:
    """``teller / noemer`` cents rounded half-up (away from zero) to whole cents."""
    if noemer <= 0:
        raise ValueError("noemer moet positief zijn")
    return int(afgerond(Decimal(teller) / Decimal(noemer)))


def rond_af_expr(teller: pl.Expr, noemer: int | pl.Expr) -> pl.Expr:
    """Polars version of :func:`rond_af` on integer columns (exact integer arithmetic)."""
    teller = teller.cast(pl.Int64)
    noemer = pl.lit(noemer, dtype=pl.Int64) if isinstance(noemer, int) else noemer.cast(pl.Int64)
    positief = (2 * teller + noemer) // (2 * noemer)
    negatief = -((-2 * teller + noemer) // (2 * noemer))
    return pl.when(teller >= 0).then(positief).otherwise(negatief)


def euro(centen: int | None) -> str:
    """Cents -> Dutch notation ``€ 1.234,56`` (``-`` for None)."""
    return opmaak.euro(None if centen is None else Decimal(int(centen)).scaleb(-2))


def als_decimal(centen: int) -> Decimal:
    """Cents -> Decimal euros with two decimals (for CSV output)."""
    return (Decimal(int(centen)) / 100).quantize(CENT)
