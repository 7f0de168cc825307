"""``maatwerk regels controleer``: valid, invalid and overriding directories; a gemeente of one's own."""

from __future__ import annotations

import datetime as dt
import json
import os

from click.testing import CliRunner

from maatwerk.cli import cli
from maatwerk.regels.zoekpad import OMGEVING, PAKKET

from .conftest import KPMG, TESTDORP, TESTDORP_MET_BELEID, kader_testdorp

SITUATIE = """peildatum: 2026-03-01
gemeente: Testdorp
client:
  geboortedatum: 1941-05-12
woning:
  type: appartement
  kamers_in_gebruik: 3
beperkingen:
  licht_huishoudelijk_werk: niet
  zwaar_huishoudelijk_werk: niet
"""


def _controleer(*args: str) -> tuple[int, str]:
    uit = CliRunner().invoke(cli, ["regels", "controleer", *args])
    return uit.exit_code, uit.output


def test_a_valid_directory_lists_what_it_adds(regelmap):
    map_ = regelmap(
        {"gemeenten/testdorp.yaml": TESTDORP, "normenkaders/testdorp/2024-01-01.yaml": kader_testdorp()}
    )
    code, uit = _controleer(str(map_), "--json")
    assert code == 0, uit
    data = json.loads(uit)
    assert data["geldig"] is True and data["fouten"] == []
    assert {(i["soort"], i["id"], i["versie"], i["status"]) for i in data["inhoud"]} == {
        ("gemeenten", None, "testdorp", "voegt toe"),
        ("normenkaders", "testdorp", "2024-01-01", "voegt toe"),
    }
    code, uit = _controleer(str(map_))
    assert code == 0 and "Geldig." in uit and f"MAATWERK_REGELS={map_}" in uit.replace("\n", "")
    assert OMGEVING not in os.environ  # checked, not activated


def test_an_overriding_directory_says_what_it_replaces(regelmap):
    tweede = (
        KPMG.read_text("utf-8")
        .replace("valid_from: 2021-01-01", "valid_from: 2027-01-01")
        .replace('versie: "2021"', 'versie: "2027"')
    )
    eerste = KPMG.read_text("utf-8").replace("valid_until: null", "valid_until: 2026-12-31")
    map_ = regelmap(
        {"normenkaders/kpmg-hbel/2021-01-01.yaml": eerste, "normenkaders/kpmg-hbel/2027-01-01.yaml": tweede}
    )
    code, uit = _controleer(str(map_), "--json")
    assert code == 0, uit
    inhoud = {i["versie"]: i for i in json.loads(uit)["inhoud"]}
    assert inhoud["2021-01-01"]["status"] == "vervangt"
    assert inhoud["2021-01-01"]["vervangt"] == str(KPMG)
    assert inhoud["2027-01-01"]["status"] == "nieuwe versie"


def test_an_invalid_directory_gives_dutch_errors_with_file_line_and_key(regelmap):
    kapot = kader_testdorp().replace("    taak:", "    taken: x\n    taak:", 1)
    map_ = regelmap(
        {
            "gemeenten/testdorp.yaml": TESTDORP,
            "normenkaders/testdorp/2024-01-01.yaml": kapot,
            "normkaders/x/2024-01-01.yaml": "id: x\n",
        }
    )
    code, uit = _controleer(str(map_), "--json")
    assert code == 2
    fouten = [
        f"{f['bestand']}:{f['regel']}: {f['sleutel']}: {f['melding']}" for f in json.loads(uit)["fouten"]
    ]
    pad = map_ / "normenkaders" / "testdorp" / "2024-01-01.yaml"
    regel = kapot.splitlines().index("    taken: x") + 1
    assert f"{pad}:{regel}: activiteiten.0.taken: onbekende sleutel" in fouten
    assert any("normkaders/x/2024-01-01.yaml" in f and "wordt niet gelezen" in f for f in fouten)
    code, uit = _controleer(str(map_))
    assert code == 2 and "Ongeldig:" in uit and "onbekende sleutel" in uit


def test_a_missing_directory_is_an_error(tmp_path):
    code, uit = _controleer(str(tmp_path / "weg"))
    assert code == 2 and "geen bestaande map" in uit


def test_testdorp_outside_the_package_from_check_to_indication(regelmap, activeer, tmp_path):
    """The README's "Uw gemeente toevoegen": write two files, check them, activate, indicate; the
    beleidstoets guard that issuing a beschikking passes accepts the configuration."""
    from maatwerk.toets.bewaking import controleer_configuratie

    map_ = regelmap(
        {
            "gemeenten/testdorp.yaml": TESTDORP_MET_BELEID,
            "normenkaders/testdorp/2024-01-01.yaml": kader_testdorp(),
        }
    )
    code, uit = _controleer(str(map_))
    assert code == 0, uit
    situatie = tmp_path / "testdorp.yaml"
    situatie.write_text(SITUATIE, "utf-8")
    assert CliRunner().invoke(cli, ["indiceer", str(situatie)]).exit_code == 2  # not active yet
    activeer(map_)
    uit = CliRunner().invoke(cli, ["indiceer", str(situatie), "--json"])
    assert uit.exit_code == 0, uit.output
    data = json.loads(uit.output)
    assert (data["kader"], data["gemeente"]) == ("testdorp", "Testdorp")
    assert data["kader_keuze"] == "gekozen op gemeente Testdorp en peildatum 2026-03-01"
    assert data["totaal_minuten_per_week"] > 0
    assert data["resultatenmatrix"] == "voorbeeldstad-hbh" and data["treden"]
    assert controleer_configuratie("Testdorp", dt.date(2026, 3, 1)).oordeel == "voldoet"
    assert PAKKET / "gemeenten" / "testdorp.yaml" not in list((PAKKET / "gemeenten").glob("*.yaml"))


def test_pad_shows_the_search_path(regelmap, activeer):
    map_ = regelmap({})
    activeer(map_)
    uit = CliRunner().invoke(cli, ["regels", "pad"])
    assert uit.exit_code == 0 and uit.output.splitlines() == [f"1. {PAKKET} (pakket)", f"2. {map_}"]
    activeer(map_ / "bestaat-niet")
    uit = CliRunner().invoke(cli, ["regels", "pad"])
    assert uit.exit_code == 2 and "MAATWERK_REGELS noemt" in uit.output


def test_the_package_directory_itself_is_valid():
    code, uit = _controleer(str(PAKKET), "--json")
    assert code == 0, uit
    data = json.loads(uit)
    assert {i["soort"] for i in data["inhoud"]} >= {
        "normenkaders",
        "gemeenten",
        "termijnen",
        "iwmo/codelijsten",
    }
