"""The tariff rule files: validated on load, Dutch errors with file, line and key; shipped data sane."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.finance.herstel import herstelregels
from maatwerk.apps.finance.matrix import matrices, tarieftabel
from maatwerk.apps.finance.tarieven import pxq_versies, regelsets, uurtarief
from maatwerk.regels.laden import Regelfout

GOED = """id: test
naam: test
gemeente: Test
valid_from: 2020-01-01
tarieven:
  - klasse: hh1
    leveringsvorm: zin
    bedrag: "25.00"
    bron: {titel: "normtijden.md §7.4"}
"""


def _schrijf(map_: Path, naam: str, tekst: str) -> Path:
    (map_ / "test").mkdir(parents=True, exist_ok=True)
    pad = map_ / "test" / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_valid_file_loads_and_tariff_by_date(tmp_path):
    _schrijf(tmp_path, "2020-01-01.yaml", GOED)
    versie = pxq_versies("test", tmp_path)[0]
    assert versie.tarieven[0].bedrag == pytest.approx(25)


@pytest.mark.parametrize(
    ("vervang", "melding"),
    [
        (
            ('bron: {titel: "normtijden.md §7.4"}', "voorbeeld: true"),
            ":6: tarieven.0: voorbeeld-waarde zonder toelichting",
        ),
        (
            ('bron: {titel: "normtijden.md §7.4"}', "toelichting: x"),
            "waarde zonder bron: geef 'bron' of markeer met 'voorbeeld: true'",
        ),
        (('bedrag: "25.00"', 'bedrag: "25.005"'), ":8: tarieven.0.bedrag"),
        (("klasse: hh1", "klasse: hh3"), ":6: tarieven.0.klasse: ongeldige waarde 'hh3'"),
        (("gemeente: Test", "gemeente: Test\nonzin: 1"), ":4: onzin: onbekende sleutel"),
    ],
)
def test_bad_values_name_file_line_and_key(tmp_path, vervang, melding):
    pad = _schrijf(tmp_path, "2020-01-01.yaml", GOED.replace(*vervang))
    with pytest.raises(Regelfout) as fout:
        pxq_versies.__wrapped__("test", tmp_path)
    assert str(pad) in str(fout.value) and melding in str(fout.value)


def test_overlapping_versions_and_wrong_file_name_refused(tmp_path):
    _schrijf(tmp_path, "2020-01-01.yaml", GOED)
    _schrijf(tmp_path, "2020-06-01.yaml", GOED.replace("2020-01-01", "2020-06-01"))
    with pytest.raises(Regelfout, match="overlapt"):
        pxq_versies.__wrapped__("test", tmp_path)
    ander = tmp_path / "ander"
    _schrijf(ander, "2021-01-01.yaml", GOED)
    with pytest.raises(Regelfout, match="bestandsnaam moet 2020-01-01.yaml zijn"):
        pxq_versies.__wrapped__("test", ander)


def test_unknown_set_and_date_without_tariff():
    with pytest.raises(Regelfout, match="onbekende regelset 'nergens'"):
        pxq_versies("nergens")
    with pytest.raises(Regelfout, match="geen uurtarieven 'voorbeeldstad' geldig op 2015-06-01"):
        uurtarief("voorbeeldstad", "hh1", "zin", dt.date(2015, 6, 1))


def test_shipped_sets_load_and_mark_example_values():
    for regelset in regelsets("pxq"):
        for versie in pxq_versies(regelset):
            assert {(t.klasse, t.leveringsvorm) for t in versie.tarieven} == {
                ("hh1", "zin"),
                ("hh2", "zin"),
                ("hh1", "pgb"),
                ("hh2", "pgb"),
            }
            assert all(t.bron is not None or (t.voorbeeld and t.toelichting) for t in versie.tarieven)


@pytest.mark.parametrize("matrix", matrices())
def test_shipped_matrices_pay_more_for_more_hours(matrix):
    """A higher hour band never has a lower tariff: the basis of 'more hours, no less money'."""
    tabel = tarieftabel(matrix).unique(["trede_label", "van"]).sort("van", "band_min_minuten")
    for _, versie in tabel.group_by("van"):
        tarieven = versie.sort("band_min_minuten")["tarief_cent"].to_list()
        assert tarieven == sorted(tarieven)


def _tarief_bij(tabel: pl.DataFrame, minuten: int) -> int:
    for rij in tabel.iter_rows(named=True):
        if rij["band_min_minuten"] <= minuten and (
            rij["band_max_minuten"] is None or minuten < rij["band_max_minuten"]
        ):
            return rij["tarief_cent"]
    raise AssertionError(minuten)


@given(st.lists(st.tuples(st.integers(1, 600), st.integers(0, 300)), min_size=1, max_size=10))
def test_compensation_never_negative_when_the_revision_gives_at_least_as_many_hours(paren):
    """Old minutes m, revised minutes m + extra, both priced with the Voorbeeldstad matrix."""
    tabel = tarieftabel("voorbeeldstad-hbh").unique("trede_label")
    indicaties = pl.DataFrame(
        [
            (f"c{i}", "A", dt.date(2021, 1, 1), None, _tarief_bij(tabel, m), _tarief_bij(tabel, m + extra))
            for i, (m, extra) in enumerate(paren)
        ],
        orient="row",
        schema={
            "client": pl.String,
            "aanbieder": pl.String,
            "ingangsdatum": pl.Date,
            "einddatum": pl.Date,
            "tarief_oud_cent": pl.Int64,
            "tarief_nieuw_cent": pl.Int64,
        },
    )
    regels = herstelregels(indicaties, dt.date(2021, 1, 1), dt.date(2021, 6, 30), verrekenen=True)
    assert (regels["compensatie_cent"] >= 0).all()
