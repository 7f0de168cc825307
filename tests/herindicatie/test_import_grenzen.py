"""Issue 14, item 6: hostile caseload files are refused with the row, within bounded time and memory."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.herindicatie import invoer
from maatwerk.apps.herindicatie.invoer import Caseloadfout, lees_caseload
from maatwerk.cli import cli

from .test_import import GOED, KOP


def _regel(bsn: str, aanbieder: str = "Thuiszorg A") -> str:
    return f"{bsn},1940-05-01,4.5,hh2,zin,{aanbieder},2015-01-01,"


def test_ongeldige_utf8_geweigerd_met_rij(tmp_path):
    """Invalid UTF-8 silently created a provider "Thuiszorg �� Kapot"."""
    pad = tmp_path / "c.csv"
    pad.write_bytes(
        (KOP + "\n" + _regel(GOED) + "\n").encode()
        + _regel(maak_bsn(7), "Thuiszorg \xff\xfe Kapot").encode("latin-1")
        + b"\n"
    )
    with pytest.raises(Caseloadfout) as exc:
        lees_caseload(pad)
    assert str(exc.value.fouten[0]).startswith("rij 3: geen geldige UTF-8-tekst")


def test_aanbiedernaam_te_lang_en_enorme_cel(tmp_path):
    """A provider name over 200 characters gave a traceback; a huge cell ran for minutes."""
    pad = tmp_path / "c.csv"
    pad.write_text(f"{KOP}\n{_regel(GOED, 'A' * 201)}\n{_regel(maak_bsn(7), 'x' * 2_000_000)}\n")
    begin = time.perf_counter()
    with pytest.raises(Caseloadfout) as exc:
        lees_caseload(pad)
    assert time.perf_counter() - begin < 5
    teksten = [str(f) for f in exc.value.fouten]
    assert teksten[0] == "rij 2, kolom aanbieder: de cel is langer dan 200 tekens (201)"
    assert teksten[1].startswith("rij 3, kolom aanbieder: de cel is langer dan 200 tekens")


def test_xlsx_dat_uitgepakt_te_groot_is(tmp_path, monkeypatch):
    """An xlsx of 310 KB with one 300 MB cell: refused on its unpacked size, before parsing."""
    from openpyxl import Workbook

    boek = Workbook()
    boek.active.append(KOP.split(","))
    boek.active.append(["x" * 50_000])
    pad = tmp_path / "c.xlsx"
    boek.save(pad)
    monkeypatch.setattr(invoer, "MAX_BESTAND", 40_000)  # compressed well below, unpacked above
    assert pad.stat().st_size < 40_000
    with pytest.raises(Caseloadfout) as exc:
        lees_caseload(pad)
    assert "uitgepakt groter dan" in str(exc.value.fouten[0])


def test_foutregels_begrensd_rest_geteld(tmp_path, monkeypatch):
    monkeypatch.setattr(invoer, "MAX_FOUTEN", 10)
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + "\n" + "\n".join(_regel("111111111") for _ in range(50)) + "\n")
    with pytest.raises(Caseloadfout) as exc:
        lees_caseload(pad)
    assert len(exc.value.fouten) == 10 and exc.value.totaal == 50 and exc.value.niet_getoond == 40


@pytest.mark.django_db
def test_onbekende_aanbieder_alleen_met_maak_aanbieders(tmp_path):
    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.herindicatie.models import CaseloadClient

    pad = tmp_path / "c.csv"
    pad.write_text(f"{KOP}\n{_regel(GOED, 'Nieuw BV')}\n")
    uit = CliRunner().invoke(cli, ["caseload", "importeer", str(pad)])
    assert uit.exit_code == 2 and "onbekende aanbieder(s): 'Nieuw BV'" in uit.output
    assert not Aanbieder.objects.exists() and not CaseloadClient.objects.exists()
    uit = CliRunner().invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert uit.exit_code == 0 and Aanbieder.objects.filter(naam="Nieuw BV").exists()


@pytest.mark.django_db
def test_nulmeting_logt_elke_gekoppelde_client(tmp_path):
    """A bulk read wrote one row without clients; now also one row per known client."""
    import datetime as dt

    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.clients.models import Client
    from maatwerk.apps.herindicatie import selectors

    client = Client.objects.create(bsn=GOED, achternaam="Berg")
    pad = tmp_path / "c.csv"
    pad.write_text(f"{KOP}\n{_regel(GOED)}\n{_regel(maak_bsn(7))}\n")
    assert CliRunner().invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"]).exit_code == 0
    selectors.nulmeting(dt.date(2017, 1, 1), None, "test")
    rijen = AuditRegel.objects.filter(wat__startswith="nulmeting herindicatie")
    assert sorted(rijen.values_list("client_id", flat=True), key=str) == sorted([None, client.pk], key=str)
