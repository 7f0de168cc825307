"""Logging in to the portal through a real OpenID Connect provider (the demo provider on loopback).

The authorization request, the provider's login form, the code, the token exchange, the signed ID token
(checked against the provider's JWKS) and userinfo all happen for real; nothing is mocked.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.contrib.auth.models import User

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.portaal.models import Inwoner

from .conftest import inloggen, login_bij_provider

pytestmark = pytest.mark.django_db


def test_inloggen_via_provider_geeft_het_overzicht(client, oidc, zaak_van_inwoner):
    terug = inloggen(client, "inwoner")
    assert terug.status_code == 302 and terug["Location"] == "/portaal/aanvragen/"
    inwoner = Inwoner.objects.get(bsn="600000060")
    assert inwoner.laatst_ingelogd_op is not None
    # Never a Django login: the staff pages stay closed and the portal session names the inwoner.
    assert "_auth_user_id" not in client.session
    assert client.get("/zaken/").status_code == 302
    pagina = client.get("/portaal/aanvragen/")
    assert pagina.status_code == 200
    assert "Hulp bij het huishouden" in pagina.content.decode()
    assert AuditRegel.objects.filter(
        gebruiker=inwoner.user, client=zaak_van_inwoner.client, actie="lezen"
    ).exists()


def test_inwoner_zonder_rechten_en_wachtwoord(client, oidc, zaak_van_inwoner):
    inloggen(client, "inwoner")
    user = User.objects.get(inwoner__bsn="600000060")
    assert not user.has_usable_password() and not user.is_staff and not user.groups.exists()
    inloggen(client, "inwoner")  # a second login reuses the inwoner
    assert Inwoner.objects.filter(bsn="600000060").count() == 1


def test_sessie_krijgt_nieuwe_sleutel_bij_inloggen(client, oidc, zaak_van_inwoner):
    client.get("/portaal/")
    voor = client.session.session_key
    inloggen(client, "inwoner")
    assert client.session.session_key != voor


def test_vervalste_state_wordt_geweigerd(client, oidc):
    start = client.get("/portaal/inloggen/")
    terug = login_bij_provider(start["Location"], "inwoner")
    vervalst = terug.replace("state=", "state=x")
    r = client.get(vervalst.removeprefix("http://testserver"))
    assert r.status_code == 400 and "Inloggen is niet gelukt" in r.content.decode()
    assert not Inwoner.objects.exists()


def test_code_kan_maar_een_keer(client, oidc, zaak_van_inwoner):
    start = client.get("/portaal/inloggen/")
    terug = login_bij_provider(start["Location"], "inwoner").removeprefix("http://testserver")
    assert client.get(terug).status_code == 302
    client.post("/portaal/uitloggen/")
    assert client.get(terug).status_code == 400  # state used once


def test_fout_van_provider(client, oidc):
    client.get("/portaal/inloggen/")
    state = next(iter(client.session["oidc_states"]))
    r = client.get(f"/portaal/oidc/callback/?error=access_denied&state={state}")
    assert r.status_code == 400
    assert state not in client.session["oidc_states"]


def test_andere_uitgever_wordt_geweigerd(client, oidc, settings):
    """An ID token from another issuer (iss) than configured is refused, though correctly signed."""
    start = client.get("/portaal/inloggen/")
    terug = login_bij_provider(start["Location"], "inwoner").removeprefix("http://testserver")
    settings.MAATWERK_OIDC_ISSUER = oidc + "-anders"
    assert client.get(terug).status_code == 400
    assert not Inwoner.objects.exists()


def test_uitloggen(client, oidc, zaak_van_inwoner):
    inloggen(client, "inwoner")
    r = client.post("/portaal/uitloggen/")
    assert r.status_code == 302
    assert client.get("/portaal/aanvragen/")["Location"] == "/portaal/"


def test_uitloggen_beeindigt_ook_de_sessie_bij_de_provider(client, oidc, zaak_van_inwoner):
    """RP-initiated logout: the portal sends the browser to the provider's end_session_endpoint with the
    ID token as hint; the provider ends its own session and sends the browser back to the portal."""
    browser = requests.Session()
    inloggen(client, "inwoner", browser)
    # Logged in at the provider: a new authorization request comes straight back with a code.
    start = client.get("/portaal/inloggen/")
    assert "code=" in browser.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"]

    # the browser may follow the Uitloggen form to the provider (form-action of the logged-in pages)
    assert (
        f"form-action 'self' {oidc.removesuffix('/openid')};"
        in client.get("/portaal/aanvragen/")["Content-Security-Policy"]
    )
    r = client.post("/portaal/uitloggen/")
    naar = urlparse(r["Location"])
    assert r["Location"].startswith(f"{oidc}/end-session?")
    parameters = parse_qs(naar.query)
    assert parameters["post_logout_redirect_uri"] == ["http://testserver/portaal/"]
    assert parameters["id_token_hint"][0].count(".") == 2  # the signed ID token of the login
    assert "oidc_id_token" not in client.session and client.get("/portaal/aanvragen/").status_code == 302

    terug = browser.get(r["Location"], allow_redirects=False, timeout=10)
    assert terug.status_code == 302 and terug.headers["Location"] == "http://testserver/portaal/"
    assert "U bent uitgelogd." in client.get("/portaal/").content.decode()
    # Logged out at the provider too: a new login asks for the password again.
    start = client.get("/portaal/inloggen/")
    opnieuw = browser.get(start["Location"], allow_redirects=False, timeout=10)
    assert opnieuw.status_code == 302 and "/inloggen/" in opnieuw.headers["Location"]
    assert "code=" not in opnieuw.headers["Location"]


def test_uitloggen_zonder_uitlogadres_bij_de_provider(client, oidc, zaak_van_inwoner, settings):
    """A broker without end_session_endpoint: only the portal's own session ends."""
    settings.OIDC_OP_END_SESSION_ENDPOINT = ""
    inloggen(client, "inwoner")
    r = client.post("/portaal/uitloggen/")
    assert r["Location"] == "/portaal/"
    assert client.get("/portaal/aanvragen/")["Location"] == "/portaal/"


