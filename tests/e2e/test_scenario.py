"""The whole case in a real browser: melding -> onderzoek -> zorgplan (aanbieder) -> beschikking -> PDF
-> toewijzing and start of delivery by the aanbieder.

On every main page the test checks accessibility with axe-core (no serious or critical violations)
and takes a screenshot (written to docs/img/ with MAATWERK_SCHERMAFDRUKKEN=1).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from maatwerk.apps.clients.bsn import maak_bsn

from .axe import controleer_toegankelijkheid
from .conftest import inloggen, schermafdruk, uitloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BSN = maak_bsn(31_415_926)


def _formulier(page: Page, knop: str):
    """The form that holds the button with this text."""
    return page.locator("form").filter(has=page.get_by_role("button", name=knop, exact=True))


def _controleer(page: Page, naam: str, tmp_path: Path, afdruk: bool = True, anker: str = "") -> None:
    controleer_toegankelijkheid(page, naam)
    if anker:  # show this part of a long page at the top of the screenshot
        page.evaluate("s => document.querySelector(s).scrollIntoView({block: 'start'})", anker)
    if afdruk:
        schermafdruk(page, naam, tmp_path)
    assert not page.js_fouten, f"JavaScript- of CSP-fouten op {naam}: {page.js_fouten}"  # type: ignore[attr-defined]


def test_van_melding_tot_beschikking(live_server, demo, page: Page, tmp_path: Path):
    from maatwerk.apps.besluiten.models import Beschikking
    from maatwerk.apps.cases.models import Status, Zaak

    basis = live_server.url
    vandaag = dt.date.today()

    # Login page and the consulent's worklist.
    page.goto(f"{basis}/login/")
    _controleer(page, "inloggen", tmp_path)
    inloggen(page, basis, "consulent")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werklijst")
    _controleer(page, "werklijst", tmp_path)

    # 1. Melding (volledig, with BSN).
    page.get_by_role("link", name="Nieuwe melding").click()
    _controleer(page, "melding", tmp_path, afdruk=False)
    page.get_by_label("Kanaal").select_option(label="Telefoon")
    page.get_by_label("Hulpvraag").fill("Sinds mijn heupoperatie kan ik niet meer stofzuigen of de was doen.")
    page.get_by_label("Voornamen").fill("Geertje")
    page.get_by_label("Achternaam").fill("Testerink")
    page.get_by_label("Geboortedatum").fill("1941-03-12")
    page.get_by_label("BSN").fill(BSN)
    page.get_by_label("Straat").fill("Lindelaan")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Postcode").fill("2011 AB")
    page.get_by_role("button", name="Melding registreren").click()
    expect(page.get_by_role("status").first).to_contain_text("Melding geregistreerd voor")
    zaak = Zaak.objects.get(client__bsn=BSN)
    assert zaak.status == Status.ONTVANGEN
    _controleer(page, "zaak", tmp_path)

    # 2. Onderzoek: the indication recomputes live (htmx) and shows the hours.
    page.get_by_role("link", name="Start het onderzoek").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Onderzoek: Geertje Testerink")
    page.get_by_label("Datum keukentafelgesprek").fill(vandaag.isoformat())
    page.get_by_label("Plaats van het gesprek").fill("bij de cliënt thuis")
    page.get_by_label("Cliënt is gewezen op gratis onafhankelijke cliëntondersteuning").check()
    page.get_by_label("Licht huishoudelijk werk", exact=True).select_option("niet")
    page.get_by_label("Zwaar huishoudelijk werk", exact=True).select_option("niet")
    # Wasverzorging does not count under Voorbeeldstad's kader: it is folded away (issue 10.6).
    page.get_by_text("Telt niet mee onder").first.click()
    page.get_by_label("Wasverzorging", exact=True).select_option("niet")
    expect(page.locator("#indicatie-totaal")).to_contain_text("uur per week")
    expect(page.locator("#indicatie tbody tr").first).to_be_visible()
    page.get_by_label("Verslag (de cliënt krijgt dit te lezen)").fill(
        "Keukentafelgesprek bij mevrouw thuis. Zij kan na de heupoperatie niet bukken of tillen; "
        "er is geen netwerk dat het huishouden kan overnemen."
    )
    _controleer(page, "onderzoek", tmp_path, anker="#kop-indicatie")
    page.get_by_role("button", name="Onderzoek afronden").click()
    expect(page.get_by_role("status").first).to_contain_text("Onderzoek afgerond")
    zaak.refresh_from_db()
    indicatie = zaak.onderzoek.indicatie
    uren = f"{indicatie['uren_per_week']:.2f}".replace(".", ",")
    expect(page.locator("#indicatie-totaal")).to_contain_text(f"{uren} uur per week")
    activiteiten = indicatie["activiteiten"]
    assert activiteiten and indicatie["totaal_minuten_per_week"] > 0

    # 3. Aanvraag, and the aanbieder of the client's choice.
    page.get_by_role("link", name=re.compile("Terug naar zaak")).click()
    # The zaak page's one primary action (issue 10.5); other changes are folded under "Andere acties".
    page.get_by_role("button", name="Aanvraag registreren").click()
    expect(page.get_by_role("status").first).to_contain_text("Status gewijzigd")
    page.get_by_text("Andere acties").click()
    _formulier(page, "Opslaan").get_by_label("Aanbieder").select_option(label="Thuiszorg Voorbeeldstad")
    _formulier(page, "Opslaan").get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("aanbieder opgeslagen")

    # 4. Ondersteuningsplan on the besluit page.
    page.get_by_role("link", name="Ondersteuningsplan, zorgplan en beschikking").click()
    for veld in page.get_by_label(re.compile("^Doel: ")).all():
        veld.fill("Een schoon en leefbaar huis en schone kleding.")
    page.get_by_role("button", name=re.compile(r"^Ondersteuningsplan (opslaan|vaststellen)")).click()
    expect(page.get_by_role("status").first).to_contain_text("Ondersteuningsplan opgeslagen")
    _controleer(page, "besluit", tmp_path)
    uitloggen(page)

    # 5. The aanbieder drafts and signs the zorgplan in its own view.
    inloggen(page, basis, "aanbieder")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn cliënten")
    _controleer(page, "aanbieder-overzicht", tmp_path)
    page.get_by_role("link", name=re.compile("Testerink")).first.click()  # to-do list or table
    page.get_by_role("button", name="Zorgplan opstellen").click()
    for veld in page.get_by_label(re.compile("^Afspraak: ")).all():
        veld.fill("Op dinsdagochtend, vaste hulp.")
    page.get_by_role("button", name="Zorgplan opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Zorgplan opgeslagen")
    page.get_by_label("Naam van de cliënt (of vertegenwoordiger) die tekende").fill("G. Testerink")
    page.get_by_label("De cliënt en ik hebben het zorgplan samen ondertekend").check()
    page.get_by_role("button", name="Zorgplan ondertekenen").click()
    expect(page.get_by_role("status").first).to_contain_text("ondertekend")
    _controleer(page, "aanbieder-zaak", tmp_path)
    uitloggen(page)

    # 6. The consulent issues the beschikking.
    inloggen(page, basis, "consulent")
    page.goto(f"{basis}/beschikkingen/zaak/{zaak.pk}/")
    expect(page.get_by_text("Ondertekend", exact=True)).to_be_visible()
    formulier = _formulier(page, "Concept bekijken")
    formulier.get_by_label("Ingangsdatum").fill(vandaag.isoformat())
    formulier.get_by_label("Einddatum").fill((vandaag + dt.timedelta(days=365)).isoformat())
    formulier.get_by_label("Leveringsvorm").select_option("ZIN")
    page.get_by_role("button", name="Concept bekijken").click()
    expect(page.get_by_role("heading", level=1).first).to_contain_text("Concept beschikking")
    page.get_by_label("Ik heb de brief gelezen. Hij klopt en mag naar de cliënt.").check()
    page.get_by_role("button", name="Beschikking afgeven").click()
    expect(page.get_by_role("status").first).to_contain_text("is afgegeven")
    _controleer(page, "beschikking", tmp_path)
    beschikking = Beschikking.objects.get(zaak=zaak)
    assert beschikking.hash_klopt()

    # 7. The PDF: every task with its minutes per week, and the bezwaar clause.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de PDF").click()
    pdf = tmp_path / "beschikking.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    tekst = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    vlak = re.sub(r"\s+", " ", tekst)
    for a in activiteiten:
        minuten = int(Decimal(str(a["minuten_per_week"])).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        assert a["taak"] in vlak, f"taak '{a['taak']}' ontbreekt in de PDF:\n{tekst}"
        assert re.search(rf"{re.escape(a['taak'])}.{{0,200}}?\b{minuten} min", vlak), (
            f"{minuten} minuten per week bij '{a['taak']}' ontbreekt in de PDF:\n{tekst}"
        )
    assert re.search(r"bezwaar.{0,300}?(6|zes) weken|(6|zes) weken.{0,300}?bezwaar", vlak, re.I), (
        f"bezwaarclausule (binnen 6 weken) ontbreekt in de PDF:\n{tekst}"
    )

    # 8. Zorg in natura: assigned to the aanbieder, who records the start of delivery.
    uitloggen(page)
    inloggen(page, basis, "aanbieder")
    page.get_by_role("link", name=re.compile("Testerink")).first.click()  # to-do list or table
    _formulier(page, "Start levering vastleggen").get_by_label("Startdatum levering").fill(
        vandaag.isoformat()
    )
    page.get_by_role("button", name="Start levering vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("Start van de levering vastgelegd")
    zaak.refresh_from_db()
    assert zaak.status == Status.LEVERING_GESTART
    gebeurd = list(zaak.statusevents.order_by("tijdstip", "pk").values_list("naar_status", flat=True))
    assert gebeurd == [
        Status.ONTVANGEN,
        Status.IN_ONDERZOEK,
        Status.AANVRAAG,
        Status.BESLUIT,
        Status.TOEGEWEZEN,
        Status.LEVERING_GESTART,
    ], gebeurd
