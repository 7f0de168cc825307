"""The demo hooks load schouwen and informal resolutions on the synthetic municipality (idempotent)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from maatwerk.apps.accounts.rollen import Rol
from maatwerk.apps.bemiddeling.models import Bemiddeling
from maatwerk.apps.schouw.models import Calamiteit, Schouw, Stand

pytestmark = pytest.mark.django_db


def test_demo_hooks(settings):
    from maatwerk.apps.bemiddeling.webdemo import laad_demo as bemiddeling_demo
    from maatwerk.apps.besluiten.webdemo import laad_demo as beschikkingen_demo
    from maatwerk.apps.cases.demo import laad_demo
    from maatwerk.apps.schouw.webdemo import laad_demo as schouw_demo

    for rol in Rol.values:
        Group.objects.get_or_create(name=rol)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    laad_demo(60)
    beschikkingen_demo()
    assert "afgerond" in schouw_demo()
    assert Schouw.objects.filter(stand=Stand.AFGEROND).exists()
    assert Schouw.objects.filter(stand=Stand.GEPLAND).exists()
    assert Calamiteit.objects.count() <= 1
    assert "geladen" in bemiddeling_demo()
    aantal = Schouw.objects.count(), Bemiddeling.objects.count()
    assert "al geladen" in schouw_demo() and "al geladen" in bemiddeling_demo()
    assert (Schouw.objects.count(), Bemiddeling.objects.count()) == aantal
