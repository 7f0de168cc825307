"""Query budget of the two busiest pages (bench.web): the case page and the worklist.

The number of SQL queries must not grow with the number of cases, status events or opschortingen
(no N+1), and stays under a small fixed budget. Runs on SQLite and on PostgreSQL (bin/test).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from maatwerk.apps.cases.models import Kanaal, Opschorting, Status, StatusEvent, Zaak
from maatwerk.apps.cases.status import start_zaak, zet_status
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client

# 14 + one query each for the sections "Bezwaar en klacht" and "Informele afhandeling" (issue 12).
BUDGET_ZAAK = 16
BUDGET_WERKLIJST = 10


def _budget(basis: int) -> int:
    """On PostgreSQL each audit row also takes the audit chain's advisory lock: one query more."""
    from django.db import connection

    return basis + (1 if connection.vendor == "postgresql" else 0)


def _consulent() -> User:
    user = User.objects.create_user("budget", password="budget-wachtwoord")
    user.groups.add(Group.objects.get(name="consulent"))
    return user


def _zaken(consulent: User, aantal: int, start: int, stappen: int = 1) -> list[Zaak]:
    """``aantal`` cases in onderzoek, each with ``stappen`` opschortingen and extra status events."""
    vandaag = dt.date.today()
    zaken = []
    for n in range(start, start + aantal):
        client = Client.objects.create(
            bsn=maak_bsn(20_000_000 + n * 13),
            voornamen="Budget",
            achternaam=f"Cliënt {n}",
            geboortedatum=dt.date(1942, 1, 1),
            straat="Lindelaan",
            huisnummer=str(n),
            postcode="2011 AB",
            woonplaats="Voorbeeldstad",
        )
        zaak = Zaak(
            client=client,
            consulent=consulent,
            kanaal=Kanaal.TELEFOON,
            vraag="Hulp bij het huishouden",
            melddatum=vandaag - dt.timedelta(days=30),
        )
        start_zaak(zaak, consulent)
        zet_status(zaak, Status.IN_ONDERZOEK, consulent, "onderzoek gestart")
        for s in range(stappen):
            van = vandaag - dt.timedelta(days=28 - 3 * s)
            Opschorting.objects.create(
                zaak=zaak,
                van=van,
                tot=van + dt.timedelta(days=1),
                reden="wachten op informatie",
                door=consulent,
            )
        zaken.append(zaak)
    return zaken


def _aantal_queries(browser: Browser, pad: str) -> int:
    browser.get(pad)  # warm caches (sessions, content types) like a returning user
    with CaptureQueriesContext(connection) as queries:
        antwoord = browser.get(pad)
    assert antwoord.status_code == 200, f"{pad}: HTTP {antwoord.status_code}"
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_werklijst_aantal_queries_groeit_niet_met_het_aantal_zaken():
    consulent = _consulent()
    browser = Browser()
    browser.force_login(consulent)
    _zaken(consulent, 3, start=1)
    weinig = _aantal_queries(browser, "/zaken/werklijst/")
    _zaken(consulent, 30, start=100, stappen=3)
    veel = _aantal_queries(browser, "/zaken/werklijst/")
    assert veel == weinig, f"werklijst: {weinig} queries bij 3 zaken, {veel} bij 33 (N+1)"
    assert veel <= _budget(BUDGET_WERKLIJST), (
        f"werklijst: {veel} queries (budget {_budget(BUDGET_WERKLIJST)})"
    )


@pytest.mark.django_db
def test_zaakpagina_aantal_queries_groeit_niet_met_events_en_opschortingen():
    consulent = _consulent()
    browser = Browser()
    browser.force_login(consulent)
    (kaal,) = _zaken(consulent, 1, start=1, stappen=0)
    (druk,) = _zaken(consulent, 1, start=2, stappen=6)
    for i in range(8):  # a long history (e.g. imported from the previous system)
        StatusEvent.objects.create(
            zaak=druk,
            van_status=Status.ONTVANGEN,
            naar_status=Status.IN_ONDERZOEK,
            tijdstip=timezone.now(),
            door=consulent,
            toelichting=f"historie {i}",
        )
    weinig = _aantal_queries(browser, f"/zaken/{kaal.pk}/")
    veel = _aantal_queries(browser, f"/zaken/{druk.pk}/")
    assert veel == weinig, f"zaakpagina: {weinig} queries bij een korte historie, {veel} bij een lange (N+1)"
    assert veel <= _budget(BUDGET_ZAAK), f"zaakpagina: {veel} queries (budget {_budget(BUDGET_ZAAK)})"
