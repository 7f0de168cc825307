"""Issue 14: logins, failed logins, lockouts and second-factor checks are in the audit log, with the
user name, the outcome and the address; never a password, a code or client data."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.audit.verificatie import verifieer
from tests.beheer.test_inloggen import WACHTWOORD, _code, _met_app, _wachtwoord
from tests.web.conftest import maak_gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def consulent():
    return maak_gebruiker("inlogger", "consulent")


def _inlogregels() -> list[AuditRegel]:
    return list(AuditRegel.objects.filter(actie="inloggen").order_by("volgnummer"))


def test_gelukt_en_mislukt_inloggen(consulent):
    client = Client(REMOTE_ADDR="10.1.2.3")
    _wachtwoord(client, "inlogger", "fout-wachtwoord")
    _wachtwoord(client, "bestaat-niet", "geheim")
    assert _wachtwoord(client, "inlogger").status_code == 302
    mislukt, onbekend, gelukt = _inlogregels()
    assert (mislukt.gebruikersnaam, mislukt.gebruiker_id, mislukt.client_id) == ("inlogger", None, None)
    assert mislukt.wat == "inloggen mislukt vanaf 10.1.2.3: onbekende gebruiker of onjuist wachtwoord"
    assert onbekend.gebruikersnaam == "bestaat-niet"
    assert (gelukt.gebruiker_id, gelukt.wat) == (
        consulent.pk,
        "inloggen met wachtwoord gelukt vanaf 10.1.2.3",
    )
    for regel in (mislukt, onbekend, gelukt):
        assert WACHTWOORD not in regel.wat and "fout-wachtwoord" not in regel.wat
        assert regel.waarom == "beveiliging inloggen"
    assert verifieer().geldig


def test_blokkade_staat_in_het_auditlog(consulent, settings):
    client = Client(REMOTE_ADDR="10.9.8.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _wachtwoord(client, "inlogger", "fout-wachtwoord")
    assert _wachtwoord(client, "inlogger").status_code == 429
    laatste = _inlogregels()[-1]
    assert laatste.wat == "inloggen geweigerd vanaf 10.9.8.7: geblokkeerd na herhaalde mislukte pogingen"
    assert laatste.gebruikersnaam == "inlogger"


def test_gebruikersnaam_als_getal_wordt_gemaskeerd(consulent):
    _wachtwoord(Client(), "123456782", "x")
    assert _inlogregels()[-1].gebruikersnaam == "*********"


def test_tweede_factor_gelukt_mislukt_en_herstelcode(consulent):
    apparaat = _met_app(consulent)
    herstel = StaticDevice.objects.create(user=consulent, name="herstelcodes", confirmed=True)
    StaticToken.objects.bulk_create([StaticToken(device=herstel, token=t) for t in ("abcdefgh", "bcdefghi")])
    client = Client(REMOTE_ADDR="10.5.5.5")
    _wachtwoord(client, "inlogger")
    assert client.post("/login/tweede-factor/", {"code": _code(apparaat)}).status_code == 302
    client.logout()
    _wachtwoord(client, "inlogger")
    assert client.post("/login/tweede-factor/", {"code": "000000"}).status_code == 400
    assert client.post("/login/tweede-factor/", {"code": "abcd-efgh"}).status_code == 302
    teksten = [r.wat for r in _inlogregels() if "tweede factor" in r.wat]
    assert teksten == [
        "tweede factor gelukt met de authenticator-app vanaf 10.5.5.5",
        "tweede factor mislukt vanaf 10.5.5.5: onjuiste code",
        "tweede factor gelukt met een herstelcode vanaf 10.5.5.5 (nog 1 over)",
    ]
    assert all(r.gebruiker_id == consulent.pk and "000000" not in r.wat for r in _inlogregels())
