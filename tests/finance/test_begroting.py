"""Budget impact per year of a campaign, worked by hand (2018 and 2019, 365 days each)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from maatwerk.apps.finance.begroting import begroting_per_jaar
from maatwerk.apps.finance.tarieven import pxq_tabel

D = dt.date
H = D(2018, 7, 2)  # herindicatiedatum: 2018-01-01..07-01 = 182 days old, 07-02..12-31 = 183 days new


def test_budget_per_year_by_hand(matrix):
    """Tariffs: PxQ 2017+ hh1 ZIN €25,75, hh2 ZIN €29,35, hh1 PGB €20,60 per hour; matrix basis €280,
    plus €560 per 28 days. Amounts in cents; PxQ = tariff x minutes x days / 420, matrix = tariff x days / 28.

    P hh1 2 h (120 min), basis, no transition:
        zonder/yr 2575*120*365/420 = 268535,7 -> 268536; 2018: old 2575*120*182/420 = 133900
        + basis 28000*183/28 = 183000; 2019: basis 365000
    Q hh2 4 h (240 min), plus until 2019-07-02 (first day of basis):
        zonder 2935*240*365/420 = 612157,1 -> 612157; 2018: old 2935*240*182/420 = 305240 + plus 56000*183/28
        = 366000; 2019: plus 182 days 364000 + basis 183 days 183000
    S hh1 5 h (300 min), oude_indicatie until 2018-10-01, then plus:
        zonder 671339,3 -> 671339; 2018: old 334750 + old level 07-02..09-30 (91 d) 167375
        + plus 92 days 184000; 2019: plus 730000
    T hh1 1 h (60 min), plus permanent: zonder 134267,9 -> 134268; 2018: old 66950 + plus 366000;
        2019: plus 730000
    U PGB hh1 2 h, no plan date (campaign start = H), basis: zonder 2060*120*365/420 = 214828,6 -> 214829;
        2018: old 107120 + basis 183000; 2019: basis 365000
    V hours unknown: not priced.
    2018: zonder 1.901.129; met 316900 + 671240 + 686125 + 432950 + 290120 = 2.397.335;
          overgang 366000 + 167375 + 366000 = 899.375; verschil 496.206
    2019: zonder 1.901.129; met 365000 + 547000 + 730000 + 730000 + 365000 = 2.737.000;
          overgang 364000 + 730000 = 1.094.000; verschil 835.871
    """
    rijen = [
        ("P", "A", "hh1", "zin", 2.0, "basis", None, None, H),
        ("Q", "A", "hh2", "zin", 4.0, "basis", "plus", "2019-07-02", H),
        ("S", "B", "hh1", "zin", 5.0, "plus", "oude_indicatie", "2018-10-01", H),
        ("T", "B", "hh1", "zin", 1.0, "basis", "plus", "permanent", H),
        ("U", "", "hh1", "pgb", 2.0, "basis", "", "", None),
        ("V", "A", "hh1", "zin", None, "basis", None, None, H),
    ]
    uitkomst = pl.DataFrame(
        rijen,
        orient="row",
        schema={
            "client": pl.String,
            "aanbieder": pl.String,
            "klasse_oud": pl.String,
            "leveringsvorm": pl.String,
            "uren_per_week_oud": pl.Float64,
            "trede": pl.String,
            "overgang_intensiteit": pl.String,
            "overgang_tot": pl.String,
            "herindicatiedatum": pl.Date,
        },
    )
    uit = begroting_per_jaar(uitkomst, pxq_tabel("voorbeeldstad"), matrix, H, 2018, 2019)
    assert uit.rows() == [
        (2018, 1901129, 2397335, 899375, 496206),
        (2019, 1901129, 2737000, 1094000, 835871),
    ]


def test_year_before_the_campaign_changes_nothing(matrix):
    uitkomst = pl.DataFrame(
        {
            "client": ["P"],
            "aanbieder": ["A"],
            "klasse_oud": ["hh1"],
            "leveringsvorm": ["zin"],
            "uren_per_week_oud": [2.5],
            "trede": ["plus"],
        }
    )
    uit = begroting_per_jaar(uitkomst, pxq_tabel("voorbeeldstad"), matrix, D(2019, 1, 1), 2018, 2018)
    assert uit["verschil_cent"].to_list() == [0]
    assert uit["kosten_zonder_campagne_cent"].to_list() == uit["kosten_met_campagne_cent"].to_list()


def test_transition_intensity_priced_at_the_trede_holding_its_lower_limit():
    """Den Haag's example scale (basis <= 150, plus <= 300, intensief above, minutes per week) on the
    Voorbeeldstad trede matrix (Trede 5: 0-90, 4: 90-150, 3: 150-210, 2: 210-300, 1: 300+ minutes):
    geen (up to 0) means no help: not mapped; basis from 0 -> Trede 5; plus from 150 -> Trede 3;
    intensief from 300 -> Trede 1."""
    from maatwerk.apps.finance.matrix import intensiteit_naar_trede, tarieftabel

    tabel = tarieftabel("voorbeeldstad-hbh")
    grenzen = [("geen", 0), ("basis", 150), ("plus", 300), ("intensief", None)]
    assert intensiteit_naar_trede(grenzen, tabel) == {
        "basis": "trede 5",
        "plus": "trede 3",
        "intensief": "trede 1",
    }
    # a label the matrix knows is left alone
    assert intensiteit_naar_trede([("trede 3", 200), ("x", None)], tabel) == {"x": "trede 3"}


def test_bad_overgang_tot_is_refused(matrix):
    uitkomst = pl.DataFrame(
        {
            "client": ["P"],
            "aanbieder": ["A"],
            "klasse_oud": ["hh1"],
            "leveringsvorm": ["zin"],
            "uren_per_week_oud": [2.5],
            "trede": ["plus"],
            "overgang_intensiteit": ["plus"],
            "overgang_tot": ["volgend jaar"],
        }
    )
    with pytest.raises(ValueError, match="overgang_tot 'volgend jaar' is geen datum"):
        begroting_per_jaar(uitkomst, pxq_tabel("voorbeeldstad"), matrix, D(2019, 1, 1), 2019, 2019)


def test_transition_runs_from_the_visit_not_from_the_simulation_date(matrix):
    """Simulated on 2018-07-02 with plus until 2019-07-02 (one year); visited 2018-10-01, so plus runs
    2018-10-01..2019-09-30 and basis from 2019-10-01. hh1 2 h: 2018 old 273 days 2575*120*273/420 =
    200850 + plus 92 days 56000*92/28 = 184000; 2019 plus 273 days 546000 + basis 92 days 92000."""
    uitkomst = pl.DataFrame(
        [("P", "A", "hh1", "zin", 2.0, "basis", "plus", "2019-07-02", D(2018, 10, 1))],
        orient="row",
        schema={
            "client": pl.String,
            "aanbieder": pl.String,
            "klasse_oud": pl.String,
            "leveringsvorm": pl.String,
            "uren_per_week_oud": pl.Float64,
            "trede": pl.String,
            "overgang_intensiteit": pl.String,
            "overgang_tot": pl.String,
            "herindicatiedatum": pl.Date,
        },
    )
    uit = begroting_per_jaar(uitkomst, pxq_tabel("voorbeeldstad"), matrix, H, 2018, 2019, None, H)
    assert uit.select("kosten_met_campagne_cent", "waarvan_overgang_cent").rows() == [
        (200850 + 184000, 184000),
        (546000 + 92000, 546000),
    ]
