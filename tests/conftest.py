"""Suite-wide pytest configuration.

With ``MAATWERK_ALLEEN_DB=1`` only tests that use the database run (``bin/test`` uses this to
run the database tests a second time against PostgreSQL).
"""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("MAATWERK_ALLEEN_DB") != "1":
        return
    geselecteerd, overgeslagen = [], []
    for item in items:
        (geselecteerd if item.get_closest_marker("django_db") else overgeslagen).append(item)
    if overgeslagen:
        config.hook.pytest_deselected(items=overgeslagen)
        items[:] = geselecteerd
