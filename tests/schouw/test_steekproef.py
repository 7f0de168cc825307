"""The sample per provider: reproducible, of the right size, independent of input order (hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.schouw.steekproef import steekproefgrootte, trek_steekproef

ids = st.sets(st.integers(min_value=1, max_value=10_000), max_size=300)
pct = st.floats(min_value=0.1, max_value=100, allow_nan=False)


@given(ids, pct, st.integers(), st.text(max_size=20))
def test_reproducible_and_order_independent(populatie, percentage, seed, aanbieder):
    eerste = trek_steekproef(sorted(populatie), percentage, seed, aanbieder)
    tweede = trek_steekproef(sorted(populatie, reverse=True), percentage, seed, aanbieder)
    assert eerste == tweede


@given(ids, pct, st.integers())
def test_size_and_subset(populatie, percentage, seed):
    getrokken = trek_steekproef(populatie, percentage, seed, "Thuiszorg")
    n = len(populatie)
    verwacht = 0 if n == 0 else min(n, max(1, math.ceil(n * percentage / 100 - 1e-9)))
    assert len(getrokken) == verwacht
    assert set(getrokken) <= populatie
    assert len(set(getrokken)) == len(getrokken)
    assert getrokken == sorted(getrokken)


def test_worked_examples():
    assert steekproefgrootte(200, 7.5) == 15
    assert steekproefgrootte(10, 5) == 1  # 0.5 rounds up: at least one visit per provider
    assert steekproefgrootte(3, 5, minimum=0) == 1
    assert steekproefgrootte(0, 10) == 0
    assert steekproefgrootte(40, 10) == 4  # exactly 10 %: no extra visit from float noise


def test_other_seed_or_provider_gives_other_sample():
    populatie = range(1, 1001)
    a = trek_steekproef(populatie, 10, 1, "Noord")
    assert a != trek_steekproef(populatie, 10, 2, "Noord")
    assert a != trek_steekproef(populatie, 10, 1, "Zuid")


@pytest.mark.parametrize("percentage", [-1, 100.5])
def test_bad_percentage(percentage):
    with pytest.raises(ValueError, match="percentage"):
        steekproefgrootte(10, percentage)
