"""The menu shows each role the pages it may use, and no others."""

import pytest
from django.test import Client as Browser

from maatwerk.apps.accounts.rollen import Rol

from .conftest import maak_gebruiker


def _menu(user) -> str:
    browser = Browser()
    browser.force_login(user)
    return browser.get("/", follow=True).content.decode()


@pytest.mark.django_db
def test_beleidsmedewerker_ziet_herindicatie_financien_en_beleidstoets():
    html = _menu(maak_gebruiker("b", Rol.BELEIDSMEDEWERKER))
    for pad in ("/herindicatie/", "/financien/", "/beleid/"):
        assert f'href="{pad}"' in html


@pytest.mark.django_db
def test_consulent_ziet_geen_financien_of_beleidstoets():
    html = _menu(maak_gebruiker("c", Rol.CONSULENT))
    assert 'href="/herindicatie/"' in html
    assert 'href="/financien/"' not in html
    assert 'href="/beleid/"' not in html
