"""Second factor in the browser: set up an authenticator app, recovery codes, log in with a code;
axe finds no serious or critical problems at 1280 and 375 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .axe import controleer_toegankelijkheid
from .conftest import WACHTWOORD, uitloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _code(gebruikersnaam: str) -> str:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    apparaat = TOTPDevice.objects.filter(user__username=gebruikersnaam).latest("pk")
    TOTPDevice.objects.filter(pk=apparaat.pk).update(last_t=-1)
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"


def _wachtwoord(page: Page, basis: str, gebruikersnaam: str) -> None:
    page.goto(f"{basis}/login/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.mark.parametrize("breedte", [1280, 375])
def test_instellen_herstelcodes_en_inloggen_met_code(live_server, demo, page: Page, breedte):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.set_viewport_size({"width": breedte, "height": 800})
    TOTPDevice.objects.filter(user__username="beheer").delete()  # first login: no app yet
    basis = live_server.url
    _wachtwoord(page, basis, "beheer")
    page.wait_for_url("**/login/tweede-factor/instellen/**")
    expect(page.get_by_role("heading", name="Tweede factor instellen")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor de authenticator-app")).to_be_visible()
    assert page.get_by_role("navigation", name="Hoofdmenu").count() == 0  # no menu before the code
    controleer_toegankelijkheid(page, f"tweede factor instellen ({breedte} px)")
    page.get_by_label("Code uit de app").fill("12")
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code klopt niet")
    controleer_toegankelijkheid(page, f"tweede factor instellen met fout ({breedte} px)")
    page.get_by_label("Code uit de app").fill(_code("beheer"))
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    assert page.locator(".mw-herstelcodes li").count() == 10
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    controleer_toegankelijkheid(page, f"herstelcodes ({breedte} px)")
    page.get_by_role("link", name="Verder").click()
    page.wait_for_url("**/audit/")
    uitloggen(page)

    _wachtwoord(page, basis, "beheer")
    page.wait_for_url("**/login/tweede-factor/?**")
    assert page.evaluate("document.activeElement.id") == "id_code"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    controleer_toegankelijkheid(page, f"code invullen ({breedte} px)")
    page.get_by_label("Code").fill(_code("beheer"))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url("**/audit/")
    assert not page.js_fouten  # type: ignore[attr-defined]
