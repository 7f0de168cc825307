"""Issue 14, item 2: each input that took a page down (500) is now refused with a Dutch message."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.termijnregels import datumbereik
from maatwerk.veilig import besturingstekens, geheel_getal, maskeer_nummers

from .conftest import maak_zaak
from .test_formulieren import GOEDE_MELDING

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "melddatum, melding",
    [
        ("2014-12-31", "Vul een datum in tussen 01-01-2015"),
        ("0001-01-01", "Vul een datum in tussen 01-01-2015"),
        ("9999-12-31", "De melddatum kan niet in de toekomst liggen."),
    ],
)
def test_melddatum_buiten_de_regels_geweigerd(client, consulent, melddatum, melding):
    """2014-12-31 lies before the first termijnregel: it made rapportage, werklijst and zaak 500."""
    client.force_login(consulent)
    antwoord = client.post("/zaken/melding/", {**GOEDE_MELDING, "melddatum": melddatum})
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert not Zaak.objects.exists()
    assert client.get("/zaken/rapportage/").status_code == 200


def test_datumbereik_volgt_de_eerste_regelversie():
    van, tot = datumbereik(dt.date(2026, 5, 1))
    assert van == dt.date(2015, 1, 1) and tot == dt.date(2036, 12, 31)


def test_zaak_zonder_consulent_breekt_geen_pagina(client, consulent):
    """A zaak assigned to "(niemand)" made the case list, the team worklist and the zaak 500."""
    zaak = maak_zaak(None)
    client.force_login(consulent)
    for url in ("/zaken/", "/zaken/werklijst/?wie=alle", f"/zaken/{zaak.pk}/"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("zoek", ["²", "³³", "١٢٣", "9" * 40])
def test_unicode_cijfers_in_zoeken_en_filters(client, consulent, beheerder, zoek):
    """ "²".isdigit() is True and int("²") raised: the zaken search and the audit filter 500."""
    client.force_login(consulent)
    assert client.get("/zaken/", {"zoek": zoek}).status_code == 200
    client.force_login(beheerder)
    antwoord = client.get("/audit/", {"client": zoek})
    assert antwoord.status_code == 200 and "vul alleen cijfers in" in antwoord.content.decode()


def test_afwijking_met_unicode_cijfer(client, consulent, zaak):
    from .test_locking import formulier

    client.force_login(consulent)
    data = formulier(
        0, "verslag", afw_min_schoon_huis="²", afw_mot_schoon_huis="Motivatie van voldoende lengte."
    )
    antwoord = client.post(f"/onderzoek/{zaak.pk}/", data)
    assert antwoord.status_code == 400  # the onderzoek page answers a refusal with 400
    assert "vul een geheel getal van 0 tot en met 10080 in" in antwoord.content.decode()


@pytest.mark.parametrize("url", ["/zaken/?zoek=a%00b", "/audit/?gebruiker=%00", "/zaken/?zo%01ek=x"])
def test_nul_byte_in_get_filter_geweigerd(client, consulent, beheerder, url):
    client.force_login(beheerder if url.startswith("/audit") else consulent)
    antwoord = client.get(url)
    assert antwoord.status_code == 400
    assert "onzichtbare stuurtekens" in antwoord.content.decode()


def test_nul_byte_in_formulier_geweigerd_en_niets_opgeslagen(client, consulent):
    client.force_login(consulent)
    voor = AuditRegel.objects.count()
    antwoord = client.post("/zaken/melding/", {**GOEDE_MELDING, "vraag": "Hulp\x00"})
    assert antwoord.status_code == 400 and "U+0000" in antwoord.content.decode()
    assert not Zaak.objects.exists() and AuditRegel.objects.count() == voor


def test_financien_met_datum_9999(client, beleid):
    client.force_login(beleid)
    assert client.get("/financien/", {"van": "9999-12-31", "tot": "0001-01-01"}).status_code == 200


def test_ingangsdatum_beschikking_in_bereik():
    from maatwerk.apps.besluiten.forms import BeschikkingForm

    for datum in ("0001-01-01", "9999-12-31"):
        form = BeschikkingForm(data={"ingangsdatum": datum})
        form.is_valid()
        assert "ingangsdatum" in form.errors and "tussen" in str(form.errors["ingangsdatum"])


@given(st.text(max_size=25))
def test_geheel_getal_alleen_ascii(tekst):
    getal = geheel_getal(tekst)
    if getal is not None:
        assert tekst.strip().isascii() and int(tekst) == getal
    else:
        assert not (tekst.strip().isascii() and tekst.strip().isdigit() and len(tekst.strip()) <= 18)


@given(st.text())
def test_besturingstekens_en_masker(tekst):
    schoon = "".join(t for t in tekst if not besturingstekens(t, witruimte=False))
    assert besturingstekens(schoon, witruimte=False) == []
    assert not any(t.isdigit() for t in maskeer_nummers(tekst))
