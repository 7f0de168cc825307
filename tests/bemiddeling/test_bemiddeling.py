"""Informal resolution on any zaak: driegesprek, tweede mening (never on one's own zaak), mediation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as WebClient
from django.utils import timezone

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.bemiddeling.models import Bemiddeling
from maatwerk.apps.bemiddeling.services import Geweigerd, registreer

from ..schouw.conftest import gebruiker, maak_zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def senior(db):
    return gebruiker("senior", "senior_consulent")


@pytest.fixture
def zaak_van_senior(senior, aanbieders):
    return maak_zaak(senior, aanbieders[0], 7, in_zorg=False)


def _args(**anders):
    return {
        "soort": "driegesprek",
        "datum": timezone.localdate(),
        "uitkomst": "oplossing_met_aanbieder",
        "toelichting": "Extra uur per week voor de badkamer, tijdelijk.",
        **anders,
    }


def test_driegesprek_with_provider_and_audit(zaak, consulent):
    stap = registreer(zaak, consulent, **_args(deelnemers="cliënt, dochter"))
    assert stap.aanbieder_id == zaak.aanbieder_id and stap.door == consulent
    assert AuditRegel.objects.filter(
        client=zaak.client, actie="schrijven", wat__contains="driegesprek"
    ).exists()


def test_driegesprek_needs_provider(consulent, aanbieders):
    zaak = maak_zaak(consulent, None, 3, in_zorg=False)
    with pytest.raises(Geweigerd, match="met de aanbieder"):
        registreer(zaak, consulent, **_args())
    assert registreer(zaak, consulent, **_args(aanbieder=aanbieders[1])).aanbieder == aanbieders[1]


def test_second_opinion_only_by_another_senior(zaak, consulent, senior, zaak_van_senior):
    mening = _args(soort="tweede_mening", uitkomst="eens")
    with pytest.raises(Geweigerd, match="senior consulent"):
        registreer(zaak, consulent, **mening)
    with pytest.raises(Geweigerd, match="nooit op uw eigen zaak"):
        registreer(zaak_van_senior, senior, **mening)
    assert registreer(zaak, senior, **mening).uitkomst == "eens"
    assert Bemiddeling.objects.count() == 1


def test_outcome_must_fit_and_nothing_half_stored(zaak, consulent):
    with pytest.raises(Geweigerd, match="past niet bij een mediation"):
        registreer(zaak, consulent, **_args(soort="mediation", uitkomst="eens"))
    with pytest.raises(Geweigerd, match="in de toekomst"):
        registreer(zaak, consulent, **_args(datum=timezone.localdate() + dt.timedelta(days=1)))
    with pytest.raises(Geweigerd, match="toelichting"):
        registreer(zaak, consulent, **_args(toelichting="  "))
    with pytest.raises(Geweigerd, match="Onbekende soort"):
        registreer(zaak, consulent, **_args(soort="praatje"))
    assert not Bemiddeling.objects.exists()
    assert not AuditRegel.objects.filter(waarom="informele afhandeling").exists()


def test_aanbieder_and_kwaliteit_cannot_register(zaak, noord, kwaliteit):
    for user in (noord, kwaliteit):
        with pytest.raises(Geweigerd, match="consulent"):
            registreer(zaak, user, **_args())


def test_page_and_zaak_include(zaak, consulent, senior):
    web = WebClient()
    web.force_login(consulent)
    url = f"/bemiddeling/zaak/{zaak.pk}/"
    antwoord = web.get(url)
    assert antwoord.status_code == 200 and "Informele afhandeling" in antwoord.content.decode()
    fout = web.post(
        url, {**_args(soort="tweede_mening", uitkomst="eens"), "datum": timezone.localdate().isoformat()}
    )
    assert fout.status_code == 400 and "senior consulent" in fout.content.decode()
    goed = web.post(url, {**_args(), "datum": timezone.localdate().isoformat()})
    assert goed.status_code == 302
    zaakpagina = web.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Extra uur per week voor de badkamer" in zaakpagina
    assert "Oplossing met de aanbieder" in zaakpagina


def test_page_forbidden_for_other_roles(zaak, noord):
    web = WebClient()
    web.force_login(noord)
    assert web.get(f"/bemiddeling/zaak/{zaak.pk}/").status_code == 403
