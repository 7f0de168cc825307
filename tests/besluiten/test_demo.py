"""The demo hook fills zaken in later statuses with plans, a beschikking and a toewijzing (idempotent)."""

from __future__ import annotations

import pytest

from maatwerk.apps.besluiten.demo import vul_demo
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.cases.status import zet_status
from maatwerk.apps.levering.models import Toewijzing, Zorgplan
from tests.besluiten.conftest import maak_zaak

pytestmark = pytest.mark.django_db


def test_vul_demo_maakt_wat_de_status_inhoudt(consulent, aanbieders, noord) -> None:
    besluit = maak_zaak(consulent, aanbieders[0], 1)
    zet_status(besluit, Status.BESLUIT, consulent)
    levering = maak_zaak(consulent, aanbieders[0], 2)
    for s in (Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART):
        zet_status(levering, s, consulent)
    open_ = maak_zaak(consulent, aanbieders[0], 3)  # still 'aanvraag': untouched

    zaken = Zaak.objects.filter(pk__in=[besluit.pk, levering.pk, open_.pk]).order_by("pk")
    assert vul_demo(zaken) == 2
    assert vul_demo(zaken) == 0  # idempotent
    assert not Beschikking.objects.filter(zaak=open_).exists()
    b = Beschikking.objects.get(zaak=levering)
    assert b.hash_klopt() and Zorgplan.objects.get(zaak=levering).is_getekend
    t = Toewijzing.objects.get(zaak=levering)
    assert t.levering_gestart_op == b.ingangsdatum
    assert not Toewijzing.objects.filter(zaak=besluit).exists()
