"""Reading iWmo-berichten through the API: by UUID, filtered, paged, audited, isolated per aanbieder."""

from __future__ import annotations

import uuid

import pytest

from maatwerk.apps.api import selectors
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.berichten import services as berichten
from maatwerk.apps.berichten.models import Berichtstatus

from .conftest import Api, is_probleem, maak_bericht, maak_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitwisseling(keten, aanbieders, tmp_path, settings) -> dict:
    """The WMO301 sent for zaak Noord, Noord's 302 answering it, and a message of aanbieder Zuid."""
    settings.MAATWERK_IWMO_MAP = str(tmp_path / "iwmo")
    (heen,) = berichten.verstuur_toewijzingen(vandaag=keten["toewijzing"].ingangsdatum)
    retour = maak_bericht(
        aanbieders[0], "WMO302", "R1", dagtekening=heen.dagtekening, ontvanger=heen.afzender, heen=heen
    )
    zuid = maak_bericht(
        aanbieders[1],
        "WMO305",
        "Z1",
        dagtekening=heen.dagtekening,
        status=Berichtstatus.AFGEKEURD,
        retourcodes=[{"element": "Client", "code": "0001", "regel": "TR001"}],
        client_bsn=keten["zuid"].client.bsn,
    )
    return {**keten, "heen": heen, "retour": retour, "zuid_bericht": zuid}


def test_list_gives_every_message_a_uuid_and_no_database_id(api, uitwisseling) -> None:
    antwoord = api.get("/berichten")
    assert antwoord.status_code == 200 and antwoord["API-Version"] == "1.0.0"
    lijst = antwoord.json()
    assert lijst["aantal"] == 3 and lijst["pagina"] == 1 and lijst["paginaGrootte"] == 20
    per_type = {b["berichttype"]: b for b in lijst["resultaten"]}
    heen, retour = per_type["WMO301"], per_type["WMO302"]
    sleutel = uitwisseling["heen"].uuid
    assert heen["uuid"] == str(sleutel) and heen["url"] == f"/api/v1/berichten/{sleutel}"
    assert heen["richting"] == "uit" and heen["status"] == "verzonden"
    assert heen["zaken"] == [str(uitwisseling["noord"].uuid)] and heen["aanbieder"]["agbCode"] == "75750001"
    assert retour["heen"] == heen["uuid"] and retour["statusOmschrijving"] == "Ontvangen en verwerkt"
    assert "inhoud" not in heen and "id" not in heen and "<" not in antwoord.content.decode()
    # the UUIDs are the messages' own, the same on every read
    assert {b["uuid"] for b in api.get("/berichten").json()["resultaten"]} == {
        b["uuid"] for b in lijst["resultaten"]
    }


def test_filters_and_pages(api, uitwisseling) -> None:
    def uuids(**params) -> list[str]:
        return [b["berichttype"] for b in api.get("/berichten", **params).json()["resultaten"]]

    assert uuids(richting="uit") == ["WMO301"]
    assert sorted(uuids(richting="in")) == ["WMO302", "WMO305"]
    assert uuids(berichttype="WMO305") == ["WMO305"]
    assert uuids(status="afgekeurd") == ["WMO305"]
    assert sorted(uuids(aanbieder="75750001")) == ["WMO301", "WMO302"]
    assert uuids(zaak=str(uitwisseling["noord"].uuid)) == ["WMO301"]
    assert uuids(dagtekeningVanaf="2999-01-01") == []
    dag = uitwisseling["heen"].dagtekening.isoformat()
    assert len(uuids(dagtekeningVanaf=dag, dagtekeningTot=dag)) == 3
    pagina = api.get("/berichten", pagina=2, paginaGrootte=2).json()
    assert pagina["aantal"] == 3 and len(pagina["resultaten"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"status": "onbekend"},
        {"richting": "heen"},
        {"berichttype": "301"},
        {"aanbieder": "123"},
        {"zaak": "geen-uuid"},
        {"dagtekeningVanaf": "gisteren"},
        {"paginaGrootte": 0},
        {"type": "WMO301"},
    ],
)
def test_bad_filters_are_400_problems(api, uitwisseling, params) -> None:
    inhoud = is_probleem(api.get("/berichten", **params), 400)
    assert inhoud["invalidParams"][0]["naam"] == next(iter(params))


def test_detail_and_its_audit_entry(api, uitwisseling) -> None:
    lijst = api.get("/berichten", berichttype="WMO302").json()["resultaten"]
    voor = AuditRegel.objects.filter(gebruikersnaam="api:kcc", wat__startswith="API: iWmo-bericht ").count()
    inhoud = api.get(f"/berichten/{lijst[0]['uuid']}").json()
    assert inhoud == lijst[0]
    regels = AuditRegel.objects.filter(gebruikersnaam="api:kcc", wat__startswith="API: iWmo-bericht ")
    assert regels.count() == voor + 1  # the 302 names no zaak and no BSN: one entry without a client
    heen = api.get(inhoud["url"].removeprefix("/api/v1").replace(inhoud["uuid"], inhoud["heen"])).json()
    assert heen["berichttype"] == "WMO301"
    assert AuditRegel.objects.filter(
        gebruikersnaam="api:kcc", client=uitwisseling["noord"].client, wat__contains="WMO301"
    ).exists()


def test_list_read_is_audited_per_client(api, uitwisseling) -> None:
    api.get("/berichten")
    regel = AuditRegel.objects.filter(gebruikersnaam="api:kcc", wat__startswith="API: iWmo-berichten").get()
    # Noord's client through the 301's zaak, Zuid's through the BSN its 305 names
    assert set(regel.client_ids) == {uitwisseling["noord"].client.pk, uitwisseling["zuid"].client.pk}


def test_unknown_and_bad_uuid(api, uitwisseling) -> None:
    is_probleem(api.get(f"/berichten/{uuid.uuid4()}"), 404)
    assert is_probleem(api.get("/berichten/12"), 400)["invalidParams"][0]["naam"] == "uuid"


def test_scope_berichten_lezen_is_needed(uitwisseling) -> None:
    zonder = Api(maak_token("alleen-zaken", ["zaken:lezen"]))
    is_probleem(zonder.get("/berichten"), 403)
    sleutel = uitwisseling["heen"].uuid
    is_probleem(zonder.get(f"/berichten/{sleutel}"), 403)
    is_probleem(Api(None).get("/berichten"), 401)


def test_aanbieder_sees_only_its_own_exchange(uitwisseling, aanbieders) -> None:
    zuid = Api(maak_token("zuid-iwmo", ["berichten:lezen"], aanbieder=aanbieders[1]))
    lijst = zuid.get("/berichten").json()
    assert [b["berichttype"] for b in lijst["resultaten"]] == ["WMO305"]
    noord = uitwisseling["heen"].uuid
    is_probleem(zuid.get(f"/berichten/{noord}"), 404)
    assert zuid.get("/berichten", aanbieder="75750001").json()["aantal"] == 0
    assert not AuditRegel.objects.filter(gebruikersnaam="api:zuid-iwmo", client=uitwisseling["noord"].client)


def test_a_role_without_personal_data_sees_no_messages(uitwisseling) -> None:
    from .conftest import gebruiker

    beleid = gebruiker("beleid1", "beleidsmedewerker")
    assert selectors.berichten(beleid, selectors.Filters(), 1, 20).totaal == 0
