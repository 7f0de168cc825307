"""Issue 10 points 1, 6 and 7 in Chromium: typed input is never lost on the onderzoek page.

A consulent types key by key, with human pauses, into every field of the onderzoek form while the
live indication refreshes; the stored values are exactly what was typed. The form asks what the
active kader uses (the rest folded away), a failed save focuses an error summary that links to each
field, the draft is kept on the server while typing and leaving with unsaved changes warns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .axe import controleer_toegankelijkheid
from .conftest import inloggen, schermafdruk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TOETS_MS = 60  # between two keystrokes
AARZEL_MS = 700  # a human pause: longer than the refresh delay, so the panel refreshes mid-word


def _nieuwe_zaak():
    """A demo zaak of the consulent, without onderzoek, whose client has a birth date."""
    from django.contrib.auth.models import User

    from maatwerk.apps.cases.models import Status
    from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

    consulent = User.objects.get(username="consulent")
    zaak = (
        zichtbare_zaken(consulent)
        .filter(status=Status.ONTVANGEN, onderzoek__isnull=True, client__geboortedatum__isnull=False)
        .first()
    )
    assert zaak is not None, "demodata mist een nieuwe zaak voor de consulent"
    return zaak


def _typ(page: Page, selector: str, tekst: str, *pauzes: int) -> None:
    """Type ``tekst`` key by key; after each position in ``pauzes`` hesitate (a refresh happens)."""
    veld = page.locator(selector)
    veld.click()
    veld.press("Control+a")
    veld.press("Delete")
    vorige = 0
    for positie in [*pauzes, len(tekst)]:
        veld.press_sequentially(tekst[vorige:positie], delay=TOETS_MS)
        if positie < len(tekst):
            page.wait_for_timeout(AARZEL_MS)
        vorige = positie


def _typ_datum(page: Page, selector: str, datum: dt.date) -> None:
    """A date field, typed digit by digit (headless Chromium shows it as mm/dd/jjjj)."""
    page.locator(selector).click()
    page.locator(selector).press_sequentially(f"{datum:%m%d%Y}", delay=TOETS_MS)


def _verversingen(page: Page) -> list[str]:
    """Ids of the focused element at each refresh of the result panel (recorded in the page)."""
    return page.evaluate("() => window.__verversingen || []")


def _tel_verversingen(page: Page) -> None:
    page.evaluate(
        """() => { window.__verversingen = [];
            document.addEventListener('onderzoek:ververst', () =>
                window.__verversingen.push(document.activeElement ? document.activeElement.id : '')); }"""
    )


def _open_ingeklapt(page: Page) -> None:
    for samenvatting in page.locator("details.mw-telt-niet > summary").all():
        samenvatting.click()


def test_typen_tijdens_verversen_verliest_niets(live_server, demo, page: Page, tmp_path: Path):
    from maatwerk.apps.onderzoek.models import Concept, Onderzoek

    zaak = _nieuwe_zaak()
    vandaag = dt.date.today()
    inloggen(page, live_server.url, "consulent")
    page.goto(f"{live_server.url}/onderzoek/{zaak.pk}/")
    expect(page.locator("#indicatie-totaal")).to_contain_text("uur per week")
    _tel_verversingen(page)
    _open_ingeklapt(page)

    _typ_datum(page, "#id_gespreksdatum", vandaag)
    _typ(page, "#id_locatie", "bij de cliënt thuis", 7)
    page.locator("#id_gewezen_op_clientondersteuning").check()
    _typ(page, "#id_clientondersteuner", "Mevrouw de Boer", 4)
    _typ(page, "#id_mantelzorger", "Dochter Anna", 3)
    niveaus = {
        "licht_huishoudelijk_werk": "niet",
        "zwaar_huishoudelijk_werk": "niet",
        "wasverzorging": "deels",
        "boodschappen": "deels",
        "maaltijden": "zelf",
        "regie_huishouden": "deels",
        "verzorging_kinderen": "zelf",
    }
    for cat, niveau in niveaus.items():
        page.locator(f"#id_s-beperking_{cat}").select_option(niveau)
    page.locator("#id_s-woning_type").select_option("eengezinswoning")
    _typ(page, "#id_s-kamers_in_gebruik", "5")
    _typ(page, "#id_s-kamers_niet_in_gebruik", "2")
    page.locator("#id_s-trap").check()
    leden = [
        ("partner", dt.date(1941, 5, 17), "niet"),
        ("kind", dt.date(2012, 3, 9), "volledig"),
        ("huisgenoot", dt.date(1990, 11, 30), "niet"),
        ("kind", dt.date(2021, 1, 2), "volledig"),
    ]
    for i, (rol, geboren, meedoen) in enumerate(leden):
        page.locator(f"#id_s-lid{i}_rol").select_option(rol)
        _typ_datum(page, f"#id_s-lid{i}_geboortedatum", geboren)
        page.locator(f"#id_s-lid{i}_kan_meedoen").select_option(meedoen)
    netwerk = [
        ("Buurvrouw Els", "boodschappen", "45"),
        ("Zoon Pieter", "wasverzorging", "60"),
        ("Kerkvrijwilliger", "maaltijden", "30"),
    ]
    for i, (wie, taak, minuten) in enumerate(netwerk):
        _typ(page, f"#id_s-netwerk{i}_wie", wie, 4)
        page.locator(f"#id_s-netwerk{i}_taak").select_option(taak)
        _typ(page, f"#id_s-netwerk{i}_minuten", minuten, 1)
    for vakje in page.locator("[id^=id_s-omstandigheid_]").all():
        vakje.check()
    for vakje in page.locator("[name='s-algemene_voorzieningen']").all():
        vakje.check()

    # The reported loss: change a field, then type straight into "Afwijkend" and "Motivatie" while the
    # indication refreshes. Each pause lets a refresh land between two keystrokes.
    page.locator("#id_s-beperking_licht_huishoudelijk_werk").select_option("deels")
    _typ(page, "#afw_min_schoon_huis", "240", 1, 2)
    motivatie = "longarts adviseert extra schoonmaak vanwege COPD en incontinentie"
    _typ(page, "#afw_mot_schoon_huis", motivatie, 5, 13, 22, 40)
    verslag = "Keukentafelgesprek bij mevrouw thuis. Zij kan na de heupoperatie niet bukken of tillen."
    _typ(page, "#id_verslag", verslag, 20, 45, 70)
    expect(page.locator("#id_verslag")).to_be_focused()
    page.wait_for_timeout(AARZEL_MS)

    ververst = _verversingen(page)
    assert ververst.count("afw_min_schoon_huis") >= 2, ververst  # refreshed while typing "240"
    assert ververst.count("afw_mot_schoon_huis") >= 3, ververst  # ... and while typing the motivation
    assert "id_verslag" in ververst and "id_s-netwerk0_wie" in ververst, ververst
    assert page.locator("#afw_min_schoon_huis").input_value() == "240"
    assert page.locator("#afw_mot_schoon_huis").input_value() == motivatie
    expect(page.locator("#concept-status")).to_contain_text("Concept bewaard om")
    assert Concept.objects.filter(zaak=zaak).exists()
    assert not page.js_fouten, page.js_fouten  # type: ignore[attr-defined]

    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Onderzoek opgeslagen")
    ond = Onderzoek.objects.get(zaak=zaak)
    assert (ond.gespreksdatum, ond.locatie, ond.gewezen_op_clientondersteuning) == (
        vandaag,
        "bij de cliënt thuis",
        True,
    )
    assert (ond.clientondersteuner, ond.mantelzorger, ond.verslag) == (
        "Mevrouw de Boer",
        "Dochter Anna",
        verslag,
    )
    s = ond.situatie
    assert s["beperkingen"] == {**niveaus, "licht_huishoudelijk_werk": "deels"}
    assert s["woning"] == {
        "type": "eengezinswoning",
        "kamers_in_gebruik": 5,
        "kamers_niet_in_gebruik": 2,
        "trap": True,
    }
    assert [(h["rol"], h["geboortedatum"], h["kan_meedoen"]) for h in s["huishouden"]] == [
        (r, g.isoformat(), m) for r, g, m in leden
    ]
    assert [(n["wie"], n["taak"], n["minuten_per_week"]) for n in s["netwerk"]] == [
        (w, t, float(m)) for w, t, m in netwerk
    ]
    assert all(s["omstandigheden"].values()) and len(s["omstandigheden"]) == 12
    assert len(s["algemene_voorzieningen"]) == 4
    afwijking = s["afwijkingen"][0]
    assert len(s["afwijkingen"]) == 1 and (afwijking["activiteit"], afwijking["minuten_per_week"]) == (
        "schoon_huis",
        240,
    )
    assert afwijking["motivatie"] == motivatie
    assert not Concept.objects.filter(zaak=zaak).exists()  # saving turns the draft into the version


def test_formulier_vraagt_wat_het_kader_gebruikt_en_fouten_krijgen_focus(
    live_server, demo, page: Page, tmp_path: Path
):
    zaak = _nieuwe_zaak()
    inloggen(page, live_server.url, "consulent")
    page.goto(f"{live_server.url}/onderzoek/{zaak.pk}/")
    # Voorbeeldstad applies the KPMG/HHM kader: it does not use boodschappen, trap or huisdieren.
    ingeklapt = page.locator("details.mw-telt-niet")
    expect(ingeklapt.first.locator("summary")).to_contain_text("Telt niet mee onder KPMG/HHM")
    expect(page.get_by_label("Boodschappen", exact=True)).to_be_hidden()
    expect(page.get_by_label("Woning heeft een trap binnenshuis")).to_be_hidden()
    expect(page.get_by_label("Huisdieren", exact=True)).to_be_hidden()
    expect(page.get_by_label("Licht huishoudelijk werk", exact=True)).to_be_visible()
    expect(page.get_by_label("Incontinentie", exact=True)).to_be_visible()
    assert "schoon_huis" not in page.locator("main").inner_text()
    for breedte in (1280, 375):
        page.set_viewport_size({"width": breedte, "height": 800})
        controleer_toegankelijkheid(page, f"onderzoek {breedte} px")
        schermafdruk(page, f"onderzoek-kader-{breedte}", tmp_path)

    page.set_viewport_size({"width": 1280, "height": 800})
    _typ(page, "#afw_min_schoon_huis", "240")
    _typ(page, "#afw_mot_schoon_huis", "kort")
    _typ(page, "#id_s-kamers_in_gebruik", "")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    overzicht = page.locator("#foutoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Er is niets opgeslagen")
    expect(overzicht.get_by_role("link", name="Kamers in gebruik: Dit veld is verplicht.")).to_be_visible()
    link = overzicht.get_by_role("link", name="Afwijking bij Schoon en leefbaar huis: Afwijken mag alleen")
    expect(link).to_be_visible()
    assert "schoon_huis" not in page.locator("main").inner_text()
    for breedte in (1280, 375):
        page.set_viewport_size({"width": breedte, "height": 800})
        controleer_toegankelijkheid(page, f"onderzoek met fouten {breedte} px")
        schermafdruk(page, f"onderzoek-fouten-{breedte}", tmp_path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= breedte + 1
    link.click()
    expect(page.locator("#afw_mot_schoon_huis")).to_be_focused()
    assert page.locator("#afw_mot_schoon_huis").input_value() == "kort"  # nothing typed is lost
    assert not page.js_fouten, page.js_fouten  # type: ignore[attr-defined]


def test_concept_blijft_en_weggaan_waarschuwt(live_server, demo, page: Page):
    from maatwerk.apps.onderzoek.models import Concept, Onderzoek

    zaak = _nieuwe_zaak()
    inloggen(page, live_server.url, "consulent")
    page.goto(f"{live_server.url}/onderzoek/{zaak.pk}/")
    _typ(page, "#id_locatie", "in de huiskamer", 3)
    _typ(page, "#id_verslag", "Eerste aantekeningen van het gesprek.", 10)
    expect(page.locator("#concept-status")).to_contain_text("Concept bewaard om")
    concept = Concept.objects.get(zaak=zaak)
    assert concept.basisversie == 0 and concept.gegevens["locatie"] == ["in de huiskamer"]
    assert not Onderzoek.objects.filter(zaak=zaak).exists()  # a draft is not the saved version

    dialogen: list[str] = []

    def blijf(dialog) -> None:
        dialogen.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", blijf)
    page.get_by_role("link", name=f"← Terug naar zaak {zaak.pk}").click(no_wait_after=True)
    page.wait_for_timeout(500)
    assert dialogen == ["beforeunload"]
    assert page.url.endswith(f"/onderzoek/{zaak.pk}/")
    page.remove_listener("dialog", blijf)
    page.on("dialog", lambda dialog: dialog.accept())

    # Away and back (as after a crash or a closed tab): the form shows the draft.
    page.goto(f"{live_server.url}/zaken/{zaak.pk}/")
    page.goto(f"{live_server.url}/onderzoek/{zaak.pk}/")
    expect(page.locator("#concept-melding")).to_contain_text("U ziet uw concept")
    assert page.locator("#id_locatie").input_value() == "in de huiskamer"
    assert page.locator("#id_verslag").input_value() == "Eerste aantekeningen van het gesprek."
    controleer_toegankelijkheid(page, "onderzoek met concept")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Onderzoek opgeslagen")
    assert Onderzoek.objects.get(zaak=zaak).locatie == "in de huiskamer"
    assert not Concept.objects.filter(zaak=zaak).exists()
    # After saving there is nothing unsaved: leaving does not warn.
    dialogen.clear()
    page.on("dialog", blijf)
    page.get_by_role("link", name=f"← Terug naar zaak {zaak.pk}").click()
    page.wait_for_url(f"**/zaken/{zaak.pk}/")
    assert dialogen == []


def test_bestaand_en_afgerond_onderzoek_toegankelijk(live_server, demo, page: Page, tmp_path: Path):
    from maatwerk.apps.cases.models import Status, Zaak

    lopend = Zaak.objects.filter(status=Status.IN_ONDERZOEK, onderzoek__indicatie__isnull=False).first()
    afgerond = Zaak.objects.filter(onderzoek__afgerond_op__isnull=False).first()
    assert lopend and afgerond, "demodata mist een lopend en een afgerond onderzoek"
    inloggen(page, live_server.url, "consulent")
    for naam, zaak in (("lopend", lopend), ("afgerond", afgerond)):
        page.goto(f"{live_server.url}/onderzoek/{zaak.pk}/")
        expect(page.locator("#indicatie-totaal")).to_contain_text("uur per week")
        for breedte in (1280, 375):
            page.set_viewport_size({"width": breedte, "height": 800})
            controleer_toegankelijkheid(page, f"onderzoek {naam} {breedte} px")
            assert page.evaluate("() => document.documentElement.scrollWidth") <= breedte + 1
        page.set_viewport_size({"width": 1280, "height": 800})
    assert not page.js_fouten, page.js_fouten  # type: ignore[attr-defined]


def test_algemene_voorziening_passend_en_toegankelijk(live_server, demo, page: Page, tmp_path: Path):
    """Art. 2.3.5 lid 3 Wmo 2015 from the form: per algemene voorziening the consulent records whether it
    is passend and financieel toegankelijk; typing at human speed loses nothing; the panel explains."""
    from maatwerk.apps.onderzoek.models import Onderzoek

    zaak = _nieuwe_zaak()
    inloggen(page, live_server.url, "consulent")
    page.goto(f"{live_server.url}/onderzoek/{zaak.pk}/")
    expect(page.locator("#indicatie-totaal")).to_contain_text("uur per week")
    _tel_verversingen(page)
    page.locator("#id_s-beperking_licht_huishoudelijk_werk").select_option("niet")
    page.locator("#id_s-beperking_zwaar_huishoudelijk_werk").select_option("niet")
    hht = page.get_by_role("group", name="Huishoudelijke hulp toelage", exact=True)
    expect(hht).to_be_visible()  # the kader uses it: not folded away
    hht.get_by_label("Huishoudelijke hulp toelage", exact=True).check()
    passend = page.get_by_role("group", name="Huishoudelijke hulp toelage: is deze voorziening passend")
    passend.get_by_label("Ja", exact=True).check()
    toegankelijk = page.get_by_role(
        "group", name="Huishoudelijke hulp toelage: is deze voorziening financieel toegankelijk"
    )
    toegankelijk.get_by_label("Nee", exact=True).check()
    uitleg = page.locator("#voorziening-uitleg")
    expect(uitleg).to_contain_text("Geen aftrek voor de algemene voorziening")
    expect(uitleg).to_contain_text("financieel toegankelijk nee")

    # Now toegankelijk too: without a motivation of 10 characters the save is refused, tied to the field.
    toegankelijk.get_by_label("Ja", exact=True).check()
    expect(uitleg).to_contain_text("Vervalt: de algemene voorziening")
    expect(page.locator("#indicatie-totaal")).to_contain_text("Totaal: 0 minuten per week")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    overzicht = page.locator("#foutoverzicht")
    expect(overzicht).to_be_focused()
    link = overzicht.get_by_role("link", name="Huishoudelijke hulp toelage: motivatie: Leg uit")
    expect(link).to_be_visible()
    for breedte in (1280, 375):
        page.set_viewport_size({"width": breedte, "height": 800})
        controleer_toegankelijkheid(page, f"onderzoek voorziening met fout {breedte} px")
        schermafdruk(page, f"onderzoek-voorziening-fout-{breedte}", tmp_path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= breedte + 1
    page.set_viewport_size({"width": 1280, "height": 800})
    link.click()
    veld = page.get_by_label("Huishoudelijke hulp toelage: motivatie")
    expect(veld).to_be_focused()
    expect(veld).to_have_attribute("aria-invalid", "true")

    _tel_verversingen(page)
    motivatie = "Mevrouw gebruikt de HHT al; de eigen bijdrage past in haar budget."
    _typ(page, "#id_s-vz_huishoudelijke_hulp_toelage__motivatie", motivatie, 8, 20, 35)
    page.locator("#id_s-beperking_licht_huishoudelijk_werk").select_option("deels")  # another refresh
    page.wait_for_timeout(AARZEL_MS)
    ververst = _verversingen(page)
    assert ververst.count("id_s-vz_huishoudelijke_hulp_toelage__motivatie") >= 2, ververst
    assert page.locator("#id_s-vz_huishoudelijke_hulp_toelage__motivatie").input_value() == motivatie
    for breedte in (1280, 375):
        page.set_viewport_size({"width": breedte, "height": 800})
        hht.evaluate("e => e.scrollIntoView({block: 'start'})")
        schermafdruk(page, f"onderzoek-voorziening-vragen-{breedte}", tmp_path)
        page.locator("#kop-voorzieningen").scroll_into_view_if_needed()
        controleer_toegankelijkheid(page, f"onderzoek voorziening {breedte} px")
        schermafdruk(page, f"onderzoek-voorziening-{breedte}", tmp_path)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Onderzoek opgeslagen")
    ond = Onderzoek.objects.get(zaak=zaak)
    assert ond.situatie["algemene_voorzieningen"] == [
        {
            "voorziening": "huishoudelijke_hulp_toelage",
            "passend": True,
            "financieel_toegankelijk": True,
            "motivatie": motivatie,
        }
    ]
    assert ond.indicatie.engine.totaal_minuten_per_week == 0
    expect(page.locator("#voorziening-uitleg")).to_contain_text(motivatie.rstrip("."))
    expect(passend.get_by_label("Ja", exact=True)).to_be_checked()
    assert not page.js_fouten, page.js_fouten  # type: ignore[attr-defined]
