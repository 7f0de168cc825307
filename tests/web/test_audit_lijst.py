"""Issue 10.12: a list page writes one audit row listing the client ids; the log shows users' names."""

from __future__ import annotations

import pytest
from django.conf import settings

from maatwerk.apps.audit import log_clientlijst
from maatwerk.apps.audit.keten import BEGIN, bereken_hash
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.audit.verificatie import verifieer

from .conftest import maak_gebruiker, maak_zaak

pytestmark = pytest.mark.django_db


def test_werklijst_schrijft_een_regel_met_alle_clienten(client, consulent):
    zaken = [maak_zaak(consulent, nummer=n) for n in range(1, 13)]
    client.force_login(consulent)
    voor = AuditRegel.objects.count()
    assert client.get("/zaken/werklijst/").status_code == 200
    nieuw = list(AuditRegel.objects.filter(wat__startswith="werklijst"))
    assert AuditRegel.objects.count() == voor + 1 and len(nieuw) == 1
    assert sorted(nieuw[0].client_ids) == sorted(z.client_id for z in zaken)
    assert nieuw[0].client is None and "(12 cliënten)" in nieuw[0].wat
    assert verifieer().geldig


def test_detailpagina_blijft_een_regel_per_client(client, consulent, zaak):
    client.force_login(consulent)
    client.get(f"/zaken/{zaak.pk}/")
    regel = AuditRegel.objects.filter(wat__startswith="zaakpagina").get()
    assert regel.client == zaak.client and regel.client_ids == [zaak.client_id] and regel.clienten == ""


def test_lijst_met_een_client_noemt_die_client(consulent, zaak):
    assert log_clientlijst(consulent, [zaak.client, zaak.client], "lijst", "test") == 1
    regel = AuditRegel.objects.get()
    assert regel.client == zaak.client and regel.clienten == f",{zaak.client_id},"
    assert log_clientlijst(consulent, [], "lege lijst", "test") == 0 and AuditRegel.objects.count() == 1


def test_clienten_vallen_onder_de_hash(consulent, zaak):
    """Rows without ``clienten`` keep the old canonical form; a list row's ids are covered."""
    log_clientlijst(consulent, [zaak.client, maak_zaak(consulent, nummer=2).client], "lijst", "test")
    regel = AuditRegel.objects.get(wat__startswith="lijst")
    velden = regel.ketenvelden()
    sleutel = settings.MAATWERK_AUDIT_SLEUTEL
    assert regel.hash == bereken_hash(sleutel, velden, regel.vorige_hash)
    assert regel.hash != bereken_hash(sleutel, velden | {"clienten": ",1,"}, regel.vorige_hash)
    oud = velden | {"clienten": ""}
    zonder = {k: v for k, v in oud.items() if k != "clienten"}
    assert bereken_hash(sleutel, oud, BEGIN) == bereken_hash(sleutel, zonder, BEGIN)


def test_auditlog_toont_naam_en_filtert_op_client_in_lijst(client, consulent):
    consulent.first_name, consulent.last_name = "Fatima", "El Amrani"
    consulent.save()
    a, b = maak_zaak(consulent, nummer=1), maak_zaak(consulent, nummer=2)
    log_clientlijst(consulent, [a.client, b.client], "werklijst (naam)", "werkvoorraad bewaken")
    beheer = maak_gebruiker("beheer", "functioneel_beheerder")
    client.force_login(beheer)
    html = client.get("/audit/").content.decode()
    assert "Fatima El Amrani (consulent1)" in html and f"2: {a.client_id}, {b.client_id}" in html
    html = client.get(f"/audit/?client={b.client_id}").content.decode()
    assert "werklijst (naam)" in html
    html = client.get("/audit/?gebruiker=amrani").content.decode()
    assert "werklijst (naam)" in html
    csv = b"".join(client.get("/audit/export.csv").streaming_content).decode()
    assert f";consulent1;{a.client_id} {b.client_id};lezen;" in csv
