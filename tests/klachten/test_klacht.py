"""Klacht (Awb ch. 9): registration, deadline, extension, link to a bezwaar, outcome; roles and audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as Browser

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.bezwaren import services as bezwaren
from maatwerk.apps.klachten import services
from maatwerk.apps.klachten.models import Klacht
from maatwerk.termijnen import klachttermijn
from tests.besluiten.conftest import gebruiker

pytestmark = pytest.mark.django_db
VANDAAG = dt.date.today()


def _klacht(kwaliteit, **extra) -> Klacht:
    velden = {
        "ontvangen_op": VANDAAG,
        "klager": "J. Jansen",
        "over": "aanbieder",
        "omschrijving": "De hulp komt steeds te laat.",
    }
    velden.update(extra)
    return services.registreer_klacht(kwaliteit, **velden)


def test_registreren_termijn_en_afhandelen(kwaliteit, aanbieder, beschikking):
    k = _klacht(kwaliteit, aanbieder=aanbieder, zaak=beschikking.zaak)
    assert k.kenmerk.startswith(f"KL-{VANDAAG.year}-") and not k.commissie
    assert k.termijn == klachttermijn(VANDAAG)
    with pytest.raises(services.Geweigerd, match="1 tot en met 4 weken"):
        services.verdaag_klacht(k, kwaliteit, weken=5, reden="Aanbieder reageert later.", op=VANDAAG)
    services.verdaag_klacht(k, kwaliteit, weken=4, reden="Aanbieder reageert later.", op=VANDAAG)
    k.refresh_from_db()
    assert k.termijn.einddatum > klachttermijn(VANDAAG).einddatum
    with pytest.raises(services.Geweigerd, match="Maatregelen"):
        services.handel_af(k, kwaliteit, oordeel="gegrond", op=VANDAAG, bevindingen="Klopt.")
    services.handel_af(
        k,
        kwaliteit,
        oordeel="gegrond",
        op=VANDAAG,
        bevindingen="Klopt.",
        maatregelen="Vaste hulp ingeroosterd.",
    )
    k.refresh_from_db()
    assert k.is_afgehandeld
    assert AuditRegel.objects.filter(client=beschikking.zaak.client, wat__contains=k.kenmerk).count() == 3


def test_foute_invoer_en_rol(kwaliteit, jurist):
    with pytest.raises(services.Geweigerd) as fout:
        _klacht(kwaliteit, klager=" ", omschrijving="")
    assert "Naam klager" in str(fout.value) and "Aanbieder" in str(fout.value)
    with pytest.raises(services.Geweigerd, match="kwaliteitsmedewerker"):
        _klacht(jurist, over="gemeente")
    assert not Klacht.objects.exists()


def test_koppelen_aan_lopend_bezwaar(kwaliteit, jurist, beschikking):
    b = bezwaren.registreer_bezwaar(
        beschikking.zaak, jurist, ontvangen_op=VANDAAG, indiener="client", gronden="Te weinig uren."
    )
    k = _klacht(kwaliteit, over="gemeente", omschrijving="De consulent luisterde niet.")
    services.koppel_bezwaar(k, kwaliteit, b)
    k.refresh_from_db()
    assert k.bezwaar == b and k.zaak == beschikking.zaak
    html = _browser(jurist).get(f"/bezwaren/{b.pk}/").content.decode()
    assert k.kenmerk in html


def _browser(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


def test_aanbieder_ziet_alleen_klachten_over_zichzelf(kwaliteit, aanbieder, beschikking):
    from maatwerk.apps.aanbieders.models import Aanbieder

    ander = Aanbieder.objects.create(naam="Huishoudhulp Zuid", agb_code="75750002")
    eigen = _klacht(kwaliteit, aanbieder=aanbieder)
    vreemd = _klacht(kwaliteit, aanbieder=ander)
    gemeente = _klacht(kwaliteit, over="gemeente")
    browser = _browser(gebruiker("noord", "aanbieder", aanbieder))
    html = browser.get("/klachten/").content.decode()
    assert eigen.kenmerk in html and vreemd.kenmerk not in html and gemeente.kenmerk not in html
    assert browser.get(f"/klachten/{eigen.pk}/").status_code == 200
    assert browser.get(f"/klachten/{vreemd.pk}/").status_code == 404
    assert browser.get("/klachten/nieuw/").status_code == 403
    assert browser.post(f"/klachten/{eigen.pk}/afhandelen/", {}).status_code == 403


def test_formulieren(kwaliteit, aanbieder):
    browser = _browser(kwaliteit)
    assert browser.get("/klachten/nieuw/").status_code == 200
    fout = browser.post("/klachten/nieuw/", {"ontvangen_op": "x", "klager": "", "over": "aanbieder"})
    assert fout.status_code == 400 and "Er is niets opgeslagen" in fout.content.decode()
    ok = browser.post(
        "/klachten/nieuw/",
        {
            "ontvangen_op": VANDAAG.isoformat(),
            "klager": "A. de Vries",
            "over": "aanbieder",
            "aanbieder": aanbieder.pk,
            "omschrijving": "Hulp onvriendelijk.",
        },
    )
    k = Klacht.objects.get()
    assert ok.status_code == 302 and ok.url == f"/klachten/{k.pk}/"
    html = browser.get(ok.url).content.decode()
    assert "Afhandelen uiterlijk" in html and "Klacht afhandelen" in html
