"""Fixtures of the portal tests: the demo OIDC provider (a real server) and an inwoner with a zaak."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests

from maatwerk.apps.oidc_demo.inrichting import WACHTWOORD

from .provider import demo_provider, instellingen

CALLBACK = "http://testserver/portaal/oidc/callback/"


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with demo_provider(tmp_path_factory.mktemp("oidc"), [CALLBACK]) as issuer:
        yield issuer


@pytest.fixture
def oidc(provider: str, settings) -> str:  # noqa: ANN001
    instellingen(settings, provider)
    return provider


def login_bij_provider(
    autorisatie_url: str,
    gebruikersnaam: str,
    wachtwoord: str = WACHTWOORD,
    browser: requests.Session | None = None,
) -> str:
    """Follow the authorization request as a browser: the provider's login form, then the redirect back.

    Returns the redirect URI with ``code`` and ``state`` that the provider sends the browser to.
    ``browser`` keeps the provider's cookies (its session) for a later request of the test.
    """
    s = browser or requests.Session()
    r = s.get(autorisatie_url, allow_redirects=False, timeout=10)
    assert r.status_code == 302, r.text[:500]
    login_url = urljoin(autorisatie_url, r.headers["Location"])
    formulier = s.get(login_url, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulier.text).group(1)
    volgende = parse_qs(urlparse(login_url).query)["next"][0]
    r = s.post(
        login_url,
        data={
            "username": gebruikersnaam,
            "password": wachtwoord,
            "csrfmiddlewaretoken": token,
            "next": volgende,
        },
        allow_redirects=False,
        timeout=10,
    )
    assert r.status_code == 302, "inloggen bij de provider mislukt"
    r = s.get(urljoin(login_url, r.headers["Location"]), allow_redirects=False, timeout=10)
    assert r.status_code == 302, r.text[:500]
    return r.headers["Location"]


def inloggen(client, gebruikersnaam: str, browser: requests.Session | None = None) -> object:  # noqa: ANN001
    """The whole flow through maatwerk (test client) and the provider (HTTP); returns the callback."""
    start = client.get("/portaal/inloggen/")
    assert start.status_code == 302
    terug = login_bij_provider(start["Location"], gebruikersnaam, browser=browser)
    assert terug.startswith(CALLBACK), terug
    return client.get(terug.removeprefix("http://testserver"))


@pytest.fixture
def zaak_van_inwoner(db):  # noqa: ANN001
    """A client with the demo inwoner's BSN, an e-mail address and a zaak in onderzoek."""
    from maatwerk.apps.cases.models import Status, StatusEvent, Zaak
    from maatwerk.apps.clients.models import Client

    client = Client.objects.create(
        bsn="600000060", voornamen="Anna", achternaam="Jansen", email="anna@example.org"
    )
    zaak = Zaak.objects.create(
        client=client,
        melddatum=dt.date.today() - dt.timedelta(days=10),
        kanaal="telefoon",
        vraag="Hulp bij schoonmaken; knieklachten",
    )
    StatusEvent.objects.create(zaak=zaak, van_status="", naar_status=Status.ONTVANGEN)
    return zaak


@pytest.fixture
def zaak_van_ander(db):  # noqa: ANN001
    from maatwerk.apps.cases.models import Status, StatusEvent, Zaak
    from maatwerk.apps.clients.models import Client

    client = Client.objects.create(
        bsn="600000047", voornamen="Piet", achternaam="de Wit", email="piet@example.org"
    )
    zaak = Zaak.objects.create(
        client=client, melddatum=dt.date.today() - dt.timedelta(days=5), kanaal="balie", vraag="Hulp"
    )
    StatusEvent.objects.create(zaak=zaak, van_status="", naar_status=Status.ONTVANGEN)
    return zaak
