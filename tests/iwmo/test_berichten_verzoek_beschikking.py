"""A granted verzoek (WMO315/317) issues the beschikking itself, through the besluiten services, in the
same transaction as the verzoek's decision; the next WMO301 answers the verzoek."""

# ruff: noqa: F811  (fixtures imported from tests.besluiten.conftest are used as arguments)

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.berichten import services
from maatwerk.apps.berichten.models import Verzoek, Verzoekstatus
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases.models import Status
from maatwerk.apps.levering.models import Toewijzing
from tests.besluiten.conftest import aanbieders, consulent, zaak  # noqa: F401  (fixtures)
from tests.iwmo.test_berichten_keten import uitwisseling  # noqa: F401

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 12, 1)
INGANG, EINDE = dt.date(2027, 1, 1), dt.date(2027, 12, 31)


def verzoek_om_toewijzing(zaak) -> Verzoek:
    """The shipped WMO315 for the zaak's client at the zaak's aanbieder, received; its one verzoek."""
    xml = (Path(__file__).parent / "data" / "WMO315.xml").read_bytes()
    xml = xml.replace(b">42420001<", f">{zaak.aanbieder.agb_code}<".encode(), 1)
    xml = xml.replace(b"<wmo315:Ontvanger>0384<", b"<wmo315:Ontvanger>9999<")
    xml = xml.replace(b"<wmo315:Bsn>999900006<", f"<wmo315:Bsn>{zaak.client.bsn}<".encode())
    xml = xml.replace(b"<iwmo:Code>ABCDE<", b"<iwmo:Code>01A01<")
    xml = xml.replace(b">2023-06-01<", f">{INGANG}<".encode()).replace(b">2023-06-30<", f">{EINDE}<".encode())
    o = services.ontvang(xml, vandaag=VANDAAG)
    assert o.verwerkt, o.retourcodes
    (v,) = Verzoek.objects.all()
    assert v.zaak == zaak and v.status == Verzoekstatus.OPEN
    return v


def test_toegekend_verzoek_om_toewijzing_geeft_zelf_de_beschikking_af(zaak, consulent, uitwisseling):
    assert zaak.status == Status.AANVRAAG and not zaak.beschikkingen.exists()
    v = verzoek_om_toewijzing(zaak)
    services.beslis_verzoek(v, consulent, "toegekend", toelichting="Past bij de indicatie.", vandaag=VANDAAG)
    v.refresh_from_db()
    zaak.refresh_from_db()
    (b,) = Beschikking.objects.filter(zaak=zaak)
    assert v.status == Verzoekstatus.TOEGEKEND and v.beschikking == b
    assert b.besluit == "toegekend" and b.leveringsvorm == "ZIN" and b.aanbieder == v.aanbieder
    # the period the aanbieder asked for (ToewijzingIngangsdatum/-Einddatum of the AangevraagdProduct)
    assert (b.ingangsdatum, b.einddatum) == (INGANG, EINDE)
    assert b.pdf and b.html  # the letter, as every beschikking
    (t,) = Toewijzing.objects.filter(beschikking=b)  # besluiten made the toewijzing as usual
    assert zaak.status == Status.TOEGEWEZEN and t.aanbieder == v.aanbieder
    wat = set(AuditRegel.objects.filter(client=zaak.client).values_list("wat", flat=True))
    assert f"beschikking {b.kenmerk} versie 1 afgegeven" in wat
    assert f"verzoek {v.pk} van {v.aanbieder.agb_code}: toegekend" in wat
    browser = Client()
    browser.force_login(consulent)
    assert f"{b.kenmerk} versie 1" in browser.get(f"/iwmo/verzoek/{v.pk}/").content.decode()
    # the WMO301 with the new toewijzing answers the verzoek
    (bericht,) = services.verstuur_toewijzingen(vandaag=VANDAAG)
    v.refresh_from_db()
    assert v.antwoord == bericht
    assert f">{t.pk}<" in bericht.inhoud


def test_beschikking_en_besluit_op_het_verzoek_zijn_een_transactie(
    zaak, consulent, uitwisseling, monkeypatch
):
    """When anything fails after the beschikking was made, neither the beschikking nor the decision stays."""
    v = verzoek_om_toewijzing(zaak)
    echt = services.besluiten.geef_beschikking_af

    def en_dan_een_fout(*args, **kwargs):
        echt(*args, **kwargs)
        raise services.levering.Geweigerd("storing na het afgeven")

    monkeypatch.setattr(services.besluiten, "geef_beschikking_af", en_dan_een_fout)
    with pytest.raises(services.levering.Geweigerd, match="storing"):
        services.beslis_verzoek(v, consulent, "toegekend", vandaag=VANDAAG)
    v.refresh_from_db()
    zaak.refresh_from_db()
    assert v.status == Verzoekstatus.OPEN and v.beschikking is None
    assert not Beschikking.objects.exists() and not Toewijzing.objects.exists()
    assert zaak.status == Status.AANVRAAG


def test_verzoek_zonder_zaak_kan_niet_worden_toegekend(zaak, consulent, uitwisseling):
    v = verzoek_om_toewijzing(zaak)
    Verzoek.objects.filter(pk=v.pk).update(zaak=None)
    v.refresh_from_db()
    with pytest.raises(services.levering.Geweigerd, match="geen zaak"):
        services.beslis_verzoek(v, consulent, "toegekend", vandaag=VANDAAG)
    v.refresh_from_db()
    assert v.status == Verzoekstatus.OPEN and not Beschikking.objects.exists()


def test_toegekend_verzoek_om_wijziging_geeft_een_nieuwe_versie_van_de_beschikking(
    zaak, consulent, aanbieders, uitwisseling
):
    from tests.besluiten.conftest import gebruiker
    from tests.iwmo.test_berichten_keten import wijs_toe
    from tests.iwmo.test_berichten_stromen import verzoek_om_wijziging

    t = wijs_toe(zaak, consulent, gebruiker("noord", "aanbieder", aanbieders[0]))
    oud = t.beschikking
    o = services.ontvang(verzoek_om_wijziging(t), vandaag=t.ingangsdatum)
    assert o.verwerkt, o.retourcodes
    (v,) = Verzoek.objects.all()
    services.beslis_verzoek(v, consulent, "toegekend", vandaag=t.ingangsdatum)
    v.refresh_from_db()
    nieuw = v.beschikking
    assert nieuw is not None and nieuw.vorige == oud and nieuw.versie == oud.versie + 1
    assert "WMO317" in nieuw.correctie_reden and v.referentie_aanbieder in nieuw.correctie_reden
    opvolger = Toewijzing.objects.get(beschikking=nieuw)
    assert opvolger.vervangt == t and opvolger.reden_wijziging == "14"
