"""Fixtures for the web tests: one user per role, two aanbieders, a client with a case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.cases.models import Kanaal, Zaak
from maatwerk.apps.cases.status import start_zaak
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client


def maak_gebruiker(naam: str, rol: str, aanbieder: Aanbieder | None = None) -> User:
    user = User.objects.create_user(naam, password="geheim-wachtwoord")
    user.groups.add(Group.objects.get(name=rol))
    if aanbieder is not None:
        Profiel.objects.create(user=user, aanbieder=aanbieder)
    return user


@pytest.fixture
def aanbieders(db) -> tuple[Aanbieder, Aanbieder]:
    return Aanbieder.objects.create(naam="Thuiszorg Noord"), Aanbieder.objects.create(
        naam="Huishoudhulp Zuid"
    )


@pytest.fixture
def consulent(db) -> User:
    return maak_gebruiker("consulent1", "consulent")


@pytest.fixture
def consulent2(db) -> User:
    return maak_gebruiker("consulent2", "consulent")


@pytest.fixture
def aanbieder_noord(aanbieders) -> User:
    return maak_gebruiker("noord", "aanbieder", aanbieders[0])


@pytest.fixture
def aanbieder_zuid(aanbieders) -> User:
    return maak_gebruiker("zuid", "aanbieder", aanbieders[1])


@pytest.fixture
def beheerder(db) -> User:
    return maak_gebruiker("beheer", "functioneel_beheerder")


@pytest.fixture
def beleid(db) -> User:
    return maak_gebruiker("beleid", "beleidsmedewerker")


def maak_zaak(
    consulent: User | None,
    nummer: int = 1,
    melddatum: dt.date | None = None,
    spoed: bool = False,
    aanbieder: Aanbieder | None = None,
) -> Zaak:
    client = Client.objects.create(
        bsn=maak_bsn(10_000_000 + nummer * 7),
        voornamen="Test",
        achternaam=f"Persoon{nummer}",
        geboortedatum=dt.date(1940, 5, 1),
        straat="Dorpsstraat",
        huisnummer=str(nummer),
        postcode="1234 AB",
        woonplaats="Voorbeeldstad",
    )
    zaak = Zaak(
        client=client,
        consulent=consulent,
        kanaal=Kanaal.TELEFOON,
        vraag="Hulp bij het huishouden",
        melddatum=melddatum or dt.date.today(),
        spoed=spoed,
        aanbieder=aanbieder,
    )
    start_zaak(zaak, consulent)
    return zaak


@pytest.fixture
def zaak(consulent) -> Zaak:
    return maak_zaak(consulent)
