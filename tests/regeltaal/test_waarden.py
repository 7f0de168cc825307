"""The one yes/no parser and the one age function (single and column form)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.regeltaal.waarden import JA, NEE, WaardeFout, ja_nee, leeftijd, leeftijd_expr


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        (True, True),
        (False, False),
        (None, None),
        ("", None),
        ("  ", None),
        (" Ja ", True),
        ("J", True),
        ("x", True),
        ("1", True),
        ("waar", True),
        ("yes", True),
        ("NEE", False),
        ("n", False),
        ("0", False),
        ("onwaar", False),
        ("no", False),
        (1, True),
        (0, False),
        (1.0, True),
    ],
)
def test_ja_nee(waarde, verwacht):
    assert ja_nee(waarde) is verwacht


@pytest.mark.parametrize("waarde", ["misschien", "2", 2, -1, 0.5, [], "jaa"])
def test_ja_nee_unknown_word_is_a_dutch_error(waarde):
    with pytest.raises(WaardeFout, match="verwacht ja of nee, niet"):
        ja_nee(waarde)


def test_word_lists_do_not_overlap():
    assert not JA & NEE


@given(st.sampled_from(sorted(JA | NEE)), st.booleans())
def test_ja_nee_ignores_case(woord, hoofd):
    assert ja_nee(woord.upper() if hoofd else woord) is (woord in JA)


@pytest.mark.parametrize(
    ("geboren", "peil", "jaren"),
    [
        (dt.date(1944, 6, 5), dt.date(2024, 6, 5), 80),  # the birthday counts
        (dt.date(1944, 6, 5), dt.date(2024, 6, 4), 79),
        (dt.date(2000, 2, 29), dt.date(2023, 2, 28), 22),  # leap day: birthday on 1 March
        (dt.date(2000, 2, 29), dt.date(2023, 3, 1), 23),
        (dt.date(2000, 2, 29), dt.date(2024, 2, 29), 24),
        (dt.date(2020, 1, 1), dt.date(2020, 1, 1), 0),
    ],
)
def test_leeftijd(geboren, peil, jaren):
    assert leeftijd(geboren, peil) == jaren


_DATUMS = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@given(st.lists(st.tuples(_DATUMS, _DATUMS), min_size=1, max_size=20), _DATUMS)
def test_leeftijd_expr_equals_leeftijd(paren, vast):
    frame = pl.DataFrame({"geboren": [g for g, _ in paren], "peil": [p for _, p in paren]})
    kolom = frame.select(leeftijd_expr(pl.col("geboren"), pl.col("peil")))[:, 0].to_list()
    assert kolom == [leeftijd(g, p) for g, p in paren]
    met_datum = frame.select(leeftijd_expr(pl.col("geboren"), vast))[:, 0].to_list()
    assert met_datum == [leeftijd(g, vast) for g, _ in paren]


def test_leeftijd_expr_is_null_for_a_missing_date():
    frame = pl.DataFrame({"geboren": [None, dt.date(1950, 1, 1)]}, schema={"geboren": pl.Date})
    uit = frame.select(leeftijd_expr(pl.col("geboren"), dt.date(2025, 1, 1)))[:, 0]
    assert uit.to_list() == [None, 75]
    assert uit.dtype == pl.Int32
