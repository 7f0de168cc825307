"""Issue 9's "done when": a gemeente with its own kader outside the package issues a beschikking after
one MAATWERK_REGELS=... and ``maatwerk regels controleer``."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from django.test import override_settings

from maatwerk.cli import cli
from maatwerk.regels.zoekpad import PAKKET

from .conftest import TESTDORP_MET_BELEID, kader_testdorp
from .test_cli import SITUATIE

pytestmark = pytest.mark.django_db

AFZENDER = (
    (PAKKET.parent / "apps" / "besluiten" / "afzenders" / "voorbeeldstad.yaml")
    .read_text("utf-8")
    .replace("Voorbeeldstad", "Testdorp")
    .replace("voorbeeldstad", "testdorp")
)

IWMO = (
    (PAKKET / "iwmo" / "gemeenten" / "voorbeeldstad" / "2017-10-01.yaml")
    .read_text("utf-8")
    .replace("gemeente: Voorbeeldstad", "gemeente: Testdorp")
    .replace('waarde: "9999"', 'waarde: "9998"')
)


@override_settings(MAATWERK_GEMEENTE="Testdorp")
def test_testdorp_issues_a_beschikking(regelmap, activeer, tmp_path):
    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.besluiten import services
    from maatwerk.apps.besluiten.models import Beschikking
    from maatwerk.apps.cases.models import Kanaal, Status, Zaak
    from maatwerk.apps.cases.status import start_zaak, zet_status
    from maatwerk.apps.clients.bsn import maak_bsn
    from maatwerk.apps.clients.models import Client
    from maatwerk.apps.levering import services as levering
    from maatwerk.apps.onderzoek.models import Onderzoek
    from tests.besluiten.conftest import gebruiker

    map_ = regelmap(
        {
            "gemeenten/testdorp.yaml": TESTDORP_MET_BELEID + "iwmo: testdorp\n",
            "iwmo/gemeenten/testdorp/2017-10-01.yaml": IWMO,
            "normenkaders/testdorp/2024-01-01.yaml": kader_testdorp(),
            "afzenders/testdorp.yaml": AFZENDER,
        }
    )
    uit = CliRunner().invoke(cli, ["regels", "controleer", str(map_), "--json"])
    assert uit.exit_code == 0, uit.output
    assert {i["soort"] for i in json.loads(uit.output)["inhoud"]} == {
        "gemeenten",
        "normenkaders",
        "afzenders",
        "iwmo/gemeenten",
    }
    activeer(map_)
    situatie = tmp_path / "testdorp.yaml"
    situatie.write_text(SITUATIE.replace("2026-03-01", dt.date.today().isoformat()), "utf-8")
    uit = CliRunner().invoke(cli, ["indiceer", str(situatie), "--json"])
    assert uit.exit_code == 0, uit.output
    ind = json.loads(uit.output)
    assert ind["kader"] == "testdorp"

    consulent = gebruiker("consulent-testdorp", "consulent")
    aanbieder = Aanbieder.objects.create(naam="Thuishulp Testdorp", agb_code="75750009")
    client = Client.objects.create(
        bsn=maak_bsn(30_000_011),
        voornamen="Toos",
        achternaam="Testdorp",
        geboortedatum=dt.date(1941, 5, 12),
        straat="Dorpsstraat",
        huisnummer="1",
        postcode="9999 AA",
        woonplaats="Testdorp",
    )
    zaak = Zaak(
        client=client,
        consulent=consulent,
        kanaal=Kanaal.TELEFOON,
        vraag="Hulp bij het schoonmaken.",
        aanbieder=aanbieder,
    )
    start_zaak(zaak, consulent)
    zet_status(zaak, Status.IN_ONDERZOEK, consulent)
    from maatwerk.apps.indicaties.services import leg_vast
    from maatwerk.engine import indiceer, laad_situatie

    vastgelegd = leg_vast(zaak, consulent, {}, indiceer(laad_situatie(situatie)))
    assert vastgelegd.kader == "testdorp"
    Onderzoek.objects.create(zaak=zaak, indicatie=vastgelegd)
    zet_status(zaak, Status.AANVRAAG, consulent)
    ingang = dt.date.today() + dt.timedelta(days=7)
    besluit = services.Besluitgegevens(
        besluit="toegekend",
        ingangsdatum=ingang,
        einddatum=ingang + dt.timedelta(days=364),
        leveringsvorm="ZIN",
        gevraagd="Hulp bij het schoonmaken van mijn huis.",
        reden_geen_zorgplan="Spoed: hulp start direct.",
    )
    b = services.geef_beschikking_af(Zaak.objects.get(pk=zaak.pk), consulent, besluit)
    assert Beschikking.objects.filter(pk=b.pk).exists()
    assert b.pdf
    toewijzing = b.toewijzingen.get()
    assert toewijzing.aanbieder == aanbieder
    assert b"<wmo301:Afzender>9998<" in levering.wmo301(toewijzing)  # gemeentecode from the directory
