"""Bezwaar and klacht in a real browser: a bezwaar registered against a beschikking, hoorzitting, commissie
advice, gegrond -> a new beschikking version; the Termijnen worklist and the klacht pages.

axe-core (no serious or critical violations) on every new page at 1280 and 375 px wide.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .axe import controleer_toegankelijkheid
from .conftest import inloggen, uitloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _controleer(page: Page, naam: str) -> None:
    """axe at desktop and phone width (no sideways scrolling at 375 px), and no JavaScript/CSP errors."""
    for breedte, hoogte in ((1280, 800), (375, 740)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        controleer_toegankelijkheid(page, f"{naam} ({breedte} px)")
        if breedte == 375:
            breed = page.evaluate("() => document.documentElement.scrollWidth")
            assert breed <= 375 + 1, f"{naam}: horizontaal scrollen op 375 px ({breed} px breed)"
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not page.js_fouten, f"JavaScript- of CSP-fouten op {naam}: {page.js_fouten}"  # type: ignore[attr-defined]


def _knop(page: Page, naam: str) -> None:
    page.get_by_role("button", name=naam, exact=True).click()
    page.wait_for_load_state()


def test_bezwaar_gegrond_geeft_nieuwe_beschikkingsversie(live_server, demo, page: Page, tmp_path: Path):
    from django.contrib.auth.models import User

    from maatwerk.apps.besluiten.models import Beschikking
    from maatwerk.apps.bezwaren.models import Bezwaar
    from maatwerk.apps.bezwaren.webdemo import jurist
    from tests.besluiten.conftest import maak_zaak
    from tests.bezwaren.conftest import geef_af

    jurist()
    consulent = User.objects.get(username="consulent")
    beschikking = geef_af(maak_zaak(consulent, None, nummer=77), consulent)
    basis = live_server.url
    vandaag = dt.date.today().isoformat()

    inloggen(page, basis, "jurist")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bezwaren")
    _controleer(page, "bezwaren-lijst")

    page.get_by_role("link", name="Nieuw bezwaar registreren").click()
    _controleer(page, "bezwaar-nieuw")
    page.get_by_label("Zaaknummer").fill(str(beschikking.zaak_id))
    page.get_by_label("Bezwaarschrift ontvangen op").fill(vandaag)
    page.get_by_label("Ingediend door").select_option("client")
    page.get_by_label("Gronden van het bezwaar").fill("De wasverzorging is niet meegenomen.")
    _knop(page, "Bezwaar registreren")
    bezwaar = Bezwaar.objects.get()
    expect(page.get_by_role("heading", level=1).first).to_contain_text(bezwaar.kenmerk)
    _controleer(page, "bezwaar")
    page.get_by_text("Brief van de beschikking").click()  # the letter as sent, for the jurist
    expect(page.get_by_text("Wat hebben wij besloten?")).to_be_visible()
    _controleer(page, "bezwaar-met-brief")

    page.get_by_label("Ontvankelijk", exact=True).select_option("ja")
    _knop(page, "Ontvankelijkheid vastleggen")
    expect(page.get_by_text("De ontvankelijkheid is vastgelegd.")).to_be_visible()

    page.get_by_label("Datum hoorzitting").fill(vandaag)
    page.get_by_label("Uitnodiging verzonden op").fill(vandaag)
    _knop(page, "Hoorzitting plannen")
    page.get_by_label("Aanwezig").fill("cliënt, dochter, jurist")
    page.get_by_label("Verslag van de hoorzitting").fill(
        "De dochter doet de was niet meer; dat is niet onderzocht."
    )
    _knop(page, "Verslag vastleggen")
    expect(page.get_by_text("Het verslag van de hoorzitting is vastgelegd.")).to_be_visible()

    page.get_by_label("Advies van de commissie").select_option("gegrond")
    page.get_by_label("Advies uitgebracht op").fill(vandaag)
    page.get_by_label("Samenvatting van het advies").fill("Wasverzorging alsnog indiceren.")
    _knop(page, "Advies vastleggen")

    # A decision without motivering is refused, nothing stored.
    page.get_by_role("combobox", name="Beslissing op bezwaar").select_option("gegrond")
    _knop(page, "Beslissing vastleggen")
    expect(page.get_by_text("Er is niets opgeslagen").first).to_be_visible()
    _controleer(page, "bezwaar-fout")
    page.get_by_role("combobox", name="Beslissing op bezwaar").select_option("gegrond")
    page.get_by_label("Beslist op").fill(vandaag)
    page.get_by_label("Motivering", exact=True).fill("De wasverzorging is alsnog meegenomen.")
    _knop(page, "Beslissing vastleggen")
    expect(page.get_by_text("Nieuwe beschikking:")).to_contain_text("versie 2")
    _controleer(page, "bezwaar-beslist")

    nieuw = Beschikking.objects.get(zaak=beschikking.zaak, versie=2)
    assert nieuw.vorige_id == beschikking.pk and bezwaar.kenmerk in nieuw.correctie_reden
    assert Bezwaar.objects.get().nieuwe_beschikking_id == nieuw.pk

    page.get_by_role("link", name="Termijnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Termijnen bezwaar en klacht")
    _controleer(page, "termijnen")
    uitloggen(page)

    # The kwaliteitsmedewerker registers a klacht about the gemeente, linked to the bezwaar.
    inloggen(page, basis, "kwaliteit")
    page.goto(f"{basis}/klachten/")
    _controleer(page, "klachten-lijst")
    page.get_by_role("link", name="Nieuwe klacht registreren").click()
    _controleer(page, "klacht-nieuw")
    page.get_by_label("Klaagschrift ontvangen op").fill(vandaag)
    page.get_by_label("Naam klager").fill("J. Jansen")
    page.get_by_label("Klacht over").select_option("gemeente")
    page.get_by_label("Kenmerk lopend bezwaar").fill(bezwaar.kenmerk)
    page.get_by_label("Waarover gaat de klacht").fill("De consulent luisterde niet.")
    _knop(page, "Klacht registreren")
    expect(page.get_by_text("Afhandelen uiterlijk")).to_be_visible()
    _controleer(page, "klacht")
    page.goto(f"{basis}/bezwaren/termijnen/")
    expect(page.get_by_text("Afhandeling klacht")).to_be_visible()
