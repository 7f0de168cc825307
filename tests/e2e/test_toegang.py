"""Role isolation and Dutch form errors, seen in the browser."""

from __future__ import annotations

import pytest

from .conftest import inloggen

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_inloggen_met_fout_wachtwoord_geeft_nederlandse_melding(live_server, demo, page):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Gebruikersnaam").fill("consulent")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").inner_text().startswith("Deze combinatie van gebruikersnaam")
    inloggen(page, live_server.url, "consulent")
    assert page.url.endswith("/zaken/werklijst/")
