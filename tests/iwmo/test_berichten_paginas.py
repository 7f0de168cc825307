"""Pages: worklist, message history per zaak and per aanbieder (own messages only), a verzoek decided."""

# ruff: noqa: F811  (fixtures imported from tests.besluiten.conftest are used as arguments)

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from maatwerk.apps.berichten import services
from maatwerk.apps.berichten.models import Bericht, Verzoek, Verzoekstatus
from tests.besluiten.conftest import aanbieders, consulent, gebruiker, noord, zaak, zuid  # noqa: F401
from tests.iwmo.test_berichten_keten import uitwisseling, wijs_toe  # noqa: F401
from tests.iwmo.test_berichten_stromen import gestart, volgende_maand

pytestmark = pytest.mark.django_db


@pytest.fixture
def gedeclareerd(zaak, consulent, noord, uitwisseling):
    t = wijs_toe(zaak, consulent, noord)
    sim = gestart(uitwisseling, t, "volume")
    maand = volgende_maand(t.ingangsdatum)
    sim.ronde(volgende_maand(maand), f"{maand:%Y-%m}")
    services.ontvang_alles(vandaag=volgende_maand(maand))
    return t


def test_berichtgeschiedenis_van_zaak_met_retourcodes_in_woorden(client, consulent, gedeclareerd):
    client.force_login(consulent)
    r = client.get(f"/iwmo/zaak/{gedeclareerd.zaak_id}/")
    assert r.status_code == 200
    tekst = r.content.decode()
    for soort in ("WMO301", "WMO302", "WMO305", "WMO306", "WMO323", "WMO325"):
        assert soort in tekst
    declaratie = Bericht.objects.get(berichttype="WMO323")
    r = client.get(f"/iwmo/bericht/{declaratie.pk}/")
    assert "Het ingediende volume overschrijdt het toegewezen volume." in r.content.decode()
    r = client.get(f"/iwmo/bericht/{declaratie.pk}/xml/")
    assert r["Content-Type"].startswith("application/xml")
    inhoud = b"".join(r.streaming_content)  # streamed from the message archive, byte for byte
    assert inhoud.startswith(b"<?xml") and b"wmo323:Declaratie" in inhoud
    assert inhoud == declaratie.xml() and len(inhoud) == declaratie.grootte


def test_aanbieder_ziet_alleen_eigen_berichten(client, noord, zuid, gedeclareerd):
    client.force_login(zuid)
    assert client.get("/iwmo/aanbieder/").status_code == 200
    assert "WMO323" not in client.get("/iwmo/aanbieder/").content.decode()
    eigen_van_noord = Bericht.objects.filter(aanbieder=gedeclareerd.aanbieder).first()
    assert client.get(f"/iwmo/bericht/{eigen_van_noord.pk}/").status_code == 404
    assert client.get(f"/iwmo/zaak/{gedeclareerd.zaak_id}/").status_code == 404
    client.force_login(noord)
    assert "WMO323" in client.get("/iwmo/aanbieder/").content.decode()
    assert client.get(f"/iwmo/bericht/{eigen_van_noord.pk}/").status_code == 200
    assert client.get("/iwmo/").status_code == 403  # the worklist is the gemeente's


def test_consulent_beslist_verzoek_op_de_pagina(client, consulent, zaak, noord, uitwisseling):
    t = wijs_toe(zaak, consulent, noord)
    xml = (Path(__file__).parent / "data" / "WMO315.xml").read_bytes()
    xml = xml.replace(b">42420001<", f">{t.aanbieder.agb_code}<".encode(), 1)
    xml = xml.replace(b"<wmo315:Ontvanger>0384<", b"<wmo315:Ontvanger>9999<")
    xml = xml.replace(b"<iwmo:Code>ABCDE<", b"<iwmo:Code>01A01<")
    services.ontvang(xml, vandaag=dt.date(2026, 12, 1))
    v = Verzoek.objects.get()
    client.force_login(consulent)
    assert "Verzoek om toewijzing" in client.get("/iwmo/").content.decode()
    r = client.post(f"/iwmo/verzoek/{v.pk}/", {"besluit": "afgewezen", "reden_afwijzing": ""})
    assert r.status_code == 400 and "Kies de reden van de afwijzing." in r.content.decode()
    assert Verzoek.objects.get().status == Verzoekstatus.OPEN and not Bericht.objects.filter(
        berichttype="WMO319"
    )
    r = client.post(f"/iwmo/verzoek/{v.pk}/", {"besluit": "in_onderzoek", "toelichting": "Huisbezoek nodig"})
    assert r.status_code == 302
    assert Verzoek.objects.get().status == Verzoekstatus.IN_ONDERZOEK
    assert Bericht.objects.filter(berichttype="WMO319").count() == 1


def test_financien_toont_gedeclareerd_naast_toegewezen(client, gedeclareerd):
    beleid = gebruiker("beleid1", "beleidsmedewerker")
    client.force_login(beleid)
    r = client.get("/financien/")
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "iWmo-declaraties" in tekst


def test_demo_wisselt_berichten_uit_met_de_gesimuleerde_aanbieder(settings, tmp_path):
    from maatwerk.apps.berichten.webdemo import laad_demo
    from maatwerk.apps.besluiten.webdemo import laad_demo as besluiten_demo
    from maatwerk.apps.cases.demo import laad_demo as zaken_demo

    settings.MAATWERK_IWMO_MAP = str(tmp_path / "iwmo")
    zaken_demo(16)
    besluiten_demo()
    from maatwerk.apps.levering.models import Toewijzing

    eerste = Toewijzing.objects.order_by("pk").first()
    Toewijzing.objects.filter(pk=eerste.pk).update(trede="1", tariefklasse="hh2")  # an intensive trede
    melding = laad_demo()
    soorten = set(Bericht.objects.values_list("berichttype", flat=True))
    assert {"WMO301", "WMO302", "WMO305", "WMO306", "WMO323", "WMO325"} <= soorten, melding
    assert "iWmo-berichten uitgewisseld" in melding
    # each toewijzing declared at the tariff of its own class: no 0611 (TR418) anywhere in the demo
    from maatwerk.apps.berichten.models import Prestatie

    assert Prestatie.objects.filter(toewijzing=eerste).exists()
    assert not [p.retourcodes for p in Prestatie.objects.all() if "0611" in p.retourcodes]
    assert laad_demo() == "iWmo-berichten bestaan al; niets toegevoegd."
