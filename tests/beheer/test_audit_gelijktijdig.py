"""Issue 14: on SQLite a concurrent audit writer that forks the chain (IntegrityError on
``volgnummer``) or finds the database busy retries, a bounded number of times."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import IntegrityError, connections
from django.db.models.query import QuerySet

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.audit.models import POGINGEN, AuditRegel
from maatwerk.apps.audit.verificatie import verifieer


def _verouderd(monkeypatch, keer: int) -> list[int]:
    """The first ``keer`` reads of the chain's end see it one row short: another writer came first."""
    echt = QuerySet.first
    gezien = [0]

    def first(self):
        rij = echt(self)
        if self.model is AuditRegel and isinstance(rij, tuple) and len(rij) == 3 and gezien[0] < keer:
            gezien[0] += 1
            vorige = echt(AuditRegel.objects.filter(volgnummer=rij[0] - 1).values_list("hash", "sleutel_id"))
            return (rij[0] - 1, *vorige) if vorige else rij
        return rij

    monkeypatch.setattr(QuerySet, "first", first)
    return gezien


@pytest.fixture
def alleen_sqlite(db) -> None:
    """The retry is SQLite's: on PostgreSQL the chain's advisory lock serialises writers, so a
    fork cannot happen there and a stale read is not retried."""
    if connections["default"].vendor != "sqlite":
        pytest.skip("alleen SQLite: PostgreSQL serialiseert schrijvers met een advisory lock")


@pytest.mark.django_db
def test_gevorkte_keten_wordt_opnieuw_geprobeerd(monkeypatch, alleen_sqlite):
    log_persoonsgegevens(None, None, "lezen", "eerste", "test")
    log_persoonsgegevens(None, None, "lezen", "tweede", "test")
    gezien = _verouderd(monkeypatch, 2)
    regel = log_persoonsgegevens(None, None, "lezen", "derde", "test")
    assert gezien[0] == 2 and regel.volgnummer == 3
    uitkomst = verifieer()
    assert uitkomst.geldig and uitkomst.aantal == 3


@pytest.mark.django_db
def test_opnieuw_proberen_is_begrensd(monkeypatch, alleen_sqlite):
    log_persoonsgegevens(None, None, "lezen", "eerste", "test")
    log_persoonsgegevens(None, None, "lezen", "tweede", "test")
    _verouderd(monkeypatch, 100)
    with pytest.raises(IntegrityError):
        log_persoonsgegevens(None, None, "lezen", "derde", "test")
    assert AuditRegel.objects.count() == 2 and POGINGEN > 1


@pytest.fixture
def bestandsdatabase(tmp_path: Path, django_db_blocker):
    """A SQLite file with just the audit table, as a second connection alias (own connection per
    thread; outside the test database's transaction, so the threads really compete)."""
    django_db_blocker.unblock()
    alias = "keten_bestand"
    connections.settings[alias] = {**connections.settings["default"], "NAME": str(tmp_path / "keten.sqlite3")}
    connections.settings[alias].pop("TEST", None)
    connections.settings[alias]["OPTIONS"] = {"timeout": 0.5}  # short: the retry must do the work
    with connections[alias].cursor() as cursor:  # the tables the audit rows refer to (empty)
        for model in (AuditRegel.gebruiker.field.related_model, AuditRegel.client.field.related_model):
            cursor.execute(f"CREATE TABLE {model._meta.db_table} (id integer PRIMARY KEY)")
    with connections[alias].schema_editor() as editor:
        editor.create_model(AuditRegel)
    yield alias
    connections[alias].close()
    del connections.settings[alias]
    django_db_blocker.restore()


def test_gelijktijdige_schrijvers_op_een_sqlite_bestand(bestandsdatabase):
    """Four threads, each with its own connection to one SQLite file, append 15 rows each."""
    fouten: list[BaseException] = []
    start = threading.Barrier(4)

    def schrijver(n: int) -> None:
        try:
            start.wait()
            for i in range(15):
                regel = AuditRegel(gebruikersnaam="t", actie="lezen", wat=f"{n}.{i}", waarom="test")
                AuditRegel.aan_keten_toevoegen([regel], using=bestandsdatabase)
        except BaseException as exc:  # reported below
            fouten.append(exc)
        finally:
            connections[bestandsdatabase].close()

    draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten, fouten
    uitkomst = verifieer(using=bestandsdatabase)
    assert uitkomst.geldig and uitkomst.aantal == 60
