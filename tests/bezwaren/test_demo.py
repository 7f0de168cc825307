"""The demo hooks load a jurist, bezwaren in every stage and klachten (idempotent)."""

from __future__ import annotations

import pytest

from maatwerk.apps.besluiten import webdemo as beschikkingen_demo
from maatwerk.apps.bezwaren import webdemo
from maatwerk.apps.bezwaren.models import Bezwaar
from maatwerk.apps.cases.demo import laad_demo
from maatwerk.apps.klachten import webdemo as klachten_demo
from maatwerk.apps.klachten.models import Klacht

pytestmark = pytest.mark.django_db


def test_demo_bezwaren_en_klachten(rollen, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    laad_demo(40)
    beschikkingen_demo.laad_demo()
    assert "bezwaren geladen" in webdemo.laad_demo()
    assert "klachten geladen" in klachten_demo.laad_demo()
    assert Bezwaar.objects.count() >= 3 and Klacht.objects.count() >= 2
    assert Bezwaar.objects.filter(premature=True).exists()
    gegrond = Bezwaar.objects.filter(uitkomst="gegrond").first()
    assert gegrond is not None and gegrond.nieuwe_beschikking.versie == 2
    assert Klacht.objects.filter(aanbieder__naam="Thuiszorg Voorbeeldstad").exists()
    aantal = Bezwaar.objects.count(), Klacht.objects.count()
    assert "al geladen" in webdemo.laad_demo() and "al geladen" in klachten_demo.laad_demo()
    assert (Bezwaar.objects.count(), Klacht.objects.count()) == aantal
