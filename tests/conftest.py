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


@pytest.fixture(autouse=True)
def _onveranderlijke_tabellen_leegmaken(request: pytest.FixtureRequest):
    """Transactional tests end with a flush of every table, which the audit and beschikking
    triggers refuse: drop those triggers just before the flush (post_migrate, which the flush
    sends, creates them again). Test-only: production code never drops them."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        request.getfixturevalue("_django_db_helper")  # pytest-django's fixture behind the marker
    elif {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
    else:
        yield
        return
    yield
    from django.apps import apps
    from django.db import connections

    from maatwerk.apps.audit.triggers import beschermde_tabellen, verwijder_triggers

    for verbinding in connections.all(initialized_only=True):
        verwijder_triggers(verbinding, beschermde_tabellen(apps))
