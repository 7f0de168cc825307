"""Baseline report on a synthetic caseload whose counts are known, and the rounding rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.herindicatie.nulmeting import (
    BAND_LABELS,
    KOLOM_LABELS,
    Clientregel,
    bereken_nulmeting,
    leeftijdsklasse,
    rond_af,
    uren_band,
)

PEIL = dt.date(2019, 1, 1)
START = dt.date(2015, 1, 1)


@pytest.mark.parametrize(
    ("uren", "band"),
    [
        ("0", "0-0,9"),
        ("0.9", "0-0,9"),
        ("0.94", "0-0,9"),
        ("0.95", "1-2"),
        ("1", "1-2"),
        ("2", "1-2"),
        ("2.04", "1-2"),
        ("2.05", "2,1-3"),
        ("3", "2,1-3"),
        ("3.04", "2,1-3"),
        ("3.05", "3,1-4"),
        ("4.0", "3,1-4"),
        ("4.1", "4,1-5"),
        ("5.0", "4,1-5"),
        ("5.04", "4,1-5"),
        ("5.05", ">5"),
        ("12", ">5"),
        (None, "onbekend"),
        ("", "onbekend"),
    ],
)
def test_bands_after_half_up_rounding(uren, band):
    assert uren_band(uren) == band


def test_float_input_is_not_float_rounded():
    # 3.05 as a float is 3.04999...; it must still count as 3,1.
    assert uren_band(3.05) == "3,1-4"
    assert uren_band(2.05) == "2,1-3"


@given(st.integers(min_value=0, max_value=10_000))
def test_half_up_at_every_boundary(honderdsten):
    waarde = Decimal(honderdsten) / 100
    afgerond = rond_af(waarde)
    assert abs(afgerond - waarde) <= Decimal("0.05")
    if honderdsten % 10 == 5:  # exactly halfway: always up
        assert afgerond > waarde
    assert uren_band(waarde) == uren_band(afgerond)


@given(st.decimals(min_value=0, max_value=100, places=3))
def test_every_non_negative_value_has_exactly_one_band(waarde):
    assert uren_band(waarde) in BAND_LABELS[:-1]


@pytest.mark.parametrize(
    ("geboren", "klasse"),
    [
        (dt.date(1989, 1, 2), "<30"),
        (dt.date(1989, 1, 1), "30-45"),
        (dt.date(1973, 1, 1), "46-55"),
        (dt.date(1973, 1, 2), "30-45"),
        (dt.date(1953, 1, 1), "66-75"),
        (dt.date(1943, 1, 1), "76-85"),
        (dt.date(1933, 1, 2), "76-85"),
        (dt.date(1933, 1, 1), "86+"),
    ],
)
def test_age_classes_on_the_peildatum(geboren, klasse):
    assert leeftijdsklasse(geboren, PEIL) == klasse


def _regel(uren, geboren, vorm="zin", start=START, eind=None):
    return Clientregel(geboren, None if uren is None else Decimal(uren), vorm, start, eind)


def test_synthetic_caseload_counts():
    regels = (
        [_regel("3.04", dt.date(1940, 6, 1))] * 3  # 78 -> 76-85, 2,1-3
        + [_regel("3.05", dt.date(1940, 6, 1))] * 2  # 3,1-4
        + [_regel("6", dt.date(1930, 1, 1))] * 4  # 89 -> 86+, >5
        + [_regel("1", dt.date(2000, 1, 1), "pgb")] * 5  # PGB regardless of age
        + [_regel("1", dt.date(1930, 1, 1), "PGB")]
        + [_regel(None, dt.date(1960, 1, 1))] * 2  # 59 -> 56-65, onbekend
        + [_regel("0.5", dt.date(1988, 12, 31))]  # 30 on the peildatum
        + [_regel("2", dt.date(1940, 1, 1), start=dt.date(2019, 1, 2))]  # starts after the peildatum
        + [_regel("2", dt.date(1940, 1, 1), eind=dt.date(2018, 12, 31))]  # ended before
        + [_regel("2", dt.date(1940, 1, 1), eind=PEIL)]  # ends on the peildatum: counts
    )
    n = bereken_nulmeting(regels, PEIL)
    t = n.tabel
    assert t["2,1-3"]["76-85"] == 3 and t["3,1-4"]["76-85"] == 2 and t[">5"]["86+"] == 4
    assert t["1-2"]["PGB"] == 6 and t["onbekend"]["56-65"] == 2 and t["0-0,9"]["30-45"] == 1
    assert t["1-2"]["76-85"] == 1
    assert n.totaal == 19 and n.niet_meegeteld == 2
    assert t["totaal"]["PGB"] == 6 and t["1-2"]["totaal"] == 7
    # Totals are consistent both ways.
    assert sum(t[b]["totaal"] for b in BAND_LABELS) == n.totaal
    assert sum(t["totaal"][k] for k in KOLOM_LABELS) == n.totaal
    rijen = n.rijen()
    assert rijen[0] == ["uren", "<30", "30-45", "46-55", "56-65", "66-75", "76-85", "86+", "PGB", "totaal"]
    assert [r[0] for r in rijen[1:]] == [
        "0-0,9",
        "1-2",
        "2,1-3",
        "3,1-4",
        "4,1-5",
        ">5",
        "onbekend",
        "totaal",
    ]
    assert rijen[-1][-1] == 19
