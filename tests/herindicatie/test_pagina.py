"""Campaign overview page: roles, aggregated figures, recording progress with audit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.herindicatie.invoer import CaseloadRij
from maatwerk.apps.herindicatie.services import importeer_caseload as importeer

BSN = maak_bsn(44556677)
pytestmark = pytest.mark.django_db


def _gebruiker(naam: str, rol: str) -> User:
    user = User.objects.create_user(naam, password="geheim-wachtwoord")
    user.groups.add(Group.objects.get(name=rol))
    return user


@pytest.fixture
def caseload(db):
    import datetime as dt
    from decimal import Decimal

    importeer(
        [
            CaseloadRij(
                2,
                BSN,
                dt.date(1940, 1, 1),
                Decimal("3.5"),
                "hh2",
                "zin",
                "Thuiszorg A",
                dt.date(2015, 1, 1),
                None,
            )
        ],
        "test.csv",
        maak_aanbieders=True,
    )


def test_roles(client, caseload):
    assert client.get("/herindicatie/").status_code == 302  # login
    client.force_login(_gebruiker("aanbieder1", "aanbieder"))
    assert client.get("/herindicatie/").status_code == 403
    assert client.get("/herindicatie/nulmeting.csv").status_code == 403
    client.force_login(_gebruiker("beleid", "beleidsmedewerker"))
    pagina = client.get("/herindicatie/?peildatum=2019-01-01")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Nulmeting" in html and "1 cliënten met een geldige oude indicatie" in html
    assert BSN not in html and "Vastleggen" not in html  # no personal data; beleid does not record
    assert client.post("/herindicatie/registreer/", {}).status_code == 403
    csv = client.get("/herindicatie/nulmeting.csv?peildatum=2019-01-01")
    regels = csv.content.decode().splitlines()
    assert regels[0] == "uren,<30,30-45,46-55,56-65,66-75,76-85,86+,PGB,totaal"
    assert regels[4] == '"3,1-4",0,0,0,0,0,1,0,0,1'  # 3,5 h, 78 years
    svg = client.get("/herindicatie/nulmeting.svg?peildatum=2019-01-01")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_consulent_records_a_driegesprek(client, caseload):
    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.herindicatie.models import Registratie

    client.force_login(_gebruiker("cons", "consulent"))
    fout = client.post(
        "/herindicatie/registreer/",
        {"bsn": BSN, "soort": "driegesprek", "datum": "2019-09-10", "uitkomst": "tijdelijk_terug"},
    )
    assert fout.status_code == 200 and "verplicht bij tijdelijk terug" in fout.content.decode()
    assert not Registratie.objects.exists()
    goed = client.post(
        "/herindicatie/registreer/",
        {
            "bsn": BSN,
            "soort": "driegesprek",
            "datum": "2019-09-10",
            "uitkomst": "tijdelijk_terug",
            "tot": "2019-11-01",
        },
    )
    assert goed.status_code == 302
    r = Registratie.objects.get()
    assert (r.uitkomst, str(r.tot), r.geregistreerd_door.username) == (
        "tijdelijk_terug",
        "2019-11-01",
        "cons",
    )
    assert AuditRegel.objects.filter(gebruikersnaam="cons", actie="schrijven").exists()
    pagina = client.get("/herindicatie/").content.decode()
    assert "— tijdelijk terug" in pagina
