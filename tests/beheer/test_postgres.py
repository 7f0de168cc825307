"""PostgreSQL only: the application role's rights, and a backup/restore round trip of the chain.

Skipped on SQLite; ``bin/test`` runs them against its throwaway server (``bin/postgres``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.db import connection

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.audit.keten import EXTRA_VELDEN, VELDEN, controleer_keten
from maatwerk.apps.audit.rechten import ken_rechten_toe
from maatwerk.apps.audit.sleutels import sleutelring
from maatwerk.apps.audit.triggers import beschermde_tabellen
from maatwerk.apps.audit.verificatie import verifieer

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _alleen_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("alleen op PostgreSQL")


def _pg_bin(naam: str) -> str:
    kandidaten = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{naam}"), key=lambda p: int(p.parts[4]))
    return str(kandidaten[-1]) if kandidaten else (shutil.which(naam) or naam)


def _verbind(gebruiker: str | None = None, database: str | None = None) -> psycopg.Connection:
    s = connection.settings_dict
    return psycopg.connect(
        host=s["HOST"] or None,
        port=s["PORT"] or None,
        user=gebruiker or s["USER"],
        password=None if gebruiker else (s["PASSWORD"] or None),
        dbname=database or s["NAME"],
        autocommit=True,
    )


@pytest.fixture
def app_rol() -> Iterator[str]:
    rol = f"maatwerk_app_test_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP ROLE IF EXISTS {rol}")
        cursor.execute(f"CREATE ROLE {rol} LOGIN")
    tabellen = beschermde_tabellen(apps)
    ken_rechten_toe(connection, rol, tabellen[:1], tabellen[1:])
    yield rol
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {rol}")
        cursor.execute(f"DROP ROLE {rol}")


def test_app_rol_mag_auditlog_alleen_lezen_en_aanvullen(app_rol):
    log_persoonsgegevens(None, None, "lezen", "voor de rechtentest", "test")
    tabel, beschikking = beschermde_tabellen(apps)
    with _verbind(app_rol) as db:
        assert db.execute(f"SELECT count(*) FROM {tabel}").fetchone() == (1,)
        db.execute(
            f"INSERT INTO {tabel} "
            "(tijdstip, gebruikersnaam, actie, wat, waarom, vorige_hash, hash, clienten, zegel, sleutel_id) "
            "VALUES (now(), 'x', 'lezen', 'x', 'x', '', '', '', '', '')"
        )
        for sql in (
            f"UPDATE {tabel} SET wat = 'x'",
            f"DELETE FROM {tabel}",
            f"TRUNCATE {tabel}",
            f"DELETE FROM {beschikking}",
            f"TRUNCATE {beschikking}",
            "INSERT INTO django_migrations (app, name, applied) VALUES ('x', 'y', now())",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(sql)
    # A row inserted around the application breaks the chain, and verification says so.
    assert not verifieer().geldig


def test_backup_en_herstel_houden_de_keten_geldig(tmp_path):
    for i in range(25):
        log_persoonsgegevens(None, None, "lezen", f"regel {i}", "back-uptest")
    voor = verifieer()
    assert voor.geldig and voor.aantal == 25
    s = connection.settings_dict
    omgeving = {**os.environ, "PGHOST": s["HOST"] or "", "PGPORT": str(s["PORT"] or ""), "PGUSER": s["USER"]}
    if s["PASSWORD"]:
        omgeving["PGPASSWORD"] = s["PASSWORD"]
    dump = tmp_path / "maatwerk.dump"
    herstel = f"{s['NAME']}_herstel"
    # The documented procedure (docs/beheer.md, "Back-up en herstel").
    subprocess.run(
        [_pg_bin("pg_dump"), "--format=custom", f"--file={dump}", s["NAME"]], env=omgeving, check=True
    )
    with _verbind(database="postgres") as db:
        db.execute(f"DROP DATABASE IF EXISTS {herstel}")
        db.execute(f"CREATE DATABASE {herstel}")
    try:
        subprocess.run(
            [_pg_bin("pg_restore"), "--exit-on-error", f"--dbname={herstel}", str(dump)],
            env=omgeving,
            check=True,
        )
        tabel = beschermde_tabellen(apps)[0]
        with _verbind(database=herstel) as db:
            kolommen = ["id", "vorige_hash", "hash", *VELDEN, *EXTRA_VELDEN]
            cursor = db.execute(f"SELECT {', '.join(kolommen)} FROM {tabel} ORDER BY volgnummer")
            rijen = [dict(zip(kolommen, rij, strict=True)) for rij in cursor]
            na = controleer_keten(sleutelring(), rijen)
            assert na.geldig and (na.aantal, na.laatste_hash) == (voor.aantal, voor.laatste_hash)
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="geweigerd"):
                db.execute(f"UPDATE {tabel} SET wat = 'x'")  # the triggers came along
    finally:
        with _verbind(database="postgres") as db:
            db.execute(f"DROP DATABASE IF EXISTS {herstel}")
