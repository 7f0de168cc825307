"""The command-line contract: ``maatwerk termijn bezwaar|beslissing-op-bezwaar|klacht ... --json``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from maatwerk.cli import cli

SLEUTELS = {"begindatum", "einddatum", "grondslag", "verschoven"}


def _draai(*args: str):
    return CliRunner().invoke(cli, ["termijn", *args])


def test_bezwaar_json():
    uit = _draai("bezwaar", "--bekendgemaakt", "2026-04-02", "--json")
    assert uit.exit_code == 0, uit.output
    obj = json.loads(uit.output)
    assert set(obj) == SLEUTELS
    assert obj["begindatum"] == "2026-04-03" and obj["einddatum"] == "2026-05-18"
    assert obj["verschoven"]["van"] == "2026-05-14" and "Hemelvaartsdag" in obj["verschoven"]["reden"]
    assert isinstance(obj["grondslag"], list) and any("6:7" in g for g in obj["grondslag"])


def test_beslissing_op_bezwaar_json():
    basis = json.loads(_draai("beslissing-op-bezwaar", "--bekendgemaakt", "2026-01-05", "--json").output)
    assert (basis["begindatum"], basis["einddatum"], basis["verschoven"]) == (
        "2026-02-17",
        "2026-03-30",
        None,
    )
    alles = _draai(
        "beslissing-op-bezwaar", "--bekendgemaakt", "2026-01-05", "--commissie", "--verdaagd", "--json"
    )
    assert json.loads(alles.output)["einddatum"] == "2026-06-22"


def test_klacht_json():
    obj = json.loads(_draai("klacht", "--ontvangen", "2026-11-13", "--json").output)
    assert obj["einddatum"] == "2026-12-28" and obj["verschoven"]["van"] == "2026-12-25"
    obj = json.loads(
        _draai("klacht", "--ontvangen", "2026-01-05", "--commissie", "--verdaagd", "--json").output
    )
    assert obj["einddatum"] == "2026-04-13"


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("bezwaar", "--bekendgemaakt", "2026-02-30", "--json"), "geen geldige datum"),
        (("bezwaar", "--bekendgemaakt", "morgen", "--json"), "geen geldige datum"),
        (("bezwaar", "--json"), "vul een datum in"),
        (("klacht", "--ontvangen", "31-12-2026", "--json"), "geen geldige datum"),
        (("bezwaar", "--bekendgemaakt", "2031-06-01", "--json"), "Geen gelijkstellingsbesluit"),
    ],
)
def test_foute_invoer_geeft_nederlandse_fout_en_code_2(args, melding):
    uit = _draai(*args)
    assert uit.exit_code == 2
    assert melding in uit.output and uit.output.startswith("Fout: ")
