"""A beschikking is only ever given for a maatwerkvoorziening (issue 9 item 4).

A policy that describes what its beschikking states describes a maatwerkvoorziening, so the toets
reasons from that instead of answering 'onbekend' because hh1/hh2 are not given.
"""

import datetime as dt

import pytest

from maatwerk.regels.laden import Regelfout
from maatwerk.toets import lees_beleid, toets_beleid
from maatwerk.toets.beleid import Beleid
from maatwerk.toets.feiten import ONBEKEND, feit_waarde

BASIS = {
    "gemeente": "Zandwijk",
    "peildatum": dt.date(2021, 1, 1),
    "indicatie": "uren",
    "omvang_bepaald_door": "college",
    "normering": {"bron": "ciz", "t_o_v_ciz": "gelijk", "maatwerk_toeslagen": True},
}


def _bevinding(data: dict, criterium: str):
    return next(b for b in toets_beleid(data).bevindingen if b.criterium == criterium)


@pytest.mark.parametrize(
    ("extra", "verwacht"),
    [
        ({"hh1": "maatwerk"}, True),
        ({"hh2": "maatwerk", "hh1": "afgeschaft"}, True),
        ({"beschikking_vermeldt": ["tijd"]}, True),  # hh1/hh2 unknown: the beschikking decides
        ({"hh1": "afgeschaft", "beschikking_vermeldt": []}, True),  # hh2 must be maatwerk
        ({"hh1": "afgeschaft", "hh2": "algemene_voorziening"}, False),
        ({"hh1": "afgeschaft"}, ONBEKEND),
        ({}, ONBEKEND),
    ],
)
def test_maatwerkvoorziening_fact(extra, verwacht):
    beleid = Beleid.model_validate(BASIS | extra)
    assert feit_waarde(beleid, "maatwerkvoorziening") is verwacht


def test_beschikking_without_time_is_a_violation_even_without_hh1_hh2():
    b = _bevinding(BASIS | {"beschikking_vermeldt": ["resultaat", "taak"]}, "omvang-door-college")
    assert b.oordeel == "voldoet_niet"
    assert "geen tijd" in b.toelichting
    assert b.feiten["maatwerkvoorziening"] == "ja"


def test_beschikking_with_time_satisfies_without_hh1_hh2():
    data = BASIS | {"beschikking_vermeldt": ["resultaat", "tijd"]}
    assert _bevinding(data, "omvang-door-college").oordeel == "voldoet"
    assert _bevinding(data, "normering-objectief").oordeel == "voldoet"


def test_result_indication_is_a_violation_when_the_beschikking_is_described():
    data = BASIS | {"indicatie": "resultaat", "beschikking_vermeldt": ["resultaat"]}
    assert _bevinding(data, "omvang-door-college").oordeel == "voldoet_niet"


def test_no_norms_is_a_violation_when_the_beschikking_is_described():
    data = BASIS | {"normering": {"bron": "geen"}, "beschikking_vermeldt": ["tijd"]}
    assert _bevinding(data, "normering-objectief").oordeel == "voldoet_niet"


def test_without_beschikking_and_hh_the_missing_facts_are_the_real_ones():
    b = _bevinding(BASIS, "omvang-door-college")
    assert b.oordeel == "onbekend"
    assert set(b.ontbrekend) == {"hh1", "hh2", "beschikking_vermeldt"}  # not the derived fact
    assert "maatwerkvoorziening" not in toets_beleid(BASIS).ontbrekend


def test_no_maatwerk_at_all_is_not_applicable():
    data = BASIS | {"hh1": "afgeschaft", "hh2": "algemene_voorziening"}
    assert _bevinding(data, "omvang-door-college").oordeel == "niet_van_toepassing"
    assert _bevinding(data, "normering-objectief").oordeel == "niet_van_toepassing"


def test_a_beschikking_without_any_maatwerk_is_refused_in_dutch():
    tekst = """\
gemeente: Zandwijk
peildatum: 2021-01-01
hh1: afgeschaft
hh2: algemene_voorziening
beschikking_vermeldt: [tijd]
"""
    with pytest.raises(Regelfout) as exc:
        lees_beleid(tekst, "zandwijk.yaml")
    melding = str(exc.value)
    assert "zandwijk.yaml:5" in melding and "beschikking_vermeldt" in melding
    assert "een beschikking wordt alleen voor een maatwerkvoorziening gegeven" in melding
