"""axe-core on the main pages that the scenario test does not pass: zero serious/critical violations.

The scenario (test_scenario.py) checks login, worklist, melding, case page, onderzoek form, besluit page,
aanbieder portal and beschikking preview. This test visits the remaining main pages per role, with the
full demo municipality, and reports every failing page at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .axe import axe_overtredingen, beschrijf
from .conftest import inloggen, schermafdruk, uitloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _paginas() -> dict[str, list[tuple[str, str]]]:
    """Per demo login: (name, path) of its main pages, with ids of demo cases in the right status."""
    from maatwerk.apps.besluiten.models import Beschikking
    from maatwerk.apps.cases.models import Status, Zaak

    in_onderzoek = Zaak.objects.filter(status=Status.IN_ONDERZOEK, onderzoek__isnull=False).first()
    afgerond = Zaak.objects.filter(onderzoek__afgerond_op__isnull=False).first()
    met_opschorting = Zaak.objects.filter(opschortingen__isnull=False).first() or in_onderzoek
    beschikking = Beschikking.objects.select_related("zaak").first()
    assert in_onderzoek and afgerond and beschikking, "demodata mist zaken in de verwachte status"
    aanbieder_zaak = Zaak.objects.filter(
        aanbieder__naam="Thuiszorg Voorbeeldstad", beschikkingen__isnull=False
    )
    return {
        "consulent": [
            ("zaken", "/zaken/"),
            ("werklijst-team", "/zaken/werklijst/?wie=alle"),
            ("zaak-met-opschorting", f"/zaken/{met_opschorting.pk}/"),
            ("onderzoek-lopend", f"/onderzoek/{in_onderzoek.pk}/"),
            ("verslag", f"/onderzoek/{afgerond.pk}/verslag/"),
            ("besluit-afgegeven", f"/beschikkingen/zaak/{beschikking.zaak_id}/"),
            ("beschikking-demo", f"/beschikkingen/{beschikking.pk}/"),
            ("herindicatie", "/herindicatie/"),
            ("niet-gevonden", "/zaken/999999/"),
        ],
        "aanbieder": [
            ("aanbieder-portaal", "/beschikkingen/aanbieder/"),
            *[
                ("aanbieder-zaak-toegewezen", f"/beschikkingen/aanbieder/zaak/{z.pk}/")
                for z in aanbieder_zaak[:1]
            ],
            ("financien-aanbieder", "/financien/"),
            ("geen-toegang", "/audit/"),
        ],
        "beleid": [
            ("rapportage", "/zaken/rapportage/"),
            ("beleidstoets", "/beleid/"),
            ("financien", "/financien/"),
            ("herindicatie-beleid", "/herindicatie/"),
        ],
        "beheer": [("auditlog", "/audit/"), ("beleidstoets-beheer", "/beleid/")],
        "kwaliteit": [("zaken-kwaliteit", "/zaken/"), ("auditlog-kwaliteit", "/audit/")],
    }


SCHERMEN = {"auditlog", "beleidstoets", "herindicatie-beleid", "financien", "rapportage", "zaken"}


def test_hoofdpaginas_zonder_ernstige_toegankelijkheidsfouten(
    live_server, demo_volledig, page: Page, tmp_path: Path
):
    fouten: dict[str, str] = {}
    bezocht = []
    for gebruiker, paginas in _paginas().items():
        inloggen(page, live_server.url, gebruiker)
        for naam, pad in paginas:
            antwoord = page.goto(live_server.url + pad)
            verwacht = {"niet-gevonden": 404, "geen-toegang": 403}.get(naam, 200)
            if antwoord.status != verwacht:
                fouten[naam] = f"{pad}: HTTP {antwoord.status} (verwacht {verwacht}) als {gebruiker}"
                continue
            overtredingen = axe_overtredingen(page)
            ernstig = [v for v in overtredingen if v["impact"] in ("serious", "critical")]
            licht = sorted({f"{v['id']} ({v['impact']})" for v in overtredingen if v not in ernstig})
            if licht:  # shown with -s; not a failure
                print(f"axe {naam}: minder ernstig: {', '.join(licht)}")
            if ernstig:
                fouten[naam] = f"{pad} als {gebruiker}:\n{beschrijf(ernstig)}"
            if naam in SCHERMEN:
                schermafdruk(page, naam, tmp_path)
            bezocht.append(naam)
        uitloggen(page)
    assert not fouten, "Toegankelijkheid (axe-core, serious/critical):\n\n" + "\n\n".join(
        f"== {naam}: {tekst}" for naam, tekst in fouten.items()
    )
    assert not page.js_fouten, f"JavaScript- of CSP-fouten: {page.js_fouten}"  # type: ignore[attr-defined]
    assert len(bezocht) >= 19


def test_smal_scherm_zonder_horizontaal_scrollen(live_server, demo, browser):
    """Responsive: on a phone-sized viewport the main consulent pages do not scroll sideways."""
    from maatwerk.apps.cases.models import Zaak

    zaak = Zaak.objects.filter(onderzoek__isnull=False).first()
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL")
    try:
        page = context.new_page()
        inloggen(page, live_server.url, "consulent")
        te_breed = {}
        for pad in ("/zaken/werklijst/", f"/zaken/{zaak.pk}/", f"/onderzoek/{zaak.pk}/", "/zaken/melding/"):
            page.goto(live_server.url + pad)
            breedte = page.evaluate("document.scrollingElement.scrollWidth")
            if breedte > 375 + 1:
                te_breed[pad] = breedte
        assert not te_breed, f"pagina's breder dan 375 px (px): {te_breed}"
    finally:
        context.close()
