"""End-to-end (Chromium): a schouw filled in on a 375 px phone screen and answered by the provider,
informal resolution on a zaak, the council monitor; axe clean at 1280 and 375 px on every new page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import axe_overtredingen, beschrijf
from .conftest import inloggen, uitloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TELEFOON = {"width": 375, "height": 740}


def _controleer(page: Page, naam: str, breedte: int) -> None:
    ernstig = [v for v in axe_overtredingen(page) if v["impact"] in ("serious", "critical")]
    assert not ernstig, f"{naam} ({breedte} px):\n{beschrijf(ernstig)}"
    scroll = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll <= breedte + 1, f"{naam} is {scroll} px breed op een scherm van {breedte} px"


def _geplande_schouw():
    """A demo zaak with an indication, at the demo aanbieder's organisation, with a planned schouw."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.cases.models import Zaak
    from maatwerk.apps.schouw import services
    from maatwerk.apps.schouw.checklist import checklist

    zaak = next(
        (
            z
            for z in Zaak.objects.filter(onderzoek__indicatie__isnull=False).select_related("onderzoek")
            if checklist(z.onderzoek.indicatie or {})
        ),
        None,
    )
    assert zaak is not None, "demodata mist een zaak met een indicatie met taken"
    Zaak.objects.filter(pk=zaak.pk).update(aanbieder=Aanbieder.objects.get(naam="Thuiszorg Voorbeeldstad"))
    zaak.refresh_from_db()
    kwaliteit = User.objects.get(username="kwaliteit")
    return services.plan_schouw(zaak, kwaliteit, "steekproef", timezone.localdate())


def test_schouw_op_telefoon_en_reactie_aanbieder(live_server, demo, browser: Browser):
    from maatwerk.apps.schouw.models import Schouw, Stand

    schouw = _geplande_schouw()
    punten = list(schouw.punten.all())
    context = browser.new_context(viewport=TELEFOON, locale="nl-NL", timezone_id="Europe/Amsterdam")
    try:
        page = context.new_page()
        inloggen(page, live_server.url, "kwaliteit")
        page.goto(f"{live_server.url}/schouw/")
        _controleer(page, "schouwlijst", 375)
        page.get_by_role("link", name=f"Schouw {schouw.pk}").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"Schouw {schouw.pk}")
        _controleer(page, "schouw invullen", 375)
        # First attempt: one point left open -> Dutch error, nothing stored.
        page.get_by_role("button", name="Schouw afronden").click()
        expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
        for i, p in enumerate(punten):
            groep = page.get_by_role("group", name=p.taak)
            if i == 0:
                groep.get_by_label("Onvoldoende").check()
                groep.get_by_label("Opmerking").fill("Badkamer niet schoongemaakt.")
            else:
                groep.get_by_label("Voldoende", exact=True).check()
        page.get_by_label("Wat vindt de cliënt zelf?").fill(
            "De hulp is vriendelijk, maar de badkamer blijft liggen."
        )
        page.get_by_role("button", name="Schouw afronden").click()
        expect(page.get_by_role("status").first).to_contain_text("afgerond")
        _controleer(page, "schouw afgerond", 375)
        uitloggen(page)

        inloggen(page, live_server.url, "aanbieder")
        page.goto(f"{live_server.url}/schouw/{schouw.pk}/")
        expect(page.get_by_text("Badkamer niet schoongemaakt.")).to_be_visible()
        page.get_by_role("textbox", name="Reactie").fill("We plannen extra tijd voor de badkamer in.")
        page.get_by_role("button", name="Reactie opslaan").click()
        expect(page.get_by_text("Reactie van de aanbieder: We plannen extra tijd")).to_be_visible()
        _controleer(page, "schouw aanbieder", 375)
        page.goto(f"{live_server.url}/schouw/resultaten/")
        _controleer(page, "schouwresultaten aanbieder", 375)
        uitloggen(page)
        inloggen(page, live_server.url, "aanbieder2")  # another provider: the schouw is not there
        assert page.goto(f"{live_server.url}/schouw/{schouw.pk}/").status == 404
    finally:
        context.close()
    schouw = Schouw.objects.get(pk=schouw.pk)
    assert schouw.stand == Stand.AFGEROND and schouw.aantal_onvoldoende == 1
    assert schouw.reactie_aanbieder == "We plannen extra tijd voor de badkamer in."


def test_nieuwe_paginas_axe_breed_en_smal(live_server, demo, browser: Browser):
    from maatwerk.apps.bemiddeling.models import Bemiddeling
    from maatwerk.apps.cases.models import Zaak

    schouw = _geplande_schouw()
    zaak = Zaak.objects.get(pk=schouw.zaak_id)
    paginas = {
        "kwaliteit": ["/schouw/", f"/schouw/{schouw.pk}/", "/schouw/resultaten/"],
        "beleid": [
            "/monitor/",
            "/monitor/?per=halfjaar&van=2025-01-01&tot=2026-12-31",
            "/schouw/resultaten/",
        ],
        "consulent": [f"/bemiddeling/zaak/{zaak.pk}/", f"/zaken/{zaak.pk}/"],
    }
    for breedte in (1280, 375):
        context = browser.new_context(viewport={"width": breedte, "height": 800}, locale="nl-NL")
        try:
            page = context.new_page()
            for gebruiker, paden in paginas.items():
                inloggen(page, live_server.url, gebruiker)
                for pad in paden:
                    assert page.goto(live_server.url + pad).status == 200, pad
                    _controleer(page, pad, breedte)
                uitloggen(page)
        finally:
            context.close()

    # Informal resolution through the form; shown on the zaak page.
    context = browser.new_context(viewport=TELEFOON, locale="nl-NL")
    try:
        page = context.new_page()
        inloggen(page, live_server.url, "consulent")
        page.goto(f"{live_server.url}/bemiddeling/zaak/{zaak.pk}/")
        page.get_by_label("Soort").select_option("driegesprek")
        page.get_by_label("Uitkomst").select_option("oplossing_met_aanbieder")
        page.get_by_label("Wat is besproken en afgesproken").fill("De hulp doet voortaan ook de badkamer.")
        page.get_by_role("button", name="Vastleggen").click()
        expect(page.get_by_role("status").first).to_contain_text("vastgelegd")
        page.goto(f"{live_server.url}/zaken/{zaak.pk}/")
        expect(page.get_by_text("De hulp doet voortaan ook de badkamer.")).to_be_visible()
    finally:
        context.close()
    assert Bemiddeling.objects.filter(zaak=zaak, soort="driegesprek").count() == 1


def test_monitor_pagina_en_export(live_server, demo_volledig, page: Page):
    inloggen(page, live_server.url, "beleid")
    page.get_by_role("link", name="Monitor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor voor de raad")
    expect(page.get_by_role("img", name="Grafiek")).to_be_visible()
    expect(page.get_by_role("heading", name="Meldingen")).to_be_visible()
    expect(page.get_by_role("heading", name="Schouw")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    with open(download.value.path(), encoding="utf-8") as bestand:
        inhoud = bestand.read()
    assert inhoud.startswith("onderdeel;indicator") and "cbs" in inhoud
    from maatwerk.apps.clients.models import Client

    for c in Client.objects.all()[:50]:
        assert c.achternaam not in inhoud
        assert not c.bsn or c.bsn not in inhoud
    _controleer(page, "monitor", 1280)
    assert not page.js_fouten  # type: ignore[attr-defined]
