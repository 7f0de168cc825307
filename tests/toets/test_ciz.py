"""Own norm times compared with the CIZ-style reference of the normenkader engine."""

import datetime as dt

import pytest

from maatwerk.toets import ciz, toets_beleid
from maatwerk.toets.ciz import Referentie, classificeer, laad_referentie
from maatwerk.toets.criteria import beleidstoets_op

REGELS = beleidstoets_op(dt.date(2020, 1, 1)).ciz_vergelijking
REF = {"licht": 30.0, "zwaar": 90.0, "was": 60.0}


@pytest.mark.parametrize(
    ("eigen", "verwacht"),
    [
        ({"licht": 30, "zwaar": 90}, "gelijk"),
        ({"licht": 30, "zwaar": 100}, "hoger"),
        ({"licht": 20, "zwaar": 100}, "gemengd"),
        ({"licht": 25, "zwaar": 90, "was": 60}, "lager"),  # 5 of 180 min: below the 10% threshold
        ({"licht": 15, "zwaar": 60, "was": 60}, "aanzienlijk_lager"),
    ],
)
def test_classificeer(eigen, verwacht):
    assert classificeer(eigen, REF, REGELS) == verwacht


BELEID = {
    "gemeente": "Proefstad",
    "peildatum": "2018-01-01",
    "hh1": "maatwerk",
    "hh2": "maatwerk",
    "indicatie": "uren",
    "omvang_bepaald_door": "college",
    "beschikking_vermeldt": ["tijd"],
    "inkomens_of_vermogenstoets": False,
    "pgb_weigering_bij_gecontracteerde_aanbieder": False,
    "normering": {
        "bron": "eigen",
        "t_o_v_ciz": "gelijk",
        "maatwerk_toeslagen": True,
        "normtijden_min_per_week": {"licht": 10, "zwaar": 40, "onbekend_ding": 5},
    },
}


def _ref(voorbeeld: bool) -> Referentie:
    return Referentie("ref", "2006", REF, ("was",) if voorbeeld else (), {k: (k,) for k in REF})


def _normering(oordeel):
    return next(b for b in oordeel.bevindingen if b.criterium == "normering-objectief")


def test_reference_without_example_values_decides_t_o_v_ciz(monkeypatch):
    monkeypatch.setattr(ciz, "laad_referentie", lambda kader, peildatum: _ref(False))
    oordeel = toets_beleid(BELEID)
    assert oordeel.oordeel == "voldoet_niet"
    b = _normering(oordeel)
    assert "Vergeleken met referentiekader 'ref'" in b.toelichting and "aanzienlijk_lager" in b.toelichting
    assert "Niet vergeleken: onbekend_ding" in b.toelichting


def test_reference_with_example_values_falls_back_to_stated_t_o_v_ciz(monkeypatch):
    monkeypatch.setattr(ciz, "laad_referentie", lambda kader, peildatum: _ref(True))
    oordeel = toets_beleid(BELEID)
    assert oordeel.oordeel == "voldoet"
    assert "bevat nog voorbeeldwaarden zonder openbare bron (was)" in _normering(oordeel).toelichting
    assert "t_o_v_ciz uit het beleid (gelijk)" in _normering(oordeel).toelichting


def test_missing_reference_falls_back(monkeypatch):
    monkeypatch.setattr(ciz, "laad_referentie", lambda kader, peildatum: "het kader ontbreekt")
    assert "Normtijden niet vergeleken: het kader ontbreekt" in _normering(toets_beleid(BELEID)).toelichting


def test_engine_reference_is_read_from_the_real_engine():
    """Against the engine's loader: kpmg-hbel's base of 108 h/year (normtijden.md §2.2) per week."""
    referentie = laad_referentie("kpmg-hbel", dt.date(2022, 1, 1))
    assert isinstance(referentie, Referentie)
    assert referentie.minuten["schoon_huis"] == pytest.approx(108 * 60 / 52)
    gekoppeld, overig = referentie.koppel(
        {"licht_huishoudelijk_werk": 30, "zwaar_huishoudelijk_werk": 90, "was": 5}
    )
    assert gekoppeld == {"schoon_huis": 120} and overig == ["was"]
    gekoppeld, overig = referentie.koppel({"licht_huishoudelijk_werk": 30})
    assert gekoppeld == {} and overig == ["licht_huishoudelijk_werk"]
    assert "niet te laden" in laad_referentie("bestaat-niet", dt.date(2022, 1, 1))


def test_engine_ciz_protocol_still_holds_example_values():
    """The shipped CIZ-style protocol is the reference; its missing CIZ minutes are voorbeeld values, so
    the beleidstoets says so and falls back to the stated t_o_v_ciz."""
    referentie = laad_referentie(REGELS.kader, dt.date(2017, 6, 1))
    assert isinstance(referentie, Referentie)
    assert referentie.voorbeeld and "boodschappen" in referentie.voorbeeld_activiteiten
    beleid = dict(
        BELEID, normering=dict(BELEID["normering"], normtijden_min_per_week={"licht_huishoudelijk_werk": 5})
    )
    oordeel = toets_beleid(beleid)
    assert oordeel.oordeel == "voldoet"
    assert "bevat nog voorbeeldwaarden" in _normering(oordeel).toelichting
