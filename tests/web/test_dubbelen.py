"""Issue 10.4: a new melding first searches known clients (BSN, or surname + birth date + postcode)."""

from __future__ import annotations

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases import selectors
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client

from .conftest import maak_gebruiker

pytestmark = pytest.mark.django_db


def _melding(**anders: str) -> dict[str, str]:
    velden = {
        "soort_melding": "vormvrij",
        "melddatum": "2024-01-10",
        "kanaal": "telefoon",
        "vraag": "Mijn moeder kan het huis niet meer schoonhouden.",
        "bsn": "",
        "voornamen": "Test",
        "achternaam": "persoon1",  # other case than stored: still a match
        "geboortedatum": "1940-05-01",
        "straat": "Dorpsstraat",
        "huisnummer": "1",
        "postcode": "1234ab",
        "woonplaats": "Voorbeeldstad",
    }
    return velden | anders


def test_selector_vindt_op_bsn_of_naam_geboortedatum_postcode(consulent, zaak):
    c = zaak.client
    op_bsn = selectors.mogelijke_dubbelen(consulent, c.bsn, "Anders", None, "")
    assert [(d.client, d.reden, d.lopende_zaken) for d in op_bsn] == [(c, "zelfde BSN", (zaak,))]
    op_naam = selectors.mogelijke_dubbelen(consulent, "", "PERSOON1", c.geboortedatum, "1234AB")
    assert [d.client for d in op_naam] == [c]
    assert selectors.mogelijke_dubbelen(consulent, "", "Persoon1", c.geboortedatum, "9999 ZZ") == []
    assert selectors.mogelijke_dubbelen(consulent, "", "Persoon1", None, "1234 AB") == []
    regel = AuditRegel.objects.filter(wat__startswith="mogelijke dubbele").latest("pk")
    assert regel.client_ids == [c.pk] and regel.gebruiker == consulent


def test_aanbieder_vindt_geen_onbekende_clienten(aanbieders, zaak):
    noord = maak_gebruiker("noord", "aanbieder", aanbieders[0])
    assert selectors.mogelijke_dubbelen(noord, zaak.client.bsn, "", None, "") == []


def test_melding_toont_bestaande_client_en_lopende_zaak_en_slaat_niets_op(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post("/zaken/melding/", _melding())
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Deze inwoner is mogelijk al bekend" in html and f"zaak {zaak.pk}" in html
    assert "nieuwe cliënt registreren" in html
    assert Client.objects.count() == 1 and Zaak.objects.count() == 1


def test_doorgaan_bij_bestaande_client(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post("/zaken/melding/", _melding(client_keuze=str(zaak.client.pk)))
    assert antwoord.status_code == 302
    nieuw = Zaak.objects.exclude(pk=zaak.pk).get()
    assert nieuw.client == zaak.client and Client.objects.count() == 1
    assert AuditRegel.objects.filter(client=zaak.client, wat="melding bij bestaande cliënt").exists()


def test_bewust_nieuwe_client(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post("/zaken/melding/", _melding(client_keuze="nieuw"))
    assert antwoord.status_code == 302
    assert Client.objects.count() == 2


def test_zelfde_bsn_biedt_geen_nieuwe_client(client, consulent, zaak):
    client.force_login(consulent)
    html = client.post(
        "/zaken/melding/", _melding(soort_melding="volledig", bsn=zaak.client.bsn, achternaam="Anders")
    ).content.decode()
    assert "zelfde BSN" in html and "nieuwe cliënt registreren" not in html


def test_gekozen_client_met_ander_bsn_geweigerd(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post(
        "/zaken/melding/",
        _melding(soort_melding="volledig", bsn=maak_bsn(55_000_001), client_keuze=str(zaak.client.pk)),
    )
    assert antwoord.status_code == 200 and "hoort niet bij de gekozen cliënt" in antwoord.content.decode()
    assert Zaak.objects.count() == 1


def test_geen_treffer_registreert_direct(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post("/zaken/melding/", _melding(achternaam="Jansen"))
    assert antwoord.status_code == 302 and Client.objects.count() == 2
