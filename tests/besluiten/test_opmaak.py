"""Minutes -> hours/minutes text, Dutch numbers and dates in the letter."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.besluiten.opmaak import datum_tekst, getal, hele_minuten, minuten_tekst, uren_tekst


@pytest.mark.parametrize(
    ("minuten", "tekst"),
    [
        (0, "0 minuten"),
        (1, "1 minuut"),
        (45, "45 minuten"),
        (60, "1 uur"),
        (61, "1 uur en 1 minuut"),
        (75, "1 uur en 15 minuten"),
        (120, "2 uur"),
        (37.5, "38 minuten"),
        (37.49, "37 minuten"),
    ],
)
def test_minuten_tekst(minuten: float, tekst: str) -> None:
    assert minuten_tekst(minuten) == tekst


def _terug(tekst: str) -> int:
    uren = re.search(r"(\d+) uur", tekst)
    minuten = re.search(r"(\d+) minu", tekst)
    return (int(uren.group(1)) * 60 if uren else 0) + (int(minuten.group(1)) if minuten else 0)


@given(st.floats(min_value=0, max_value=100_000, allow_nan=False))
def test_minuten_tekst_telt_terug_tot_afgeronde_minuten(minuten: float) -> None:
    tekst = minuten_tekst(minuten)
    assert _terug(tekst) == hele_minuten(minuten)
    assert abs(hele_minuten(minuten) - minuten) <= 0.5
    m = re.search(r"(\d+) minu", tekst)
    assert m is None or int(m.group(1)) < 60 or "uur" not in tekst


@given(st.integers(min_value=0, max_value=10**6))
def test_uren_tekst_is_minuten_gedeeld_door_60(minuten: int) -> None:
    tekst = uren_tekst(minuten)
    assert tekst.endswith(" uur")
    waarde = Decimal(tekst.removesuffix(" uur").replace(",", "."))
    assert abs(waarde - Decimal(minuten) / 60) <= Decimal("0.005")


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False, allow_infinity=False))
def test_getal_gebruikt_komma_en_geen_overbodige_nullen(waarde: Decimal) -> None:
    tekst = getal(waarde)
    assert "." not in tekst
    assert not ("," in tekst and tekst.endswith("0"))
    assert abs(Decimal(tekst.replace(",", ".")) - waarde) <= Decimal("0.005")


def test_negatieve_minuten_geweigerd() -> None:
    with pytest.raises(ValueError, match="minuten"):
        minuten_tekst(-1)


def test_datum_tekst() -> None:
    assert datum_tekst(dt.date(2026, 3, 5)) == "5 maart 2026"
    assert datum_tekst(None) == "(geen)"
