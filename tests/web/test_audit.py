"""Audit log: every read and write of personal data is recorded; entries cannot change."""

from __future__ import annotations

import pytest

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.audit.models import AuditOnveranderlijk, AuditRegel
from maatwerk.apps.clients.models import Client


@pytest.mark.django_db
def test_lezen_zaakpagina_wordt_gelogd(client, consulent, zaak):
    client.force_login(consulent)
    client.get(f"/zaken/{zaak.pk}/")
    regel = AuditRegel.objects.filter(client=zaak.client, actie="lezen").latest("pk")
    assert regel.gebruiker == consulent and regel.gebruikersnaam == "consulent1"
    assert "zaakpagina" in regel.wat and regel.waarom


@pytest.mark.django_db
def test_onderzoek_lezen_wordt_gelogd(client, consulent, zaak):
    client.force_login(consulent)
    client.get(f"/onderzoek/{zaak.pk}/")
    assert AuditRegel.objects.filter(client=zaak.client, actie="lezen", wat__contains="onderzoek").exists()


@pytest.mark.django_db
def test_melding_schrijven_wordt_gelogd(client, consulent):
    client.force_login(consulent)
    response = client.post(
        "/zaken/melding/",
        {
            "soort_melding": "volledig",
            "melddatum": "2024-01-10",
            "kanaal": "balie",
            "vraag": "Hulp nodig",
            "bsn": "111222333",
            "achternaam": "Jansen",
            "geboortedatum": "1944-02-02",
            "straat": "Kerkweg",
            "huisnummer": "3",
            "postcode": "1234ab",
            "woonplaats": "Voorbeeldstad",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = Client.objects.get(bsn="111222333")
    assert nieuw.postcode == "1234 AB"
    regel = AuditRegel.objects.get(client=nieuw, actie="schrijven")
    assert regel.gebruiker == consulent and "melding" in regel.wat


@pytest.mark.django_db
def test_lijstpaginas_loggen_elke_getoonde_client(client, consulent, zaak):
    client.force_login(consulent)
    client.get("/zaken/werklijst/")
    client.get("/zaken/?zoek=Persoon")
    assert AuditRegel.objects.filter(
        client=zaak.client, wat__startswith="werklijst", gebruiker=consulent
    ).exists()
    assert AuditRegel.objects.filter(client=zaak.client, wat__startswith="zakenlijst").count() == 1


@pytest.mark.django_db
def test_auditregel_is_onveranderlijk(consulent, zaak):
    regel = log_persoonsgegevens(consulent, zaak.client, "lezen", "test", "test")
    regel.wat = "anders"
    with pytest.raises(AuditOnveranderlijk):
        regel.save()
    with pytest.raises(AuditOnveranderlijk):
        regel.delete()
    with pytest.raises(AuditOnveranderlijk):
        AuditRegel.objects.filter(pk=regel.pk).update(wat="anders")
    with pytest.raises(AuditOnveranderlijk):
        AuditRegel.objects.all().delete()
    assert AuditRegel.objects.get(pk=regel.pk).wat == "test"


@pytest.mark.django_db
def test_ongeldige_actie_geweigerd(consulent, zaak):
    with pytest.raises(ValueError, match="Onbekende actie"):
        log_persoonsgegevens(consulent, zaak.client, "wissen", "x", "y")
    with pytest.raises(ValueError, match="wat en waarom"):
        log_persoonsgegevens(consulent, zaak.client, "lezen", "", "y")


@pytest.mark.django_db
def test_beheerder_ziet_en_exporteert(client, consulent, beheerder, zaak):
    log_persoonsgegevens(consulent, zaak.client, "lezen", "dossier bekeken", "controle")
    client.force_login(beheerder)
    html = client.get("/audit/?gebruiker=consulent1").content.decode()
    assert "dossier bekeken" in html
    response = client.get(f"/audit/export.csv?client={zaak.client.pk}")
    assert response["Content-Type"].startswith("text/csv")
    tekst = b"".join(response.streaming_content).decode()
    regels = tekst.strip().splitlines()
    assert regels[0] == "tijdstip;gebruiker;client_id;actie;wat;waarom"
    assert any("dossier bekeken" in r and ";consulent1;" in r for r in regels[1:])


@pytest.mark.django_db
def test_auditfilter_met_foute_invoer(client, beheerder):
    client.force_login(beheerder)
    html = client.get("/audit/?van=gisteren&client=abc").content.decode()
    assert "JJJJ-MM-DD" in html and "alleen cijfers" in html
