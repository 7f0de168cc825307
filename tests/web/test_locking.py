"""Optimistic locking on the onderzoek: the second saver gets a conflict, nothing is overwritten."""

from __future__ import annotations

import pytest

from maatwerk.apps.cases.locking import Versieconflict
from maatwerk.apps.onderzoek.models import Onderzoek


def formulier(versie: int, verslag: str, licht: str = "niet", **extra) -> dict:
    data = {
        "versie": versie,
        "gespreksdatum": "",
        "locatie": "thuis",
        "verslag": verslag,
        "s-woning_type": "appartement",
        "s-kamers_in_gebruik": "3",
        "s-kamers_niet_in_gebruik": "0",
        "s-beperking_licht_huishoudelijk_werk": licht,
        "s-beperking_zwaar_huishoudelijk_werk": "niet",
        "s-beperking_wasverzorging": "zelf",
        "s-beperking_boodschappen": "zelf",
        "s-beperking_maaltijden": "zelf",
        "s-beperking_regie_huishouden": "zelf",
        "s-beperking_verzorging_kinderen": "zelf",
        "opslaan": "1",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_mixin_conditionele_update(zaak, consulent):
    ond = Onderzoek.objects.create(zaak=zaak, verslag="eerste")
    a = Onderzoek.objects.get(pk=ond.pk)
    b = Onderzoek.objects.get(pk=ond.pk)
    a.verslag = "van A"
    a.opslaan_met_versie(1)
    b.verslag = "van B"
    with pytest.raises(Versieconflict) as info:
        b.opslaan_met_versie(1)
    assert "intussen gewijzigd" in str(info.value)
    assert ("verslag", "van A", "van B") in info.value.verschillen
    ond.refresh_from_db()
    assert ond.verslag == "van A" and ond.versie == 2


@pytest.mark.django_db
def test_tweede_opslaan_krijgt_conflict_met_beide_versies(client, zaak, consulent, consulent2):
    client.force_login(consulent)
    response = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "Eerste verslag"))
    assert response.status_code == 302, response.content.decode()[:3000]
    ond = Onderzoek.objects.get(zaak=zaak)
    assert ond.versie == 1 and ond.indicatie["uren_per_week"] > 0 and ond.kader

    # Two consulenten open version 1; A saves first, B second.
    client.force_login(consulent)
    assert client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "Verslag van A")).status_code == 302
    client.force_login(consulent2)
    response = client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "Verslag van B", licht="deels"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "niet opgeslagen" in html and "Verslag van A" in html and "Verslag van B" in html
    ond.refresh_from_db()
    assert ond.verslag == "Verslag van A" and ond.versie == 2 and ond.gewijzigd_door == consulent


@pytest.mark.django_db
def test_twee_keer_starten_overschrijft_niet(client, zaak, consulent, consulent2):
    """Both opened the case before any onderzoek existed (versie 0): the second start is a conflict."""
    client.force_login(consulent)
    assert client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "A begon")).status_code == 302
    client.force_login(consulent2)
    response = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "B begon"))
    assert response.status_code == 409
    assert Onderzoek.objects.get(zaak=zaak).verslag == "A begon"


@pytest.mark.django_db
def test_reactie_conflict(client, zaak, consulent, consulent2):
    ond = Onderzoek.objects.create(zaak=zaak, verslag="verslag")
    client.force_login(consulent)
    assert (
        client.post(f"/onderzoek/{zaak.pk}/reactie/", {"versie": 1, "client_reactie": "Klopt"}).status_code
        == 302
    )
    client.force_login(consulent2)
    response = client.post(f"/onderzoek/{zaak.pk}/reactie/", {"versie": 1, "client_reactie": "Klopt niet"})
    assert response.status_code == 409
    ond.refresh_from_db()
    assert ond.client_reactie == "Klopt" and ond.client_reactie_op is not None
