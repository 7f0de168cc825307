"""Second opinion: only a senior consulent, never on their own onderzoek, toelichting required."""

from __future__ import annotations

import pytest

from maatwerk.apps.onderzoek.models import Onderzoek, TweedeMening

from .conftest import maak_gebruiker


@pytest.mark.django_db
def test_tweede_mening(client, consulent, zaak):
    senior = maak_gebruiker("senior1", "senior_consulent")
    Onderzoek.objects.create(zaak=zaak, verslag="verslag", gewijzigd_door=consulent)
    url = f"/onderzoek/{zaak.pk}/tweede-mening/"
    client.force_login(consulent)
    assert client.post(url, {"oordeel": "eens", "toelichting": "Prima onderbouwd."}).status_code == 403
    client.force_login(senior)
    html = client.post(url, {"oordeel": "eens", "toelichting": "kort"}, follow=True).content.decode()
    assert "Toelichting: Schrijf minstens 10 tekens." in html
    assert TweedeMening.objects.count() == 0
    assert (
        client.post(url, {"oordeel": "niet_eens", "toelichting": "Trap niet meegewogen."}).status_code == 302
    )
    assert TweedeMening.objects.get().door == senior


@pytest.mark.django_db
def test_geen_tweede_mening_op_eigen_werk(client, zaak):
    senior = maak_gebruiker("senior1", "senior_consulent")
    Onderzoek.objects.create(zaak=zaak, verslag="verslag", gewijzigd_door=senior)
    client.force_login(senior)
    html = client.post(
        f"/onderzoek/{zaak.pk}/tweede-mening/",
        {"oordeel": "eens", "toelichting": "Helemaal goed zo."},
        follow=True,
    ).content.decode()
    assert "niet op een onderzoek dat u zelf hebt opgesteld" in html
    assert TweedeMening.objects.count() == 0
