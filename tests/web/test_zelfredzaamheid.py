"""Zelfredzaamheid scores per resultaatgebied (matrices with treden by score), only with a motivation."""

from __future__ import annotations

import pytest
from django.test import override_settings

from maatwerk.apps.onderzoek.models import Onderzoek

from .test_locking import formulier

GEBIED = "sociaal_persoonlijk_functioneren"  # H4 matrix (Rijswijk): trede from the zelfredzaamheid score


@pytest.mark.django_db
@override_settings(MAATWERK_GEMEENTE="Rijswijk")
def test_score_zonder_motivatie_geweigerd_met_motivatie_opgeslagen(client, consulent, zaak):
    client.force_login(consulent)
    # The score field is on the form, outside the live result panel (a refresh never replaces it).
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert f'name="zr_score_{GEBIED}"' in html
    paneel = client.post(f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "")).content.decode()
    assert "zr_score_" not in paneel and "<input" not in paneel and "<textarea" not in paneel
    response = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "v", **{f"zr_score_{GEBIED}": "2"}))
    assert response.status_code == 400
    assert "Een score mag alleen met een motivatie" in response.content.decode()
    assert not Onderzoek.objects.exists()
    data = formulier(
        0, "v", **{f"zr_score_{GEBIED}": "2", f"zr_mot_{GEBIED}": "Weinig sociaal netwerk, vereenzaamd."}
    )
    assert client.post(f"/onderzoek/{zaak.pk}/", data).status_code == 302
    ond = Onderzoek.objects.get()
    assert ond.situatie["zelfredzaamheid"][GEBIED]["score"] == 2
    assert GEBIED in ond.indicatie["treden"]
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "Weinig sociaal netwerk" in html
