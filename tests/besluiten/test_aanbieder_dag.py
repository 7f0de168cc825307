"""Issue 10.10, the aanbieder's day: to-do list, Dutch surname sorting, multi-line afspraak,
a version that counts saves, and an in-app notification to the consulent when a zorgplan is signed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as Browser
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.besluiten import services
from maatwerk.apps.clients.models import Client, sorteersleutel
from maatwerk.apps.levering import selectors
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Notificatie

from .conftest import maak_zaak
from .test_beschikking import besluit

pytestmark = pytest.mark.django_db


def test_nederlandse_sortering_negeert_voorvoegsels():
    namen = ["van der Berg", "Aalders", "de Vries", "Bakker", "'t Hart", "van Dijk", "Zwart", "de Boer"]
    assert sorted(namen, key=sorteersleutel) == [
        "Aalders",
        "Bakker",
        "van der Berg",
        "de Boer",
        "van Dijk",
        "'t Hart",
        "de Vries",
        "Zwart",
    ]
    assert sorteersleutel("Van") == ("van", "", "van")  # a surname that is only a prefix stays


@given(st.text(alphabet="abcdeVD' ", max_size=20))
def test_sorteersleutel_is_hoofdletterongevoelig(naam):
    assert sorteersleutel(naam.upper())[0] == sorteersleutel(naam.lower())[0]


def _plan(zaak, consulent):
    services.stel_ondersteuningsplan_op(zaak, consulent, {"schoon_huis": "Uw huis is schoon en leefbaar"})


def test_takenlijst_en_sortering(consulent, noord, aanbieders):
    a = maak_zaak(consulent, aanbieders[0], nummer=1)
    b = maak_zaak(consulent, aanbieders[0], nummer=2)
    Client.objects.filter(pk=a.client_id).update(achternaam="van der Zee", tussenvoegsel="")
    Client.objects.filter(pk=b.client_id).update(achternaam="de Bruin", tussenvoegsel="")
    _plan(a, consulent)
    _plan(b, consulent)
    levering.zorgplan_voor(b, noord)
    voorraad = selectors.werkvoorraad(noord, aanbieders[0], dt.date.today())
    assert [z.pk for z in voorraad.opstellen] == [a.pk] and [z.pk for z in voorraad.tekenen] == [b.pk]
    assert [z.client.achternaam for z, _, _ in voorraad.regels] == ["de Bruin", "van der Zee"]
    html = _als(noord).get("/beschikkingen/aanbieder/").content.decode()
    assert "Zorgplan opstellen (1)" in html and "Zorgplan laten ondertekenen (1)" in html
    alle = html.split("Alle cliënten", 1)[1]
    assert alle.index("de Bruin") < alle.index("van der Zee")


def _als(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


def test_versie_telt_opslaan_en_consulent_krijgt_bericht(zaak, consulent, noord):
    _plan(zaak, consulent)
    zorgplan = levering.zorgplan_voor(zaak, noord)
    assert zorgplan.opgeslagen == 1
    afspraken = {a["activiteit"]: "Dinsdag 9-11 uur\nvaste hulp: Sanne" for a in zorgplan.afspraken}
    levering.wijzig_zorgplan(zorgplan, noord, zorgplan.versie, afspraken, "")
    levering.wijzig_zorgplan(zorgplan, noord, zorgplan.versie, afspraken, "")  # no change: no new version
    assert (
        zorgplan.opgeslagen == 2
        and zorgplan.afspraken[0]["afspraak"] == "Dinsdag 9-11 uur\nvaste hulp: Sanne"
    )
    levering.teken_zorgplan(zorgplan, noord, zorgplan.versie, "Anna van der Berg1")
    zorgplan.refresh_from_db()
    assert zorgplan.opgeslagen == 2 and zorgplan.is_getekend  # signing is not a save
    bericht = Notificatie.objects.get(ontvanger=consulent)
    assert f"zaak {zaak.pk}" in bericht.tekst and bericht.gelezen_op is None
    html = _als(noord).get(f"/beschikkingen/aanbieder/zaak/{zaak.pk}/").content.decode()
    assert "Versie 2," in html
    browser = _als(consulent)
    html = browser.get("/zaken/werklijst/").content.decode()
    assert "Berichten (1)" in html and bericht.tekst in html
    assert browser.post(f"/beschikkingen/notificatie/{bericht.pk}/gelezen/").status_code == 302
    bericht.refresh_from_db()
    assert (
        bericht.gelezen_op is not None
        and "Berichten" not in browser.get("/zaken/werklijst/").content.decode()
    )


def test_afspraakveld_is_meerregelig(zaak, consulent, noord):
    _plan(zaak, consulent)
    levering.zorgplan_voor(zaak, noord)
    html = _als(noord).get(f"/beschikkingen/aanbieder/zaak/{zaak.pk}/").content.decode()
    assert '<textarea name="afspraak_' in html


def test_start_en_stop_op_de_takenlijst(zaak, consulent, noord, aanbieders):
    b = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    voorraad = selectors.werkvoorraad(noord, aanbieders[0], dt.date.today())
    assert [z.pk for z, _ in voorraad.starten] == [zaak.pk]
    toewijzing = b.toewijzingen.get()
    levering.start_levering(toewijzing, noord, toewijzing.ingangsdatum)
    later = toewijzing.einddatum + dt.timedelta(days=1)
    voorraad = selectors.werkvoorraad(noord, aanbieders[0], later)
    assert voorraad.starten == [] and [z.pk for z, _ in voorraad.stoppen] == [zaak.pk]
