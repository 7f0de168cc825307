"""Issue 10.13: the functioneel beheerder manages the gemeente's contact details and product codes in the
admin. Each change is a dated version, checked like the rules YAML, audited; letters and toewijzingen use
the version valid on their date (before the first version: the YAML)."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten import services as besluiten
from maatwerk.apps.besluiten.brief import afzender
from maatwerk.apps.gemeente import selectors, services
from maatwerk.apps.gemeente.models import Contactgegevens, Productcode
from maatwerk.iwmo.codes import product_voor
from tests.besluiten.conftest import gebruiker
from tests.besluiten.test_concept import besluit

pytestmark = pytest.mark.django_db

VANDAAG = dt.date.today()
MORGEN = VANDAAG + dt.timedelta(days=1)


def _gegevens(**anders: str) -> dict[str, str]:
    return {
        "afdeling": "Team Wmo",
        "postadres": "Gemeente Voorbeeldstad\nPostbus 1234\n9999 ZZ Voorbeeldstad",
        "bezwaaradres": "Het college van Voorbeeldstad\nPostbus 1234\n9999 ZZ Voorbeeldstad",
        "bezwaar_digitaal": "www.voorbeeldstad.example/bezwaar",
        "telefoon": "14 0999 (nieuw)",
        "email": "zorg@voorbeeldstad.example",
        "website": "www.voorbeeldstad.example",
        "ondertekening": "het college van burgemeester en wethouders van Voorbeeldstad",
        **anders,
    }


@pytest.fixture
def beheerder():
    return gebruiker("beheer1", "functioneel_beheerder")


def test_contactgegevens_zoals_de_yaml_gevalideerd(beheerder) -> None:
    with pytest.raises(services.Geweigerd) as fout:
        services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(telefoon=" "), "x")
    assert fout.value.fouten == {"telefoon": "vul dit in"}
    with pytest.raises(services.Geweigerd, match="postadres"):
        services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(postadres=""), "x")
    with pytest.raises(services.Geweigerd, match="reden"):
        services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(), " ")
    assert not Contactgegevens.objects.exists() and not AuditRegel.objects.exists()


def test_nieuwe_versie_geldt_vanaf_haar_datum_en_staat_in_het_auditlog(beheerder) -> None:
    yaml = afzender("Voorbeeldstad")
    services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(), "Nieuw nummer")
    assert selectors.afzender_op("Voorbeeldstad", VANDAAG) == yaml  # before: the rules YAML
    nieuw = selectors.afzender_op("Voorbeeldstad", MORGEN)
    assert nieuw.telefoon == "14 0999 (nieuw)" and nieuw.postadres[1] == "Postbus 1234"
    assert nieuw.email == "zorg@voorbeeldstad.example"
    regel = AuditRegel.objects.get(wat__contains="contactgegevens Voorbeeldstad")
    assert regel.gebruiker_id == beheerder.pk and regel.client_id is None
    assert "Nieuw nummer" in regel.wat and regel.actie == "schrijven"
    with pytest.raises(services.Geweigerd, match="al een versie"):
        services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(), "Dubbel")


def test_brief_gebruikt_de_gegevens_van_haar_datum(beheerder, zaak, consulent) -> None:
    oud = besluiten.maak_concept(zaak, consulent, besluit(), briefdatum=VANDAAG).html
    services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(), "Nieuw nummer")
    assert besluiten.maak_concept(zaak, consulent, besluit(), briefdatum=VANDAAG).html == oud
    nieuw = besluiten.maak_concept(zaak, consulent, besluit(), briefdatum=MORGEN).html
    assert "14 0999 (nieuw)" in nieuw and "Postbus 1234" in nieuw and "14 0999 (nieuw)" not in oud
    assert besluiten.contactgegevens(MORGEN).telefoon == "14 0999 (nieuw)"


def test_productcode_gevalideerd_en_gedateerd(beheerder) -> None:
    yaml = product_voor("Voorbeeldstad", VANDAAG)
    with pytest.raises(services.Geweigerd, match="1 tot en met 5 tekens"):
        services.leg_productcode_vast(beheerder, "Voorbeeldstad", yaml.id, MORGEN, "ABCDEF", "te lang")
    with pytest.raises(services.Geweigerd, match="onbekend product"):
        services.leg_productcode_vast(beheerder, "Voorbeeldstad", "bestaat_niet", MORGEN, "01A02", "x")
    assert not Productcode.objects.exists()
    services.leg_productcode_vast(beheerder, "Voorbeeldstad", yaml.id, MORGEN, "01A02", "Nieuwe code")
    assert selectors.product_op("Voorbeeldstad", VANDAAG, yaml).code == yaml.code
    assert selectors.product_op("Voorbeeldstad", MORGEN, yaml).code == "01A02"
    assert AuditRegel.objects.filter(wat__contains="productcode Voorbeeldstad hbh_minuten = 01A02").exists()


def test_toewijzing_gebruikt_de_code_van_haar_ingangsdatum(beheerder, zaak, consulent) -> None:
    services.leg_productcode_vast(beheerder, "Voorbeeldstad", "hbh_minuten", VANDAAG, "01A02", "Nieuw")
    b = besluiten.geef_beschikking_af(zaak, consulent, besluit())
    assert b.zaak.toewijzingen.get().productcode == "01A02"


def test_beheerder_voegt_een_versie_toe_in_de_admin_en_wijzigt_geen_oude(client, beheerder) -> None:
    client.force_login(beheerder)
    index = client.get("/admin/").content.decode()
    assert "/admin/gemeente/contactgegevens/" in index and "/admin/gemeente/productcode/" in index
    formulier = client.get("/admin/gemeente/contactgegevens/add/").content.decode()
    assert "Uit de regels" in formulier and afzender("Voorbeeldstad").telefoon in formulier
    fout = client.post(
        "/admin/gemeente/contactgegevens/add/",
        {**_gegevens(telefoon=""), "geldig_vanaf": MORGEN.isoformat(), "reden": "Nieuw nummer"},
    )
    assert fout.status_code == 200 and not Contactgegevens.objects.exists()
    r = client.post(
        "/admin/gemeente/contactgegevens/add/",
        {**_gegevens(), "geldig_vanaf": MORGEN.isoformat(), "reden": "Nieuw nummer"},
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    versie = Contactgegevens.objects.get()
    assert versie.vastgelegd_door == beheerder and versie.telefoon == "14 0999 (nieuw)"
    assert AuditRegel.objects.filter(wat__contains="contactgegevens Voorbeeldstad").count() == 1
    # An existing version is read-only and cannot be deleted: a correction is a new version.
    wijzig = client.post(
        f"/admin/gemeente/contactgegevens/{versie.pk}/change/", {**_gegevens(telefoon="1"), "reden": "x"}
    )
    assert wijzig.status_code == 403 or Contactgegevens.objects.get().telefoon == "14 0999 (nieuw)"
    assert client.post(f"/admin/gemeente/contactgegevens/{versie.pk}/delete/").status_code == 403

    r = client.post(
        "/admin/gemeente/productcode/add/",
        {"product": "hbh_minuten", "geldig_vanaf": MORGEN.isoformat(), "code": "01A0XX", "reden": "x"},
    )
    assert r.status_code == 200 and not Productcode.objects.exists()
    r = client.post(
        "/admin/gemeente/productcode/add/",
        {"product": "hbh_minuten", "geldig_vanaf": MORGEN.isoformat(), "code": "01A02", "reden": "Nieuw"},
    )
    assert r.status_code == 302 and Productcode.objects.get().code == "01A02"


def test_herindicatiebrief_gebruikt_de_gegevens_van_haar_datum(beheerder) -> None:
    from maatwerk.apps.herindicatie.brieven import afzender_van

    services.leg_contactgegevens_vast(beheerder, "Voorbeeldstad", MORGEN, _gegevens(), "Nieuw nummer")
    assert afzender_van("De gemeente", VANDAAG).telefoon == afzender("Voorbeeldstad").telefoon
    assert afzender_van("Gemeente Voorbeeldstad", MORGEN).telefoon == "14 0999 (nieuw)"
