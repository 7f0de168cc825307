"""The ``maatwerk indiceer``, ``kaders`` and ``kader toon`` commands."""

from __future__ import annotations

import json

from click.testing import CliRunner

from maatwerk.cli.indicatie import indiceer, kader, kaders

from .conftest import VOORBEELDEN

VOORBEELD = str(VOORBEELDEN / "01-alleenstaande-basis.yaml")


def test_indiceer_tabel():
    uit = CliRunner().invoke(indiceer, [VOORBEELD])
    assert uit.exit_code == 0, uit.output
    assert "Schoon en leefbaar huis" in uit.output and "125" in uit.output
    assert "Uren per jaar: 108,33" in uit.output and "VOORBEELD" in uit.output


def test_indiceer_json_is_een_object():
    uit = CliRunner().invoke(indiceer, [VOORBEELD, "--json"])
    assert uit.exit_code == 0
    data = json.loads(uit.output)
    assert data["kader"] == "kpmg-hbel" and data["kader_versie"] == "2021"
    assert data["totaal_minuten_per_week"] == 125 and data["uren_per_jaar"] == 108.33
    assert data["treden"] == {"schoon_huis": "Trede 4"}
    assert data["tarief_per_periode"] == {"bedrag": 250.0, "periode": "4 weken", "voorbeeld": True}
    assert data["voorbeeldwaarden"] is True
    a = data["activiteiten"][0]
    assert {"id", "taak", "frequentie", "minuten_per_week", "uitleg"} <= set(a)


def test_indiceer_met_kader_en_peildatum():
    uit = CliRunner().invoke(
        indiceer,
        [
            str(VOORBEELDEN / "05-vught-weduwe.yaml"),
            "--kader",
            "ciz-protocol",
            "--peildatum",
            "2026-01-01",
            "--json",
        ],
    )
    data = json.loads(uit.output)
    assert data["totaal_minuten_per_week"] == 180 and data["peildatum"] == "2026-01-01"


def test_foute_invoer_geeft_exit_2_en_nederlandse_fout(tmp_path):
    pad = tmp_path / "fout.yaml"
    pad.write_text(
        "peildatum: 2026-03-01\ngemeente: Voorbeeldstad\nclient: {geboortedatum: 2030-01-01}\n", "utf-8"
    )
    uit = CliRunner().invoke(indiceer, [str(pad), "--json"])
    assert uit.exit_code == 2 and uit.stdout == ""
    assert "client.geboortedatum" in uit.stderr and "ligt na de peildatum" in uit.stderr
    uit = CliRunner().invoke(indiceer, [VOORBEELD, "--kader", "nergens"])
    assert uit.exit_code == 2 and "onbekend normenkader 'nergens'" in uit.stderr
    assert "01-alleenstaande-basis.yaml: kader:" in uit.stderr
    uit = CliRunner().invoke(indiceer, [str(tmp_path / "bestaat-niet.yaml")])
    assert uit.exit_code == 2 and "kan bestand niet lezen" in uit.stderr
    uit = CliRunner().invoke(indiceer, [VOORBEELD, "--peildatum", "2026-13-01"])
    assert uit.exit_code == 2 and "geen geldige datum" in uit.stderr


def test_kaders_en_kader_toon():
    uit = CliRunner().invoke(kaders, [])
    assert uit.exit_code == 0 and "kpmg-hbel" in uit.output and "denhaag-mwa" in uit.output
    uit = CliRunner().invoke(kader, ["toon", "h4"])
    assert uit.exit_code == 0 and "Trede 1" in uit.output and "Gebruikelijke hulp" in uit.output
    uit = CliRunner().invoke(kader, ["toon", "nergens"])
    assert uit.exit_code == 2


def test_kader_toon_matrix():
    uit = CliRunner().invoke(kader, ["toon", "voorbeeldstad-hbh"])
    assert uit.exit_code == 0 and "Trede 5" in uit.output and "€ 150,00" in uit.output
    uit = CliRunner().invoke(kader, ["toon", "h4", "--peildatum", "2026-01-01"])
    assert uit.exit_code == 0 and "€ 110,00" in uit.output  # aanvullende ondersteuning HbH (Westland)
