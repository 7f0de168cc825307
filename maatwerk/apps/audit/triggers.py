"""Database triggers that refuse UPDATE, DELETE and TRUNCATE on append-only tables.

Protected: the audit log and the issued beschikkingen (every Beschikking row is issued). The
tables are found through the models' ``_meta.db_table``, so the triggers follow a model that
moves to another app. They are created by migration ``audit.0002`` and again after every
``migrate`` (post_migrate; SQLite drops a table's triggers when Django rebuilds the table).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

# (app label, model name), first match wins: the beschikking moves from beschikkingen to besluiten.
BESCHERMD: tuple[tuple[tuple[str, str], ...], ...] = (
    (("audit", "AuditRegel"),),
    (("besluiten", "Beschikking"), ("beschikkingen", "Beschikking")),
)

_PG_FUNCTIE = """
CREATE OR REPLACE FUNCTION maatwerk_weiger_wijziging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'maatwerk: % op % geweigerd: deze gegevens zijn onveranderlijk', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$
"""


def beschermde_tabellen(apps: Any) -> list[str]:
    """Table names of the protected models in ``apps`` (a migration state or the app registry)."""
    tabellen = []
    for keuzes in BESCHERMD:
        for label, model in keuzes:
            try:
                tabellen.append(apps.get_model(label, model)._meta.db_table)
                break
            except LookupError:
                continue
    return tabellen


def _namen(tabel: str) -> tuple[str, str, str]:
    return f"{tabel}_geen_update", f"{tabel}_geen_delete", f"{tabel}_geen_truncate"


def maak_triggers(verbinding: BaseDatabaseWrapper, tabellen: Iterable[str]) -> None:
    """Create (or replace) the triggers on ``tabellen``; a no-op on other databases."""
    q = verbinding.ops.quote_name
    with verbinding.cursor() as cursor:
        if verbinding.vendor == "postgresql":
            cursor.execute(_PG_FUNCTIE)
        for tabel in tabellen:
            update, delete, truncate = _namen(tabel)
            if verbinding.vendor == "sqlite":
                for naam, op in ((update, "UPDATE"), (delete, "DELETE")):
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {q(naam)} BEFORE {op} ON {q(tabel)} BEGIN "
                        f"SELECT RAISE(ABORT, 'maatwerk: {op} op {tabel} geweigerd: deze gegevens zijn "
                        "onveranderlijk'); END"
                    )
            elif verbinding.vendor == "postgresql":
                for naam, wanneer, niveau in (
                    (update, "UPDATE OR DELETE", "ROW"),
                    (truncate, "TRUNCATE", "STATEMENT"),
                ):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {q(naam)} ON {q(tabel)}")
                    cursor.execute(
                        f"CREATE TRIGGER {q(naam)} BEFORE {wanneer} ON {q(tabel)} "
                        f"FOR EACH {niveau} EXECUTE FUNCTION maatwerk_weiger_wijziging()"
                    )


def verwijder_triggers(verbinding: BaseDatabaseWrapper, tabellen: Iterable[str]) -> None:
    """Drop the triggers (only for emptying a test database; production never calls this)."""
    q = verbinding.ops.quote_name
    with verbinding.cursor() as cursor:
        for tabel in tabellen:
            for naam in _namen(tabel):
                if verbinding.vendor == "sqlite":
                    cursor.execute(f"DROP TRIGGER IF EXISTS {q(naam)}")
                elif verbinding.vendor == "postgresql":
                    cursor.execute(f"DROP TRIGGER IF EXISTS {q(naam)} ON {q(tabel)}")
