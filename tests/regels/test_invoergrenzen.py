"""Issue 14: the date upper bound (how far ahead a case date may lie) is cited rules data, validated
on load and overridable per gemeente, not a code constant."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.apps.cases.termijnregels import datumbereik
from maatwerk.regels.controle import controleer_map
from maatwerk.regels.invoergrenzen import invoergrenzen_op
from maatwerk.regels.laden import Regelfout
from maatwerk.regels.zoekpad import PAKKET

PAKKETBESTAND = PAKKET / "invoergrenzen" / "2015-01-01.yaml"


def _met(waarde: str) -> str:
    return PAKKETBESTAND.read_text("utf-8").replace("  waarde: 10", f"  waarde: {waarde}")


def test_pakket_geeft_tien_jaar_met_bron():
    grenzen = invoergrenzen_op(dt.date(2026, 5, 1))
    assert grenzen.datum_vooruit_jaren.waarde == 10 and grenzen.datum_vooruit_jaren.bron is not None
    assert datumbereik(dt.date(2026, 5, 1)) == (dt.date(2015, 1, 1), dt.date(2036, 12, 31))


def test_gemeente_kan_de_grens_vervangen(regelmap, activeer):
    activeer(regelmap({"invoergrenzen/2015-01-01.yaml": _met("25")}))
    assert datumbereik(dt.date(2026, 5, 1))[1] == dt.date(2051, 12, 31)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        (_met("0"), "datum_vooruit_jaren.waarde"),
        (_met("tien"), "datum_vooruit_jaren.waarde"),
        (_met("10").replace("  bron:\n", "  vervallen:\n"), "datum_vooruit_jaren"),
    ],
)
def test_foute_grens_wordt_geweigerd_bij_laden(regelmap, activeer, tekst, melding):
    map_ = regelmap({"invoergrenzen/2015-01-01.yaml": tekst})
    activeer(map_)
    with pytest.raises(Regelfout) as fout:
        invoergrenzen_op(dt.date(2026, 5, 1))
    assert "invoergrenzen/2015-01-01.yaml" in str(fout.value) and melding in str(fout.value)
    assert any("invoergrenzen" in str(m) for m in controleer_map(map_).fouten)


def test_bestandsnaam_moet_de_geldigheid_zijn(regelmap, activeer):
    activeer(regelmap({"invoergrenzen/2016-01-01.yaml": _met("10")}))
    with pytest.raises(Regelfout, match="bestandsnaam moet 2015-01-01.yaml zijn"):
        invoergrenzen_op(dt.date(2026, 5, 1))
