"""Fixtures for the API tests: users, two aanbieders, a zaak through to its toewijzing, API clients."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client as Browser

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.api import services as api_services
from maatwerk.apps.besluiten import services as besluiten
from maatwerk.apps.cases.models import Kanaal, Status, Zaak
from maatwerk.apps.cases.status import start_zaak, zet_status
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client
from maatwerk.apps.indicaties.services import leg_vast
from maatwerk.apps.onderzoek.models import Onderzoek

ALLE_SCOPES = ["zaken:lezen", "meldingen:schrijven", "indicaties:berekenen", "berichten:lezen"]
SITUATIE = "examples/situaties/01-alleenstaande-basis.yaml"


def gebruiker(naam: str, rol: str, aanbieder: Aanbieder | None = None) -> User:
    user = User.objects.create_user(naam, password="geheim-wachtwoord", first_name=naam.capitalize())
    user.groups.add(Group.objects.get(name=rol))
    if aanbieder is not None:
        Profiel.objects.create(user=user, aanbieder=aanbieder)
    return user


@pytest.fixture(autouse=True)
def _lege_cache():
    """The rate limit counts in the cache: every test starts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def aanbieders(db) -> tuple[Aanbieder, Aanbieder]:
    return (
        Aanbieder.objects.create(naam="Thuiszorg Noord", agb_code="75750001"),
        Aanbieder.objects.create(naam="Huishoudhulp Zuid", agb_code="75750002"),
    )


@pytest.fixture
def consulent(db) -> User:
    return gebruiker("consulent1", "consulent")


def maak_zaak(consulent: User, aanbieder: Aanbieder | None, nummer: int = 1) -> Zaak:
    client = Client.objects.create(
        bsn=maak_bsn(30_000_000 + nummer * 13),
        voornamen="Anna",
        tussenvoegsel="van der",
        achternaam=f"Berg{nummer}",
        geboortedatum=dt.date(1941, 4, 2),
        straat="Dorpsstraat",
        huisnummer=str(nummer),
        postcode="9999 AA",
        woonplaats="Voorbeeldstad",
    )
    zaak = Zaak(
        client=client,
        consulent=consulent,
        kanaal=Kanaal.TELEFOON,
        vraag="Ik kan mijn huis niet meer schoonhouden.",
        aanbieder=aanbieder,
    )
    start_zaak(zaak, consulent)
    return zaak


def indicatie_van_voorbeeld():
    from maatwerk.engine import indiceer, laad_situatie

    situatie = laad_situatie(SITUATIE)
    return situatie, indiceer(situatie)


def tot_aanvraag(zaak: Zaak, consulent: User) -> Zaak:
    zet_status(zaak, Status.IN_ONDERZOEK, consulent)
    situatie, indicatie = indicatie_van_voorbeeld()
    Onderzoek.objects.create(
        zaak=zaak,
        gespreksdatum=dt.date.today(),
        indicatie=leg_vast(zaak, consulent, situatie.model_dump(mode="json"), indicatie),
    )
    zet_status(zaak, Status.AANVRAAG, consulent)
    return Zaak.objects.get(pk=zaak.pk)


@pytest.fixture
def keten(consulent, aanbieders) -> dict:
    """Zaak Noord through onderzoek, beschikking and toewijzing; zaak Zuid only registered."""
    noord = tot_aanvraag(maak_zaak(consulent, aanbieders[0], 1), consulent)
    besluiten.stel_ondersteuningsplan_op(noord, consulent, {"schoon_huis": "Uw huis is schoon en leefbaar"})
    ingang = dt.date.today() + dt.timedelta(days=7)
    beschikking = besluiten.geef_beschikking_af(
        noord,
        consulent,
        besluiten.Besluitgegevens(
            besluit="toegekend",
            ingangsdatum=ingang,
            einddatum=ingang + dt.timedelta(days=364),
            leveringsvorm="ZIN",
            gevraagd="Hulp bij het schoonmaken van mijn huis.",
            reden_geen_zorgplan="Spoed.",
        ),
    )
    zuid = maak_zaak(consulent, aanbieders[1], 2)
    return {
        "noord": Zaak.objects.get(pk=noord.pk),
        "zuid": zuid,
        "beschikking": beschikking,
        "toewijzing": beschikking.toewijzingen.get(),
        "onderzoek": Onderzoek.objects.get(zaak=noord),
    }


def maak_bericht(aanbieder: Aanbieder, berichttype: str, identificatie: str, **velden):
    """A received iWmo-bericht row as the berichten app keeps it (the XML itself does not matter here)."""
    from maatwerk.apps.berichten.models import Bericht, Berichtstatus, Richting

    standaard = {
        "richting": Richting.IN,
        "dagtekening": dt.date.today(),
        "afzender": aanbieder.agb_code,
        "ontvanger": "0999",
        "status": Berichtstatus.VERWERKT,
        "sha256": identificatie.rjust(64, "0"),
    }
    return Bericht.objects.create(
        aanbieder=aanbieder, berichttype=berichttype, identificatie=identificatie, **(standaard | velden)
    )


def maak_token(naam: str, scopes: list[str], aanbieder: Aanbieder | None = None) -> str:
    return api_services.maak_client(naam, scopes, door=None, aanbieder=aanbieder)[1]


@pytest.fixture
def token(db) -> str:
    """A gemeente application with every scope."""
    return maak_token("kcc", ALLE_SCOPES)


class Api:
    """Django's test client with a bearer token and JSON bodies."""

    def __init__(self, token: str | None) -> None:
        self.browser = Browser()
        self.kop = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, pad: str, **params):
        return self.browser.get(f"/api/v1{pad}", params, headers=self.kop)

    def post(self, pad: str, data=None, ruw: bytes | str | None = None):
        import json

        inhoud = ruw if ruw is not None else json.dumps(data, default=str)
        return self.browser.post(f"/api/v1{pad}", inhoud, content_type="application/json", headers=self.kop)


@pytest.fixture
def api(token) -> Api:
    return Api(token)


def is_probleem(antwoord, status: int) -> dict:
    """Assert a problem+json answer with this status (and the API-Version header); returns its body."""
    assert antwoord.status_code == status, antwoord.content[:500]
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord["API-Version"] == "1.0.0"
    inhoud = antwoord.json()
    assert inhoud["status"] == status and inhoud["title"] and inhoud["detail"]
    return inhoud
