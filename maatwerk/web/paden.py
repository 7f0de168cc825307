"""Directories maatwerk writes to, made by the commands that need them (never on import)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def maak_datamappen() -> None:
    """Create the directory of a SQLite database file and the static-files directory if missing."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3") and str(database["NAME"]) not in ("", ":memory:"):
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
