"""Herstelactie / compensatie (H4 2019), worked by hand, plus properties."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.finance.herstel import herstelregels, per_aanbieder, toets_budget

D = dt.date
SCHEMA = {
    "client": pl.String,
    "aanbieder": pl.String,
    "ingangsdatum": pl.Date,
    "einddatum": pl.Date,
    "tarief_oud_cent": pl.Int64,
    "tarief_nieuw_cent": pl.Int64,
}


def _indicaties(rijen: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(rijen, schema=SCHEMA, orient="row")


def test_compensation_worked_by_hand():
    """Herstel over 2019-01-01..2019-02-25 = two periods of 28 days (P1 01-01..01-28, P2 01-29..02-25).

    X (Thuiszorg West), from 2019-01-15, old tariff €300,00 -> revised €420,00 per 28 days:
      P1 14 days: betaald 300,00 x 14/28 = 150,00; herzien 420,00 x 14/28 = 210,00 -> 60,00
      P2 28 days: betaald 300,00;                  herzien 420,00              -> 120,00
    Y (Thuiszorg West), €250,00 -> €250,00: nothing owed in either period.
    W (Thuiszorg West), from 2019-01-19 (P1: 10 days), €100,00 -> €133,33:
      betaald 10000 x 10 / 28 = 3571,43 -> €35,71; herzien 13333 x 10 / 28 = 4761,79 -> €47,62
      -> €11,91; P2: 100,00 vs 133,33 -> €33,33
    Z (Zorg Oost), €420,00 -> €300,00 (revised lower): difference -120,00 per period, compensation 0
      (H4 compensated, it did not reclaim).
    Thuiszorg West: 60,00 + 120,00 + 11,91 + 33,33 = €225,24; Zorg Oost €0,00; total €225,24.
    Budget €250,00 -> within budget, €24,76 left.
    """
    indicaties = _indicaties(
        [
            ("X", "Thuiszorg West", D(2019, 1, 15), D(2019, 12, 31), 30000, 42000),
            ("Y", "Thuiszorg West", D(2019, 1, 1), None, 25000, 25000),
            ("W", "Thuiszorg West", D(2019, 1, 19), None, 10000, 13333),
            ("Z", "Zorg Oost", D(2018, 6, 1), None, 42000, 30000),
        ]
    )
    regels = herstelregels(indicaties, D(2019, 1, 1), D(2019, 2, 25))
    x = regels.filter(pl.col("client") == "X")
    assert x["dagen"].to_list() == [14, 28]
    assert x["betaald_cent"].to_list() == [15000, 30000]
    assert x["herzien_cent"].to_list() == [21000, 42000]
    assert x["compensatie_cent"].to_list() == [6000, 12000]
    w = regels.filter(pl.col("client") == "W")
    assert w["betaald_cent"].to_list() == [3571, 10000]
    assert w["herzien_cent"].to_list() == [4762, 13333]
    assert w["compensatie_cent"].to_list() == [1191, 3333]
    z = regels.filter(pl.col("client") == "Z")
    assert z["verschil_cent"].to_list() == [-12000, -12000]
    assert z["compensatie_cent"].to_list() == [0, 0]

    rapport = per_aanbieder(regels)
    # betaald: Y 250,00 x 2 + W 35,71 + 100,00 + X 150,00 + 300,00; herzien likewise with revised tariffs
    assert rapport.rows() == [
        (
            "Thuiszorg West",
            3,
            2,
            2 * 25000 + 3571 + 10000 + 15000 + 30000,
            2 * 25000 + 4762 + 13333 + 21000 + 42000,
            22524,
        ),
        ("Zorg Oost", 1, 0, 84000, 60000, 0),
    ]
    toets = toets_budget(rapport, 25000)
    assert toets.totaal_cent == 22524 and toets.ruimte_cent == 2476 and toets.binnen_budget

    verrekend = per_aanbieder(herstelregels(indicaties, D(2019, 1, 1), D(2019, 2, 25), verrekenen=True))
    assert verrekend["compensatie_cent"].to_list() == [22524, -24000]
    assert toets_budget(rapport, 20000).binnen_budget is False


tarief = st.integers(min_value=0, max_value=500_000)
datum = st.dates(min_value=D(2018, 10, 1), max_value=D(2020, 3, 1))


@st.composite
def indicatieset(draw, gelijk_of_hoger: bool):
    n = draw(st.integers(min_value=1, max_value=12))
    rijen = []
    for i in range(n):
        oud = draw(tarief)
        nieuw = oud + draw(st.integers(0, 100_000)) if gelijk_of_hoger else draw(tarief)
        van = draw(datum)
        tot = draw(st.one_of(st.none(), st.dates(min_value=van, max_value=D(2020, 6, 1))))
        rijen.append((f"c{i}", draw(st.sampled_from(["A", "B", "C"])), van, tot, oud, nieuw))
    return _indicaties(rijen)


@given(indicatieset(gelijk_of_hoger=True), st.integers(1, 60))
def test_compensation_never_negative_when_revision_pays_at_least_as_much(indicaties, periode_dagen):
    regels = herstelregels(indicaties, D(2019, 1, 1), D(2019, 12, 31), periode_dagen, verrekenen=True)
    assert (regels["verschil_cent"] >= 0).all()
    assert (regels["compensatie_cent"] >= 0).all()


@given(indicatieset(gelijk_of_hoger=False), st.booleans())
def test_totals_are_the_sum_of_the_lines(indicaties, verrekenen):
    regels = herstelregels(indicaties, D(2019, 1, 1), D(2019, 12, 31), verrekenen=verrekenen)
    rapport = per_aanbieder(regels)
    assert rapport["compensatie_cent"].sum() == regels["compensatie_cent"].sum()
    assert toets_budget(rapport, None).totaal_cent == regels["compensatie_cent"].sum()
    for rij in rapport.iter_rows(named=True):
        eigen = regels.filter(pl.col("aanbieder") == rij["aanbieder"])
        assert rij["herzien_cent"] - rij["betaald_cent"] == eigen["verschil_cent"].sum()
    if not verrekenen:
        assert (regels["compensatie_cent"] >= 0).all()
    assert (regels["dagen"] <= 28).all()
