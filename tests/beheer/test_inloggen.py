"""Login hardening: lockout per user and per address, a second factor (TOTP) with recovery codes
for every role and the admin, and logging out after inactivity."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.apps.accounts import services
from tests.web.conftest import maak_gebruiker

WACHTWOORD = "geheim-wachtwoord"
pytestmark = pytest.mark.django_db


def _code(apparaat: TOTPDevice) -> str:
    apparaat.refresh_from_db()
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"


def _wachtwoord(client: Client, naam: str, wachtwoord: str = WACHTWOORD, **extra):
    return client.post("/login/", {"username": naam, "password": wachtwoord}, **extra)


def _met_app(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def _volledig_inloggen(client: Client, user: User) -> None:
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first() or _met_app(user)
    assert _wachtwoord(client, user.username).status_code == 302
    antwoord = client.post("/login/tweede-factor/", {"code": _code(apparaat), "next": "/zaken/werklijst/"})
    assert antwoord.status_code == 302 and antwoord.url == "/zaken/werklijst/"


@pytest.fixture
def consulent() -> User:
    return maak_gebruiker("inlogger", "consulent")


def test_dertig_foute_wachtwoorden_dan_het_goede_wordt_geweigerd(consulent):
    client = Client()
    for _ in range(30):
        assert _wachtwoord(client, "inlogger", "fout-wachtwoord").status_code in (200, 429)
    antwoord = _wachtwoord(client, "inlogger")
    assert antwoord.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is also refused for this user name (lockout per user).
    assert _wachtwoord(Client(REMOTE_ADDR="10.9.9.9"), "inlogger").status_code == 429


def test_blokkade_per_adres(consulent):
    client = Client()
    for i in range(10):
        _wachtwoord(client, f"bestaat-niet-{i}", "fout-wachtwoord")
    assert _wachtwoord(client, "inlogger").status_code == 429  # the address is locked
    assert _wachtwoord(Client(REMOTE_ADDR="10.1.2.3"), "inlogger").status_code == 302  # the user is not


def test_blokkade_verloopt(consulent, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _wachtwoord(client, "inlogger", "fout-wachtwoord")
    assert _wachtwoord(client, "inlogger").status_code == 429
    with time_machine.travel(dt.datetime.now(dt.UTC) + settings.AXES_COOLOFF_TIME + dt.timedelta(minutes=1)):
        assert _wachtwoord(client, "inlogger").status_code == 302


def test_wachtwoord_alleen_is_niet_genoeg(consulent):
    apparaat = _met_app(consulent)
    client = Client()
    antwoord = _wachtwoord(client, "inlogger")
    assert antwoord.status_code == 302
    werklijst = client.get("/zaken/werklijst/")
    assert werklijst.status_code == 302 and werklijst.url.startswith("/login/tweede-factor/?next=")
    assert client.get("/audit/").status_code == 302
    fout = client.post(
        "/login/tweede-factor/", {"code": "000000" if _code(apparaat) != "000000" else "111111"}
    )
    assert fout.status_code == 400 and "Deze code klopt niet" in fout.content.decode()
    assert client.get("/zaken/werklijst/").status_code == 302
    # After a wrong code django-otp makes the next attempt wait (1 s, doubling with each failure).
    assert client.post("/login/tweede-factor/", {"code": _code(apparaat)}).status_code == 400
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=10)):
        goed = client.post("/login/tweede-factor/", {"code": _code(apparaat), "next": "/zaken/werklijst/"})
        assert goed.status_code == 302 and goed.url == "/zaken/werklijst/"
        assert client.get("/zaken/werklijst/").status_code == 200


@pytest.mark.parametrize("code", ["12345", "1234567", "²²²²²²", "abc\x00de", "", "x" * 500])
def test_vreemde_codes_worden_geweigerd(consulent, code):
    _met_app(consulent)
    client = Client()
    _wachtwoord(client, "inlogger")
    antwoord = client.post("/login/tweede-factor/", {"code": code})
    assert antwoord.status_code == 400
    assert client.get("/zaken/werklijst/").status_code == 302


def test_gebruikte_code_werkt_niet_nog_eens(consulent):
    apparaat = _met_app(consulent)
    eerste = Client()
    _volledig_inloggen(eerste, consulent)
    tweede = Client()
    _wachtwoord(tweede, "inlogger")
    assert tweede.post("/login/tweede-factor/", {"code": _code(apparaat)}).status_code == 400


def test_eerste_keer_instellen_met_herstelcodes(consulent):
    client = Client()
    _wachtwoord(client, "inlogger")
    naar = client.get("/login/tweede-factor/?next=/zaken/werklijst/")
    assert (
        naar.status_code == 302 and naar.url == "/login/tweede-factor/instellen/?next=%2Fzaken%2Fwerklijst%2F"
    )
    pagina = client.get(naar.url).content.decode()
    assert "Tweede factor instellen" in pagina and "data:image/svg+xml" in pagina and " style=" not in pagina
    apparaat = TOTPDevice.objects.get(user=consulent, confirmed=False)
    assert client.post(naar.url, {"code": "abcdef"}).status_code == 400
    antwoord = client.post(naar.url, {"code": _code(apparaat), "next": "/zaken/werklijst/"})
    assert antwoord.status_code == 200 and "Uw herstelcodes" in antwoord.content.decode()
    codes = list(StaticDevice.objects.get(user=consulent).token_set.values_list("token", flat=True))
    assert len(codes) == 10 and all(c in antwoord.content.decode() for c in codes)
    assert client.get("/zaken/werklijst/").status_code == 200

    # Recovery: the phone is gone; one recovery code logs in once.
    nieuw = Client()
    _wachtwoord(nieuw, "inlogger")
    assert nieuw.post("/login/tweede-factor/", {"code": codes[0].upper()}).status_code == 302
    assert nieuw.get("/zaken/werklijst/").status_code == 200
    opnieuw = Client()
    _wachtwoord(opnieuw, "inlogger")
    assert opnieuw.post("/login/tweede-factor/", {"code": codes[0]}).status_code == 400


def test_instellen_kan_niet_om_een_bestaande_app_heen(consulent):
    _met_app(consulent)
    client = Client()
    _wachtwoord(client, "inlogger")
    assert client.get("/login/tweede-factor/instellen/").status_code == 302
    assert TOTPDevice.objects.filter(user=consulent).count() == 1


def test_beheerder_reset_beeindigt_verificatie(consulent):
    client = Client()
    _volledig_inloggen(client, consulent)
    assert client.get("/zaken/werklijst/").status_code == 200
    beheerder = maak_gebruiker("fb", "functioneel_beheerder")
    assert services.reset_tweede_factor(consulent, door=beheerder) >= 1
    assert not TOTPDevice.objects.filter(user=consulent).exists()
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=90)):
        assert client.get("/zaken/werklijst/").status_code == 302
    # At the next login the user sets up a new app.
    _wachtwoord(client, "inlogger")
    assert client.get("/login/tweede-factor/").url.startswith("/login/tweede-factor/instellen/")


def test_afgemeld_na_inactiviteit(consulent, settings):
    client = Client()
    _volledig_inloggen(client, consulent)
    begin = dt.datetime.now(dt.UTC)
    stap = dt.timedelta(minutes=settings.MAATWERK_INACTIEF_MINUTEN - 5)
    with time_machine.travel(begin + stap):
        assert client.get("/zaken/werklijst/").status_code == 200  # activity keeps the session
    with time_machine.travel(begin + 2 * stap):
        assert client.get("/zaken/werklijst/").status_code == 200
    with time_machine.travel(begin + 2 * stap + dt.timedelta(minutes=settings.MAATWERK_INACTIEF_MINUTEN + 1)):
        antwoord = client.get("/zaken/werklijst/")
        assert antwoord.status_code == 302 and "verlopen=1" in antwoord.url
        assert "_auth_user_id" not in client.session
        assert "U bent afgemeld" in client.get(antwoord.url).content.decode()


def test_beheer_vraagt_ook_de_tweede_factor(settings):
    admin = User.objects.create_superuser("admin", password=WACHTWOORD)
    apparaat = _met_app(admin)
    client = Client()
    antwoord = client.post("/admin/login/?next=/admin/", {"username": "admin", "password": WACHTWOORD})
    assert antwoord.status_code == 302
    assert client.get("/admin/").url.startswith("/login/tweede-factor/")
    client.post("/login/tweede-factor/", {"code": _code(apparaat)})
    assert client.get("/admin/").status_code == 200
    # The idle timeout holds for the admin too.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=settings.MAATWERK_INACTIEF_MINUTEN + 1)
    with time_machine.travel(later):
        antwoord = client.get("/admin/")
        assert antwoord.status_code == 302 and "verlopen=1" in antwoord.url


def test_beheer_login_wordt_ook_geblokkeerd(settings):
    User.objects.create_superuser("admin", password=WACHTWOORD)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "admin", "password": "fout"})
    assert client.post("/admin/login/", {"username": "admin", "password": WACHTWOORD}).status_code == 429
