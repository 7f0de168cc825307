"""Period arithmetic (hypothesis) and the CSV/XLSX export with formula neutralisation."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from maatwerk.apps.monitor.export import KOLOMMEN, naar_csv, naar_xlsx, neutraliseer
from maatwerk.apps.monitor.perioden import periode_van, perioden

datums = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
soorten = st.sampled_from(["kwartaal", "halfjaar"])


@given(datums, datums, soorten)
def test_periods_cover_the_range_without_gaps_or_overlap(a, b, soort):
    van, tot = min(a, b), max(a, b)
    reeks = perioden(van, tot, soort)
    assert reeks[0].van == van and reeks[-1].tot == tot
    for vorige, volgende in zip(reeks, reeks[1:], strict=False):
        assert volgende.van == vorige.tot + dt.timedelta(days=1)
    assert sum(p.dagen for p in reeks) == (tot - van).days + 1
    assert len({p.naam for p in reeks}) == len(reeks)


@given(datums, soorten)
def test_period_contains_its_date_and_has_calendar_bounds(datum, soort):
    p = periode_van(datum, soort)
    assert p.van <= datum <= p.tot
    assert p.van.day == 1 and (p.tot + dt.timedelta(days=1)).day == 1
    assert 90 <= p.dagen <= 92 if soort == "kwartaal" else 181 <= p.dagen <= 184


def test_worked_examples():
    assert periode_van(dt.date(2026, 8, 15)).naam == "2026-K3"
    assert periode_van(dt.date(2026, 8, 15), "halfjaar").naam == "2026-H2"
    assert [p.naam for p in perioden(dt.date(2026, 2, 1), dt.date(2026, 7, 10))] == [
        "2026-K1",
        "2026-K2",
        "2026-K3",
    ]
    assert perioden(dt.date(2026, 2, 1), dt.date(2026, 7, 10))[0].van == dt.date(2026, 2, 1)
    with pytest.raises(ValueError, match="vóór de begindatum"):
        perioden(dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match="kwartaal of halfjaar"):
        periode_van(dt.date(2026, 1, 1), "maand")  # type: ignore[arg-type]


@pytest.mark.parametrize("tekst", ["=SUM(A1)", "+31", "-1+1", "@cmd", "\tx"])
def test_formula_cells_are_neutralised(tekst):
    assert neutraliseer(tekst) == "'" + tekst
    assert neutraliseer(-3) == -3 and neutraliseer("Thuiszorg") == "Thuiszorg"


def _rijen():
    return [
        {
            "onderdeel": "schouw",
            "indicator": '=HYPERLINK("x")',
            "uitsplitsing": "@Noord",
            "periode": "2026-K1",
            "van": dt.date(2026, 1, 1),
            "tot": dt.date(2026, 3, 31),
            "waarde": 12,
            "eenheid": "aantal",
            "toelichting": "",
            "n": 12,
        },
        {
            "onderdeel": "meldingen",
            "indicator": "meldingen",
            "uitsplitsing": "",
            "periode": "2026-K1",
            "van": dt.date(2026, 1, 1),
            "tot": dt.date(2026, 3, 31),
            "waarde": "<5",
            "eenheid": "aantal",
            "toelichting": "onderdrukt",
            "n": 3,
        },
    ]


def test_csv():
    regels = list(csv.reader(io.StringIO(naar_csv(_rijen())), delimiter=";"))
    assert tuple(regels[0]) == KOLOMMEN
    assert regels[1][1] == '\'=HYPERLINK("x")' and regels[1][2] == "'@Noord" and regels[1][4] == "2026-01-01"
    assert regels[2][6] == "<5"


def test_xlsx_has_no_formulas():
    blad = load_workbook(io.BytesIO(naar_xlsx(_rijen()))).active
    waarden = [[c.value for c in rij] for rij in blad.iter_rows()]
    assert tuple(waarden[0]) == KOLOMMEN
    assert waarden[1][1] == '\'=HYPERLINK("x")' and waarden[1][6] == 12
    assert all(c.data_type != "f" for rij in blad.iter_rows() for c in rij)


@given(
    st.lists(
        st.tuples(st.integers(0, 50), st.one_of(st.none(), st.integers(0, 500), st.floats(0, 100))),
        max_size=40,
    )
)
def test_suppression_never_shows_a_value_based_on_one_to_four(paren):
    from maatwerk.apps.monitor.cijfers import ONDERDRUKT, onderdruk

    rijen = [{"n": n, "waarde": w, "toelichting": ""} for n, w in paren]
    for voor, na in zip(rijen, onderdruk(rijen), strict=True):
        if 0 < voor["n"] < 5:
            assert na["waarde"] == ONDERDRUKT
        else:
            assert na == voor
