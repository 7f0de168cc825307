"""Bad policy input: unknown key, wrong value, wrong type -> Dutch error with file, line and key; exit 2."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from maatwerk.cli.toets import toets
from maatwerk.regels.laden import Regelfout
from maatwerk.toets import laad_beleid, lees_beleid

GOED = """gemeente: Testdorp
peildatum: 2017-06-01
hh1: maatwerk
hh2: maatwerk
indicatie: uren
omvang_bepaald_door: college
beschikking_vermeldt: [taak, tijd]
normering:
  bron: ciz
  t_o_v_ciz: gelijk
inkomens_of_vermogenstoets: false
pgb_weigering_bij_gecontracteerde_aanbieder: false
"""


def _fout(tekst: str) -> str:
    with pytest.raises(Regelfout) as exc:
        lees_beleid(tekst, "beleid.yaml")
    return str(exc.value)


def test_good_policy_loads():
    assert lees_beleid(GOED).normering.bron == "ciz"


def test_unknown_key_names_file_line_and_key():
    assert _fout(GOED + "schoonmaakbudget: 3\n") == "beleid.yaml:13: schoonmaakbudget: onbekende sleutel"


def test_unknown_nested_key():
    tekst = GOED.replace("  t_o_v_ciz: gelijk\n", "  t_o_v_ciz: gelijk\n  minuten: 5\n")
    assert _fout(tekst) == "beleid.yaml:11: normering.minuten: onbekende sleutel"


def test_wrong_value_lists_allowed_values():
    fout = _fout(GOED.replace("hh1: maatwerk", "hh1: schoonmaak"))
    assert fout.startswith("beleid.yaml:3: hh1: ongeldige waarde 'schoonmaak'; toegestaan: maatwerk,")


def test_wrong_value_in_list():
    fout = _fout(GOED.replace("[taak, tijd]", "[taak, uren]"))
    assert fout.startswith("beleid.yaml:7: beschikking_vermeldt.1: ongeldige waarde 'uren'")


@pytest.mark.parametrize(
    ("regel", "vervanging", "verwacht"),
    [
        (
            "inkomens_of_vermogenstoets: false",
            "inkomens_of_vermogenstoets: 130",
            "beleid.yaml:11: inkomens_of_vermogenstoets: ongeldige waarde 130; "
            "toegestaan: true, false, onbekend",
        ),
        (
            "  t_o_v_ciz: gelijk",
            "  t_o_v_ciz: gelijk\n  generieke_norm_uren_per_week: twee",
            "beleid.yaml:11: normering.generieke_norm_uren_per_week: moet een getal zijn (is 'twee')",
        ),
        (
            "  t_o_v_ciz: gelijk",
            "  t_o_v_ciz: gelijk\n  generieke_norm_uren_per_week: true",
            "beleid.yaml:11: normering.generieke_norm_uren_per_week: moet een getal zijn (is True)",
        ),
        (
            "beschikking_vermeldt: [taak, tijd]",
            "beschikking_vermeldt: tijd",
            "beleid.yaml:7: beschikking_vermeldt: moet een lijst zijn",
        ),
        (
            "peildatum: 2017-06-01",
            "peildatum: 2017-02-30",
            "beleid.yaml:2: peildatum: geen geldige datum (verwacht JJJJ-MM-DD)",
        ),
        (
            "gemeente: Testdorp",
            "gemeente: 12",
            "beleid.yaml:1: gemeente: moet een naam of een niet-lege lijst met namen zijn",
        ),
    ],
)
def test_wrong_type(regel, vervanging, verwacht):
    assert _fout(GOED.replace(regel, vervanging)) == verwacht


def test_missing_gemeente_and_not_a_mapping():
    assert "gemeente: ontbreekt (verplicht)" in _fout(GOED.replace("gemeente: Testdorp\n", ""))
    assert "verwacht een tabel" in _fout("- hh1\n- hh2\n")


def test_missing_key_means_onbekend():
    beleid = lees_beleid("gemeente: X\npeildatum: 2017-01-01\n")
    assert beleid.hh1 == "onbekend" and beleid.normering.maatwerk_toeslagen == "onbekend"
    assert beleid.beschikking_vermeldt is None


def test_cli_exit_2_with_dutch_error(tmp_path: Path):
    pad = tmp_path / "fout.yaml"
    pad.write_text(GOED + "onzin: 1\n", encoding="utf-8")
    uit = CliRunner().invoke(toets, [str(pad)])
    assert uit.exit_code == 2
    assert "Fout: niet getoetst:" in uit.output
    assert f"{pad}:13: onzin: onbekende sleutel" in uit.output


def test_cli_missing_file_exit_2(tmp_path: Path):
    uit = CliRunner().invoke(toets, [str(tmp_path / "weg.yaml")])
    assert uit.exit_code == 2 and f"Fout: {tmp_path / 'weg.yaml'}: bestand of map bestaat niet" in uit.output


def test_cli_json_is_one_object_with_the_contract_keys(tmp_path: Path):
    pad = tmp_path / "goed.yaml"
    pad.write_text(GOED, encoding="utf-8")
    uit = CliRunner().invoke(toets, [str(pad), "--json"])
    assert uit.exit_code == 0
    data = json.loads(uit.output)
    assert set(data) == {"gemeente", "oordeel", "voorwaarden", "bevindingen", "ontbrekend"}
    assert data["oordeel"] == "voldoet"
    assert all(set(b) == {"criterium", "oordeel", "grondslag", "toelichting"} for b in data["bevindingen"])


def test_cli_text_shows_verdict_and_findings(tmp_path: Path):
    pad = tmp_path / "goed.yaml"
    pad.write_text(GOED.replace("indicatie: uren", "indicatie: resultaat"), encoding="utf-8")
    uit = CliRunner().invoke(toets, [str(pad)])
    assert uit.exit_code == 0
    assert uit.output.startswith("Testdorp (peildatum 2017-06-01): VOLDOET NIET")
    assert "[VOLDOET NIET] omvang-door-college" in uit.output
    assert "Feiten: " in uit.output and "Grondslag: " in uit.output


def test_folder_with_a_bad_file_still_writes_overview_and_exits_2(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(GOED, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOED.replace("hh1: maatwerk", "hh1: ja"), encoding="utf-8")
    uit_pad = tmp_path / "overzicht.md"
    uit = CliRunner().invoke(toets, [str(tmp_path), "--overzicht", str(uit_pad)])
    assert uit.exit_code == 2
    assert "b.yaml:3: hh1: ongeldige waarde 'ja'" in uit.output
    tekst = uit_pad.read_text(encoding="utf-8")
    assert "| Testdorp | 2017-06-01 | Voldoet |" in tekst
    assert "Niet getoetst" in tekst and "b.yaml" in tekst


def test_laad_beleid_unreadable_file(tmp_path: Path):
    with pytest.raises(Regelfout, match="kan bestand niet lezen"):
        laad_beleid(tmp_path)


def test_peildatum_before_the_wmo_2015_names_the_policy_file(tmp_path: Path):
    pad = tmp_path / "oud.yaml"
    pad.write_text(GOED.replace("peildatum: 2017-06-01", "peildatum: 2014-06-01"), encoding="utf-8")
    uit = CliRunner().invoke(toets, [str(pad)])
    assert uit.exit_code == 2
    assert f"{pad}: peildatum: geen beleidstoets geldig op 2014-06-01" in uit.output
