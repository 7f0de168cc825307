"""Caseload import: every bad row reported in Dutch, nothing stored; idempotent re-import; xlsx."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from click.testing import CliRunner

from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload
from maatwerk.apps.herindicatie.invoer import Caseloadfout, lees_caseload
from maatwerk.cli import cli

KOP = "bsn,geboortedatum,uren_per_week_oud,klasse_oud,leveringsvorm,aanbieder,ingangsdatum_oud,einddatum_oud"
GOED = maak_bsn(12345678)
GOED2 = maak_bsn(22345678)


def _bestand(tmp_path, *regels, naam="caseload.csv", kop=KOP):
    pad = tmp_path / naam
    pad.write_text("\n".join([kop, *regels]) + "\n", encoding="utf-8")
    return pad


def test_every_bad_row_is_reported(tmp_path):
    pad = _bestand(
        tmp_path,
        f'{GOED},1940-05-01,"4,5",hh2,zin,Thuiszorg A,2015-01-01,2019-12-31',  # row 2: fine
        "123456789,1940-05-01,3,hh1,zin,Thuiszorg A,2015-01-01,",  # row 3: 11-proef
        f"{GOED2},01-13-1940,drie,hh3,zorg,,2015-01-01,2014-01-01",  # row 4: many problems
        f"{GOED},1940-05-01,3,hh1,zin,Thuiszorg A,2015-01-01,",  # row 5: duplicate BSN
        f"{maak_bsn(3)},1940-05-01,-1,hh1,pgb,,2015-01-01,",  # row 6: negative hours
    )
    with pytest.raises(Caseloadfout) as fout:
        lees_caseload(pad)
    teksten = [str(f) for f in fout.value.fouten]
    assert "rij 3, kolom bsn: '123456789' is geen geldig BSN (9 cijfers en de elfproef)" in teksten
    assert any(t.startswith("rij 4, kolom geboortedatum: geen geldige datum") for t in teksten)
    assert "rij 4, kolom uren_per_week_oud: geen getal 'drie'" in teksten
    assert "rij 4, kolom klasse_oud: ongeldige waarde 'hh3'; toegestaan: hh1, hh2" in teksten
    assert "rij 4, kolom leveringsvorm: ongeldige waarde 'zorg'; toegestaan: zin, pgb" in teksten
    assert "rij 4, kolom einddatum_oud: 2014-01-01 ligt vóór de ingangsdatum 2015-01-01" in teksten
    assert "rij 5, kolom bsn: BSN staat ook al op rij 2" in teksten
    assert "rij 6, kolom uren_per_week_oud: uren per week moet 0 of meer zijn (is -1)" in teksten
    assert not any(t.startswith("rij 2") for t in teksten)


def test_missing_column_and_semicolon_csv(tmp_path):
    pad = _bestand(tmp_path, f"{GOED};1940-05-01", kop="bsn;geboortedatum")
    with pytest.raises(Caseloadfout) as fout:
        lees_caseload(pad)
    assert {f.kolom for f in fout.value.fouten} == {
        "uren_per_week_oud",
        "klasse_oud",
        "leveringsvorm",
        "aanbieder",
        "ingangsdatum_oud",
        "einddatum_oud",
    }
    pad = _bestand(
        tmp_path,
        f"{GOED};1940-05-01;3,04;hh1;zin;A;2015-01-01;;4",
        naam="puntkomma.csv",
        kop=KOP.replace(",", ";") + ";kamers_in_gebruik",
    )
    (rij,) = lees_caseload(pad)
    assert rij.uren_per_week_oud == Decimal("3.04") and rij.situatie == {"kamers_in_gebruik": 4}
    assert rij.einddatum_oud is None


def test_xlsx_with_numbers_and_dates(tmp_path):
    frame = synthetische_caseload(20, seed=1)
    pad = schrijf_caseload(frame, tmp_path / "c.xlsx")
    rijen = lees_caseload(pad)
    assert [r.bsn for r in rijen] == frame["bsn"].to_list()
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(KOP.split(","))
    blad.append([int(GOED), dt.datetime(1940, 5, 1), 4.5, "HH2", "ZIN", "A", dt.datetime(2015, 1, 1), None])
    boek.save(tmp_path / "getallen.xlsx")
    (rij,) = lees_caseload(tmp_path / "getallen.xlsx")
    assert (rij.bsn, rij.geboortedatum, rij.uren_per_week_oud, rij.klasse_oud) == (
        GOED,
        dt.date(1940, 5, 1),
        Decimal("4.5"),
        "hh2",
    )


@pytest.mark.django_db
def test_cli_bad_file_stores_nothing(tmp_path):
    from maatwerk.apps.herindicatie.models import CaseloadClient

    pad = _bestand(
        tmp_path,
        f"{GOED},1940-05-01,4.5,hh2,zin,Thuiszorg A,2015-01-01,2019-12-31",
        "111111111,1940-05-01,3,hh1,zin,Thuiszorg A,2015-01-01,",
    )
    uit = CliRunner().invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert uit.exit_code == 2
    assert "rij 3, kolom bsn" in uit.output and "er is niets opgeslagen" in uit.output
    assert CaseloadClient.objects.count() == 0


@pytest.mark.django_db
def test_cli_import_is_idempotent_and_links(tmp_path):
    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.clients.models import Client
    from maatwerk.apps.herindicatie.models import CaseloadClient

    Client.objects.create(bsn=GOED, achternaam="Jansen")
    pad = _bestand(
        tmp_path,
        f"{GOED},1940-05-01,4.5,hh2,zin,Thuiszorg A,2015-01-01,2019-12-31",
        f"{GOED2},1950-05-01,,hh1,pgb,,2016-01-01,",
    )
    runner = CliRunner()
    eerste = runner.invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert eerste.exit_code == 0, eerste.output
    assert "2 nieuw, 0 gewijzigd, 0 ongewijzigd; 1 gekoppeld" in eerste.output
    tweede = runner.invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert "0 nieuw, 0 gewijzigd, 2 ongewijzigd" in tweede.output
    assert CaseloadClient.objects.count() == 2 and Aanbieder.objects.filter(naam="Thuiszorg A").count() == 1
    jansen = CaseloadClient.objects.get(bsn=GOED)
    assert jansen.client.achternaam == "Jansen" and jansen.aanbieder.naam == "Thuiszorg A"
    assert CaseloadClient.objects.get(bsn=GOED2).uren_per_week_oud is None
    pad.write_text(pad.read_text().replace(",4.5,", ",5,"))
    derde = runner.invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert "0 nieuw, 1 gewijzigd, 1 ongewijzigd" in derde.output
    assert CaseloadClient.objects.get(bsn=GOED).uren_per_week_oud == Decimal("5")
    assert AuditRegel.objects.filter(actie="schrijven", wat__startswith="caseload herindicatie").count() == 3


@pytest.mark.django_db
def test_cli_nulmeting_csv_and_plot(tmp_path):
    pad = _bestand(
        tmp_path,
        f"{GOED},1940-05-01,3.04,hh2,zin,A,2015-01-01,2019-12-31",
        f"{GOED2},1930-05-01,3.05,hh1,pgb,,2016-01-01,",
        f"{maak_bsn(5)},1990-05-01,,hh1,zin,A,2019-06-01,",  # not yet valid on the peildatum
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"]).exit_code == 0
    uit = runner.invoke(
        cli,
        [
            "herindicatie",
            "nulmeting",
            "--peildatum",
            "2019-01-01",
            "--csv",
            str(tmp_path / "n.csv"),
            "--plot",
            str(tmp_path / "n.svg"),
        ],
    )
    assert uit.exit_code == 0, uit.output
    regels = (tmp_path / "n.csv").read_text().splitlines()
    assert regels[0] == "uren,<30,30-45,46-55,56-65,66-75,76-85,86+,PGB,totaal"
    assert regels[3] == '"2,1-3",0,0,0,0,0,1,0,0,1'
    assert regels[4] == '"3,1-4",0,0,0,0,0,0,0,1,1'
    assert regels[-1] == "totaal,0,0,0,0,0,1,0,1,2"
    assert (tmp_path / "n.svg").read_text().lstrip().startswith("<?xml")