def test_niet_ingericht(client, settings):
    settings.OIDC_RP_CLIENT_SECRET = ""
    r = client.get("/portaal/inloggen/")
    assert r.status_code == 503 and "nog niet ingesteld" in r.content.decode()


def test_inactief_uitgelogd(client, oidc, zaak_van_inwoner, settings):
    inloggen(client, "inwoner")
    settings.MAATWERK_PORTAAL_INACTIEF_MINUTEN = 0
    import time

    time.sleep(0.01)
    assert client.get("/portaal/aanvragen/").status_code == 302


def test_gelijktijdige_eerste_inlog_geeft_een_inwoner(db, monkeypatch):
    """Two first logins of one BSN at once: the second's insert hits the unique BSN (IntegrityError).

    Simulated: the other request's inwoner is already committed, but this request's look-up ran before
    that commit and found nobody. The service retries in a fresh savepoint and returns the other's inwoner;
    its own user and audit entry are rolled back, and nothing answers 500.
    """
    from maatwerk.apps.portaal import services

    ander = services.inwoner_voor_bsn("600000060")
    gebruikers, regels = User.objects.count(), AuditRegel.objects.count()
    echt = services._bestaande_inwoner
    missers = iter([None])
    monkeypatch.setattr(services, "_bestaande_inwoner", lambda bsn: next(missers, echt(bsn)))
    inwoner = services.inwoner_voor_bsn("600000060")
    assert inwoner.pk == ander.pk and Inwoner.objects.filter(bsn="600000060").count() == 1
    assert User.objects.count() == gebruikers and AuditRegel.objects.count() == regels
    assert next(missers, "op") == "op"  # the first look-up did miss


def test_gelijktijdige_inlog_blijft_mislukken_is_een_fout(db, monkeypatch):
    """A unique-BSN conflict that persists (not a race) is not hidden: the second attempt raises."""
    from django.db import IntegrityError

    from maatwerk.apps.portaal import services

    services.inwoner_voor_bsn("600000060")
    monkeypatch.setattr(services, "_bestaande_inwoner", lambda bsn: None)
    with pytest.raises(IntegrityError):
        services.inwoner_voor_bsn("600000060")
    assert Inwoner.objects.filter(bsn="600000060").count() == 1


def test_gelijktijdige_eerste_inlog_via_de_provider(client, oidc, zaak_van_inwoner, monkeypatch):
    """The whole login flow with the race in it: the callback still ends in the overview, not a 500."""
    from maatwerk.apps.portaal import services

    services.inwoner_voor_bsn("600000060")  # the other tab was first
    echt = services._bestaande_inwoner
    missers = iter([None])
    monkeypatch.setattr(services, "_bestaande_inwoner", lambda bsn: next(missers, echt(bsn)))
    terug = inloggen(client, "inwoner")
    assert terug.status_code == 302 and terug["Location"] == "/portaal/aanvragen/"
    assert Inwoner.objects.filter(bsn="600000060").count() == 1
