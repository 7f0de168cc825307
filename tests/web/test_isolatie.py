"""Role isolation: an aanbieder never sees another provider's client, also not by guessing URLs."""

from __future__ import annotations

import pytest

from maatwerk.apps.cases.zichtbaarheid import zichtbare_clients, zichtbare_zaken

from .conftest import maak_zaak


@pytest.fixture
def twee_zaken(consulent, aanbieders):
    """One zaak per aanbieder, each engaged through a (draft) zorgplan of that aanbieder."""
    from maatwerk.apps.levering.models import Zorgplan

    noord, zuid = aanbieders
    zaken = maak_zaak(consulent, 1, aanbieder=noord), maak_zaak(consulent, 2, aanbieder=zuid)
    for zaak, aanbieder in zip(zaken, aanbieders, strict=True):
        Zorgplan.objects.create(zaak=zaak, aanbieder=aanbieder)
    return zaken


@pytest.mark.django_db
def test_zichtbaar_vanaf_zorgplanverzoek_niet_vanaf_vrij_veld(consulent, aanbieders, aanbieder_noord):
    """zaak.aanbieder alone (a free field a consulent sets at any status) shows the aanbieder nothing;
    the request to draw up a zorgplan (the gemeente fixed the ondersteuningsplan) does."""
    from maatwerk.apps.besluiten.models import Ondersteuningsplan
    from tests.besluiten.conftest import maak_zaak as zaak_in_aanvraag

    noord, _ = aanbieders
    zaak = zaak_in_aanvraag(consulent, noord, nummer=7)
    assert zaak not in zichtbare_zaken(aanbieder_noord)
    assert zaak.client not in zichtbare_clients(aanbieder_noord)
    Ondersteuningsplan.objects.create(zaak=zaak, indicatie=zaak.onderzoek.indicatie)
    assert list(zichtbare_zaken(aanbieder_noord)) == [zaak]
    assert list(zichtbare_clients(aanbieder_noord)) == [zaak.client]


@pytest.mark.django_db
def test_aanbieder_ziet_alleen_eigen_clienten(twee_zaken, aanbieder_noord, aanbieder_zuid):
    van_noord, van_zuid = twee_zaken
    assert list(zichtbare_zaken(aanbieder_noord)) == [van_noord]
    assert list(zichtbare_clients(aanbieder_noord)) == [van_noord.client]
    assert list(zichtbare_zaken(aanbieder_zuid)) == [van_zuid]
    assert van_zuid.client not in zichtbare_clients(aanbieder_noord)


@pytest.mark.django_db
def test_gemeente_rollen(twee_zaken, consulent, beleid, beheerder):
    assert zichtbare_zaken(consulent).count() == 2
    assert zichtbare_zaken(beleid).count() == 0 and zichtbare_clients(beleid).count() == 0
    assert zichtbare_zaken(beheerder).count() == 0


@pytest.mark.django_db
def test_aanbieder_zonder_profiel_ziet_niets(twee_zaken):
    from .conftest import maak_gebruiker

    los = maak_gebruiker("los", "aanbieder")
    assert zichtbare_zaken(los).count() == 0 and zichtbare_clients(los).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/zaken/{pk}/", "/onderzoek/{pk}/", "/onderzoek/{pk}/verslag/"])
def test_url_raden_geeft_geen_gegevens(client, twee_zaken, aanbieder_noord, beleid, pad):
    _, van_zuid = twee_zaken
    for user in (aanbieder_noord, beleid):
        client.force_login(user)
        response = client.get(pad.format(pk=van_zuid.pk))
        assert response.status_code in (403, 404)
        assert van_zuid.client.achternaam not in response.content.decode()


@pytest.mark.django_db
def test_schrijfacties_alleen_voor_toegangsteam(client, twee_zaken, aanbieder_noord):
    van_noord, _ = twee_zaken
    client.force_login(aanbieder_noord)
    assert client.post(f"/zaken/{van_noord.pk}/status/", {"naar": "in_onderzoek"}).status_code == 403
    assert client.post(f"/zaken/{van_noord.pk}/toewijzen/", {}).status_code == 403
    assert client.get("/zaken/melding/").status_code == 403
    van_noord.refresh_from_db()
    assert van_noord.status == "ontvangen"


@pytest.mark.django_db
def test_niet_ingelogd_gaat_naar_login(client, twee_zaken):
    zaak, _ = twee_zaken
    for pad in (f"/zaken/{zaak.pk}/", "/zaken/werklijst/", "/audit/", f"/onderzoek/{zaak.pk}/"):
        response = client.get(pad)
        assert response.status_code == 302 and response.url.startswith("/login/")


@pytest.mark.django_db
def test_auditlog_alleen_voor_beheer(client, consulent, beheerder):
    client.force_login(consulent)
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/export.csv").status_code == 403
    client.force_login(beheerder)
    assert client.get("/audit/").status_code == 200
