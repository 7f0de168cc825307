"""examples/api/client.py against a live test server: melding, zaak, indication."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from maatwerk.apps.accounts.rollen import Rol
from maatwerk.apps.cases.models import Zaak

from .conftest import maak_token

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "api" / "client.py"


@pytest.fixture(autouse=True)
def _rollen(transactional_db) -> None:
    """Transactional tests empty every table afterwards, also the role groups the data migration made."""
    for rol in Rol.values:
        Group.objects.get_or_create(name=rol)


@pytest.mark.django_db(transaction=True)
def test_example_client_registers_follows_and_computes(live_server) -> None:
    token = maak_token("voorbeeld", ["meldingen:schrijven", "zaken:lezen", "indicaties:berekenen"])
    uit = subprocess.run(
        [sys.executable, str(VOORBEELD), "--basis", f"{live_server.url}/api/v1", "--token", token],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    laatste = json.loads(uit.stdout.strip().splitlines()[-1])
    zaak = Zaak.objects.get(uuid=laatste["zaak"])
    assert zaak.client.bsn == "999990019" and laatste["urenPerWeek"] > 0
    assert "Status: ontvangen" in uit.stdout and "termijn" in uit.stdout


@pytest.mark.django_db(transaction=True)
def test_example_client_shows_the_problem(live_server) -> None:
    token = maak_token("voorbeeld", ["meldingen:schrijven"])
    uit = subprocess.run(
        [
            sys.executable,
            str(VOORBEELD),
            "--basis",
            f"{live_server.url}/api/v1",
            "--token",
            token,
            "--bsn",
            "123456789",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 1 and "Fout 400" in uit.stdout and "- bsn:" in uit.stdout
    assert not Zaak.objects.exists()
