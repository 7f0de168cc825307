"""Tamper-evident audit log: HMAC chain, database triggers, ``maatwerk audit verifieer``."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.audit.keten import BEGIN, bereken_hash, controleer_keten
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.audit.triggers import beschermde_tabellen, maak_triggers, verwijder_triggers
from maatwerk.apps.audit.verificatie import verifieer
from tests.web.conftest import maak_gebruiker, maak_zaak


def _beschikking_model():
    for label in ("besluiten", "beschikkingen"):
        try:
            return apps.get_model(label, "Beschikking")
        except LookupError:
            continue
    raise LookupError("Beschikking")


@pytest.fixture
def regels(db):
    consulent = maak_gebruiker("keten", "consulent")
    zaak = maak_zaak(consulent, nummer=3)
    for i in range(5):
        log_persoonsgegevens(consulent, zaak.client, "lezen", f"zaakpagina {i}", "behandeling")
    log_clientlijst(consulent, [zaak.client, zaak.client], "werklijst", "werkvoorraad")
    return list(AuditRegel.objects.order_by("volgnummer"))


def _zonder_triggers(sql: str, params: list) -> None:
    """What an attacker with owner rights could do: drop the triggers and change rows."""
    tabellen = beschermde_tabellen(apps)
    verwijder_triggers(connection, tabellen)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        maak_triggers(connection, tabellen)


def test_elke_regel_is_geketend(regels):
    assert [r.volgnummer for r in regels] == list(range(1, len(regels) + 1))
    assert regels[0].vorige_hash == BEGIN
    for vorige, regel in zip(regels, regels[1:], strict=False):
        assert regel.vorige_hash == vorige.hash
    uitkomst = verifieer()
    assert uitkomst.geldig and uitkomst.aantal == len(regels) and uitkomst.laatste_hash == regels[-1].hash


def test_gewijzigde_regel_wordt_gevonden(regels):
    doel = regels[2]
    _zonder_triggers("UPDATE audit_auditregel SET wat = %s WHERE id = %s", ["iets anders", doel.pk])
    uitkomst = verifieer()
    assert not uitkomst.geldig and uitkomst.breuk_id == doel.pk
    assert "de inhoud past niet bij de hash" in uitkomst.breuk and uitkomst.aantal == 2


def test_verwijderde_regel_wordt_gevonden(regels):
    _zonder_triggers("DELETE FROM audit_auditregel WHERE id = %s", [regels[3].pk])
    uitkomst = verifieer()
    assert not uitkomst.geldig and uitkomst.breuk_id == regels[4].pk
    assert "volgnummer 4 ontbreekt" in uitkomst.breuk


def test_herberekende_hash_zonder_sleutel_wordt_gevonden(regels):
    """Whoever edits a row and recomputes its hash with a guessed key still breaks the chain."""
    doel = regels[1]
    velden = doel.ketenvelden() | {"wat": "vervalst"}
    vals = bereken_hash("geraden-sleutel", velden, doel.vorige_hash)
    _zonder_triggers(
        "UPDATE audit_auditregel SET wat = %s, hash = %s WHERE id = %s", ["vervalst", vals, doel.pk]
    )
    assert verifieer().breuk_id == doel.pk


def test_andere_sleutel_maakt_keten_ongeldig(regels, settings):
    settings.MAATWERK_AUDIT_SLEUTEL = "een-andere-sleutel"
    assert verifieer().breuk_id == regels[0].pk


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditregel SET wat = 'x'",
        "DELETE FROM audit_auditregel",
    ],
)
def test_trigger_weigert_wijzigen_en_verwijderen_van_auditregels(regels, sql):
    with pytest.raises(DatabaseError, match="geweigerd"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditRegel.objects.count() == len(regels)
    assert verifieer().geldig


def test_trigger_weigert_wijzigen_en_verwijderen_van_beschikkingen(db):
    Beschikking = _beschikking_model()
    consulent = maak_gebruiker("besluit", "consulent")
    zaak = maak_zaak(consulent, nummer=4)
    beschikking = Beschikking.objects.create(
        zaak=zaak,
        kenmerk="WMO-TEST-1",
        besluit="toekenning",
        gevraagd="hulp bij het huishouden",
        normenkader="hhm",
        normenkader_versie="2025-01-01",
        html="<p>brief</p>",
        pdf=b"%PDF",
        inhoudshash="0" * 64,
        afgegeven_op=timezone.now(),
        afgegeven_door=consulent,
    )
    tabel = Beschikking._meta.db_table
    for sql in (f"UPDATE {tabel} SET motivering = 'anders'", f"DELETE FROM {tabel}"):
        with (
            pytest.raises(DatabaseError, match="geweigerd"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    beschikking.refresh_from_db()
    assert beschikking.motivering == ""


def test_controle_leeg_log_is_geldig():
    uitkomst = controleer_keten("sleutel", [])
    assert uitkomst.geldig and uitkomst.aantal == 0 and uitkomst.laatste_hash == BEGIN


def test_tijdstip_in_andere_tijdzone_geeft_zelfde_hash():
    moment = dt.datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=dt.UTC)
    velden = {
        "volgnummer": 1,
        "tijdstip": moment,
        "gebruiker_id": 1,
        "gebruikersnaam": "a",
        "client_id": None,
        "actie": "lezen",
        "wat": "w",
        "waarom": "w",
    }
    amsterdam = moment.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert bereken_hash("k", velden, BEGIN) == bereken_hash("k", velden | {"tijdstip": amsterdam}, BEGIN)
    with pytest.raises(ValueError, match="tijdzone"):
        bereken_hash("k", velden | {"tijdstip": moment.replace(tzinfo=None)}, BEGIN)


@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_schrijven_houdt_een_keten():
    """Writers in several threads (own connections) append one after the other; no fork."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite in het geheugen deelt geen database tussen threads; PostgreSQL test dit")
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="consulent")  # a transactional test before may have flushed it
    consulent = maak_gebruiker("parallel", "consulent")
    fouten: list[BaseException] = []

    def schrijver(n: int) -> None:
        from django.db import connections

        try:
            for i in range(10):
                log_persoonsgegevens(consulent, None, "lezen", f"lijst {n}.{i}", "test")
        except BaseException as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    uitkomst = verifieer()
    assert uitkomst.geldig and uitkomst.aantal == 40


