"""PostgreSQL rights of the application role: everything it needs, but on the audit log only
INSERT and SELECT, and no schema changes (migrations run as the owner, DATABASE_OWNER_URL).

Run after every ``migrate`` as the owner when ``DATABASE_APP_ROL`` names the application role
(``maatwerk migrate`` sets it from DATABASE_URL when DATABASE_OWNER_URL is given).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

ALLEEN_LEZEN = ("django_migrations",)  # the schema belongs to the owner


def ken_rechten_toe(
    verbinding: BaseDatabaseWrapper, rol: str, alleen_toevoegen: list[str], niet_verwijderen: list[str]
) -> None:
    """Grant ``rol`` its rights.

    ``alleen_toevoegen``: tables it may only read and append to (the audit log);
    ``niet_verwijderen``: tables it may not delete from or truncate (the beschikkingen, which the
    services lock with SELECT ... FOR UPDATE, which needs the UPDATE right; the triggers refuse
    the UPDATE itself).
    """
    if verbinding.vendor != "postgresql" or not rol:
        return
    q = verbinding.ops.quote_name
    with verbinding.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = q(cursor.fetchone()[0])
        cursor.execute(f"GRANT USAGE ON SCHEMA {schema} TO {q(rol)}")
        cursor.execute(f"REVOKE CREATE ON SCHEMA {schema} FROM {q(rol)}")
        cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {q(rol)}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {q(rol)}")
        for tabel in alleen_toevoegen:
            cursor.execute(
                f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {q(tabel)} FROM {q(rol)}"
            )
        for tabel in niet_verwijderen:
            cursor.execute(f"REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON {q(tabel)} FROM {q(rol)}")
        for tabel in ALLEEN_LEZEN:
            cursor.execute(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {q(tabel)} FROM {q(rol)}")
