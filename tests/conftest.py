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


@pytest.fixture(autouse=True)
def _force_login_met_tweede_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """``client.force_login(user)`` also passes the second factor, as a real login would after
    the code: the user gets a confirmed TOTP device and the session names it. Test-only; tests of
    the second factor itself log in through the login form."""
    from django.test.client import ClientMixin

    origineel = ClientMixin.force_login

    def force_login(self, user, backend=None):  # noqa: ANN001, ANN202
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        origineel(self, user, backend)
        apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if apparaat is None:
            apparaat = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        sessie = self.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)
