"""Money: whole cents, one half-up rounding, Dutch notation."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.finance.geld import euro, naar_centen, rond_af, rond_af_expr


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**6))
def test_polars_rounding_equals_decimal_half_up(teller, noemer):
    verwacht = int((Decimal(teller) / Decimal(noemer)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert rond_af(teller, noemer) == verwacht
    uit = pl.DataFrame({"t": [teller]}).select(rond_af_expr(pl.col("t"), noemer)).item()
    assert uit == verwacht


def test_half_goes_away_from_zero():
    assert rond_af(5, 10) == 1 and rond_af(-5, 10) == -1 and rond_af(4, 10) == 0 and rond_af(15, 10) == 2


@pytest.mark.parametrize(
    ("bedrag", "centen"), [("25.75", 2575), ("0.01", 1), ("100", 10000), (Decimal("3.1"), 310)]
)
def test_naar_centen(bedrag, centen):
    assert naar_centen(bedrag) == centen


def test_naar_centen_refuses_fractions_of_cents_and_text():
    with pytest.raises(ValueError, match="meer dan twee decimalen"):
        naar_centen("1.005")
    with pytest.raises(ValueError, match="geen geldig bedrag"):
        naar_centen("tien euro")


def test_euro_notation():
    assert euro(123456789) == "€ 1.234.567,89"
    assert euro(-5) == "-€ 0,05"
    assert euro(None) == "-"
