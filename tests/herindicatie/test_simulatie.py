"""Simulation: output columns, transition per client, summary (engine replaced by a contract double)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.herindicatie.overgang import laad_beleid, leeftijd
from maatwerk.apps.herindicatie.simulatie import UITVOER_KOLOMMEN, leeftijd_expr, samenvatting, simuleer

PEIL = dt.date(2017, 6, 5)


def contract_batch(frame: pl.DataFrame, kader: str, peildatum=None) -> pl.DataFrame:
    """Follows the batch contract of TEAM.md: 60 min/week per room in use (3 rooms when absent)."""
    kamers = pl.col("kamers_in_gebruik") if "kamers_in_gebruik" in frame.columns else pl.lit(None)
    minuten = kamers.fill_null(3).cast(pl.Float64) * 60
    return frame.select(
        "id",
        minuten.alias("totaal_minuten_per_week"),
        (minuten / 60).alias("uren_per_week"),
        pl.when(minuten <= 150)
        .then(pl.lit("basis"))
        .when(minuten <= 300)
        .then(pl.lit("plus"))
        .otherwise(pl.lit("intensief"))
        .alias("trede_hbh"),
        kamers.is_null().alias("situatie_typisch"),
        pl.lit(100.0).alias("tarief_per_periode"),
    )


def _caseload() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "caseload_id": [1, 2, 3, 4, 5],
            "geboortedatum": [
                dt.date(1937, 6, 5),
                dt.date(1937, 6, 6),
                dt.date(1950, 1, 1),
                dt.date(1950, 1, 1),
                dt.date(1980, 1, 1),
            ],
            "uren_per_week_oud": [4.5, 6.5, 3.0, None, 1.0],
            "klasse_oud": ["hh2", "hh2", "hh1", "hh1", "hh1"],
            "leveringsvorm": ["zin", "zin", "zin", "zin", "pgb"],
            "aanbieder": ["A", "A", "B", "B", ""],
            "kamers_in_gebruik": [2, 2, None, 6, 2],
        },
        schema_overrides={"kamers_in_gebruik": pl.Int64},
    )


def test_output_columns_and_denhaag_transition():
    uit = simuleer(_caseload(), "test", PEIL, laad_beleid("denhaag-2017", PEIL), batch=contract_batch)
    assert tuple(uit.columns) == UITVOER_KOLOMMEN
    rij = {r["caseload_id"]: r for r in uit.iter_rows(named=True)}
    # 80 on the peildatum, 4,5 h -> basis (120 min) -> Plus permanently
    assert (rij[1]["nieuwe_intensiteit"], rij[1]["overgang_intensiteit"], rij[1]["overgang_tot"]) == (
        "basis",
        "plus",
        "permanent",
    )
    assert rij[1]["verschil_uren_per_week"] == -2.5 and rij[1]["richting"] == "omlaag"
    # turns 80 the day after: one year of Intensief (old 6,5 h)
    assert (rij[2]["overgang_intensiteit"], rij[2]["overgang_tot"], rij[2]["regel"]) == (
        "intensief",
        "2018-06-05",
        "denhaag-2017/meer-dan-6-uur",
    )
    # exactly 3 h, typical situation (3 rooms = 180 min = plus): no transition, flagged typical
    assert (
        rij[3]["regel"] == "denhaag-2017/geen"
        and rij[3]["situatie_typisch"]
        and rij[3]["richting"] == "gelijk"
    )
    assert rij[4]["richting"] == "onbekend" and rij[4]["regel"] == "denhaag-2017/oude-uren-onbekend"
    assert rij[5]["leeftijdsklasse"] == "30-45" and rij[5]["richting"] == "omhoog"


def test_westland_wenperiode_aanvullend_and_driegesprek():
    beleid = laad_beleid("westland-2019", dt.date(2019, 9, 2))
    uit = simuleer(
        _caseload(),
        "test",
        dt.date(2019, 9, 2),
        beleid,
        batch=contract_batch,
        driegesprekken={2: ("tijdelijk_terug", dt.date(2019, 11, 1))},
    )
    rij = {r["caseload_id"]: r for r in uit.iter_rows(named=True)}
    assert (rij[1]["overgang_intensiteit"], rij[1]["overgang_tot"]) == ("oude_indicatie", "2019-12-02")
    assert (rij[2]["overgang_tot"], rij[2]["regel"]) == (
        "2019-11-01",
        "westland-2019/driegesprek-tijdelijk_terug",
    )
    assert rij[4]["aanvullende_ondersteuning"] and "meer dan drie kamers" in rij[4]["aanvullende_redenen"]
    assert not rij[1]["aanvullende_ondersteuning"]
    # Westland's policy has no intensity scale of its own: it speaks in the kader's treden.
    assert rij[3]["nieuwe_intensiteit"] == rij[3]["trede_hbh"] == rij[3]["overgang_intensiteit"] == "plus"


def test_no_policy_still_has_every_column():
    uit = simuleer(_caseload(), "test", PEIL, None, batch=contract_batch)
    assert tuple(uit.columns) == UITVOER_KOLOMMEN and set(uit["regel"]) == {""}


def test_summary_counts():
    uit = simuleer(_caseload(), "test", PEIL, laad_beleid("denhaag-2017", PEIL), batch=contract_batch)
    s = samenvatting(uit)
    assert (s["totaal"]["omhoog"], s["totaal"]["omlaag"], s["totaal"]["gelijk"], s["totaal"]["onbekend"]) == (
        1,
        2,
        1,
        1,
    )
    assert s["totaal"]["gemiddelde_daling_uren"] == pytest.approx(-3.5)
    per = {r["aanbieder"]: r for r in s["per_aanbieder"]}
    assert per["A"]["omlaag"] == 2 and per["(PGB)"]["omhoog"] == 1
    assert s["situatie_typisch"] == 1


@given(
    st.lists(
        st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)), min_size=1, max_size=30
    ),
    st.dates(min_value=dt.date(2020, 12, 31), max_value=dt.date(2030, 12, 31)),
)
def test_vectorised_age_equals_the_scalar_rule(geboortedata, peil):
    frame = pl.DataFrame({"geboortedatum": geboortedata})
    jaren = frame.select(leeftijd_expr(peil)).to_series().to_list()
    assert jaren == [leeftijd(g, peil) for g in geboortedata]


def test_with_the_real_engine_batch():
    from maatwerk.apps.herindicatie.demo import synthetische_caseload
    from maatwerk.apps.herindicatie.simulatie import engine_batch

    caseload = (
        synthetische_caseload(300, seed=3, peildatum=PEIL)
        .with_row_index("caseload_id", offset=1)
        .with_columns(
            pl.col("caseload_id").cast(pl.Int64),
            pl.col("geboortedatum").str.to_date(),
            pl.col("uren_per_week_oud").replace("", None).cast(pl.Float64),
        )
        .drop("bsn", "ingangsdatum_oud", "einddatum_oud")
    )
    uit = simuleer(caseload, "denhaag-mwa", PEIL, laad_beleid("denhaag-2017", PEIL), batch=engine_batch())
    assert tuple(uit.columns) == UITVOER_KOLOMMEN and uit.height == 300
    assert set(uit["nieuwe_intensiteit"]) <= {"geen", "basis", "plus", "intensief"}
    assert uit["situatie_typisch"].any() and not uit["situatie_typisch"].all()
    # The transition never lowers: the transition intensity is at least the new one.
    schaal = ["geen", "basis", "plus", "intensief"]
    for rij in uit.iter_rows(named=True):
        assert schaal.index(rij["overgang_intensiteit"]) >= schaal.index(rij["nieuwe_intensiteit"])
        if rij["regel"] == "denhaag-2017/meer-dan-6-uur":
            assert rij["oude_uren_per_week"] > 6 and rij["overgang_intensiteit"] == "intensief"
    assert (uit["nieuwe_uren_per_week"] * 60 - uit["nieuwe_minuten_per_week"]).abs().max() < 0.6


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=dt.date(1915, 1, 1), max_value=dt.date(2000, 12, 31)),
            st.one_of(st.none(), st.integers(min_value=0, max_value=900).map(lambda h: h / 100)),
            st.one_of(st.none(), st.integers(min_value=0, max_value=8)),
        ),
        min_size=1,
        max_size=25,
    ),
    st.sampled_from(["denhaag-2017", "voorbeeldstad"]),
)
def test_batch_transition_equals_the_single_client_rule(rijen, beleid_id):
    """Deduplicating inputs (ages canonicalised) must not change any client's outcome."""
    from decimal import Decimal

    from maatwerk.apps.herindicatie.overgang import bepaal_overgang

    peil = dt.date(2021, 3, 1)
    beleid = laad_beleid(beleid_id, peil)
    caseload = pl.DataFrame(
        {
            "caseload_id": list(range(1, len(rijen) + 1)),
            "geboortedatum": [g for g, _, _ in rijen],
            "uren_per_week_oud": [u for _, u, _ in rijen],
            "klasse_oud": ["hh1"] * len(rijen),
            "leveringsvorm": ["zin"] * len(rijen),
            "aanbieder": ["A"] * len(rijen),
            "kamers_in_gebruik": [k for _, _, k in rijen],
        },
        schema_overrides={"uren_per_week_oud": pl.Float64, "kamers_in_gebruik": pl.Int64},
    )
    uit = simuleer(caseload, "test", peil, beleid, batch=contract_batch)
    for (geboren, uren, kamers), rij in zip(rijen, uit.iter_rows(named=True), strict=True):
        minuten = (3 if kamers is None else kamers) * 60
        verwacht = bepaal_overgang(
            beleid,
            oude_uren=uren,
            geboortedatum=geboren,
            peildatum=peil,
            nieuwe_intensiteit=beleid.intensiteit_voor(rij["trede_hbh"], minuten),
            nieuwe_uren=Decimal(minuten) / 60,
            kenmerken={"kamers_in_gebruik": kamers},
        ).as_json()
        assert (rij["overgang_intensiteit"], rij["overgang_tot"] or None, rij["regel"]) == (
            verwacht["overgang_intensiteit"],
            verwacht["overgang_tot"],
            verwacht["regel"],
        )
        assert rij["aanvullende_ondersteuning"] == verwacht["aanvullende_ondersteuning"]
