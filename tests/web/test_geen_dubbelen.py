"""Issue 14, item 7: no lost updates on client data, no double zaak from a double click."""

from __future__ import annotations

import re

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.clients.models import Client

from .test_formulieren import GOEDE_MELDING

pytestmark = pytest.mark.django_db


def _token(client) -> str:  # noqa: ANN001
    html = client.get("/zaken/melding/").content.decode()
    return re.search(r'name="indiening" value="([0-9a-f-]{36})"', html).group(1)


def test_dubbelklik_op_melding_registreren_maakt_een_zaak(client, consulent):
    client.force_login(consulent)
    data = {**GOEDE_MELDING, "indiening": _token(client)}
    eerste = client.post("/zaken/melding/", data)
    tweede = client.post("/zaken/melding/", data)
    assert Zaak.objects.count() == 1
    zaak = Zaak.objects.get()
    assert eerste.status_code == tweede.status_code == 302
    assert eerste.url == tweede.url == f"/zaken/{zaak.pk}/"


def test_twee_formulieren_twee_meldingen(client, consulent):
    client.force_login(consulent)
    client.post("/zaken/melding/", {**GOEDE_MELDING, "indiening": _token(client)})
    # the second form finds the same client (issue 10: no silent duplicates); the consulent continues
    # with that client: a new form (a new token) is a new melding
    bekend = Zaak.objects.get().client_id
    tweede = {**GOEDE_MELDING, "indiening": _token(client), "client_keuze": str(bekend)}
    client.post("/zaken/melding/", tweede)
    assert Zaak.objects.count() == 2


def _clientformulier(client, zaak) -> dict:  # noqa: ANN001
    html = client.get(f"/zaken/{zaak.pk}/client/").content.decode()
    versie = re.search(r'name="versie" value="(\d+)"', html).group(1)
    c = zaak.client
    return {
        "versie": versie, "bsn": c.bsn, "voornamen": c.voornamen, "achternaam": c.achternaam,
        "geboortedatum": c.geboortedatum.isoformat(), "straat": c.straat, "huisnummer": c.huisnummer,
        "postcode": c.postcode, "woonplaats": c.woonplaats, "telefoon": "", "email": "",
    }  # fmt: skip


def test_twee_consulenten_overschrijven_elkaar_niet(client, consulent, consulent2, zaak):
    from django.test import Client as Browser

    andere = Browser()
    andere.force_login(consulent2)
    client.force_login(consulent)
    van_a = _clientformulier(client, zaak)
    van_b = _clientformulier(andere, zaak)
    assert client.post(f"/zaken/{zaak.pk}/client/", {**van_a, "straat": "Straat van A"}).status_code == 302
    voor = AuditRegel.objects.count()
    antwoord = andere.post(f"/zaken/{zaak.pk}/client/", {**van_b, "straat": "Straat van B"})
    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert "intussen gewijzigd door iemand anders" in html and "Straat van A" in html
    client_rij = Client.objects.get(pk=zaak.client.pk)
    assert client_rij.straat == "Straat van A" and client_rij.versie == 2
    assert AuditRegel.objects.count() == voor  # the refused save wrote nothing
