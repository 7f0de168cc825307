"""POST /meldingen: the web form's validation, the service, the audit; bad input stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases.forms import MeldingForm
from maatwerk.apps.cases.models import StatusEvent, Zaak
from maatwerk.apps.clients.bsn import is_geldig_bsn, maak_bsn
from maatwerk.apps.clients.models import Client

from .conftest import Api, is_probleem, maak_token

pytestmark = pytest.mark.django_db


def melding(**anders) -> dict:
    velden = {
        "soortMelding": "volledig",
        "melddatum": dt.date.today().isoformat(),
        "kanaal": "digitaal",
        "vraag": "Ik kan mijn huis niet meer schoonhouden na mijn heupoperatie.",
        "bsn": maak_bsn(44_000_001),
        "voornamen": "Jan",
        "achternaam": "Jansen",
        "geboortedatum": "1950-03-04",
        "straat": "Kerkstraat",
        "huisnummer": "3",
        "postcode": "1234AB",
        "woonplaats": "Voorbeeldstad",
    }
    return {k: v for k, v in {**velden, **anders}.items() if v is not ...}


def niets_opgeslagen() -> None:
    assert not Zaak.objects.exists() and not Client.objects.exists() and not StatusEvent.objects.exists()


def test_registers_the_melding_and_answers_the_zaak(api) -> None:
    antwoord = api.post("/meldingen", melding())
    assert antwoord.status_code == 201, antwoord.content
    inhoud = antwoord.json()
    zaak = Zaak.objects.get(uuid=inhoud["uuid"])
    assert antwoord["Location"] == inhoud["url"] == f"/api/v1/zaken/{zaak.uuid}"
    assert antwoord["API-Version"] == "1.0.0"
    assert inhoud["status"] == "ontvangen" and zaak.kanaal == "digitaal" and zaak.consulent is None
    assert zaak.client.naam == "Jan Jansen" and zaak.client.postcode == "1234 AB"
    regel = AuditRegel.objects.get(client=zaak.client, actie="schrijven")
    assert regel.gebruikersnaam == "api:kcc" and "melding" in regel.wat
    assert zaak.statusevents.get().door.username == "api:kcc"
    # following the zaak
    assert api.get(f"/zaken/{zaak.uuid}").json()["client"]["bsn"] == zaak.client.bsn


def test_existing_client_is_found_by_bsn(api) -> None:
    api.post("/meldingen", melding())
    api.post("/meldingen", melding(voornamen="Johannes"))
    assert Client.objects.count() == 1 and Zaak.objects.count() == 2


def test_vormvrij_without_bsn(api) -> None:
    antwoord = api.post("/meldingen", melding(soortMelding="vormvrij", bsn=...))
    assert antwoord.status_code == 201 and Client.objects.get().bsn is None


@pytest.mark.parametrize(
    ("anders", "veld"),
    [
        ({"bsn": "123456789"}, "bsn"),  # fails the 11-proef
        ({"bsn": ...}, "bsn"),  # volledig needs a BSN (the service's rule, through the form)
        ({"geboortedatum": "2999-01-01"}, "geboortedatum"),
        ({"melddatum": "2999-01-01"}, "melddatum"),
        ({"postcode": "12345"}, "postcode"),
        ({"achternaam": ...}, "achternaam"),
        ({"kanaal": "duif"}, "kanaal"),
        ({"spoed": "misschien"}, "spoed"),
        ({"geboortedatum": "4 maart 1950"}, "geboortedatum"),
        ({"vraag": 12}, "vraag"),
        ({"vraag": "x" * 5001}, "vraag"),
        ({"onbekend": "veld"}, "onbekend"),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_field_and_nothing_is_stored(api, anders, veld) -> None:
    inhoud = is_probleem(api.post("/meldingen", melding(**anders)), 400)
    assert veld in [v["naam"] for v in inhoud["invalidParams"]], inhoud
    assert all(v["reden"] and not v["reden"].startswith("Field") for v in inhoud["invalidParams"])
    niets_opgeslagen()


def test_the_11_proef_message_is_the_web_forms(api) -> None:
    inhoud = is_probleem(api.post("/meldingen", melding(bsn="123456789")), 400)
    form = MeldingForm({"bsn": "123456789"})
    form.is_valid()
    assert inhoud["invalidParams"][0]["reden"] == form.errors["bsn"][0]


@pytest.mark.parametrize("ruw", ["{", "[]", "null", '"tekst"'])
def test_not_an_object_is_400(api, ruw) -> None:
    is_probleem(api.post("/meldingen", ruw=ruw), 400)
    niets_opgeslagen()


def test_scope_token_and_revocation(keten) -> None:
    lezer = Api(maak_token("alleen-lezen", ["zaken:lezen"]))
    assert "meldingen:schrijven" in is_probleem(lezer.post("/meldingen", melding()), 403)["detail"]
    is_probleem(Api(None).post("/meldingen", melding()), 401)
    is_probleem(Api("mw_verzonnen").post("/meldingen", melding()), 401)
    assert Zaak.objects.count() == 2  # the keten's two


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cijfers=st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_bsn_property_accepted_exactly_when_the_11_proef_holds(api, cijfers) -> None:
    """Any 9 digits: registered when the 11-proef holds, else a 400 on bsn (never a 500)."""
    antwoord = api.post("/meldingen", melding(bsn=cijfers))
    if is_geldig_bsn(cijfers):
        assert antwoord.status_code == 201
    else:
        assert is_probleem(antwoord, 400)["invalidParams"][0]["naam"] == "bsn"
