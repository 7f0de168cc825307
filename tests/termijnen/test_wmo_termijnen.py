"""Wmo deadlines of a zaak use the same Atw calendar where a law sets the term (not for werkafspraken)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.termijnen import termijnen_van
from maatwerk.apps.cases.termijnregels import termijnregels_op
from tests.web.conftest import maak_gebruiker, maak_zaak

pytestmark = pytest.mark.django_db


def _termijnen(zaak: Zaak, vandaag: dt.date) -> dict:
    zaak.refresh_from_db()
    return {t.id: t for t in termijnen_van(zaak, vandaag)}


def test_wettelijke_termijnen_volgen_de_atw_werkafspraken_niet():
    regels = termijnregels_op(dt.date(2026, 1, 1)).termijnen
    assert regels["onderzoek"].algemene_termijnenwet and regels["beschikking"].algemene_termijnenwet
    assert regels["bezwaar"].algemene_termijnenwet
    assert not regels["spoed_voorlopige_beschikking"].algemene_termijnenwet
    assert not regels["spoed_vervolgcontact"].algemene_termijnenwet


def test_onderzoekstermijn_op_koningsdag_loopt_door():
    consulent = maak_gebruiker("c1", "consulent")
    # Melding Monday 16 March 2026: six weeks -> Monday 27 April 2026 = Koningsdag -> Tuesday 28 April.
    zaak = maak_zaak(consulent, melddatum=dt.date(2026, 3, 16))
    t = _termijnen(zaak, dt.date(2026, 4, 28))["onderzoek"]
    assert t.uiterlijk == dt.date(2026, 4, 27) and t.laatste_dag == dt.date(2026, 4, 28)
    assert t.verschoven and t.stand == "binnenkort"  # not yet 'verlopen' on 28 April
    assert _termijnen(zaak, dt.date(2026, 4, 29))["onderzoek"].stand == "verlopen"
    Zaak.objects.filter(pk=zaak.pk).update(onderzoek_afgerond_op=dt.date(2026, 4, 28))
    assert _termijnen(zaak, dt.date(2026, 5, 1))["onderzoek"].stand == "gehaald"


def test_beschikkingstermijn_over_hemelvaart():
    consulent = maak_gebruiker("c1", "consulent")
    zaak = maak_zaak(consulent, melddatum=dt.date(2026, 4, 1))
    Zaak.objects.filter(pk=zaak.pk).update(aanvraagdatum=dt.date(2026, 4, 30))
    t = _termijnen(zaak, dt.date(2026, 5, 1))["beschikking"]
    assert t.uiterlijk == dt.date(2026, 5, 14) and t.laatste_dag == dt.date(2026, 5, 18)


def test_spoedtermijn_is_een_werkafspraak_zonder_atw():
    consulent = maak_gebruiker("c1", "consulent")
    with time_machine.travel(dt.datetime(2026, 4, 24, 9, tzinfo=dt.UTC), tick=False):
        # Friday 24 April + 2 days = Sunday 26 April: the werkafspraak is not moved.
        zaak = maak_zaak(consulent, melddatum=dt.date(2026, 4, 24), spoed=True)
    t = _termijnen(zaak, dt.date(2026, 4, 24))["spoed_voorlopige_beschikking"]
    assert t.uiterlijk == t.laatste_dag == dt.date(2026, 4, 26) and not t.verschoven


def test_werklijst_toont_de_laatste_dag(client):
    consulent = maak_gebruiker("c1", "consulent")
    zaak = maak_zaak(consulent, melddatum=dt.date(2026, 3, 16))
    client.force_login(consulent)
    with time_machine.travel(dt.datetime(2026, 4, 20, 9, tzinfo=dt.UTC), tick=False):
        html = client.get("/zaken/werklijst/").content.decode()
        assert "28-04-2026" in html and "Algemene termijnenwet" in html
        html = client.get(f"/zaken/{zaak.pk}/").content.decode()
        assert "28-04-2026" in html and "berekend 27-04-2026" in html
