"""Fixtures: users per role, two aanbieders, a zaak in status 'aanvraag' with an onderzoek and indication."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.cases.models import Kanaal, Status, Zaak
from maatwerk.apps.cases.status import start_zaak, zet_status
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client
from maatwerk.apps.indicaties.services import leg_vast
from maatwerk.apps.onderzoek.models import Onderzoek


def gebruiker(naam: str, rol: str, aanbieder: Aanbieder | None = None) -> User:
    user = User.objects.create_user(naam, password="geheim-wachtwoord", first_name=naam.capitalize())
    user.groups.add(Group.objects.get(name=rol))
    if aanbieder is not None:
        Profiel.objects.create(user=user, aanbieder=aanbieder)
    return user


@pytest.fixture
def aanbieders(db) -> tuple[Aanbieder, Aanbieder]:
    return (
        Aanbieder.objects.create(naam="Thuiszorg Noord", agb_code="75750001"),
        Aanbieder.objects.create(naam="Huishoudhulp Zuid", agb_code="75750002"),
    )


@pytest.fixture
def consulent(db) -> User:
    return gebruiker("consulent1", "consulent")


@pytest.fixture
def noord(aanbieders) -> User:
    return gebruiker("noord", "aanbieder", aanbieders[0])


@pytest.fixture
def zuid(aanbieders) -> User:
    return gebruiker("zuid", "aanbieder", aanbieders[1])


def engine_indicatie():
    from maatwerk.engine import indiceer, laad_situatie

    return indiceer(laad_situatie("examples/situaties/01-alleenstaande-basis.yaml"))


def indicatie_json() -> dict:
    return engine_indicatie().as_json()


def maak_zaak(consulent: User, aanbieder: Aanbieder | None, nummer: int = 1) -> Zaak:
    client = Client.objects.create(
        bsn=maak_bsn(20_000_000 + nummer * 11),
        voornamen="Anna",
        tussenvoegsel="van der",
        achternaam=f"Berg{nummer}",
        geboortedatum=dt.date(1941, 4, 2),
        straat="Dorpsstraat",
        huisnummer=f"{nummer}a",
        postcode="9999 AA",
        woonplaats="Voorbeeldstad",
        telefoon="06-12345678",
    )
    zaak = Zaak(
        client=client,
        consulent=consulent,
        kanaal=Kanaal.TELEFOON,
        vraag="Ik kan mijn huis niet meer schoonhouden.",
        aanbieder=aanbieder,
    )
    start_zaak(zaak, consulent)
    zet_status(zaak, Status.IN_ONDERZOEK, consulent)
    Onderzoek.objects.create(zaak=zaak, indicatie=leg_vast(zaak, consulent, {}, engine_indicatie()))
    zet_status(zaak, Status.AANVRAAG, consulent)
    return Zaak.objects.get(pk=zaak.pk)


@pytest.fixture
def zaak(consulent, aanbieders) -> Zaak:
    return maak_zaak(consulent, aanbieders[0])
