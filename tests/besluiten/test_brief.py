"""The beschikking letter: HTML and PDF (WeasyPrint), its text via pdftotext."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess

import pytest

from maatwerk.apps.besluiten.brief import (
    Zorgplangegevens,
    resultaatgebieden_uit_indicatie,
    taken_uit_indicatie,
    treden_uit_indicatie,
)
from maatwerk.apps.besluiten.render import inhoudshash, render_html, render_pdf
from tests.besluiten.fabriek import TAKEN, gegevens


def pdf_tekst(pdf: bytes) -> str:
    """Text of a PDF via pdftotext (Debian poppler-utils), whitespace collapsed."""
    assert shutil.which("pdftotext"), "pdftotext ontbreekt: installeer poppler-utils (bin/systeempakketten)"
    uit = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    return uit.decode("utf-8")


def regels_met(tekst: str, woord: str) -> list[str]:
    return [r for r in tekst.splitlines() if woord in r]


def test_pdf_bevat_elke_taak_met_minuten_per_week_en_bezwaarclausule() -> None:
    b = gegevens()
    pdf = render_pdf(b)
    assert pdf.startswith(b"%PDF-")
    tekst = pdf_tekst(pdf)
    platte = " ".join(tekst.split())
    for taak in TAKEN:
        regels = regels_met(tekst, taak.taak)
        assert regels, taak.taak
        # On the task's own line: its minutes per week (whole minutes, half up).
        assert any(f"{taak.minuten_per_week_heel} minuten per week" in r for r in regels), (taak.taak, regels)
    assert "114 minuten per week" in platte  # 30 + 22.5 + 20 + 7.5 + 34
    assert "1 uur en 54 minuten" in platte
    assert "bezwaar maken binnen 6 weken" in platte
    assert "uiterlijk op 4 januari 2027" in platte
    assert "Bezwaarschriftencommissie" in platte
    assert "Bel dan eerst uw consulent" in platte
    assert "CAK" in platte
    assert "KPMG/HHM normenkader" in platte and "versie 2021" in platte
    assert "1 december 2026" in platte and "30 november 2027" in platte
    assert "Thuishulp Voorbeeld" in platte and "zorg in natura" in platte
    assert "Bijlage 1. Ondersteuningsplan" in platte and "Bijlage 2. Zorgplan" in platte
    assert "Trede 3" in platte
    assert "Klaar: We hebben uw melding ontvangen" in platte
    assert "VOORBEELD" not in platte


def test_reden_per_taak_staat_in_de_brief() -> None:
    html = render_html(gegevens())
    for taak in TAKEN:
        assert taak.reden.replace("'", "&#x27;") in html


def test_voorbeeldwaarden_geven_prominente_markering() -> None:
    platte = " ".join(pdf_tekst(render_pdf(gegevens(voorbeeld=True))).split())
    assert platte.count("VOORBEELD — niet voor gebruik") >= 2  # banner and on every page header
    assert "VOORBEELD — niet voor gebruik" in render_html(gegevens(voorbeeld=True))


def test_pgb_brief_noemt_budget_en_svb() -> None:
    platte = " ".join(pdf_tekst(render_pdf(gegevens(leveringsvorm="PGB"))).split())
    assert "persoonsgebonden budget" in platte and "SVB" in platte


def test_afwijzing_zonder_taken() -> None:
    b = gegevens(
        besluit="afgewezen",
        taken=(),
        totaal_minuten_per_week=0.0,
        motivering="Uw partner kan het huishouden overnemen (gebruikelijke hulp).",
    )
    platte = " ".join(pdf_tekst(render_pdf(b)).split())
    assert "U krijgt geen hulp bij het huishouden" in platte
    assert "gebruikelijke hulp" in platte
    assert "bezwaar maken binnen 6 weken" in platte


def test_zonder_zorgplan_staat_de_reden_in_de_bijlage() -> None:
    b = gegevens(zorgplan=Zorgplangegevens(reden_geen_zorgplan="Spoed: hulp moest direct beginnen."))
    assert "Spoed: hulp moest direct beginnen." in " ".join(pdf_tekst(render_pdf(b)).split())


def test_correctie_verwijst_naar_vorige_versie() -> None:
    b = gegevens(versie=2, vervangt_kenmerk="WMO-2026-000123", correctie_reden="De einddatum was onjuist.")
    platte = " ".join(pdf_tekst(render_pdf(b)).split())
    assert "vervangt de brief met kenmerk WMO-2026-000123" in platte
    assert "versie 2" in platte


def test_html_is_escaped_en_zonder_script() -> None:
    html = render_html(gegevens(gevraagd="<script>alert(1)</script>"))
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_inhoudshash_is_sha256_en_verandert_met_inhoud() -> None:
    html = render_html(gegevens())
    h = inhoudshash(html, b"%PDF-x")
    assert re.fullmatch(r"[0-9a-f]{64}", h)
    assert h == inhoudshash(html, b"%PDF-x")
    assert h != inhoudshash(html, b"%PDF-y")
    assert h != inhoudshash(html + " ", b"%PDF-x")


def test_bezwaartermijn_telt_vanaf_briefdatum() -> None:
    b = gegevens(briefdatum=dt.date(2026, 1, 5), bezwaartermijn_weken=6)
    assert b.bezwaar_uiterlijk == dt.date(2026, 2, 16)


def test_bezwaartermijn_loopt_door_na_weekend_en_feestdag() -> None:
    # 14-11-2026 + 6 weken = za 26-12-2026 (Tweede Kerstdag); zondag 27-12: de termijn loopt door tot
    # maandag 28-12-2026 (Algemene termijnenwet art. 1).
    b = gegevens(briefdatum=dt.date(2026, 11, 14), bezwaartermijn_weken=6)
    assert b.bezwaar_uiterlijk == dt.date(2026, 12, 28)
    # A year without the feestdagen in the rules: the counted day, never a crash.
    assert gegevens(briefdatum=dt.date(2031, 1, 6), bezwaartermijn_weken=6).bezwaar_uiterlijk == dt.date(
        2031, 2, 17
    )


def test_brief_uit_echte_indicatie_van_de_engine() -> None:
    engine = pytest.importorskip("maatwerk.engine")
    ind = engine.indiceer(engine.laad_situatie("examples/situaties/01-alleenstaande-basis.yaml"))
    taken = taken_uit_indicatie(ind)
    assert [t.taak for t in taken] == [a.taak for a in ind.activiteiten if a.minuten_per_week or a.uitleg]
    b = gegevens(
        taken=taken,
        resultaatgebieden=resultaatgebieden_uit_indicatie(ind),
        treden=treden_uit_indicatie(ind),
        totaal_minuten_per_week=float(ind.totaal_minuten_per_week),
        normenkader=ind.kader_naam,
        normenkader_versie=ind.kader_versie,
        voorbeeld=ind.voorbeeldwaarden,
    )
    tekst = pdf_tekst(render_pdf(b))
    platte = " ".join(tekst.split())
    for a in ind.activiteiten:
        assert any(f"{a.minuten_per_week} minuten per week" in r for r in regels_met(tekst, a.taak))
        assert " ".join(a.uitleg.split())[:40] in platte
    assert f"{ind.totaal_minuten_per_week} minuten per week" in platte
    assert ("VOORBEELD — niet voor gebruik" in platte) == ind.voorbeeldwaarden
    assert dataclasses.is_dataclass(b)


def test_pdf_is_getagd_voor_schermlezers() -> None:
    info = subprocess.run(["pdfinfo", "-"], input=render_pdf(gegevens()), capture_output=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout.decode(), re.MULTILINE)
