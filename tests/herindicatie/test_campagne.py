"""CLI flow on the database: simuleer (engine via the batch contract), plan, registreer, brieven."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload
from maatwerk.apps.herindicatie.planning import Planclient, orden, plan
from maatwerk.apps.herindicatie.simulatie import UITVOER_KOLOMMEN
from maatwerk.cli import cli

from .test_simulatie import contract_batch

#: Letters need the gemeente's sender data (phone, e-mail); a fictitious one for Westland, for these tests.
AFZENDER_WESTLAND = """\
gemeente: Westland
afdeling: Team Wmo
postadres: [Gemeente Westland (test), Postbus 9998, 9998 ZZ Testplaats]
bezwaaradres: [Het college van burgemeester en wethouders (test), Postbus 9998, 9998 ZZ Testplaats]
bezwaar_digitaal: www.westland.example/bezwaar
telefoon: "14 0998"
email: wmo@westland.example
website: www.westland.example
ondertekening: het college (test)
voorbeeld: true
"""


@pytest.fixture
def caseload(tmp_path, monkeypatch):
    monkeypatch.setattr("maatwerk.apps.herindicatie.simulatie.engine_batch", lambda: contract_batch)
    (tmp_path / "regels" / "afzenders").mkdir(parents=True)
    (tmp_path / "regels" / "afzenders" / "westland.yaml").write_text(AFZENDER_WESTLAND, encoding="utf-8")
    monkeypatch.setenv("MAATWERK_REGELS", str(tmp_path / "regels"))
    pad = schrijf_caseload(synthetische_caseload(60, seed=7), tmp_path / "c.csv")
    uit = CliRunner().invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert uit.exit_code == 0, uit.output
    return tmp_path


@pytest.mark.django_db
def test_simuleer_writes_every_column_and_stores(caseload):
    from maatwerk.apps.herindicatie.models import Simulatie

    runner = CliRunner()
    uit = runner.invoke(
        cli,
        [
            "herindicatie",
            "simuleer",
            "--kader",
            "test",
            "--beleid",
            "denhaag-2017",
            "--peildatum",
            "2017-06-05",
            "-o",
            str(caseload / "u.parquet"),
            "--plot",
            str(caseload / "s.png"),
        ],
    )
    assert uit.exit_code == 0, uit.output
    frame = pl.read_parquet(caseload / "u.parquet")
    assert tuple(frame.columns) == UITVOER_KOLOMMEN and frame.height == 60
    assert "omhoog" in uit.output and "Per aanbieder" in uit.output
    simulatie = Simulatie.objects.get()
    assert simulatie.uitkomsten.count() == 60 and simulatie.samenvatting["totaal"]["aantal"] == 60
    assert (caseload / "s.png").stat().st_size > 1000
    assert "bsn" not in frame.columns


@pytest.mark.django_db
def test_driegesprek_changes_the_next_simulation_and_letters(caseload):
    from maatwerk.apps.herindicatie.models import CaseloadClient, SimulatieUitkomst

    runner = CliRunner()
    client = CaseloadClient.objects.order_by("pk").first()
    fout = runner.invoke(
        cli,
        [
            "herindicatie",
            "registreer",
            "driegesprek",
            "--caseload-id",
            str(client.pk),
            "--uitkomst",
            "tijdelijk_terug",
            "--datum",
            "2019-09-10",
        ],
    )
    assert fout.exit_code == 1 and "tot: verplicht" in fout.output
    goed = runner.invoke(
        cli,
        [
            "herindicatie",
            "registreer",
            "driegesprek",
            "--bsn",
            client.bsn,
            "--uitkomst",
            "tijdelijk_terug",
            "--datum",
            "2019-09-10",
            "--tot",
            "2019-11-01",
        ],
    )
    assert goed.exit_code == 0, goed.output
    runner.invoke(cli, ["herindicatie", "registreer", "prematuur_bezwaar", "--caseload-id", str(client.pk)])
    uit = runner.invoke(
        cli,
        [
            "herindicatie",
            "simuleer",
            "--kader",
            "test",
            "--beleid",
            "westland-2019",
            "--peildatum",
            "2019-09-02",
            "-o",
            str(caseload / "u.csv"),
        ],
    )
    assert uit.exit_code == 0, uit.output
    rij = SimulatieUitkomst.objects.get(caseload=client)
    assert (rij.regel, rij.overgang_tot) == ("westland-2019/driegesprek-tijdelijk_terug", "2019-11-01")
    voortgang = runner.invoke(cli, ["herindicatie", "voortgang"])
    assert "driegesprekken 1" in voortgang.output and "premature bezwaren 1" in voortgang.output
    brieven = runner.invoke(
        cli,
        [
            "herindicatie",
            "brieven",
            "--uit",
            str(caseload / "brieven"),
            "--caseload-id",
            str(client.pk),
            "--datum",
            "2019-09-02",
        ],
    )
    assert brieven.exit_code == 0, brieven.output
    html = (caseload / "brieven" / f"wijziging-{client.pk}.html").read_text()
    assert "Uw hulp bij het huishouden verandert" in html and "1 november 2019" in html
    assert "binnen 6 weken" in html and client.bsn not in html


@pytest.mark.django_db
def test_plan_cli_finishes_on_the_last_week(caseload):
    uit = CliRunner().invoke(
        cli,
        [
            "herindicatie",
            "plan",
            "--strategie",
            "einddatum",
            "--capaciteit",
            "25-per-week",
            "--start",
            "2019-09-02",
            "--csv",
            str(caseload / "p.csv"),
        ],
    )
    assert uit.exit_code == 0, uit.output
    assert "60 cliënten in 3 weken; iedereen gezien op 22-09-2019" in uit.output
    assert len((caseload / "p.csv").read_text().splitlines()) == 61
    uitnodigingen = CliRunner().invoke(
        cli,
        [
            "herindicatie",
            "brieven",
            "--soort",
            "uitnodiging",
            "--week",
            "3",
            "--uit",
            str(caseload / "u"),
            "--gemeente",
            "Gemeente Westland",
        ],
    )
    assert uitnodigingen.exit_code == 0, uitnodigingen.output
    bestanden = sorted((caseload / "u").glob("uitnodiging-*.html"))
    assert len(bestanden) == 10  # week 3 holds the last 10 of 60
    html = bestanden[0].read_text()
    assert (
        "In de week van <strong>16 september 2019</strong> tot en met <strong>22 september 2019</strong>"
        in html
    )
    assert "Gemeente Westland" in html


def _c(i, eind=None, uren=None, verschil=None, leeftijd=70, prematuur=False):
    import datetime as dt
    from decimal import Decimal

    return Planclient(
        i,
        eind and dt.date.fromisoformat(eind),
        uren and Decimal(uren),
        verschil and Decimal(verschil),
        leeftijd,
        prematuur,
    )


def test_strategies_order():
    import datetime as dt

    clients = [
        _c(1, "2020-01-01", "6", "-3"),
        _c(2, "2019-10-01", "2", "0.5"),
        _c(3, None, "3", "-1", leeftijd=85),
        _c(4, "2019-12-01", "1", "-0.2", prematuur=True),
    ]
    assert [c.caseload_id for c in orden(clients, "einddatum")] == [2, 4, 1, 3]
    assert [c.caseload_id for c in orden(clients, "laagste_wijziging_eerst")] == [4, 2, 3, 1]
    # risk: 2 -> 0; 4 -> 0.2 + 2 (premature bezwaar); 3 -> 1 + 1 (85); 1 -> 3
    assert [c.caseload_id for c in orden(clients, "risico")] == [2, 3, 4, 1]
    steekproef = orden(clients, "steekproef_eerst", steekproef=0.5, seed=1)
    assert sorted(c.caseload_id for c in steekproef) == [1, 2, 3, 4]
    assert orden(clients, "steekproef_eerst", steekproef=0.5, seed=1) == steekproef  # reproducible
    p = plan(clients, "einddatum", 3, dt.date(2019, 11, 4))
    assert [w.caseload_ids for w in p.weken] == [[2, 4, 1], [3]]
    assert p.klaar_op == dt.date(2019, 11, 17) and p.te_laat == [2]
    with pytest.raises(ValueError, match="onbekende strategie"):
        orden(clients, "hoogste_eerst")
