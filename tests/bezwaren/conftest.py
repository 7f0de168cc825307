"""Fixtures: a jurist, a consulent and a zaak with an issued beschikking (pgb, toegekend)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.rollen import Rol
from maatwerk.apps.besluiten import services as besluit
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases.models import Zaak
from tests.besluiten.conftest import gebruiker, maak_zaak


@pytest.fixture
def rollen(db) -> None:
    for rol in Rol.values:
        Group.objects.get_or_create(name=rol)


@pytest.fixture
def jurist(rollen) -> User:
    return gebruiker("jurist1", Rol.JURIST)


@pytest.fixture
def consulent(rollen) -> User:
    return gebruiker("consulent1", Rol.CONSULENT)


@pytest.fixture
def kwaliteit(rollen) -> User:
    return gebruiker("kwaliteit1", Rol.KWALITEITSMEDEWERKER)


@pytest.fixture
def aanbieder(db) -> Aanbieder:
    return Aanbieder.objects.create(naam="Thuiszorg Noord", agb_code="75750001")


@pytest.fixture
def zaak_zonder_besluit(consulent, aanbieder) -> Zaak:
    return maak_zaak(consulent, aanbieder, nummer=2)


def geef_af(zaak: Zaak, consulent: User) -> Beschikking:
    return besluit.geef_beschikking_af(
        zaak,
        consulent,
        besluit.Besluitgegevens(
            besluit="toegekend",
            ingangsdatum=dt.date.today(),
            einddatum=dt.date.today() + dt.timedelta(days=364),
            leveringsvorm="PGB",
            gevraagd="Hulp bij het schoonhouden van het huis.",
            reden_geen_zorgplan="Persoonsgebonden budget: de cliënt kiest zelf een hulp.",
        ),
    )


@pytest.fixture
def beschikking(consulent, aanbieder) -> Beschikking:
    return geef_af(maak_zaak(consulent, aanbieder, nummer=1), consulent)
