"""Issue 10.13 in Chromium: the functioneel beheerder changes the gemeente's phone number in the admin as a
new dated version; the next letter from that date shows it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beheerder_legt_nieuwe_contactgegevens_vast(live_server, demo, page: Page):
    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.besluiten.services import contactgegevens
    from maatwerk.apps.gemeente.models import Contactgegevens

    morgen = dt.date.today() + dt.timedelta(days=1)
    oud = contactgegevens().telefoon
    inloggen(page, live_server.url, "beheer")
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="Contactgegevens").first.click()
    page.get_by_role("link", name=re.compile("toevoegen", re.I)).first.click()
    expect(page.get_by_text(oud).first).to_be_visible()  # the rules' values, read-only
    expect(page.get_by_label("Telefoon")).to_have_value(oud)  # starts from today's details
    page.get_by_label("Geldig vanaf").fill(morgen.isoformat())
    telefoon = page.get_by_label("Telefoon")
    telefoon.fill("")
    telefoon.press_sequentially("14 0888", delay=20)
    page.get_by_label("Reden van de wijziging").fill("Nieuw telefoonnummer per morgen")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()
    versie = Contactgegevens.objects.get()
    assert versie.telefoon == "14 0888" and versie.geldig_vanaf == morgen
    assert contactgegevens().telefoon == oud and contactgegevens(morgen).telefoon == "14 0888"
    assert AuditRegel.objects.filter(wat__contains="Nieuw telefoonnummer per morgen").count() == 1
    # The version is read-only afterwards: no save button on its page.
    page.goto(f"{live_server.url}/admin/gemeente/contactgegevens/{versie.pk}/change/")
    expect(page.get_by_role("button", name="Opslaan", exact=True)).to_have_count(0)