def test_cli_verifieer_geldig_en_gebroken(regels):
    from click.testing import CliRunner

    from maatwerk.cli.audit import audit

    runner = CliRunner()
    goed = runner.invoke(audit, ["verifieer"])
    assert goed.exit_code == 0 and f"Keten geldig: {len(regels)} regels." in goed.output
    anker = goed.output.strip().splitlines()[-1].split(": ")[-1]
    assert runner.invoke(audit, ["verifieer", "--anker", anker]).exit_code == 0
    assert runner.invoke(audit, ["verifieer", "--anker", "99:" + "a" * 64]).exit_code == 2
    assert runner.invoke(audit, ["verifieer", "--anker", "onzin"]).exit_code == 2

    _zonder_triggers("UPDATE audit_auditregel SET waarom = %s WHERE id = %s", ["anders", regels[1].pk])
    fout = runner.invoke(audit, ["verifieer"])
    assert fout.exit_code == 2
    assert f"Eerste gebroken schakel: regel id {regels[1].pk} (volgnummer 2)" in fout.output


@pytest.mark.django_db(transaction=True)
def test_migratie_ketent_bestaande_regels():
    """An installation with audit rows from before the chain gets them chained by audit.0002."""
    from django.db.migrations.executor import MigrationExecutor

    voor = [("audit", "0001_initial")]
    executor = MigrationExecutor(connection)
    executor.migrate(voor)
    oud = executor.loader.project_state(voor).apps.get_model("audit", "AuditRegel")
    for i in range(3):
        oud.objects.create(gebruikersnaam="oud", actie="lezen", wat=f"regel {i}", waarom="van voor de keten")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    uitkomst = verifieer()
    assert uitkomst.geldig and uitkomst.aantal == 3
    assert list(AuditRegel.objects.order_by("volgnummer").values_list("wat", flat=True)) == [
        "regel 0",
        "regel 1",
        "regel 2",
    ]
    log_persoonsgegevens(None, None, "lezen", "na de migratie", "test")
    assert verifieer().aantal == 4
    with pytest.raises(DatabaseError, match="geweigerd"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditregel")
