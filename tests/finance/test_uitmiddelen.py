"""Uitmiddelen: hours needed vs paid per provider and the 'top of the band' flag at its boundary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
import pytest

from maatwerk.apps.finance.tarieven import Bedrag, Drempel, UitmiddelenRegels, uitmiddelen_regels
from maatwerk.apps.finance.uitmiddelen import per_aanbieder, per_aanbieder_trede, per_client

from .conftest import tarieftabel

D = dt.date
REGELS = UitmiddelenRegels(
    id="test",
    naam="test",
    gemeente="Test",
    valid_from=D(2017, 1, 1),
    bovenkant_band=Drempel(waarde=0.6, voorbeeld=True, toelichting="testwaarde"),
    kostprijs_per_uur=Bedrag(bedrag=Decimal("25.00"), voorbeeld=True, toelichting="testwaarde"),
)
# basis: band 60..120 min/week; €150,00 per 28 days = 1,5 h/week x €25,00 x 4 weeks -> pays 90 min/week.
MATRIX = tarieftabel([("basis", 15000, 60, 120), ("plus", 30000, 121, 240)])


def _clienten(rijen: list[tuple[str, str, int, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        rijen,
        schema={"client": pl.String, "aanbieder": pl.String, "minuten_nieuw": pl.Int64, "trede": pl.String},
        orient="row",
    )


def test_flag_boundary_and_hours_by_hand():
    """Positions in the basis band (60..120): (minutes - 60) / 60.

    Hoog:         96, 96 min -> 0,6 and 0,6 -> mean 0,6 = threshold -> flagged (the threshold counts).
                  needed 192 min = 3,2 h; paid 2 x 90 min = 3,0 h; saldo -0,2 h.
    Net eronder:  95, 96 min -> 0,5833 and 0,6 -> mean 0,5917 < 0,6 -> not flagged.
    Laag:         60, 130 min -> 0 and 1 (130 lies above the band: clipped, counted in boven_band) -> 0,5.
    """
    clienten = per_client(
        _clienten(
            [
                ("h1", "Hoog", 96, "basis"),
                ("h2", "Hoog", 96, "basis"),
                ("n1", "Net eronder", 95, "basis"),
                ("n2", "Net eronder", 96, "basis"),
                ("l1", "Laag", 60, "basis"),
                ("l2", "Laag", 130, "basis"),
                ("x", "Laag", 100, None),
            ]
        ),
        MATRIX,
        REGELS,
        D(2017, 6, 1),
    )
    assert clienten["minuten_betaald"].to_list() == pytest.approx([90.0] * 6)
    uit = {r["aanbieder"]: r for r in per_aanbieder(clienten, REGELS).iter_rows(named=True)}
    assert uit["Hoog"]["signaal"] is True
    assert uit["Hoog"]["gemiddelde_positie"] == pytest.approx(0.6)
    assert uit["Hoog"]["uren_nodig"] == pytest.approx(3.2)
    assert uit["Hoog"]["uren_betaald"] == pytest.approx(3.0)
    assert uit["Hoog"]["saldo_uren"] == pytest.approx(-0.2)
    assert uit["Net eronder"]["signaal"] is False
    assert uit["Net eronder"]["gemiddelde_positie"] == pytest.approx(0.591667, abs=1e-6)
    assert uit["Laag"]["signaal"] is False
    assert uit["Laag"]["boven_band"] == 1 and uit["Laag"]["clienten"] == 2


def test_flag_per_trede_isolates_the_intensity():
    """A provider whose basis clients sit high but plus clients low: flagged for basis only."""
    clienten = per_client(
        _clienten(
            [
                ("a", "Gemengd", 110, "basis"),
                ("b", "Gemengd", 130, "plus"),
                ("c", "Gemengd", 125, "plus"),
            ]
        ),
        MATRIX,
        REGELS,
        D(2017, 6, 1),
    )
    rijen = per_aanbieder_trede(clienten, REGELS).iter_rows(named=True)
    per_trede = {r["trede"]: r["signaal"] for r in rijen}
    assert per_trede == {"Basis": True, "Plus": False}
    # over the whole caseload: (50/60 + 9/119 + 4/119) / 3 = 0,314 -> not flagged
    assert per_aanbieder(clienten, REGELS)["signaal"].to_list() == [False]


def test_shipped_rules_have_threshold_and_cost_price():
    regels = uitmiddelen_regels("voorbeeldstad", D(2024, 1, 1))
    assert 0 < regels.bovenkant_band.waarde <= 1
    assert regels.voorbeeldwaarden  # no public source for the number: marked as example
