"""Role isolation and Dutch form errors, seen in the browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .axe import controleer_toegankelijkheid
from .conftest import inloggen, tweede_factor_klaar

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_inloggen_met_fout_wachtwoord_geeft_nederlandse_melding(live_server, demo, page: Page):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Gebruikersnaam").fill("consulent")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze combinatie van gebruikersnaam en wachtwoord")
    controleer_toegankelijkheid(page, "inloggen met fout")
    inloggen(page, live_server.url, "consulent")
    assert page.url.endswith("/zaken/werklijst/")


def test_aanbieder_ziet_client_van_andere_aanbieder_niet_ook_niet_via_url(
    live_server, demo_volledig, page: Page
):
    from django.contrib.auth.models import User

    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.cases.models import Zaak
    from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

    # own: a zaak the gemeente engaged this aanbieder for (toewijzing, zorgplan or its request; issue 14)
    eigen = zichtbare_zaken(User.objects.get(username="aanbieder")).select_related("client").first()
    ander = Aanbieder.objects.get(naam="Huishoudhulp De Linde")
    vreemd = Zaak.objects.filter(aanbieder=ander).select_related("client").first()
    assert eigen is not None and vreemd is not None, "demodata zonder zaken bij beide aanbieders"
    basis = live_server.url
    inloggen(page, basis, "aanbieder")

    # Own client: visible in the portal list and on its own page (positive control).
    expect(page.get_by_role("link", name=eigen.client.naam).first).to_be_visible()
    assert vreemd.client.naam not in page.content() or vreemd.client.naam == eigen.client.naam
    antwoord = page.goto(f"{basis}/beschikkingen/aanbieder/zaak/{eigen.pk}/")
    assert antwoord.status == 200

    # Another provider's client: every guessed URL is refused without showing any personal data.
    for pad in (
        f"/beschikkingen/aanbieder/zaak/{vreemd.pk}/",
        f"/zaken/{vreemd.pk}/",
        f"/onderzoek/{vreemd.pk}/",
        f"/onderzoek/{vreemd.pk}/verslag/",
        f"/beschikkingen/zaak/{vreemd.pk}/",
        "/zaken/",
        "/audit/",
    ):
        antwoord = page.goto(basis + pad)
        assert antwoord.status in (403, 404), f"{pad}: status {antwoord.status} voor een andere aanbieder"
        inhoud = page.content()
        assert vreemd.client.bsn not in inhoud, f"{pad} toont het BSN van een cliënt van een andere aanbieder"
        assert vreemd.client.straat + " " + vreemd.client.huisnummer not in inhoud


def test_fout_bsn_op_meldingformulier_geeft_nederlandse_melding_en_slaat_niets_op(
    live_server, demo, page: Page
):
    from maatwerk.apps.cases.models import Zaak
    from maatwerk.apps.clients.models import Client

    clienten, zaken = Client.objects.count(), Zaak.objects.count()
    inloggen(page, live_server.url, "consulent")
    page.get_by_role("link", name="Nieuwe melding").click()
    page.get_by_label("Hulpvraag").fill("Hulp bij het huishouden.")
    page.get_by_label("Achternaam").fill("Foutief")
    page.get_by_label("Geboortedatum").fill("1950-01-01")
    page.get_by_label("BSN").fill("123456780")
    page.get_by_label("Straat").fill("Kerkweg")
    page.get_by_label("Huisnummer").fill("3")
    page.get_by_label("Postcode").fill("12AB")
    page.get_by_role("button", name="Melding registreren").click()

    samenvatting = page.get_by_role("alert").filter(has_text="Er is niets opgeslagen")
    expect(samenvatting).to_contain_text("BSN: Dit BSN klopt niet (het voldoet niet aan de elfproef).")
    expect(samenvatting).to_contain_text("Postcode: Vul een postcode in als 1234 AB.")
    # The message sits at the field, and the field points screen readers to it.
    expect(page.locator("#id_bsn_error")).to_be_visible()
    expect(page.get_by_label("BSN")).to_have_attribute("aria-describedby", re.compile(r"\bid_bsn_error\b"))
    # What was typed stays in the form, so the consulent only corrects the wrong field.
    expect(page.get_by_label("Achternaam")).to_have_value("Foutief")
    controleer_toegankelijkheid(page, "meldingformulier met fouten")
    assert (Client.objects.count(), Zaak.objects.count()) == (clienten, zaken)


def test_inloggen_en_naar_de_inhoud_met_alleen_het_toetsenbord(live_server, demo, page: Page):
    code = tweede_factor_klaar("consulent")
    page.goto(f"{live_server.url}/login/")
    # The username field has focus on arrival (autofocus is applied at the next rendering
    # update, which may come after "load"); Tab to the password, Enter submits.
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    page.keyboard.type("consulent")
    page.keyboard.press("Tab")
    page.keyboard.type("maatwerk-demo")
    page.keyboard.press("Enter")
    # The code field of the second factor has focus on arrival; Enter submits.
    page.wait_for_url("**/login/tweede-factor/**")
    expect(page.get_by_label("Code")).to_be_focused()
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_url("**/zaken/werklijst/")
    # First Tab: the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Direct naar de inhoud")
    expect(page.locator(":focus")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    # The main menu is reachable by keyboard and shows where you are.
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Werklijst")
    ).to_have_attribute("aria-current", "page")
