"""The shared Dutch long date (maatwerk.opmaak), used by beschikking letters and herindicatie."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.besluiten.opmaak import datum_tekst
from maatwerk.opmaak import MAANDEN, lange_datum


def test_lange_datum() -> None:
    assert lange_datum(dt.date(2018, 6, 5)) == "5 juni 2018"
    assert lange_datum(dt.date(2024, 2, 29)) == "29 februari 2024"
    assert lange_datum(dt.date(2026, 12, 31)) == "31 december 2026"


@given(st.dates())
def test_lange_datum_leest_terug_en_is_gelijk_aan_datum_tekst(datum: dt.date) -> None:
    dag, maand, jaar = lange_datum(datum).split(" ")
    assert dt.date(int(jaar), MAANDEN.index(maand) + 1, int(dag)) == datum
    assert datum_tekst(datum) == lange_datum(datum)
