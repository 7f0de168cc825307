"""Issue 14, items 5 and 6: formula cells neutralised in every export; the audit log names the CLI
operator, lists the clients of a bulk read and never stores a search term that may be a BSN."""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.audit import bediener as bediener_module
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.veilig import FORMULETEKENS, neutraliseer, neutraliseer_frame, neutraliseer_rij

from .conftest import maak_zaak

GEVAARLIJK = ['=HYPERLINK("http://x";"klik")', "+31 6 1234", "-1+1", "@SUM(A1)", "\tx", "\rx"]


@given(st.text())
def test_neutraliseer_eigenschap(tekst):
    uit = neutraliseer(tekst)
    assert not uit.startswith(FORMULETEKENS)
    assert uit in (tekst, "'" + tekst)


def test_frame_en_rij_neutraliseren_tekst_niet_getallen():
    frame = pl.DataFrame({"aanbieder": GEVAARLIJK, "cent": [-5] * len(GEVAARLIJK)})
    uit = neutraliseer_frame(frame)
    assert all(w.startswith("'") for w in uit["aanbieder"]) and uit["cent"].to_list() == [-5] * 6
    assert neutraliseer_rij(["=1", 3, None]) == ["'=1", 3, None]


def test_financien_csv_neutraliseert_aanbiedernamen(tmp_path):
    """A provider name from an import became a formula in the uitmiddelen/simulation CSVs."""
    from maatwerk.cli.financien import _schrijf_csv

    pad = tmp_path / "uit.csv"
    _schrijf_csv(pl.DataFrame({"aanbieder": ["=cmd|' /C calc'!A0"], "bedrag_cent": [-1250]}), pad)
    rij = next(csv.DictReader(io.StringIO(pad.read_text())))
    assert rij == {"aanbieder": "'=cmd|' /C calc'!A0", "bedrag": "-12.50"}


@pytest.mark.django_db
def test_auditexport_neutraliseert(client, beheerder):
    from django.contrib.auth.models import User

    kwaad = User.objects.create_user("=HYPERLINK(1)")
    AuditRegel.schrijf(kwaad, None, "lezen", "@wat", "-waarom")
    client.force_login(beheerder)
    tekst = b"".join(client.get("/audit/export.csv").streaming_content).decode()
    assert "'=HYPERLINK(1);" in tekst and ";'@wat;'-waarom" in tekst


@pytest.mark.django_db
def test_cli_schrijft_de_bediener_en_namens(monkeypatch):
    from maatwerk.cli import cli

    monkeypatch.setattr(bediener_module, "_bediener", None)
    monkeypatch.setattr(bediener_module, "os_gebruiker", lambda: "jan")
    assert CliRunner().invoke(cli, ["--namens", "Piet Smit", "regels", "--help"]).exit_code == 0
    regel = AuditRegel.schrijf(None, None, "lezen", "iets", "test")
    assert regel.gebruikersnaam == "cli:jan namens Piet Smit"
    monkeypatch.setattr(bediener_module, "_bediener", None)
    assert AuditRegel.schrijf(None, None, "lezen", "iets", "test").gebruikersnaam == "(anoniem)"


@pytest.mark.django_db
def test_zoekterm_met_bsn_niet_in_auditlog(client, consulent):
    zaak = maak_zaak(consulent)
    client.force_login(consulent)
    client.get("/zaken/", {"zoek": zaak.client.bsn})
    assert not AuditRegel.objects.filter(wat__contains=zaak.client.bsn).exists()
    assert AuditRegel.objects.filter(wat__contains="zoekterm '*********'").exists()


@pytest.mark.django_db
def test_aanbiederoverzicht_logt_per_client(client, consulent, aanbieders, aanbieder_noord):
    from maatwerk.apps.levering.models import Zorgplan

    zaken = [maak_zaak(consulent, n, aanbieder=aanbieders[0]) for n in (1, 2)]
    for zaak in zaken:
        Zorgplan.objects.create(zaak=zaak, aanbieder=aanbieders[0])
    client.force_login(aanbieder_noord)
    assert client.get("/beschikkingen/aanbieder/").status_code == 200
    # one row listing every client of the list (issue 10 point 12; issue 14 allows either form)
    regels = AuditRegel.objects.filter(wat__startswith="aanbiederportaal")
    gelezen = {i for r in regels for i in r.client_ids}
    assert gelezen == {z.client.pk for z in zaken}
