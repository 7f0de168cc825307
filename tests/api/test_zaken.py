"""Reading zaken, onderzoeken, beschikkingen and toewijzingen: by UUID, filtered, paged, audited, isolated."""

from __future__ import annotations

import uuid

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten import services as besluiten

from .conftest import Api, is_probleem, maak_token, tot_aanvraag

pytestmark = pytest.mark.django_db


def test_zaak_with_status_history_deadlines_and_client(api, keten) -> None:
    zaak = keten["noord"]
    antwoord = api.get(f"/zaken/{zaak.uuid}")
    assert antwoord.status_code == 200 and antwoord["API-Version"] == "1.0.0"
    z = antwoord.json()
    assert z["uuid"] == str(zaak.uuid) and z["url"] == f"/api/v1/zaken/{zaak.uuid}"
    assert z["status"] == "toegewezen" and z["aanbieder"] == {
        "naam": "Thuiszorg Noord",
        "agbCode": "75750001",
    }
    assert [s["naar"] for s in z["statusgeschiedenis"]] == [
        "ontvangen",
        "in_onderzoek",
        "aanvraag",
        "besluit",
        "toegewezen",
    ]
    assert z["client"]["bsn"] == zaak.client.bsn and z["client"]["naam"] == "Anna van der Berg1"
    assert z["termijnen"] and all({"laatsteDag", "stand", "naam"} <= set(t) for t in z["termijnen"])
    assert "id" not in z and str(zaak.pk) not in z["url"].split("/")
    regel = AuditRegel.objects.filter(client=zaak.client, actie="lezen").first()
    assert regel.gebruikersnaam == "api:kcc" and "API" in regel.wat


def test_zaken_list_filters_and_pages(api, keten) -> None:
    alle = api.get("/zaken").json()
    assert alle["aantal"] == 2 and {z["uuid"] for z in alle["resultaten"]} == {
        str(keten["noord"].uuid),
        str(keten["zuid"].uuid),
    }
    assert api.get("/zaken", status="ontvangen").json()["resultaten"][0]["uuid"] == str(keten["zuid"].uuid)
    assert api.get("/zaken", aanbieder="75750001").json()["aantal"] == 1
    assert api.get("/zaken", melddatumVanaf="2999-01-01").json()["aantal"] == 0
    pagina = api.get("/zaken", pagina=2, paginaGrootte=1).json()
    assert pagina["aantal"] == 2 and len(pagina["resultaten"]) == 1 and pagina["pagina"] == 2
    assert AuditRegel.objects.filter(gebruikersnaam="api:kcc", wat__startswith="API: zakenlijst").exists()


@pytest.mark.parametrize(
    "params",
    [{"status": "onbekend"}, {"pagina": 0}, {"paginaGrootte": 101}, {"melddatumVanaf": "gisteren"}, {"x": 1}],
)
def test_bad_filters_are_400_problems(api, keten, params) -> None:
    inhoud = is_probleem(api.get("/zaken", **params), 400)
    assert inhoud["invalidParams"] and inhoud["invalidParams"][0]["naam"] == next(iter(params))


def test_onderzoek_with_its_stored_indication(api, keten) -> None:
    o = keten["onderzoek"]
    lijst = api.get("/onderzoeken", zaak=str(keten["noord"].uuid)).json()
    assert [x["uuid"] for x in lijst["resultaten"]] == [str(o.uuid)]
    inhoud = api.get(f"/onderzoeken/{o.uuid}").json()
    assert inhoud["zaak"] == str(keten["noord"].uuid)
    assert inhoud["indicatie"]["urenPerWeek"] == o.indicatie["uren_per_week"]
    assert inhoud["indicatie"]["resultaat"] == o.indicatie.resultaat and inhoud["indicatie"]["situatie"]


def test_beschikking_metadata_and_pdf(api, keten) -> None:
    b = keten["beschikking"]
    inhoud = api.get(f"/beschikkingen/{b.uuid}").json()
    assert inhoud["kenmerk"] == b.kenmerk and inhoud["besluit"] == "toegekend" and inhoud["versie"] == 1
    assert inhoud["inhoudshash"] == b.inhoudshash and inhoud["zaak"] == str(keten["noord"].uuid)
    pdf = api.get(f"/beschikkingen/{b.uuid}/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(b.pdf) and pdf["API-Version"] == "1.0.0"
    assert AuditRegel.objects.filter(gebruikersnaam="api:kcc", wat__contains="PDF via API").count() == 1
    assert api.get("/beschikkingen", aanbieder="75750002").json()["aantal"] == 0


def test_toewijzing(api, keten) -> None:
    t = keten["toewijzing"]
    lijst = api.get("/toewijzingen").json()
    assert [x["uuid"] for x in lijst["resultaten"]] == [str(t.uuid)]
    inhoud = api.get(f"/toewijzingen/{t.uuid}").json()
    assert inhoud["beschikking"] == str(keten["beschikking"].uuid) and inhoud["volume"] == t.volume
    assert inhoud["aanbieder"]["agbCode"] == "75750001"


def test_unknown_uuid_and_bad_uuid(api, keten) -> None:
    is_probleem(api.get(f"/zaken/{uuid.uuid4()}"), 404)
    is_probleem(api.get(f"/beschikkingen/{uuid.uuid4()}/pdf"), 404)
    assert is_probleem(api.get("/zaken/123"), 400)["invalidParams"][0]["naam"] == "uuid"


def test_aanbieder_application_sees_only_its_own_clients(keten, aanbieders, consulent) -> None:
    # An aanbieder sees a zaak once the gemeente engaged it (here: asked for a zorgplan), not before.
    besluiten.stel_ondersteuningsplan_op(
        tot_aanvraag(keten["zuid"], consulent), consulent, {"schoon_huis": "Uw huis is schoon en leefbaar"}
    )
    zuid = Api(maak_token("zuid-planning", ["zaken:lezen"], aanbieder=aanbieders[1]))
    lijst = zuid.get("/zaken").json()
    assert [z["uuid"] for z in lijst["resultaten"]] == [str(keten["zuid"].uuid)]
    assert zuid.get(f"/zaken/{keten['zuid'].uuid}").status_code == 200
    for pad in (
        f"/zaken/{keten['noord'].uuid}",
        f"/onderzoeken/{keten['onderzoek'].uuid}",
        f"/beschikkingen/{keten['beschikking'].uuid}",
        f"/beschikkingen/{keten['beschikking'].uuid}/pdf",
        f"/toewijzingen/{keten['toewijzing'].uuid}",
    ):
        is_probleem(zuid.get(pad), 404)
    assert zuid.get("/toewijzingen").json()["aantal"] == 0
    assert not AuditRegel.objects.filter(gebruikersnaam="api:zuid-planning", client=keten["noord"].client)
