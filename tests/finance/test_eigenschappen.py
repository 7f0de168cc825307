"""Properties of the income and uitmiddelen computations (hypothesis)."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.apps.finance.inkomsten import inkomsten_per_aanbieder, oude_bedragen
from maatwerk.apps.finance.perioden import perioden
from maatwerk.apps.finance.tarieven import pxq_tabel

from .conftest import caseload, tarieftabel

D = dt.date
MATRIX = tarieftabel([("basis", 28000, 0, 150), ("plus", 56000, 150, 300)], van=D(2016, 1, 1))
PXQ = pxq_tabel("voorbeeldstad")


@st.composite
def clienten(draw):
    n = draw(st.integers(1, 15))
    rijen = []
    for i in range(n):
        van = draw(st.dates(D(2016, 1, 1), D(2018, 6, 1)))
        tot = draw(st.one_of(st.none(), st.dates(van, D(2019, 1, 1))))
        rijen.append(
            {
                "client": f"c{i}",
                "aanbieder": draw(st.sampled_from(["A", "B"])),
                "klasse_oud": draw(st.sampled_from(["hh1", "hh2"])),
                "leveringsvorm": "zin",
                "uren_per_week_oud": draw(st.sampled_from([0.5, 1.0, 1.25, 2.0, 3.3, 4.75, 6.0, 9.1])),
                "ingangsdatum_oud": van,
                "einddatum_oud": tot,
                "trede": draw(st.sampled_from(["basis", "plus"])),
            }
        )
    return caseload(rijen)


@settings(max_examples=40, deadline=None)
@given(clienten(), st.dates(D(2016, 6, 1), D(2018, 1, 1)), st.integers(1, 400))
def test_provider_totals_are_sums_of_client_lines(cl, van, dagen):
    reeks = perioden(van, van + dt.timedelta(days=dagen))
    totaal = inkomsten_per_aanbieder(cl, PXQ, MATRIX, reeks, per_periode=False)
    per_periode = inkomsten_per_aanbieder(cl, PXQ, MATRIX, reeks)
    regels = oude_bedragen(cl, PXQ, reeks)
    assert (
        totaal["inkomsten_oud_cent"].sum()
        == regels["bedrag_oud_cent"].sum()
        == per_periode["inkomsten_oud_cent"].sum()
    )
    assert totaal["inkomsten_nieuw_cent"].sum() == per_periode["inkomsten_nieuw_cent"].sum()
    assert (regels["dagen"] <= 28).all() and (regels["bedrag_oud_cent"] >= 0).all()


@settings(max_examples=40, deadline=None)
@given(clienten(), st.floats(0.25, 5.0))
def test_more_old_hours_never_lower_old_income(cl, extra):
    reeks = perioden(D(2017, 1, 1), D(2017, 12, 31))
    meer = cl.with_columns(pl.col("uren_per_week_oud") + extra)
    voor = oude_bedragen(cl, PXQ, reeks)["bedrag_oud_cent"].to_list()
    na = oude_bedragen(meer, PXQ, reeks)["bedrag_oud_cent"].to_list()
    assert all(b >= a for a, b in zip(voor, na, strict=True))
