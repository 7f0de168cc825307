"""The criteria file: validated on load (conditions, facts, sources), and adding a criterion is data only."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from maatwerk.regels.laden import Regelfout
from maatwerk.toets.criteria import MAP, beleidstoets_op, versies
from maatwerk.toets.feiten import FEITEN
from maatwerk.toets.oordeel import beoordeel
from maatwerk.toets.voorwaarden import VoorwaardeFout, Waarheid, lees_voorwaarde

VOORBEELD = MAP / "2015-01-01.yaml"


def test_shipped_file_loads_and_every_criterion_has_a_legal_ground():
    toets = beleidstoets_op(dt.date(2020, 1, 1))
    for c in toets.criteria:
        assert any(v.ecli or v.wet for v in c.grondslag), c.id
        assert all(v.bron.titel for v in c.grondslag)


def test_no_beleidstoets_before_the_wmo_2015():
    with pytest.raises(Regelfout, match="geen beleidstoets geldig op 2014-06-01"):
        beleidstoets_op(dt.date(2014, 6, 1))


def _kopie(tmp_path: Path, vervang: tuple[str, str] | None = None, erbij: str = "") -> Path:
    map_ = tmp_path / "beleidstoets"
    map_.mkdir()
    tekst = VOORBEELD.read_text(encoding="utf-8")
    if vervang:
        assert vervang[0] in tekst
        tekst = tekst.replace(vervang[0], vervang[1], 1)
    (map_ / "2015-01-01.yaml").write_text(tekst + erbij, encoding="utf-8")
    return map_


def _fout(tmp_path: Path, oud: str, nieuw: str) -> str:
    map_ = _kopie(tmp_path, (oud, nieuw))
    with pytest.raises(Regelfout) as exc:
        versies(map_)
    return str(exc.value)


def test_unknown_fact_in_condition_names_file_line_and_key(tmp_path):
    fout = _fout(tmp_path, "- als: {indicatie: resultaat,", "- als: {indikatie: resultaat,")
    assert "2015-01-01.yaml:" in fout and "criteria.0.uitkomsten.0.als: onbekend feit 'indikatie'" in fout


def test_invalid_value_in_condition(tmp_path):
    fout = _fout(tmp_path, "- als: {indicatie: resultaat,", "- als: {indicatie: minuten,")
    assert "ongeldige waarde 'minuten' voor indicatie" in fout


def test_comparing_with_onbekend_is_refused(tmp_path):
    fout = _fout(tmp_path, "- als: {indicatie: resultaat,", "- als: {indicatie: onbekend,")
    assert "vergelijk niet met 'onbekend'" in fout


def test_condition_on_a_fact_the_criterion_does_not_read(tmp_path):
    fout = _fout(tmp_path, "leest: [inkomens_of_vermogenstoets]", "leest: [hh1]")
    assert "gebruikt inkomens_of_vermogenstoets, niet in 'leest'" in fout


def test_placeholder_must_be_a_fact_read(tmp_path):
    fout = _fout(tmp_path, "Toegang en omvang hangen niet af", "Toegang ({hh1}) hangt niet af")
    assert "{hh1} is geen feit dat dit criterium leest" in fout


def test_condition_without_source_or_bad_ecli(tmp_path):
    fout = _fout(tmp_path, 'ecli: "ECLI:NL:CRVB:2016:1404"', 'ecli: "CRvB 1404"')
    assert "ecli" in fout


def test_adding_a_criterion_is_adding_a_rule(tmp_path):
    """A new criterion in YAML changes verdicts without any code change."""
    nieuw = """
  - id: wenperiode-partner
    titel: "Geen hulp voor onbekende duur als alleen de partner het huishouden moet leren"
    schending: "generieke norm van nul uur"
    uitleg: "Testcriterium."
    essentieel: false
    leest: [normering.generieke_norm_uren_per_week]
    grondslag:
      - tekst: "Test"
        wet: "art. 2.3.2 Wmo 2015"
        bron: {titel: "test"}
    uitkomsten:
      - als: {normering.generieke_norm_uren_per_week: {hoogstens: 1}}
        oordeel: voldoet_niet
        toelichting: "Minder dan een uur ({normering.generieke_norm_uren_per_week}) voor iedereen."
    anders:
      oordeel: voldoet
      toelichting: "Goed."
"""
    toets = versies(_kopie(tmp_path, erbij=nieuw))[0]
    criterium = toets.criteria[-1]
    feiten = {naam: "x" for naam in FEITEN} | {"normering.generieke_norm_uren_per_week": 0.5}
    bevinding = beoordeel(criterium, feiten)
    assert bevinding.oordeel == "voldoet_niet"
    assert bevinding.toelichting == "Minder dan een uur (0.5) voor iedereen."


@pytest.mark.parametrize(
    ("voorwaarde", "feiten", "verwacht"),
    [
        ({"hh1": "maatwerk"}, {"hh1": "onbekend"}, Waarheid.ONBEKEND),
        (
            {"of": [{"hh1": "maatwerk"}, {"hh2": "maatwerk"}]},
            {"hh1": "onbekend", "hh2": "maatwerk"},
            Waarheid.WAAR,
        ),
        (
            {"en": [{"hh1": "maatwerk"}, {"hh2": "maatwerk"}]},
            {"hh1": "onbekend", "hh2": "afgeschaft"},
            Waarheid.ONWAAR,
        ),
        ({"niet": {"hh1": ["maatwerk", "afgeschaft"]}}, {"hh1": "afgeschaft"}, Waarheid.ONWAAR),
    ],
)
def test_kleene_logic(voorwaarde, feiten, verwacht):
    from maatwerk.toets.feiten import ONBEKEND

    waarden = {k: (ONBEKEND if v == "onbekend" else v) for k, v in feiten.items()}
    uitkomst = lees_voorwaarde(voorwaarde).evalueer(waarden)
    assert uitkomst.waarheid is verwacht
    if verwacht is Waarheid.ONBEKEND:
        assert uitkomst.ontbrekend == {"hh1"}


@pytest.mark.parametrize(
    ("voorwaarde", "melding"),
    [
        ({"beschikking_vermeldt": {"groter_dan": 3}}, "operator 'groter_dan' past niet"),
        ({"hh1": {"ongeveer": "maatwerk"}}, "onbekende operator 'ongeveer'"),
        ({"of": []}, "'of' verwacht een niet-lege lijst"),
        ([{"hh1": "maatwerk"}], "een voorwaarde is een tabel"),
        ({"inkomens_of_vermogenstoets": "ja"}, "ongeldige waarde 'ja'"),
        ({"normering.generieke_norm_uren_per_week": {"minstens": "twee"}}, "verwacht een getal"),
    ],
)
def test_bad_conditions(voorwaarde, melding):
    with pytest.raises(VoorwaardeFout, match=melding):
        lees_voorwaarde(voorwaarde)


def test_shipped_rules_dir_is_the_only_version(tmp_path):
    map_ = _kopie(tmp_path)
    shutil.copy(map_ / "2015-01-01.yaml", map_ / "2016-01-01.yaml")
    with pytest.raises(Regelfout, match="overlapt"):
        versies(map_)
