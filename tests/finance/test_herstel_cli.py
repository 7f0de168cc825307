"""``maatwerk financien herstel`` end to end with a stand-in batch engine (the tariffs are set here)."""

from __future__ import annotations

import sys
import types

import polars as pl
import pytest
from click.testing import CliRunner

from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.cli import cli

BSN = [maak_bsn(300_000 + 7 * i) for i in range(3)]
# tariff per period (4 weeks) per client under each kader: client 0 gains, 1 stays, 2 loses.
TARIEVEN = {"kpmg-hbel": [300.0, 250.0, 420.0], "h4": [420.0, 250.0, 300.0]}


@pytest.fixture
def batch(monkeypatch):
    aanroepen = []

    def indiceer_batch(frame: pl.DataFrame, kader: str, peildatum=None) -> pl.DataFrame:
        aanroepen.append((kader, peildatum, frame.columns))
        volgorde = {b: i for i, b in enumerate(BSN)}
        tarief = [TARIEVEN[kader][volgorde[i]] for i in frame["id"].to_list()]
        return pl.DataFrame(
            {"id": frame["id"], "trede_hbh": ["Trede 3"] * frame.height, "tarief_per_periode": tarief}
        )

    module = types.ModuleType("maatwerk.engine.batch")
    module.indiceer_batch = indiceer_batch
    monkeypatch.setitem(sys.modules, "maatwerk.engine.batch", module)
    monkeypatch.setenv("COLUMNS", "200")
    return aanroepen


@pytest.fixture
def indicaties(tmp_path):
    pad = tmp_path / "indicaties.csv"
    pl.DataFrame(
        {
            "bsn": BSN,
            "aanbieder": ["Thuiszorg West", "Thuiszorg West", "Zorg Oost"],
            "ingangsdatum": ["2019-01-15", "2019-01-01", "2018-06-01"],
            "einddatum": ["2019-12-31", "", ""],
            "geboortedatum": ["1940-01-01", "1935-05-05", "1950-02-02"],
            "kamers_in_gebruik": ["3", "", "4"],
        }
    ).write_csv(pad)
    return pad


def _herstel(indicaties, *extra):
    return CliRunner().invoke(
        cli,
        [
            "financien",
            "herstel",
            "--indicaties",
            str(indicaties),
            "--kader-oud",
            "kpmg-hbel@2021-01-01",
            "--kader-nieuw",
            "h4@2020-01-01",
            "--van",
            "2019-01-01",
            "--tot",
            "2019-02-25",
            *extra,
        ],
    )


def test_herstel_report_and_budget(batch, indicaties, tmp_path, db):
    """Periods 01-01..01-28 and 01-29..02-25. Client 0 from 01-15: 14 days then 28 days,
    €300 -> €420: 60,00 + 120,00 = 180,00 for Thuiszorg West. Client 2 loses: no compensation."""
    rapport, regels = tmp_path / "rapport.csv", tmp_path / "regels.csv"
    uit = _herstel(indicaties, "--budget", "150,00", "--csv", str(rapport), "--regels-csv", str(regels))
    assert uit.exit_code == 0, uit.output
    assert "BOVEN het budget" in uit.output and "€ 180,00" in uit.output
    tabel = pl.read_csv(rapport, schema_overrides={"compensatie": pl.String})
    assert tabel.select("aanbieder", "compensatie").rows() == [
        ("Thuiszorg West", "180.00"),
        ("Zorg Oost", "0.00"),
    ]
    assert pl.read_csv(regels, schema_overrides={"bsn": pl.String})["bsn"].n_unique() == 3
    # the per-client export is readable by its owner only and audited (issue 14)
    from maatwerk.apps.audit.models import AuditRegel

    assert regels.stat().st_mode & 0o777 == 0o600
    assert AuditRegel.objects.filter(
        wat__startswith="herstel per cliënt (CSV): regels.csv (3 cliënten)"
    ).exists()
    # each kader version ran once, on its own valid_from, without the bookkeeping columns
    assert [(k, str(p)) for k, p, _ in batch] == [("kpmg-hbel", "2021-01-01"), ("h4", "2020-01-01")]
    assert "aanbieder" not in batch[0][2] and "kamers_in_gebruik" in batch[0][2]


@pytest.mark.parametrize(
    ("extra", "melding"),
    [
        (["--budget", "veel"], "geen geldig bedrag"),
        (["--budget", "-5"], "kan niet negatief"),
    ],
)
def test_herstel_bad_options(batch, indicaties, extra, melding):
    uit = _herstel(indicaties, *extra)
    assert uit.exit_code == 2 and melding in uit.output


def test_herstel_refuses_unknown_version_and_bad_bsn(batch, indicaties, tmp_path):
    uit = CliRunner().invoke(
        cli,
        [
            "financien",
            "herstel",
            "--indicaties",
            str(indicaties),
            "--kader-oud",
            "kpmg-hbel@2019-01-01",
            "--kader-nieuw",
            "h4",
            "--van",
            "2019-01-01",
            "--tot",
            "2019-02-25",
        ],
    )
    assert uit.exit_code == 2 and "geen versie" in uit.output
    slecht = tmp_path / "slecht.csv"
    pl.read_csv(indicaties, infer_schema=False).with_columns(bsn=pl.lit("123456789")).write_csv(slecht)
    uit = _herstel(slecht)
    assert uit.exit_code == 2 and "rij 2, kolom bsn: '123456789' voldoet niet aan de 11-proef" in uit.output
