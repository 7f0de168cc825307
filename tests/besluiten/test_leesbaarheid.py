"""Every letter a client gets, rendered with demo data: readable (Flesch-Douma >= 60, few sentences over
20 words, short "Waarom" sentences), body text >= 11 pt, "pagina 1 van N", the signature never alone on a
page, and a PDF/UA-1 document (tagged, language, title, XMP metadata; checked with pikepdf)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from collections.abc import Callable
from decimal import Decimal

import pytest

from maatwerk.apps.besluiten.brief import (
    Zorgplangegevens,
    resultaatgebieden_uit_indicatie,
    taken_uit_indicatie,
    treden_uit_indicatie,
)
from maatwerk.apps.besluiten.leesbaarheid import lettergrepen, meet, tekst_uit_html, woorden, zinnen
from maatwerk.apps.besluiten.render import html_naar_pdf, render_html, render_pdf
from tests.besluiten.fabriek import gegevens

pikepdf = pytest.importorskip("pikepdf", reason="pikepdf hoort bij de testafhankelijkheden (make install)")

MIN_FLESCH_DOUMA = 60.0
MAX_AANDEEL_LANG = 0.10  # at most 1 in 10 sentences over 20 words
ZIN_WAAROM = 15  # words per "Waarom" sentence where possible
MEER_DAN_3 = (
    "Uw oude indicatie was meer dan 3 uur per week. Daarom krijgt u minstens Trede 3, zodat u en de hulp "
    "kunnen wennen."
)


def _engine_beschikking(situatie: str, **anders: object):
    from maatwerk.engine import indiceer, laad_situatie

    ind = indiceer(laad_situatie(f"examples/situaties/{situatie}"))
    return gegevens(
        taken=taken_uit_indicatie(ind),
        resultaatgebieden=resultaatgebieden_uit_indicatie(ind),
        treden=treden_uit_indicatie(ind),
        totaal_minuten_per_week=float(ind.totaal_minuten_per_week),
        normenkader=ind.kader_naam,
        normenkader_versie=ind.kader_versie,
        gevraagd="U vroeg om hulp bij het schoonhouden van uw huis.",
        **anders,
    )


def _beschikkingen() -> dict[str, object]:
    return {
        "beschikking toegekend (zorg in natura, ondertekend zorgplan)": gegevens(),
        "beschikking toegekend (veel redenen, uit de engine)": _engine_beschikking(
            "04-rolstoel-copd-grote-woning.yaml"
        ),
        "beschikking toegekend (pgb, zonder zorgplan)": gegevens(
            leveringsvorm="PGB",
            aanbieder="",
            zorgplan=Zorgplangegevens(reden_geen_zorgplan="U koos voor een pgb."),
        ),
        "beschikking toegekend (zorgplan nog niet ondertekend)": gegevens(
            zorgplan=Zorgplangegevens(
                aanbieder="Thuishulp Voorbeeld", afspraken=gegevens().zorgplan.afspraken
            )
        ),
        "beschikking afgewezen": gegevens(
            besluit="afgewezen",
            taken=(),
            treden=(),
            totaal_minuten_per_week=0.0,
            motivering="Uw partner kan het huishouden overnemen. Dat heet gebruikelijke hulp.",
        ),
    }


def _herindicatie() -> dict[str, str]:
    """The herindicatie letters on unsaved demo rows (no database needed)."""
    from maatwerk.apps.clients.models import Client
    from maatwerk.apps.herindicatie import brieven
    from maatwerk.apps.herindicatie.models import CaseloadClient, Simulatie, SimulatieUitkomst

    client = Client(
        voornamen="Anna",
        tussenvoegsel="van der",
        achternaam="Berg",
        straat="Dorpsstraat",
        huisnummer="12a",
        postcode="9999 AA",
        woonplaats="Voorbeeldstad",
    )
    caseload = CaseloadClient(pk=7, client=client, geboortedatum=dt.date(1941, 4, 2))
    simulatie = Simulatie(pk=3, peildatum=dt.date(2026, 1, 1))

    def uitkomst(**anders: object) -> SimulatieUitkomst:
        velden: dict[str, object] = {
            "simulatie": simulatie,
            "caseload": caseload,
            "oude_uren_per_week": Decimal("4.00"),
            "nieuwe_minuten_per_week": Decimal("150"),
            "nieuwe_uren_per_week": Decimal("2.50"),
            "verschil_uren_per_week": Decimal("-1.50"),
            "trede_hbh": "Trede 4",
            "nieuwe_intensiteit": "trede 4",
        }
        velden.update(anders)
        return SimulatieUitkomst(**velden)

    datum = dt.date(2025, 12, 1)
    return {
        "herindicatie zonder overgang": brieven.brief(uitkomst(), datum).html,
        "herindicatie met wenperiode (oude indicatie)": brieven.brief(
            uitkomst(
                overgang_intensiteit="oude_indicatie",
                overgang_tot="2026-04-01",
                toelichting="Uw nieuwe indicatie wijkt veel af van uw oude indicatie. Daarom houdt u eerst "
                "drie maanden uw oude hulp, zodat u kunt wennen. De wenperiode loopt tot 1 april 2026.",
            ),
            datum,
        ).html,
        "herindicatie met overgangsniveau tot een datum": brieven.brief(
            uitkomst(
                overgang_intensiteit="trede 3",
                overgang_tot="2027-01-01",
                toelichting=MEER_DAN_3 + " Dit geldt een jaar, tot 1 januari 2027.",
            ),
            datum,
        ).html,
        "herindicatie met blijvend overgangsniveau": brieven.brief(
            uitkomst(
                overgang_intensiteit="trede 3",
                overgang_tot="permanent",
                toelichting=MEER_DAN_3 + " U bent 80 jaar of ouder: u houdt deze intensiteit blijvend.",
                aanvullende_redenen="u gebruikt binnenshuis een rolstoel",
            ),
            datum,
        ).html,
        "uitnodiging huisbezoek": brieven.uitnodiging(
            caseload, {"van": "2026-01-12", "tot_en_met": "2026-01-18"}, datum, 5
        ).html,
    }


def alle_brieven() -> dict[str, tuple[str, Callable[[], bytes]]]:
    """name -> (HTML, PDF maker) of every letter template, with demo data."""
    uit: dict[str, tuple[str, Callable[[], bytes]]] = {}
    for naam, b in _beschikkingen().items():
        uit[naam] = (render_html(b), lambda b=b: render_pdf(b))
    for naam, html in _herindicatie().items():
        uit[naam] = (html, lambda html=html: html_naar_pdf(html, "."))
    return uit


@pytest.fixture(scope="module")
def brieven(django_db_blocker) -> dict[str, tuple[str, Callable[[], bytes]]]:
    with django_db_blocker.unblock():
        return alle_brieven()


def test_lettergrepen_en_zinnen() -> None:
    assert [lettergrepen(w) for w in ("huis", "cliënt", "huishouden", "beschikking", "u", "geïnd")] == [
        1,
        2,
        3,
        3,
        1,
        2,
    ]
    assert zinnen("U krijgt hulp. Wij bellen u! Klopt dat? Ja") == [
        "U krijgt hulp.",
        "Wij bellen u!",
        "Klopt dat?",
        "Ja",
    ]
    assert len(woorden("Op 10 november 2026 vroeg u ons om hulp-bij-het-huishouden.")) == 9


def test_meet_telt_alleen_lopende_tekst() -> None:
    html = (
        '<p data-leesbaarheid="overslaan">Postbus 1<br>9999 ZZ Ergens</p><h2>Kop zonder punt</h2>'
        "<p>U krijgt hulp. De hulp begint snel.</p><ul><li>een taak</li></ul>"
    )
    m = meet(html)
    assert m.zinnen == ("U krijgt hulp.", "De hulp begint snel.", "een taak")
    moeilijk = meet("<p>" + " ".join(["onoverkomelijkheden"] * 25) + ".</p>")
    assert moeilijk.flesch_douma < 0 and moeilijk.aandeel_lang == 1.0


def test_elke_brief_is_leesbaar(brieven) -> None:
    cijfers = {}
    for naam, (html, _pdf) in brieven.items():
        m = meet(html)
        cijfers[naam] = (round(m.flesch_douma, 1), round(m.aandeel_lang * 100, 1))
        assert m.flesch_douma >= MIN_FLESCH_DOUMA, (naam, m.flesch_douma)
        assert m.aandeel_lang <= MAX_AANDEEL_LANG, (naam, m.lange_zinnen)
    print("\nFlesch-Douma en aandeel zinnen > 20 woorden (%):")
    for naam, (fd, lang) in cijfers.items():
        print(f"  {fd:5.1f}  {lang:4.1f}%  {naam}")


def test_waarom_per_taak_in_korte_zinnen() -> None:
    b = _engine_beschikking("04-rolstoel-copd-grote-woning.yaml")
    assert any(len(t.redenen) >= 4 for t in b.taken)  # the case that gave one sentence of 70+ words
    for t in b.taken:
        assert len(woorden(t.kern)) <= ZIN_WAAROM, t.kern
        for r in t.redenen:
            assert len(woorden(r)) <= ZIN_WAAROM, r
    html = render_html(b)
    assert "Waarom? Omdat:" in html and html.count('<ul class="redenen">') >= 1


def _tekst_per_pagina(pdf: bytes) -> list[str]:
    uit = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return [" ".join(p.split()) for p in uit.stdout.decode("utf-8").split("\f") if p.strip()]


def test_elke_brief_is_pdf_ua_1_met_paginanummers_en_handtekening_niet_alleen(brieven) -> None:
    for naam, (_html, maak_pdf) in brieven.items():
        pdf = maak_pdf()
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            root = doc.Root
            assert str(root.Lang) == "nl", naam
            assert bool(root.MarkInfo.Marked) and "/StructTreeRoot" in root, naam
            assert bool(root.ViewerPreferences.DisplayDocTitle), naam
            meta = doc.open_metadata()
            assert meta.get("pdfuaid:part") == "1", naam
            assert meta.get("dc:title"), naam
            n = len(doc.pages)
        paginas = _tekst_per_pagina(pdf)
        assert len(paginas) == n, naam
        for i, tekst in enumerate(paginas, 1):
            assert f"pagina {i} van {n}" in tekst, (naam, i)
        groet = [p for p in paginas if "Met vriendelijke groet" in p]
        assert len(groet) == 1 and "Heeft u vragen?" in groet[0], naam


def test_lopende_tekst_is_minstens_11_punt(brieven) -> None:
    from weasyprint import HTML

    minimaal_px = 11 * 96 / 72 - 0.01  # WeasyPrint computes font sizes in CSS px
    for naam, (html, _pdf) in brieven.items():
        document = HTML(string=html, base_url=".").render()  # the stored HTML embeds its CSS
        te_klein = {
            box.text.strip()
            for pagina in document.pages
            for box, afzender in _tekstboxen(pagina._page_box)
            if box.style["font_size"] < minimaal_px and not afzender and box.text.strip()
        }
        assert not te_klein, (naam, sorted(te_klein)[:5])


def _tekstboxen(box, afzender: bool = False):
    """Text boxes of the page body with whether they are in the sender block (9 pt is allowed there)."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):  # page numbers
        return
    element = getattr(box, "element", None)
    if element is not None and "afzender" in (element.get("class") or "").split():
        afzender = True
    if isinstance(box, boxes.TextBox):
        yield box, afzender
    for kind in getattr(box, "children", []):
        yield from _tekstboxen(kind, afzender)


def test_een_aanspreekvorm_u_en_indicatie_waar_indicatie_bedoeld_is(brieven) -> None:
    import re

    for naam, (html, _pdf) in brieven.items():
        tekst = " ".join(z for blok in tekst_uit_html(html) for z in zinnen(blok)).lower()
        assert not re.search(r"\b(je|jij|jou|jouw|jullie)\b", tekst), naam
        assert re.search(r"\bu\b", tekst), naam
        if naam.startswith("herindicatie"):
            assert "nieuwe indicatie" in tekst and "nieuwe zorgplan" not in tekst, naam
