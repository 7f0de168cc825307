"""Contract test: schemathesis generates requests from /api/v1/openapi.json and checks every answer.

Every operation, positive and negative cases (wrong types, missing and unknown fields, bad UUIDs): no 500,
every status code, content type, header and body as documented, invalid input rejected with a 4xx, and
requests without the token refused. The app runs in-process (WSGI) on the test database, with a seeded
token that has every scope. ``MAATWERK_CONTRACT_VOORBEELDEN`` (default 25) sets the examples per mode and
operation; the whole test takes about a minute.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .conftest import ALLE_SCOPES, maak_bericht, maak_token, maak_zaak

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=int(os.environ.get("MAATWERK_CONTRACT_VOORBEELDEN", "25")),
)


@pytest.fixture(autouse=True)
def _verbinding_blijft_open():
    """Django closes the database connection after each request (request_finished); inside a test that
    is the test's transaction. Django's own test client switches this off; the WSGI calls do the same."""
    for signaal in (request_started, request_finished):
        signaal.disconnect(close_old_connections)
    yield
    for signaal in (request_started, request_finished):
        signaal.connect(close_old_connections)


@pytest.fixture
def contract_token(consulent, aanbieders) -> str:
    # something to list (the full keten's PDF would cost seconds per operation)
    zaak = maak_zaak(consulent, aanbieders[0])
    bericht = maak_bericht(aanbieders[0], "WMO305", "C1", retourcodes=[{"code": "0001", "regel": "TR001"}])
    bericht.zaken.add(zaak)
    return maak_token("contract", ALLE_SCOPES)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case, contract_token) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {contract_token}"},
        # Rules JSON Schema cannot state (the BSN's 11-proef, a melddatum not after today, a geboortedatum
        # before the peildatum) refuse some schema-valid requests with a 400; each has its own test.
        excluded_checks=[positive_data_acceptance],
    )


def test_api_modules_are_in_the_architecture_check() -> None:
    """The endpoints and the API's request handling only parse and present (tests/test_architectuur.py)."""
    from tests.test_architectuur import WORTEL, _bestanden

    namen = {
        p.relative_to(WORTEL / "maatwerk/apps/api").as_posix()
        for p in _bestanden()
        if "apps/api" in p.as_posix()
    }
    views = {"views/meldingen.py", "views/zaken.py", "views/indicaties.py", "views/berichten.py"}
    assert views | {"api.py", "auth.py"} <= namen, namen
