"""The onderzoek stores one immutable Indicatie per changed save; viewing the page never recomputes it."""

from __future__ import annotations

import pytest

import maatwerk.engine
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.indicaties.models import Indicatie, IndicatieOnveranderlijk
from maatwerk.apps.onderzoek import services
from maatwerk.apps.onderzoek.models import Onderzoek

from .test_locking import formulier

pytestmark = pytest.mark.django_db


@pytest.fixture
def tel_berekeningen(monkeypatch) -> list[object]:
    """Every engine indication computed while the test runs."""
    aanroepen: list[object] = []
    echte = maatwerk.engine.indiceer

    def tellend(*args, **kwargs):
        aanroepen.append(args)
        return echte(*args, **kwargs)

    monkeypatch.setattr(maatwerk.engine, "indiceer", tellend)
    return aanroepen


def test_bekijken_rekent_niet_opnieuw(client, zaak, consulent, tel_berekeningen) -> None:
    client.force_login(consulent)
    assert client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "Verslag")).status_code == 302
    assert len(tel_berekeningen) == 1  # saving computes once
    tel_berekeningen.clear()
    ond = Onderzoek.objects.get(zaak=zaak)
    for _ in range(3):
        html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
        assert f"{ond.indicatie['uren_per_week']:.2f}".replace(".", ",") in html
    html = client.get(f"/onderzoek/{zaak.pk}/verslag/").content.decode()
    assert ond.indicatie.engine.activiteiten[0].taak in html
    assert tel_berekeningen == []
    # The live preview while typing may compute (it stores nothing).
    client.post(f"/onderzoek/{zaak.pk}/indicatie/", formulier(1, "", licht="deels"))
    assert len(tel_berekeningen) == 1 and Indicatie.objects.count() == 1


def test_nieuwe_opslag_maakt_nieuwe_indicatie(client, zaak, consulent) -> None:
    client.force_login(consulent)
    client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "Eerste"))
    eerste = Onderzoek.objects.get(zaak=zaak).indicatie
    client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "Alleen het verslag anders"))
    assert Onderzoek.objects.get(zaak=zaak).indicatie_id == eerste.pk  # unchanged indication: same row
    client.post(f"/onderzoek/{zaak.pk}/", formulier(2, "Andere situatie", licht="deels"))
    tweede = Onderzoek.objects.get(zaak=zaak).indicatie
    assert tweede.pk != eerste.pk and Indicatie.objects.count() == 2
    assert Indicatie.objects.get(pk=eerste.pk).resultaat == eerste.resultaat  # the old one is untouched
    assert tweede.situatie["beperkingen"]["licht_huishoudelijk_werk"] == "deels"
    assert tweede.kader_at_versie == f"{tweede.engine.kader}@{tweede.engine.kader_versie}"
    assert len(tweede.regelbestand_sha256) == 64
    assert tweede.aangemaakt_door == consulent
    assert AuditRegel.objects.filter(wat__startswith=f"indicatie {tweede.pk} vastgelegd").exists()


def test_vastgelegde_indicatie_is_onveranderlijk(client, zaak, consulent) -> None:
    client.force_login(consulent)
    client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "Eerste"))
    ind = Onderzoek.objects.get(zaak=zaak).indicatie
    ind.kader = "ander"
    with pytest.raises(IndicatieOnveranderlijk):
        ind.save()
    with pytest.raises(IndicatieOnveranderlijk):
        Indicatie.objects.filter(pk=ind.pk).update(kader="ander")
    assert Indicatie.objects.get(pk=ind.pk).kader != "ander"


def test_conflict_slaat_ook_geen_indicatie_op(client, zaak, consulent, consulent2) -> None:
    client.force_login(consulent)
    client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "A"))
    client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "A2"))
    client.force_login(consulent2)
    audit = AuditRegel.objects.count()
    antwoord = client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "B", licht="deels"))
    assert antwoord.status_code == 409
    assert Indicatie.objects.count() == 1 and AuditRegel.objects.count() == audit


def test_service_weigert_tweede_mening_op_eigen_werk(zaak, consulent) -> None:
    ond = Onderzoek.objects.create(zaak=zaak, verslag="v", gewijzigd_door=consulent)
    with pytest.raises(services.Geweigerd, match="zelf hebt opgesteld"):
        services.geef_tweede_mening(ond, consulent, "eens", "Prima onderbouwd.")
    assert not ond.tweede_meningen.exists()
