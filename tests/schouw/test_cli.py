"""``maatwerk schouw steekproef`` and ``maatwerk monitor``: output, files, Dutch errors with exit code 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from maatwerk.cli import cli

from .conftest import maak_zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def runner():
    return CliRunner()


def test_steekproef_json_reproducible(runner, consulent, aanbieders):
    for n in range(1, 11):
        maak_zaak(consulent, aanbieders[0], n)
    args = [
        "schouw",
        "steekproef",
        "--aanbieder",
        "thuiszorg noord",
        "--percentage",
        "30",
        "--seed",
        "7",
        "--json",
    ]
    eerste = runner.invoke(cli, args)
    assert eerste.exit_code == 0, eerste.output
    data = json.loads(eerste.output)
    assert data["aanbieder"] == "Thuiszorg Noord" and data["populatie"] == 10 and data["grootte"] == 3
    assert data["seed"] == 7 and data["percentage"] == 30 and len(data["te_bezoeken"]) == 3
    assert json.loads(runner.invoke(cli, args).output) == data


def test_steekproef_default_percentage(runner, consulent, aanbieders):
    maak_zaak(consulent, aanbieders[0], 1)
    uit = runner.invoke(cli, ["schouw", "steekproef", "--aanbieder", "Thuiszorg Noord", "--json"])
    assert uit.exit_code == 0 and json.loads(uit.output)["percentage"] == 7.5


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--aanbieder", "Bestaat Niet"], "onbekende aanbieder"),
        (["--aanbieder", "Thuiszorg Noord", "--percentage", "veel"], "--percentage: 'veel' is geen getal"),
        (["--aanbieder", "Thuiszorg Noord", "--percentage", "0"], "groter dan 0"),
        (["--aanbieder", "Thuiszorg Noord", "--seed", "x"], "--seed: 'x' is geen geheel getal"),
        (["--aanbieder", "Thuiszorg Noord", "--peildatum", "2026-02-30"], "geen geldige datum"),
    ],
)
def test_steekproef_bad_input(runner, aanbieders, args, melding):
    uit = runner.invoke(cli, ["schouw", "steekproef", *args, "--json"])
    assert uit.exit_code == 2 and "Fout:" in uit.output and melding in uit.output


def test_monitor_files(runner, consulent, aanbieders, tmp_path):
    maak_zaak(consulent, aanbieders[0], 1)
    csv, xlsx = tmp_path / "m.csv", tmp_path / "m.xlsx"
    uit = runner.invoke(
        cli, ["monitor", "--van", "2026-01-01", "--tot", "2026-12-31", "--csv", str(csv), "--xlsx", str(xlsx)]
    )
    assert uit.exit_code == 0, uit.output
    assert "2026-K4" in uit.output
    assert csv.read_text(encoding="utf-8").startswith("onderdeel;indicator")
    assert load_workbook(xlsx).active["A1"].value == "onderdeel"


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--van", "2026-06-01", "--tot", "2026-01-01"], "ligt vóór --van"),
        (["--van", "2026-01-01", "--tot", "2026-03-31", "--per", "maand"], "kies kwartaal of halfjaar"),
        (["--van", "2026-01-01", "--tot", "morgen"], "--tot: 'morgen' is geen geldige datum"),
        (
            ["--van", "2026-01-01", "--tot", "2026-03-31", "--csv", "uit.txt"],
            "--csv: de bestandsnaam moet eindigen op .csv",
        ),
        (["--van", "2026-01-01", "--tot", "2026-03-31", "--xlsx", "/bestaat/niet/m.xlsx"], "bestaat niet"),
    ],
)
def test_monitor_bad_input(runner, args, melding):
    uit = runner.invoke(cli, ["monitor", *args])
    assert uit.exit_code == 2 and "Fout:" in uit.output and melding in uit.output
