"""Income old (PxQ) vs new (tariff per trede per period), worked by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from maatwerk.apps.finance.inkomsten import inkomsten_per_aanbieder, niet_geprijsd, oude_bedragen
from maatwerk.apps.finance.perioden import perioden
from maatwerk.apps.finance.tarieven import pxq_tabel
from maatwerk.regels.laden import Regelfout

from .conftest import caseload

D = dt.date
WEST, OOST = "Thuiszorg West", "Zorg Oost"


def _rij(bsn, aanbieder, klasse, vorm, uren, van, tot, trede) -> dict:
    return {
        "client": bsn,
        "aanbieder": aanbieder,
        "klasse_oud": klasse,
        "leveringsvorm": vorm,
        "uren_per_week_oud": uren,
        "ingangsdatum_oud": van,
        "einddatum_oud": tot,
        "trede": trede,
    }


def test_income_old_vs_new_by_hand(matrix):
    """One period 2017-01-01..2017-01-28 (28 days = 4 weeks), Voorbeeldstad tariffs 2017.

    Old (PxQ), hh1 ZIN €25,75/h, hh2 ZIN €29,35/h:
      A1 hh1, 3,5 h/week, whole period:          3,5 x 4 weeks x 25,75 = 360,50
      A2 hh2, 6 h/week, from 2017-01-15 (14 d):  6 x 2 weeks x 29,35   = 352,20
      Thuiszorg West old                                                = 712,70
    New (test matrix: basis €280,00, plus €560,00 per 28 days):
      A1 basis, 28 days: 280,00 x 28/28 = 280,00
      A2 plus, 14 days:  560,00 x 14/28 = 280,00
      Thuiszorg West new                = 560,00;  difference -152,70 = -21,43 %
    Zorg Oost: B1 is PGB (not provider income), B2 has unknown hours: nothing priced.
    """
    cl = caseload(
        [
            _rij("A1", WEST, "hh1", "zin", 3.5, D(2016, 6, 1), D(2017, 12, 31), "basis"),
            _rij("A2", WEST, "hh2", "zin", 6.0, D(2017, 1, 15), None, "plus"),
            _rij("B1", OOST, "hh1", "pgb", 4.0, D(2016, 1, 1), None, "plus"),
            _rij("B2", OOST, "hh1", "zin", None, D(2016, 1, 1), None, "basis"),
        ]
    )
    reeks = perioden(D(2017, 1, 1), D(2017, 1, 28))
    uit = inkomsten_per_aanbieder(cl, pxq_tabel("voorbeeldstad"), matrix, reeks)
    assert uit.height == 1
    rij = uit.row(0, named=True)
    assert rij["aanbieder"] == WEST and rij["clienten"] == 2
    assert rij["uren_per_week_oud"] == pytest.approx(9.5)
    assert rij["inkomsten_oud_cent"] == 71270
    assert rij["inkomsten_nieuw_cent"] == 56000
    assert rij["verschil_cent"] == -15270
    assert rij["verschil_pct"] == pytest.approx(-21.43, abs=0.01)
    assert niet_geprijsd(cl) == {"pgb": 1, "uren_onbekend": 1, "trede_onbekend": 0}


def test_tariff_change_inside_a_period_is_split_by_day():
    """Period 2016-12-18..2017-01-14: 14 days at €25,00 (2016) + 14 days at €25,75 (2017).

    2 h/week: 2 x 2 x 25,00 = 100,00 and 2 x 2 x 25,75 = 103,00 -> 203,00.
    """
    cl = caseload(
        [
            {
                "client": "A3",
                "aanbieder": WEST,
                "klasse_oud": "hh1",
                "leveringsvorm": "zin",
                "uren_per_week_oud": 2.0,
                "ingangsdatum_oud": D(2016, 1, 1),
                "einddatum_oud": None,
                "trede": "basis",
            }
        ]
    )
    regels = oude_bedragen(cl, pxq_tabel("voorbeeldstad"), perioden(D(2016, 12, 18), D(2017, 1, 14)))
    assert regels["bedrag_oud_cent"].to_list() == [20300]


def test_line_rounding_half_up_to_cents():
    """1,1 h/week = 66 min for 1 day at €25,75: 2575 x 66 x 1 / 420 = 404,64... cents -> €4,05."""
    cl = caseload([_rij("A4", WEST, "hh1", "zin", 1.1, D(2017, 3, 1), D(2017, 3, 1), "basis")])
    regels = oude_bedragen(cl, pxq_tabel("voorbeeldstad"), perioden(D(2017, 3, 1), D(2017, 3, 28)))
    assert regels["bedrag_oud_cent"].to_list() == [405]


def test_days_without_a_tariff_are_an_error_not_zero(matrix):
    """Before 2016 Voorbeeldstad has no hourly tariffs: refuse instead of pricing at € 0."""
    cl = caseload(
        [
            {
                "client": "A5",
                "aanbieder": WEST,
                "klasse_oud": "hh1",
                "leveringsvorm": "zin",
                "uren_per_week_oud": 2.0,
                "ingangsdatum_oud": D(2015, 1, 1),
                "einddatum_oud": None,
                "trede": "basis",
            }
        ]
    )
    with pytest.raises(Regelfout, match="zonder \\(volledig\\) geldend uurtarief"):
        oude_bedragen(cl, pxq_tabel("voorbeeldstad"), perioden(D(2015, 12, 1), D(2016, 1, 10)))
    onbekend = cl.with_columns(trede=pl.lit("onbekend"), ingangsdatum_oud=pl.lit(D(2017, 1, 1)))
    with pytest.raises(Regelfout, match="komt niet voor in de resultatenmatrix"):
        inkomsten_per_aanbieder(
            onbekend, pxq_tabel("voorbeeldstad"), matrix, perioden(D(2017, 1, 1), D(2017, 1, 28))
        )


def test_per_provider_totals_equal_sum_over_periods(matrix):
    cl = caseload(
        [
            _rij(
                f"C{i}",
                WEST if i % 2 else OOST,
                "hh1",
                "zin",
                1.0 + i / 7,
                D(2017, 1, i + 1),
                None,
                "basis" if i < 5 else "plus",
            )
            for i in range(10)
        ]
    )
    reeks = perioden(D(2017, 1, 1), D(2017, 6, 30))
    per_periode = inkomsten_per_aanbieder(cl, pxq_tabel("voorbeeldstad"), matrix, reeks)
    totaal = inkomsten_per_aanbieder(cl, pxq_tabel("voorbeeldstad"), matrix, reeks, per_periode=False)
    som = per_periode.group_by("aanbieder").agg(pl.col("inkomsten_oud_cent", "inkomsten_nieuw_cent").sum())
    assert (
        totaal.select("aanbieder", "inkomsten_oud_cent", "inkomsten_nieuw_cent")
        .sort("aanbieder")
        .equals(som.sort("aanbieder"))
    )
    assert per_periode["periode"].max() == 7


def test_client_without_minutes_counts_with_zero_new_income(matrix):
    """The engine finds 0 minutes (no trede): old 2 h x 4 weeks x €25,75 = €206,00, new €0,00.
    A client without trede for another reason (minutes > 0) is left out and counted as such."""
    cl = caseload(
        [
            _rij("Z1", WEST, "hh1", "zin", 2.0, D(2017, 1, 1), None, None),
            _rij("Z2", WEST, "hh1", "zin", 2.0, D(2017, 1, 1), None, None),
        ]
    ).with_columns(minuten_nieuw=pl.Series([0.0, 45.0]))
    uit = inkomsten_per_aanbieder(
        cl, pxq_tabel("voorbeeldstad"), matrix, perioden(D(2017, 1, 1), D(2017, 1, 28))
    )
    assert uit.select("clienten", "inkomsten_oud_cent", "inkomsten_nieuw_cent").rows() == [(1, 20600, 0)]
    assert niet_geprijsd(cl)["trede_onbekend"] == 1
