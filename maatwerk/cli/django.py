"""Set-up before a Django management command run through ``maatwerk NAME``.

``maatwerk migrate`` runs as the database owner when ``DATABASE_OWNER_URL`` is set (the application
role in ``DATABASE_URL`` may not change the schema, nor the audit log); the application role's
name is handed on so that the migration can grant it its rights (maatwerk.apps.audit.rechten).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import click

ALS_EIGENAAR = {"migrate"}


def voorbereid(naam: str) -> None:
    """Switch to the owner's database URL for schema commands, then set Django up and make ``var/``."""
    eigenaar = os.environ.get("DATABASE_OWNER_URL", "").strip()
    if naam in ALS_EIGENAAR and eigenaar:
        app = os.environ.get("DATABASE_URL", "").strip()
        if app:
            os.environ.setdefault("DATABASE_APP_ROL", urlsplit(app).username or "")
        os.environ["DATABASE_URL"] = eigenaar
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise click.ClickException(str(exc)) from None
    from maatwerk.web.paden import maak_datamappen

    maak_datamappen()
