"""Chromium: the iWmo message history per zaak, one message with its retourcodes, the aanbieder's own list.

The exchange is run in-process first (toewijzing, 302, 305, a 323 with one prestatie over the volume);
then consulent and aanbieder look at the pages at 1280 and 375 px: axe-core without serious or critical
violations, and no sideways scrolling on the phone width.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .axe import controleer_toegankelijkheid
from .conftest import inloggen, uitloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def uitwisseling_met_declaratie(demo, settings, tmp_path):
    from django.contrib.auth.models import User

    from maatwerk.apps.accounts.rollen import aanbieder_van
    from maatwerk.apps.berichten import services
    from tests.besluiten.conftest import maak_zaak
    from tests.iwmo.test_berichten_keten import wijs_toe
    from tests.iwmo.test_berichten_stromen import gestart, verzoek_om_wijziging, volgende_maand

    settings.MAATWERK_IWMO_MAP = str(tmp_path / "iwmo")
    settings.MAATWERK_IWMO_ARCHIEF = str(tmp_path / "iwmo-archief")
    consulent = User.objects.get(username="consulent")
    aanbieder_user = User.objects.get(username="aanbieder")
    zaak = maak_zaak(consulent, aanbieder_van(aanbieder_user), 77)
    t = wijs_toe(zaak, consulent, aanbieder_user)
    sim = gestart(tmp_path / "iwmo", t, "volume")
    maand = volgende_maand(t.ingangsdatum)
    sim.ronde(volgende_maand(maand), f"{maand:%Y-%m}")
    services.ontvang_alles(vandaag=volgende_maand(maand))
    services.ontvang(verzoek_om_wijziging(t), vandaag=volgende_maand(maand))
    return zaak


def _bekijk(page: Page, url: str, naam: str) -> None:
    page.goto(url)
    controleer_toegankelijkheid(page, naam)


def test_berichtgeschiedenis_toegankelijk_op_1280_en_375(
    live_server, uitwisseling_met_declaratie, browser, page, monkeypatch
):
    from maatwerk.apps.berichten.models import Bericht

    zaak = uitwisseling_met_declaratie
    declaratie = Bericht.objects.get(berichttype="WMO323")
    basis = live_server.url
    inloggen(page, basis, "consulent")
    _bekijk(page, f"{basis}/iwmo/zaak/{zaak.pk}/", "berichten-zaak")
    expect(page.get_by_role("link", name="WMO325")).to_be_visible()
    page.get_by_role("link", name="WMO323").click()
    expect(page.get_by_text("Het ingediende volume overschrijdt het toegewezen volume.")).to_be_visible()
    page.get_by_text("Toon de XML").click()
    controleer_toegankelijkheid(page, "bericht-323")
    # a large message (here: anything over 100 bytes) is offered as a download only, not inline
    monkeypatch.setattr("maatwerk.apps.berichten.views.TONEN_TOT_BYTES", 100)
    page.reload()
    expect(page.get_by_text("te groot om hier te tonen")).to_be_visible()
    expect(page.get_by_text("Toon de XML")).to_have_count(0)
    controleer_toegankelijkheid(page, "bericht-323-groot")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download het bericht als XML-bestand").click()
    assert Path(download.value.path()).read_bytes() == declaratie.xml()
    monkeypatch.undo()
    _bekijk(page, f"{basis}/iwmo/", "iwmo-werklijst")
    page.get_by_role("link", name="Verzoek om wijziging (WMO317) 9003").click()
    controleer_toegankelijkheid(page, "verzoek")
    page.get_by_label("In onderzoek nemen (antwoordbericht WMO319)").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Het besluit op het verzoek is vastgelegd.")).to_be_visible()
    uitloggen(page)
    inloggen(page, basis, "aanbieder")
    _bekijk(page, f"{basis}/iwmo/aanbieder/", "berichten-aanbieder")
    expect(page.get_by_role("link", name="WMO323")).to_be_visible()
    _bekijk(page, f"{basis}/financien/", "financien-met-iwmo-declaraties")
    expect(page.get_by_role("heading", name=re.compile("iWmo-declaraties"))).to_be_visible()

    smal = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL")
    try:
        p = smal.new_page()
        inloggen(p, basis, "consulent")
        te_breed = {}
        for pad in (f"/iwmo/zaak/{zaak.pk}/", f"/iwmo/bericht/{declaratie.pk}/", "/iwmo/"):
            p.goto(basis + pad)
            controleer_toegankelijkheid(p, f"375 {pad}")
            breedte = p.evaluate("document.scrollingElement.scrollWidth")
            if breedte > 376:
                te_breed[pad] = breedte
        assert not te_breed, f"pagina's breder dan 375 px: {te_breed}"
    finally:
        smal.close()
