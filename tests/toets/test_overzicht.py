"""Overview outputs (HTML accessible and printable, CSV, Markdown) via the CLI folder mode."""

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from maatwerk.cli.toets import toets

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples" / "beleid"


def _overzicht(tmp_path: Path, naam: str) -> str:
    pad = tmp_path / naam
    uit = CliRunner().invoke(toets, [str(VOORBEELDEN), "--overzicht", str(pad)])
    assert uit.exit_code == 0, uit.output
    return pad.read_text(encoding="utf-8")


def test_html_is_accessible_and_printable(tmp_path):
    html = _overzicht(tmp_path, "uit.html")
    assert '<html lang="nl">' in html
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html
    assert "<script" not in html and "@media print" in html
    assert "Aastad / Beekdorp / Cranendal" in html
    assert "Voldoet niet" in html and "Onbekend" in html


def test_csv_has_one_row_per_policy(tmp_path):
    rijen = list(csv.DictReader(io.StringIO(_overzicht(tmp_path, "uit.csv"))))
    assert len(rijen) == len(list(VOORBEELDEN.glob("*.yaml")))
    polderrijk = next(r for r in rijen if r["gemeente"] == "Polderrijk")
    assert polderrijk["oordeel"] == "voldoet_niet"
    assert "geen uren in de beschikking" in polderrijk["hoofdreden"]


def test_markdown_table(tmp_path):
    md = _overzicht(tmp_path, "uit.md")
    assert md.startswith("# Beleidstoets hulp bij het huishouden")
    assert "| Wilgenhaven | 2017-06-01 | Onbekend | niet vast te stellen; ontbreekt: normering.bron" in md


def test_unknown_overview_format_exit_2(tmp_path):
    uit = CliRunner().invoke(toets, [str(VOORBEELDEN), "--overzicht", str(tmp_path / "uit.pdf")])
    assert uit.exit_code == 2 and "Fout: --overzicht " in uit.output and "onbekend formaat" in uit.output


@pytest.mark.parametrize("vlag", [[], ["--json"]])
def test_folder_without_overview_prints_every_policy(vlag):
    uit = CliRunner().invoke(toets, [str(VOORBEELDEN), *vlag])
    assert uit.exit_code == 0
    assert "Polderrijk" in uit.output and "Berkenoord" in uit.output
