"""Fixtures: users per role, two aanbieders, zaken in care (toewijzing with delivery started)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.cases.models import Kanaal, Status, Zaak
from maatwerk.apps.cases.status import start_zaak, zet_status
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client
from maatwerk.apps.onderzoek.models import Onderzoek


def gebruiker(naam: str, rol: str, aanbieder: Aanbieder | None = None) -> User:
    user = User.objects.create_user(naam, password="geheim-wachtwoord", first_name=naam.capitalize())
    user.groups.add(Group.objects.get(name=rol))
    if aanbieder is not None:
        Profiel.objects.create(user=user, aanbieder=aanbieder)
    return user


def indicatie_json() -> dict:
    from maatwerk.engine import indiceer, laad_situatie

    return indiceer(laad_situatie("examples/situaties/01-alleenstaande-basis.yaml")).as_json()


SITUATIE = {"woning": {"type": "appartement", "kamers_in_gebruik": 3, "kamers_niet_in_gebruik": 1}}


def maak_zaak(consulent: User, aanbieder: Aanbieder | None, nummer: int = 1, in_zorg: bool = True) -> Zaak:
    """A zaak with an onderzoek and indication; ``in_zorg``: a toewijzing with delivery started."""
    client = Client.objects.create(
        bsn=maak_bsn(30_000_000 + nummer * 13),
        voornamen="Anna",
        achternaam=f"Schouw{nummer}",
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
        vraag="Hulp bij het huishouden",
        aanbieder=aanbieder,
        melddatum=timezone.localdate() - dt.timedelta(days=60),
    )
    start_zaak(zaak, consulent)
    zet_status(zaak, Status.IN_ONDERZOEK, consulent)
    from maatwerk.apps.indicaties.services import leg_vast
    from maatwerk.engine import indiceer, laad_situatie

    ind = indiceer(laad_situatie("examples/situaties/01-alleenstaande-basis.yaml"))
    Onderzoek.objects.create(zaak=zaak, indicatie=leg_vast(zaak, consulent, SITUATIE, ind))
    if in_zorg and aanbieder is not None:
        zet_in_zorg(zaak, aanbieder, consulent)
    return Zaak.objects.get(pk=zaak.pk)


def zet_in_zorg(zaak: Zaak, aanbieder: Aanbieder, consulent: User) -> None:
    """Plan, beschikking (stub letter: no PDF in unit tests) and toewijzing with delivery started."""
    from maatwerk.apps.besluiten.models import Beschikking, Ondersteuningsplan
    from maatwerk.apps.levering.models import Toewijzing

    vandaag = timezone.localdate()
    Ondersteuningsplan.objects.create(zaak=zaak, indicatie=zaak.onderzoek.indicatie, opgesteld_door=consulent)
    beschikking = Beschikking.objects.create(
        zaak=zaak,
        kenmerk=f"T-{zaak.pk}",
        besluit="toegekend",
        gevraagd="hulp",
        ingangsdatum=vandaag - dt.timedelta(days=30),
        leveringsvorm="ZIN",
        aanbieder=aanbieder,
        totaal_minuten_per_week=125,
        normenkader="kpmg-hbel",
        normenkader_versie="2021",
        html="<article>test</article>",
        pdf=b"",
        inhoudshash="0" * 64,
        afgegeven_op=timezone.now() - dt.timedelta(days=35),
        afgegeven_door=consulent,
    )
    Toewijzing.objects.create(
        zaak=zaak,
        beschikking=beschikking,
        aanbieder=aanbieder,
        productcategorie="01",
        volume=125,
        eenheid="01",
        frequentie="2",
        ingangsdatum=vandaag - dt.timedelta(days=30),
        toegewezen_op=timezone.now() - dt.timedelta(days=31),
        levering_gestart_op=vandaag - dt.timedelta(days=20),
    )


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
def kwaliteit(db) -> User:
    return gebruiker("kwaliteit", "kwaliteitsmedewerker")


@pytest.fixture
def noord(aanbieders) -> User:
    return gebruiker("noord", "aanbieder", aanbieders[0])


@pytest.fixture
def zuid(aanbieders) -> User:
    return gebruiker("zuid", "aanbieder", aanbieders[1])


@pytest.fixture
def zaak(consulent, aanbieders) -> Zaak:
    return maak_zaak(consulent, aanbieders[0])
