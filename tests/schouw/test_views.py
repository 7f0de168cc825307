"""Schouw pages: who sees what (aanbieder only its own completed schouwen), planning, filling in, audit."""

from __future__ import annotations

import pytest
from django.test import Client as WebClient
from django.utils import timezone

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.schouw import services
from maatwerk.apps.schouw.models import Calamiteit, Schouw, Stand

from .conftest import gebruiker, maak_zaak

pytestmark = pytest.mark.django_db


def _web(user) -> WebClient:
    web = WebClient()
    web.force_login(user)
    return web


@pytest.fixture
def afgerond(zaak, kwaliteit):
    s = services.plan_schouw(zaak, kwaliteit, "steekproef", timezone.localdate())
    p = s.punten.get()
    return services.leg_schouw_vast(s, kwaliteit, {p.pk: ("onvoldoende", "stof")}, "", timezone.localdate())


def test_roles(afgerond, consulent, noord, zuid):
    beleid = gebruiker("beleid", "beleidsmedewerker")
    assert _web(consulent).get("/schouw/").status_code == 403
    assert _web(beleid).get("/schouw/").status_code == 403
    assert _web(beleid).get("/schouw/resultaten/").status_code == 200
    assert _web(noord).get(f"/schouw/{afgerond.pk}/").status_code == 200
    assert _web(zuid).get(f"/schouw/{afgerond.pk}/").status_code == 404
    assert f"Schouw {afgerond.pk}" not in _web(zuid).get("/schouw/").content.decode()
    assert "Thuiszorg Noord" not in _web(zuid).get("/schouw/resultaten/").content.decode()


def test_aanbieder_does_not_see_planned_schouw(consulent, kwaliteit, aanbieders, noord):
    zaak = maak_zaak(consulent, aanbieders[0], 4)
    s = services.plan_schouw(zaak, kwaliteit, "steekproef", timezone.localdate())
    assert _web(noord).get(f"/schouw/{s.pk}/").status_code == 404


def test_plan_sample_and_fill_in(consulent, kwaliteit, aanbieders):
    for n in range(1, 4):
        maak_zaak(consulent, aanbieders[0], n)
    web = _web(kwaliteit)
    fout = web.post("/schouw/", {"aanbieder": aanbieders[0].pk, "peildatum": "morgen", "seed": "1"})
    assert fout.status_code == 400 and "Er is niets opgeslagen" in fout.content.decode()
    assert not Schouw.objects.exists()
    web.post(
        "/schouw/",
        {"aanbieder": aanbieders[0].pk, "peildatum": timezone.localdate().isoformat(), "seed": "1"},
    )
    s = Schouw.objects.get()
    p = s.punten.get()
    assert "Ruimtes" in web.get(f"/schouw/{s.pk}/").content.decode()
    leeg = web.post(
        f"/schouw/{s.pk}/", {"actie": "vastleggen", "uitgevoerd_op": timezone.localdate().isoformat()}
    )
    assert leeg.status_code == 400 and "kies voldoende" in leeg.content.decode()
    goed = web.post(
        f"/schouw/{s.pk}/",
        {
            "actie": "vastleggen",
            f"oordeel_{p.pk}": "voldoende",
            "oordeel_client": "Prima",
            "uitgevoerd_op": timezone.localdate().isoformat(),
        },
    )
    assert goed.status_code == 302
    s.refresh_from_db()
    assert s.stand == Stand.AFGEROND and s.aantal_voldoende == 1
    assert AuditRegel.objects.filter(client=s.zaak.client, actie="lezen", wat=f"schouw {s.pk}").exists()
    melding = web.post(
        f"/schouw/{s.pk}/",
        {
            "actie": "calamiteit",
            "soort": "geweld",
            "datum": timezone.localdate().isoformat(),
            "omschrijving": "x",
        },
    )
    assert melding.status_code == 302 and Calamiteit.objects.count() == 1


def test_signal_on_results_page(consulent, kwaliteit, aanbieders):
    for n in range(1, 4):
        zaak = maak_zaak(consulent, aanbieders[0], n)
        s = services.plan_schouw(zaak, kwaliteit, "steekproef", timezone.localdate())
        p = s.punten.get()
        services.leg_schouw_vast(s, kwaliteit, {p.pk: ("onvoldoende", "vies")}, "", timezone.localdate())
    html = _web(kwaliteit).get("/schouw/resultaten/").content.decode()
    assert "Signalen voor het contractmanagement" in html and "Thuiszorg Noord" in html


def test_plan_one_zaak_after_a_klacht(consulent, kwaliteit, aanbieders):
    zaak = maak_zaak(consulent, aanbieders[0], 8, in_zorg=False)
    web = _web(kwaliteit)
    vandaag = timezone.localdate().isoformat()
    fout = web.post("/schouw/", {"actie": "zaak", "zaak": "999999", "reden": "klacht", "gepland_op": vandaag})
    assert fout.status_code == 302 and not Schouw.objects.exists()
    assert "Er is niets opgeslagen" in web.get("/schouw/").content.decode()
    goed = web.post("/schouw/", {"actie": "zaak", "zaak": zaak.pk, "reden": "klacht", "gepland_op": vandaag})
    s = Schouw.objects.get()
    assert goed.url == f"/schouw/{s.pk}/" and s.reden == "klacht" and s.zaak == zaak
