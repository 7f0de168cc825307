"""The finance page: council sees every provider and the budget; a provider only its own figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.herindicatie.models import CaseloadClient, Simulatie, SimulatieUitkomst

WEST, OOST = "Thuiszorg West", "Zorg Oost"


def _gebruiker(naam: str, rol: str, aanbieder: Aanbieder | None = None) -> User:
    user = User.objects.create_user(naam, password="geheim-wachtwoord")
    user.groups.add(Group.objects.get(name=rol))
    if aanbieder is not None:
        Profiel.objects.create(user=user, aanbieder=aanbieder)
    return user


@pytest.fixture
def simulatie(db):
    """Four ZIN clients on the Voorbeeldstad matrix (kpmg-hbel), one with Den Haag's plus transition."""
    west, oost = Aanbieder.objects.create(naam=WEST), Aanbieder.objects.create(naam=OOST)
    sim = Simulatie.objects.create(kader="kpmg-hbel", beleid="denhaag-2017", peildatum=dt.date(2024, 1, 1))
    rijen = [
        (west, "3.0", "85", "Trede 5", "", ""),
        (west, "2.0", "88", "Trede 5", "", ""),
        (west, "4.0", "140", "Trede 4", "plus", "2025-01-01"),
        (oost, "1.5", "10", "Trede 5", "", ""),
    ]
    for i, (aanbieder, oud, minuten, trede, overgang, tot) in enumerate(rijen):
        client = CaseloadClient.objects.create(
            bsn=maak_bsn(200_000 + 7 * i),
            geboortedatum=dt.date(1940, 1, 1),
            uren_per_week_oud=Decimal(oud),
            klasse_oud="hh2" if Decimal(oud) > 3 else "hh1",
            leveringsvorm="zin",
            aanbieder_naam=aanbieder.naam,
            aanbieder=aanbieder,
            ingangsdatum_oud=dt.date(2020, 1, 1),
        )
        SimulatieUitkomst.objects.create(
            simulatie=sim,
            caseload=client,
            oude_uren_per_week=Decimal(oud),
            nieuwe_minuten_per_week=Decimal(minuten),
            nieuwe_uren_per_week=Decimal(minuten) / 60,
            trede_hbh=trede,
            overgang_intensiteit=overgang or trede,
            overgang_tot=tot,
        )
    return west, oost


def test_council_sees_all_providers_budget_and_plot(client, simulatie):
    client.force_login(_gebruiker("beleid", "beleidsmedewerker"))
    pagina = client.get("/financien/?van=2024-01-01")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert WEST in html and OOST in html
    assert "Begroting" in html and "bovenkant band" in html  # West: (85 + 88)/2 of 0-90 -> 0,96
    assert AuditRegel.objects.filter(actie="lezen").exists()
    assert 'src="data:image/svg+xml;base64,' in html
    plot = client.get("/financien/begroting.svg?van=2024-01-01")
    assert plot.status_code == 200 and plot["Content-Type"] == "image/svg+xml"
    assert b"<svg" in plot.content


def test_provider_sees_only_its_own_figures(client, simulatie):
    west, _ = simulatie
    client.force_login(_gebruiker("west", "aanbieder", west))
    html = client.get("/financien/").content.decode()
    assert WEST in html and OOST not in html
    assert "Begroting" not in html
    assert client.get("/financien/begroting.svg").status_code == 403


def test_other_roles_and_anonymous_are_refused(client, simulatie):
    assert client.get("/financien/").status_code == 302
    client.force_login(_gebruiker("cons", "consulent"))
    assert client.get("/financien/").status_code == 403
    client.force_login(_gebruiker("los", "aanbieder"))  # aanbieder without a linked provider
    assert client.get("/financien/").status_code == 403


@pytest.mark.django_db
def test_without_simulation_a_dutch_hint(client):
    client.force_login(_gebruiker("beleid", "beleidsmedewerker"))
    html = client.get("/financien/").content.decode()
    assert "nog geen simulatie" in html


def test_two_tariff_sets_page_and_cli_refuse_alike(client, simulatie, monkeypatch):
    """One service decides the tariff set: with two sets and no choice the page and the CLI both refuse."""
    from click.testing import CliRunner

    from maatwerk.apps.finance import services
    from maatwerk.cli import cli

    monkeypatch.setattr(services, "regelsets", lambda soort: ["voorbeeldstad", "westland"])
    client.force_login(_gebruiker("beleid", "beleidsmedewerker"))
    html = client.get("/financien/?van=2024-01-01").content.decode()
    assert "kies er één (beschikbaar: voorbeeldstad, westland)" in html
    assert "Begroting" not in html  # no figures priced with an arbitrary first set
    uit = CliRunner().invoke(cli, ["financien", "aanbieders", "--van", "2024-01-01", "--tot", "2024-03-31"])
    assert uit.exit_code == 2
    assert "kies met --pxq (beschikbaar: voorbeeldstad, westland)" in uit.output
