"""The ``maatwerk financien`` commands on a small synthetic simulation file (no database)."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

from maatwerk.cli import cli


@pytest.fixture
def uitkomst(tmp_path):
    """Six clients of the Voorbeeldstad matrix (Trede 5: 0-90, 4: 90-150, 3: 150-210 min/week)."""
    rijen = [
        (1, "Thuiszorg West", "zin", "hh1", 3.0, 80.0, "Trede 5", "", ""),
        (2, "Thuiszorg West", "zin", "hh1", 2.0, 88.0, "Trede 5", "", ""),
        (3, "Thuiszorg West", "zin", "hh2", 4.0, 140.0, "Trede 4", "plus", "2022-07-01"),
        (4, "Zorg Oost", "zin", "hh1", 1.5, 10.0, "Trede 5", "", ""),
        (5, "Zorg Oost", "zin", "hh1", None, 60.0, "Trede 5", "", ""),
        (6, "", "pgb", "hh1", 2.5, 100.0, "Trede 4", "", ""),
    ]
    frame = pl.DataFrame(
        rijen,
        orient="row",
        schema=[
            "caseload_id",
            "aanbieder",
            "leveringsvorm",
            "klasse_oud",
            "oude_uren_per_week",
            "nieuwe_minuten_per_week",
            "trede_hbh",
            "overgang_intensiteit",
            "overgang_tot",
        ],
    )
    pad = tmp_path / "uitkomst.csv"
    frame.write_csv(pad)
    return pad


@pytest.fixture(autouse=True)
def _breed(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # rich: one table row per line


def _run(*args):
    return CliRunner().invoke(cli, ["financien", *args], catch_exceptions=False)


def test_tarieven_lists_example_values():
    uit = _run("tarieven", "--matrix", "voorbeeldstad-hbh")
    assert uit.exit_code == 0
    assert "€ 25,75 *" in uit.output and "Trede 1" in uit.output and "voorbeeldwaarde" in uit.output


def test_aanbieders_old_vs_new(uitkomst, tmp_path):
    """2021-01-01..2021-01-28, hh1 ZIN €25,75/h, hh2 €29,35/h; Trede 5 €150, Trede 4 €250 per 4 weeks.

    Thuiszorg West old: (3 + 2) h x 4 x 25,75 = 515,00 + 4 h x 4 x 29,35 = 469,60 -> 984,60
                  new: 150 + 150 + 250 = 550,00
    Zorg Oost old: 1,5 x 4 x 25,75 = 154,50; new 150,00 (client 5: hours unknown, not counted).
    """
    csv = tmp_path / "aanbieders.csv"
    uit = _run(
        "aanbieders",
        "--uitkomst",
        str(uitkomst),
        "--van",
        "2021-01-01",
        "--tot",
        "2021-01-28",
        "--matrix",
        "voorbeeldstad-hbh",
        "--csv",
        str(csv),
        "--plot",
        str(tmp_path / "a.svg"),
    )
    assert uit.exit_code == 0, uit.output
    tabel = pl.read_csv(csv, schema_overrides={"inkomsten_oud": pl.String, "inkomsten_nieuw": pl.String})
    assert tabel.select("aanbieder", "inkomsten_oud", "inkomsten_nieuw").rows() == [
        ("Thuiszorg West", "984.60", "550.00"),
        ("Zorg Oost", "154.50", "150.00"),
    ]
    assert "1 PGB" in uit.output and "1 met onbekende" in uit.output
    assert (tmp_path / "a.svg").read_text().startswith("<?xml")


def test_uitmiddelen_flags_the_top_of_the_band(uitkomst):
    """Trede 5 band 0-90: Thuiszorg West 80/90 and 88/90 -> mean 0,93 -> flagged; Zorg Oost 10/90 -> 0,11."""
    uit = _run(
        "uitmiddelen",
        "--uitkomst",
        str(uitkomst),
        "--peildatum",
        "2021-06-01",
        "--matrix",
        "voorbeeldstad-hbh",
        "--per-trede",
    )
    assert uit.exit_code == 0, uit.output
    regels = [r for r in uit.output.splitlines() if "Trede 5" in r]
    west = next(r for r in regels if "Thuiszorg" in r)
    oost = next(r for r in regels if "Zorg Oost" in r)
    assert "bovenkant band" in west and "bovenkant band" not in oost


def test_begroting_with_plot(uitkomst, tmp_path):
    png = tmp_path / "begroting.png"
    uit = _run(
        "begroting",
        "--uitkomst",
        str(uitkomst),
        "--start",
        "2021-07-01",
        "--jaren",
        "2021-2022",
        "--matrix",
        "voorbeeldstad-hbh",
        "--beleid",
        "denhaag-2017",
        "--plot",
        str(png),
        "--csv",
        str(tmp_path / "b.csv"),
    )
    assert uit.exit_code == 0, uit.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    tabel = pl.read_csv(tmp_path / "b.csv")
    assert tabel["jaar"].to_list() == [2021, 2022]
    assert "plus → trede 3" in uit.output  # Den Haag's plus (above 150 min/week) priced at Trede 3


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["aanbieders", "--van", "2021-02-01", "--tot", "2021-01-01"], "ligt vóór --van"),
        (["aanbieders", "--van", "2021-13-01", "--tot", "2021-01-01"], "geen geldige datum"),
        (["begroting", "--start", "2021-01-01", "--jaren", "2025-2021"], "eindjaar moet na beginjaar"),
        (
            ["uitmiddelen", "--regels", "bestaat-niet", "--peildatum", "2021-01-01", "--matrix", "h4"],
            "onbekende regelset",
        ),
        (
            ["aanbieders", "--van", "2021-01-01", "--tot", "2021-01-28", "--matrix", "nergens"],
            "onbekende resultatenmatrix",
        ),
    ],
)
def test_bad_input_gives_dutch_error_and_exit_2(uitkomst, args, melding):
    uit = CliRunner().invoke(cli, ["financien", *args, "--uitkomst", str(uitkomst)])
    assert uit.exit_code == 2
    assert melding in uit.output


def test_missing_file_and_bad_hours(tmp_path):
    slecht = tmp_path / "slecht.csv"
    slecht.write_text(
        "caseload_id,aanbieder,leveringsvorm,klasse_oud,oude_uren_per_week,trede_hbh\n"
        "1,A,zin,hh1,drie,Trede 5\n"
    )
    uit = CliRunner().invoke(
        cli,
        [
            "financien",
            "aanbieders",
            "--van",
            "2021-01-01",
            "--tot",
            "2021-01-28",
            "--uitkomst",
            str(slecht),
            "--matrix",
            "voorbeeldstad-hbh",
        ],
    )
    assert uit.exit_code == 2
    assert "rij 2, kolom uren_per_week_oud: 'drie' is geen geldige getal" in uit.output
    uit = CliRunner().invoke(
        cli,
        [
            "financien",
            "aanbieders",
            "--van",
            "2021-01-01",
            "--tot",
            "2021-01-28",
            "--uitkomst",
            str(tmp_path / "weg.csv"),
        ],
    )
    assert uit.exit_code == 2 and "bestaat niet" in uit.output
