"""The status train: valid transitions write timestamped events; invalid ones are refused in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from maatwerk.apps.cases.models import Status, StatusEvent, Zaak
from maatwerk.apps.cases.status import OngeldigeStatusovergang, toegestane_overgangen, zet_status

from .conftest import maak_zaak


@pytest.mark.django_db
def test_hele_trein_met_events(consulent):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC), tick=False):
        zaak = maak_zaak(consulent, melddatum=dt.date(2026, 3, 2))
    dagen = [3, 20, 27, 30, 40, 200]
    stappen = [
        Status.IN_ONDERZOEK,
        Status.AANVRAAG,
        Status.BESLUIT,
        Status.TOEGEWEZEN,
        Status.LEVERING_GESTART,
        Status.BEEINDIGD,
    ]
    for dag, stap in zip(dagen, stappen, strict=True):
        with time_machine.travel(
            dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC) + dt.timedelta(days=dag), tick=False
        ):
            zet_status(zaak, stap, consulent, f"stap {stap}")
    zaak.refresh_from_db()
    assert zaak.status == Status.BEEINDIGD
    assert zaak.aanvraagdatum == dt.date(2026, 3, 22) and zaak.besluitdatum == dt.date(2026, 3, 29)
    events = list(zaak.statusevents.all())
    assert [e.naar_status for e in events] == [Status.ONTVANGEN, *stappen]
    assert [e.van_status for e in events[1:]] == [Status.ONTVANGEN, *stappen[:-1]]
    assert all(e.door == consulent for e in events)
    assert [e.tijdstip.date() for e in events[1:]] == [
        dt.date(2026, 3, 2) + dt.timedelta(days=d) for d in dagen
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "naar", [Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART, Status.BEEINDIGD, Status.AFGEWEZEN]
)
def test_ongeldige_overgang_vanaf_ontvangen(consulent, naar):
    zaak = maak_zaak(consulent)
    with pytest.raises(OngeldigeStatusovergang, match="kan niet naar"):
        zet_status(zaak, naar, consulent)
    zaak.refresh_from_db()
    assert zaak.status == Status.ONTVANGEN
    assert StatusEvent.objects.filter(zaak=zaak).count() == 1


@pytest.mark.django_db
def test_afgesloten_zaak_kan_nergens_heen(consulent):
    zaak = maak_zaak(consulent)
    zet_status(zaak, Status.INGETROKKEN, consulent, "cliënt trekt in")
    for naar in Status.values:
        with pytest.raises(OngeldigeStatusovergang, match="afgesloten|kan niet naar"):
            zet_status(zaak, naar, consulent)


@pytest.mark.django_db
def test_onbekende_status(consulent):
    zaak = maak_zaak(consulent)
    with pytest.raises(OngeldigeStatusovergang, match="Onbekende status"):
        zet_status(zaak, "gedaan", consulent)


def test_elke_status_heeft_overgangen_gedefinieerd():
    for status in Status.values:
        assert isinstance(toegestane_overgangen(status), list)
    assert toegestane_overgangen(Status.AANVRAAG) == [Status.BESLUIT, Status.AFGEWEZEN, Status.INGETROKKEN]


@pytest.mark.django_db
def test_statusformulier_via_web(client, consulent):
    zaak = maak_zaak(consulent)
    client.force_login(consulent)
    response = client.post(f"/zaken/{zaak.pk}/status/", {"naar": Status.BESLUIT, "toelichting": ""})
    assert response.status_code == 400
    assert "niet toegestaan" in response.content.decode()
    assert Zaak.objects.get(pk=zaak.pk).status == Status.ONTVANGEN
    response = client.post(f"/zaken/{zaak.pk}/status/", {"naar": Status.IN_ONDERZOEK})
    assert response.status_code == 302
    assert Zaak.objects.get(pk=zaak.pk).status == Status.IN_ONDERZOEK


@pytest.mark.django_db
def test_aanvraag_met_ontvangstdatum(client, consulent):
    with time_machine.travel(dt.datetime(2026, 3, 20, 10, 0, tzinfo=dt.UTC), tick=False):
        zaak = maak_zaak(consulent, melddatum=dt.date(2026, 3, 2))
        client.force_login(consulent)
        te_vroeg = client.post(f"/zaken/{zaak.pk}/status/", {"naar": Status.AANVRAAG, "datum": "2026-02-01"})
        assert te_vroeg.status_code == 400
        assert (
            "Datum (bij een aanvraag: ontvangstdatum): De datum moet tussen de melddatum en vandaag liggen."
            in (te_vroeg.content.decode())
        )
        assert Zaak.objects.get(pk=zaak.pk).status == Status.ONTVANGEN
        ok = client.post(f"/zaken/{zaak.pk}/status/", {"naar": Status.AANVRAAG, "datum": "2026-03-16"})
        assert ok.status_code == 302
    zaak.refresh_from_db()
    assert zaak.status == Status.AANVRAAG and zaak.aanvraagdatum == dt.date(2026, 3, 16)
