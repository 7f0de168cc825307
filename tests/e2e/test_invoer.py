"""Issue 14 in the browser: the client-data conflict page (409) and the refusal of control characters
(400) are readable and accessible (axe, 1280 and 375 px); a double submit makes one zaak."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from .conftest import inloggen
from .test_bezwaar import _controleer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_conflict_op_clientgegevens_en_stuurtekens(live_server, demo, page: Page):
    from maatwerk.apps.cases.models import Zaak
    from maatwerk.apps.clients.models import Client

    basis = live_server.url
    inloggen(page, basis, "consulent")
    zaak = Zaak.objects.select_related("client").filter(client__bsn__isnull=False).first()
    page.goto(f"{basis}/zaken/{zaak.pk}/client/")
    page.get_by_label("Straat").fill("Mijn straat")
    # someone else saves the same client in between
    Client.objects.filter(pk=zaak.client.pk).update(
        straat="Straat van een collega", versie=zaak.client.versie + 1
    )
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Uw wijzigingen zijn niet opgeslagen").is_visible()
    assert page.get_by_text("Straat van een collega").is_visible()
    _controleer(page, "clientconflict")

    page.goto(f"{basis}/zaken/?zoek=a%00b")
    assert page.get_by_text("onzichtbare stuurtekens").is_visible()
    _controleer(page, "stuurtekens")


def test_dubbelklik_maakt_een_zaak(live_server, demo, page: Page):
    from maatwerk.apps.cases.models import Zaak

    basis = live_server.url
    inloggen(page, basis, "consulent")
    page.goto(f"{basis}/zaken/melding/")
    page.get_by_label("Soort melding").select_option("vormvrij")
    page.get_by_label("Achternaam").fill("Dubbelklik")
    page.get_by_label("Geboortedatum").fill("1940-01-01")
    page.get_by_label("Straat").fill("Laan")
    page.get_by_label("Huisnummer").fill("1")
    page.get_by_label("Postcode").fill("1234 AB")
    page.get_by_label("Woonplaats").fill("Voorbeeldstad")
    page.get_by_label("Hulpvraag").fill("Hulp bij schoonmaken")
    page.get_by_role("button", name="Melding registreren").dblclick()
    page.wait_for_url(re.compile(r".*/zaken/\d+/$"))
    assert Zaak.objects.filter(client__achternaam="Dubbelklik").count() == 1
