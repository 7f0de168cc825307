"""The shared Dutch texts (maatwerk.opmaak): long dates, numbers, hours and minutes, euros."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.besluiten.opmaak import datum_tekst
from maatwerk.opmaak import (
    MAANDEN,
    afgerond,
    euro,
    getal,
    hele_minuten,
    lange_datum,
    uren,
    uren_en_minuten,
)


def test_lange_datum() -> None:
    assert lange_datum(dt.date(2018, 6, 5)) == "5 juni 2018"
    assert lange_datum(dt.date(2024, 2, 29)) == "29 februari 2024"
    assert lange_datum(dt.date(2026, 12, 31)) == "31 december 2026"


@given(st.dates())
def test_lange_datum_leest_terug_en_is_gelijk_aan_datum_tekst(datum: dt.date) -> None:
    dag, maand, jaar = lange_datum(datum).split(" ")
    assert dt.date(int(jaar), MAANDEN.index(maand) + 1, int(dag)) == datum
    assert datum_tekst(datum) == lange_datum(datum)


@pytest.mark.parametrize(
    ("args", "kwargs", "tekst"),
    [
        ((3.5,), {}, "3,5"),
        ((4.0,), {}, "4"),
        ((2.675,), {}, "2,68"),  # half up on the number as written, not binary rounding (2,67)
        ((0.125,), {}, "0,13"),
        ((-2.5, 0), {}, "-3"),  # a half goes away from zero
        ((-0.001,), {}, "0"),  # never "-0"
        ((3.5, 2), {"vast": True}, "3,50"),
        ((12345.6, 1), {"duizendtallen": True}, "12.345,6"),
        ((1234567, 0), {"duizendtallen": True}, "1.234.567"),
        ((Decimal("1.005"), 2), {}, "1,01"),
    ],
)
def test_getal(args, kwargs, tekst) -> None:
    assert getal(*args, **kwargs) == tekst


def test_getal_refuses_nan() -> None:
    with pytest.raises(ValueError, match="geen eindig getal"):
        getal(float("nan"))


def _terug(tekst: str) -> Decimal:
    return Decimal(tekst.replace("€ ", "").replace(".", "").replace(",", "."))


_GETALLEN = st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False) | st.floats(
    -1e9, 1e9, allow_nan=False, allow_infinity=False
)


@given(_GETALLEN, st.integers(0, 4), st.booleans(), st.booleans())
def test_getal_reads_back_as_the_half_up_rounded_number(x, decimalen, vast, duizendtallen) -> None:
    tekst = getal(x, decimalen, vast=vast, duizendtallen=duizendtallen)
    assert _terug(tekst) == afgerond(x, decimalen)
    d = Decimal(str(x))
    assert abs(afgerond(x, decimalen) - d) <= Decimal(1).scaleb(-decimalen) / 2
    if vast and decimalen:
        assert len(tekst.rpartition(",")[2]) == decimalen
    if not duizendtallen:
        assert "." not in tekst


@pytest.mark.parametrize(
    ("minuten", "stap", "tekst"),
    [
        (125, 1, "2 uur en 5 minuten"),
        (120, 1, "2 uur"),
        (61, 1, "1 uur en 1 minuut"),
        (1, 1, "1 minuut"),
        (0, 1, "0 minuten"),
        (37.5, 1, "38 minuten"),  # half up
        (152.5, 5, "2 uur en 35 minuten"),  # rounded half up to 5 minutes: 152,5 -> 155
        (152.4, 5, "2 uur en 30 minuten"),
    ],
)
def test_uren_en_minuten(minuten, stap, tekst) -> None:
    assert uren_en_minuten(minuten, stap) == tekst


def test_uren_en_minuten_refuses_negative() -> None:
    with pytest.raises(ValueError, match="kan niet negatief zijn"):
        uren_en_minuten(-1)


@given(st.decimals(min_value=0, max_value=10_000, places=2), st.sampled_from([1, 5, 15]))
def test_uren_en_minuten_reads_back(minuten, stap) -> None:
    tekst = uren_en_minuten(minuten, stap)
    totaal = 0
    for deel in tekst.split(" en "):
        aantal, eenheid = deel.split(" ")
        totaal += int(aantal) * (60 if eenheid == "uur" else 1)
    assert totaal == hele_minuten(minuten, stap)
    assert totaal % stap == 0 and abs(totaal - minuten) <= Decimal(stap) / 2


def test_uren() -> None:
    assert uren(125) == "2,08 uur"
    assert uren(90) == "1,5 uur"
    assert uren(120) == "2 uur"
    assert uren(125, 1) == "2,1 uur"


@given(st.decimals(min_value=0, max_value=100_000, places=3), st.integers(0, 3))
def test_uren_reads_back(minuten, decimalen) -> None:
    assert _terug(uren(minuten, decimalen).removesuffix(" uur")) == afgerond(minuten / 60, decimalen)


def test_euro() -> None:
    assert euro(1234.5) == "€ 1.234,50"
    assert euro(Decimal("1234567.891")) == "€ 1.234.567,89"
    assert euro(0.005) == "€ 0,01"  # half up
    assert euro(-0.05) == "-€ 0,05"
    assert euro(0) == "€ 0,00"
    assert euro(None) == "-"


@given(st.integers(-(10**12), 10**12))
def test_euro_of_whole_cents_reads_back(centen) -> None:
    tekst = euro(Decimal(centen) / 100)
    assert (-1 if tekst.startswith("-") else 1) * _terug(tekst.lstrip("-")) * 100 == centen
