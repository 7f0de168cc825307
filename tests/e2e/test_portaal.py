"""The inwonerportaal in a real browser: an inwoner logs in through the demo OpenID Connect provider (a real
server on loopback: real redirects, real tokens), sees the status train, reacts to the verslag and downloads
the beschikking; a status change sends the e-mail. axe-core at 1280 and 375 px on every portal page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from maatwerk.apps.oidc_demo.inrichting import WACHTWOORD
from tests.portaal.provider import demo_provider, instellingen

from .axe import controleer_toegankelijkheid

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def provider_e2e(live_server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with demo_provider(
        tmp_path_factory.mktemp("oidc-e2e"), [f"{live_server.url}/portaal/oidc/callback/"]
    ) as issuer:
        yield issuer


@pytest.fixture
def portaal_demo(demo, provider_e2e: str, settings) -> dict:
    """Demo municipality with beschikkingen, the portal's demo data, the client pointed at the provider."""
    from maatwerk.apps.besluiten import webdemo as besluiten
    from maatwerk.apps.portaal import webdemo as portaal

    besluiten.laad_demo()
    portaal.laad_demo()
    instellingen(settings, provider_e2e)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return demo


def _controleer(page: Page, naam: str) -> None:
    for breedte, hoogte in ((1280, 800), (375, 740)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        controleer_toegankelijkheid(page, f"{naam} ({breedte} px)")
        if breedte == 375:
            breed = page.evaluate("() => document.documentElement.scrollWidth")
            assert breed <= 375 + 1, f"{naam}: horizontaal scrollen op 375 px ({breed} px breed)"
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not page.js_fouten, f"JavaScript- of CSP-fouten op {naam}: {page.js_fouten}"  # type: ignore[attr-defined]


def test_inwoner_logt_in_ziet_de_trein_en_downloadt_de_beschikking(
    live_server, portaal_demo, page: Page, tmp_path: Path
):
    from django.contrib.auth.models import User

    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.cases.models import Status, Zaak
    from maatwerk.apps.cases.services import wijzig_status
    from maatwerk.apps.portaal.models import Inwoner

    page.goto(f"{live_server.url}/portaal/")
    _controleer(page, "portaal start")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.wait_for_url("**/inloggen/**")
    assert "/openid/authorize" in page.url  # the provider's own login page, on its own port
    page.get_by_label("Gebruikersnaam").fill("inwoner")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/portaal/aanvragen/")
    _controleer(page, "portaal overzicht")

    zaak = Zaak.objects.get(client__bsn="600000060")
    assert zaak.status == Status.LEVERING_GESTART
    page.get_by_role("link", name="Hulp bij het huishouden").click()
    page.wait_for_url(f"**/portaal/aanvragen/{zaak.uuid}/")
    trein = page.get_by_role("list", name="Waar staat uw aanvraag?")
    expect(trein.locator('[aria-current="step"]')).to_contain_text("Hulp gestart")
    expect(trein.get_by_role("listitem")).to_have_count(7)
    expect(page.get_by_role("heading", name="Verslag van het gesprek")).to_be_visible()
    expect(page.get_by_text("14 0999").first).to_be_visible()
    _controleer(page, "portaal zaak")

    with page.expect_download() as download:
        page.get_by_role("link", name="downloaden (pdf)").first.click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and pdf == bytes(zaak.beschikkingen.order_by("-versie").first().pdf)

    page.get_by_label("Uw reactie op het verslag").fill("Ik wil de hulp graag op dinsdag.")
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.get_by_role("status")).to_contain_text("We hebben uw reactie")
    _controleer(page, "portaal zaak na reactie")

    consulent = User.objects.get(username="consulent")
    mail.outbox.clear()
    wijzig_status(zaak, Status.BEEINDIGD, consulent, toelichting="hulp niet meer nodig")
    assert [m.to for m in mail.outbox] == [["inwoner@voorbeeldstad.example"]]
    assert "De nieuwe stap is: Beëindigd." in mail.outbox[0].body
    page.reload()
    expect(trein.locator('[aria-current="step"]')).to_contain_text("Beëindigd")

    inwoner = Inwoner.objects.get(bsn="600000060")
    gelezen = set(AuditRegel.objects.filter(gebruiker=inwoner.user).values_list("wat", flat=True))
    assert f"statuspagina zaak {zaak.pk} (portaal)" in gelezen
    assert any(w.startswith("beschikking ") and w.endswith("(PDF, portaal)") for w in gelezen)

    andere = Zaak.objects.exclude(client__bsn="600000060").first()
    antwoord = page.goto(f"{live_server.url}/portaal/aanvragen/{andere.uuid}/")
    assert antwoord is not None and antwoord.status == 404


def test_vertegenwoordiger_ziet_de_zaak_van_de_client(live_server, portaal_demo, page: Page):
    page.goto(f"{live_server.url}/portaal/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("vertegenwoordiger")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/portaal/aanvragen/")
    expect(page.get_by_role("link", name="Hulp bij het huishouden voor")).to_have_count(1)
    _controleer(page, "portaal overzicht vertegenwoordiger")

    # Uitloggen ends the session at the provider too (RP-initiated logout), then back to the portal.
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{live_server.url}/portaal/")
    expect(page.get_by_role("status")).to_contain_text("U bent uitgelogd.")
    _controleer(page, "portaal start na uitloggen")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.wait_for_url("**/inloggen/**")
    expect(page.get_by_label("Wachtwoord")).to_be_visible()  # the provider asks again
