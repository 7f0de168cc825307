"""Bezwaar pages: who sees what (jurist handles, access team reads, aanbieder never), audit, forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as Browser

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.bezwaren import services
from maatwerk.apps.bezwaren.models import Bezwaar
from tests.besluiten.conftest import gebruiker

pytestmark = pytest.mark.django_db


def _als(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


@pytest.fixture
def bezwaar(beschikking, jurist) -> Bezwaar:
    return services.registreer_bezwaar(
        beschikking.zaak, jurist, ontvangen_op=dt.date.today(), indiener="client", gronden="Te weinig uren."
    )


def test_jurist_registreert_via_het_formulier(beschikking, jurist):
    browser = _als(jurist)
    assert browser.get("/").url == "/bezwaren/"  # the jurist's start page
    pagina = browser.get(f"/bezwaren/nieuw/?zaak={beschikking.zaak_id}")
    assert pagina.status_code == 200 and "Bezwaar registreren" in pagina.content.decode()
    fout = browser.post(
        "/bezwaren/nieuw/",
        {"zaak": 999999, "ontvangen_op": "2026-02-30", "indiener": "client", "gronden": ""},
    )
    html = fout.content.decode()
    assert fout.status_code == 400 and "Er is niets opgeslagen" in html and "geldige datum" in html
    assert not Bezwaar.objects.exists()
    ok = browser.post(
        "/bezwaren/nieuw/",
        {
            "zaak": beschikking.zaak_id,
            "ontvangen_op": dt.date.today().isoformat(),
            "indiener": "vertegenwoordiger",
            "indiener_naam": "Mr. P. de Wit",
            "gronden": "De was is vergeten.",
        },
    )
    b = Bezwaar.objects.get()
    assert ok.status_code == 302 and ok.url == f"/bezwaren/{b.pk}/"
    html = browser.get(ok.url).content.decode()
    assert b.kenmerk in html and "Bezwaartermijn tot en met" in html and "Ontvankelijkheid beoordelen" in html


def test_stap_met_fout_geeft_400_en_melding(bezwaar, jurist):
    browser = _als(jurist)
    antwoord = browser.post(
        f"/bezwaren/{bezwaar.pk}/verdagen/",
        {"verdagen-weken": 3, "verdagen-op": dt.date.today(), "verdagen-reden": ""},
    )
    assert antwoord.status_code == 400 and "Reden van de verdaging" in antwoord.content.decode()
    antwoord = browser.post(
        f"/bezwaren/{bezwaar.pk}/beslissen/",
        {
            "beslissen-uitkomst": "gegrond",
            "beslissen-beslist_op": dt.date.today(),
            "beslissen-motivering": "x",
        },
    )
    assert antwoord.status_code == 400 and "ontvankelijk" in antwoord.content.decode()
    ok = browser.post(f"/bezwaren/{bezwaar.pk}/ontvankelijkheid/", {"ontvankelijkheid-ontvankelijk": "ja"})
    assert ok.status_code == 302
    bezwaar.refresh_from_db()
    assert bezwaar.ontvankelijk


def test_consulent_leest_maar_behandelt_niet(bezwaar, consulent):
    browser = _als(consulent)
    html = browser.get(f"/bezwaren/{bezwaar.pk}/").content.decode()
    assert bezwaar.kenmerk in html and "Behandelen" not in html
    assert (
        browser.post(
            f"/bezwaren/{bezwaar.pk}/ontvankelijkheid/", {"ontvankelijkheid-ontvankelijk": "ja"}
        ).status_code
        == 403
    )
    assert browser.get("/bezwaren/nieuw/").status_code == 403
    regel = AuditRegel.objects.filter(gebruiker=consulent, actie="lezen").first()
    assert regel.client == bezwaar.zaak.client and bezwaar.kenmerk in regel.wat


def test_aanbieder_ziet_nooit_bezwaren(bezwaar, aanbieder):
    browser = _als(gebruiker("noord", "aanbieder", aanbieder))
    for pad in ("/bezwaren/", f"/bezwaren/{bezwaar.pk}/", "/bezwaren/termijnen/"):
        assert browser.get(pad).status_code == 403, pad


def test_lijst_en_termijnen_met_audit(bezwaar, jurist, kwaliteit):
    html = _als(jurist).get("/bezwaren/").content.decode()
    assert bezwaar.kenmerk in html and bezwaar.zaak.client.naam in html
    html = _als(kwaliteit).get("/bezwaren/termijnen/").content.decode()
    assert "Beslissing op bezwaar" in html and bezwaar.beslistermijn.einddatum.strftime("%d-%m-%Y") in html
    assert AuditRegel.objects.filter(gebruiker=kwaliteit, wat__contains="termijnen").exists()


def test_zaakpagina_toont_bezwaar_en_klacht(bezwaar, consulent, kwaliteit):
    from maatwerk.apps.klachten import services as klachten

    k = klachten.registreer_klacht(
        kwaliteit,
        ontvangen_op=dt.date.today(),
        klager="J. Jansen",
        over="gemeente",
        omschrijving="Niet teruggebeld.",
        bezwaar=bezwaar,
    )
    html = _als(consulent).get(f"/zaken/{bezwaar.zaak_id}/").content.decode()
    assert f'href="/bezwaren/{bezwaar.pk}/"' in html and k.kenmerk in html
    assert bezwaar.beslistermijn.einddatum.strftime("%d-%m-%Y") in html


def test_termijnen_toont_verlopen_beslistermijn(beschikking, jurist):
    bekend = dt.date.today() - dt.timedelta(days=200)
    oud = services.registreer_bezwaar(
        beschikking.zaak,
        jurist,
        ontvangen_op=bekend + dt.timedelta(days=5),
        indiener="client",
        gronden="Te weinig uren.",
        bekendgemaakt_op=bekend,
    )
    verlopen = (dt.date.today() - oud.beslistermijn.einddatum).days
    html = _als(jurist).get("/bezwaren/termijnen/").content.decode()
    assert f"verlopen ({verlopen} d)" in html and oud.kenmerk in html


def test_bezwaar_tegen_een_oudere_versie(beschikking, jurist):
    browser = _als(jurist)
    velden = {
        "zaak": beschikking.zaak_id,
        "ontvangen_op": dt.date.today().isoformat(),
        "indiener": "client",
        "gronden": "Versie 1 klopte niet.",
    }
    fout = browser.post("/bezwaren/nieuw/", {**velden, "versie": 9})
    assert fout.status_code == 400 and "geen beschikking met dit versienummer" in fout.content.decode()
    assert browser.post("/bezwaren/nieuw/", {**velden, "versie": 1}).status_code == 302
    assert Bezwaar.objects.get().beschikking == beschikking
