"""Every example policy in examples/beleid/ gives the verdict in verwacht.csv, and together they cover
every criterion and every outcome."""

import csv
from pathlib import Path

import pytest

from maatwerk.toets import laad_beleid, toets_beleid
from maatwerk.toets.criteria import versies

MAP = Path(__file__).resolve().parents[2] / "examples" / "beleid"
VERWACHT = {r["bestand"]: r for r in csv.DictReader((MAP / "verwacht.csv").open(encoding="utf-8"))}


def _lijst(tekst: str) -> list[str]:
    return sorted(t for t in tekst.split(";") if t)


def test_every_example_file_has_an_expectation_and_vice_versa():
    bestanden = {p.name for p in MAP.glob("*.yaml")}
    assert bestanden == set(VERWACHT)
    assert len(bestanden) >= 12


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_example_gives_expected_verdict(naam):
    verwacht = VERWACHT[naam]
    oordeel = toets_beleid(laad_beleid(MAP / naam))
    assert oordeel.oordeel == verwacht["oordeel"]
    geschonden = sorted(b.criterium for b in oordeel.bevindingen if b.oordeel == "voldoet_niet")
    assert geschonden == _lijst(verwacht["geschonden"])
    assert len(oordeel.voorwaarden) == int(verwacht["voorwaarden"])
    if verwacht["ontbrekend"] != "*":
        assert sorted(oordeel.ontbrekend) == _lijst(verwacht["ontbrekend"])


def test_examples_cover_every_criterion_and_every_outcome():
    criteria = {c.id for v in versies() for c in v.criteria}
    oordelen = [toets_beleid(laad_beleid(MAP / naam)) for naam in VERWACHT]
    geschonden = {b.criterium for o in oordelen for b in o.bevindingen if b.oordeel == "voldoet_niet"}
    assert geschonden == criteria
    uitkomsten = {o.oordeel for o in oordelen}
    assert uitkomsten == {"voldoet", "voldoet_niet", "onbekend"}
    assert any(o.oordeel == "voldoet" and o.voorwaarden for o in oordelen)
    assert any(o.oordeel == "voldoet" and not o.voorwaarden for o in oordelen)
    assert any(isinstance(o.gemeente, list) and len(o.gemeente) > 1 for o in oordelen)


def test_violation_wins_even_when_other_facts_are_unknown():
    oordeel = toets_beleid(laad_beleid(MAP / "05-inkomensgrens-bijzondere-bijstand.yaml"))
    assert oordeel.oordeel == "voldoet_niet"
    assert "omvang_bepaald_door" in oordeel.ontbrekend


def test_finding_names_facts_ground_and_explanation():
    oordeel = toets_beleid(laad_beleid(MAP / "03-resultaatgericht-schoon-huis.yaml"))
    b = next(b for b in oordeel.bevindingen if b.criterium == "omvang-door-college")
    assert b.oordeel == "voldoet_niet"
    assert b.feiten["indicatie"] == "resultaat"
    assert "ECLI:NL:CRVB:2022:2099" in b.grondslag
    assert "geen tijd" in b.toelichting and "resultaat" in b.toelichting


def test_dict_input_is_validated_like_a_file():
    oordeel = toets_beleid({"gemeente": "Testdorp", "peildatum": "2018-01-01", "hh1": "afgeschaft"})
    assert oordeel.oordeel == "voldoet_niet"
    assert oordeel.gemeente == "Testdorp"
