"""Issue 10.3: no beschikking and no toewijzing without a valid BSN (11-proef) and a birth date."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maatwerk.apps.besluiten import services
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.clients.models import Client
from maatwerk.apps.clients.services import controleer_identiteit, identiteit_ontbreekt
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Toewijzing

from .test_beschikking import besluit

pytestmark = pytest.mark.django_db


def _zonder(zaak: Zaak, **velden: object) -> Zaak:
    Client.objects.filter(pk=zaak.client_id).update(**velden)
    return Zaak.objects.get(pk=zaak.pk)


@pytest.mark.parametrize(
    ("velden", "tekst"),
    [
        ({"bsn": None}, "BSN: nog niet bekend."),
        ({"bsn": "123456789"}, "BSN: voldoet niet aan de elfproef."),
        ({"geboortedatum": None}, "Geboortedatum: nog niet bekend."),
    ],
)
def test_beschikking_geweigerd_zonder_identiteit(zaak, consulent, velden, tekst) -> None:
    zaak = _zonder(zaak, **velden)
    assert identiteit_ontbreekt(zaak.client) == [tekst]
    with pytest.raises(services.Geweigerd, match=tekst):
        services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    zaak.refresh_from_db()
    assert zaak.status == Status.AANVRAAG and not Beschikking.objects.exists()


def test_toewijzing_geweigerd_zonder_identiteit(zaak, consulent) -> None:
    b = services.geef_beschikking_af(
        zaak, consulent, besluit(leveringsvorm="PGB", reden_geen_zorgplan="Spoed.")
    )
    zaak = _zonder(Zaak.objects.get(pk=zaak.pk), bsn=None, geboortedatum=None)
    with pytest.raises(levering.Geweigerd, match="BSN: nog niet bekend. Geboortedatum: nog niet bekend."):
        levering.wijs_toe(zaak, b, consulent)
    assert not Toewijzing.objects.exists()


def test_volledige_identiteit_laat_besluit_toe(zaak, consulent) -> None:
    assert identiteit_ontbreekt(zaak.client) == []
    controleer_identiteit(zaak.client, ValueError)  # no exception
    b = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    assert b.zaak.status == Status.TOEGEWEZEN


def test_besluitpagina_noemt_wat_ontbreekt(client, zaak, consulent) -> None:
    zaak = _zonder(zaak, bsn=None)
    client.force_login(consulent)
    html = client.get(reverse("beschikkingen:besluit", args=[zaak.pk])).content.decode()
    assert "Nog geen besluit of toewijzing mogelijk" in html and "BSN: nog niet bekend." in html
    assert "Geboortedatum" not in html.split("Nog geen besluit")[1].split("</div>")[0]
