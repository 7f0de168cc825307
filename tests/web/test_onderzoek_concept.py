"""Issue 10.7: the onderzoek keeps a server-side draft while typing, separate from the saved version.

The draft never changes the saved onderzoek; it remembers the version the consulent started from, so the
optimistic lock still refuses a save over someone else's newer version (and the draft is kept then).
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.onderzoek import services
from maatwerk.apps.onderzoek.models import Concept, Onderzoek

from .test_locking import formulier

pytestmark = pytest.mark.django_db


def _concept(client, zaak, versie: int, **velden):
    return client.post(f"/onderzoek/{zaak.pk}/concept/", formulier(versie, "half verslag", **velden))


def test_concept_los_van_opgeslagen_versie_en_weg_na_opslaan(client, zaak, consulent) -> None:
    client.force_login(consulent)
    antwoord = _concept(client, zaak, 0, locatie="in de keuken", afw_min_schoon_huis="24")
    assert antwoord.status_code == 200 and "bewaard_om" in antwoord.json()
    assert not Onderzoek.objects.exists()  # a draft is not the saved version
    concept = Concept.objects.get(zaak=zaak, door=consulent)
    assert concept.basisversie == 0
    assert concept.gegevens["locatie"] == ["in de keuken"] and "csrfmiddlewaretoken" not in concept.gegevens
    assert "opslaan" not in concept.gegevens and "versie" not in concept.gegevens
    assert AuditRegel.objects.filter(wat=f"concept onderzoek zaak {zaak.pk}", actie="schrijven").exists()

    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "U ziet uw concept" in html and 'value="in de keuken"' in html and 'value="24"' in html
    assert AuditRegel.objects.filter(wat=f"concept onderzoek zaak {zaak.pk}", actie="lezen").exists()

    assert client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "verslag")).status_code == 302
    assert not Concept.objects.exists()
    assert "U ziet uw concept" not in client.get(f"/onderzoek/{zaak.pk}/").content.decode()


def test_concept_is_persoonlijk(client, zaak, consulent, consulent2) -> None:
    client.force_login(consulent)
    _concept(client, zaak, 0, locatie="alleen van consulent 1")
    client.force_login(consulent2)
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "alleen van consulent 1" not in html and "U ziet uw concept" not in html


def test_vergrendeling_blijft_bij_een_concept(client, zaak, consulent, consulent2) -> None:
    client.force_login(consulent)
    assert client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "eerste")).status_code == 302
    _concept(client, zaak, 1, locatie="mijn concept")
    client.force_login(consulent2)
    assert client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "van de ander")).status_code == 302
    client.force_login(consulent)
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "Als u opslaat, ziet u beide versies naast elkaar" in html
    assert 'name="versie" value="1"' in html  # the draft carries the version it started from
    antwoord = client.post(f"/onderzoek/{zaak.pk}/", formulier(1, "mijn concept"))
    assert antwoord.status_code == 409
    assert Onderzoek.objects.get(zaak=zaak).verslag == "van de ander"
    assert Concept.objects.filter(zaak=zaak, door=consulent).exists()  # nothing of the draft is lost


def test_concept_weggooien_en_weigeringen(client, zaak, consulent) -> None:
    client.force_login(consulent)
    _concept(client, zaak, 0)
    antwoord = client.post(f"/onderzoek/{zaak.pk}/concept/weggooien/", follow=True)
    assert "Uw concept is weggegooid" in antwoord.content.decode() and not Concept.objects.exists()
    assert client.post(f"/onderzoek/{zaak.pk}/concept/", {"locatie": "x"}).status_code == 400  # no versie
    te_groot = client.post(f"/onderzoek/{zaak.pk}/concept/", formulier(0, "x" * 250_000))
    assert te_groot.status_code == 409 and "te veel tekst" in te_groot.json()["fout"]
    assert not Concept.objects.exists()
    ond = Onderzoek.objects.create(zaak=zaak, verslag="klaar", afgerond_op=timezone.now())
    assert _concept(client, zaak, ond.versie).status_code == 409 and not Concept.objects.exists()


def test_service_weigert_onzin(zaak, consulent) -> None:
    with pytest.raises(services.Geweigerd):
        services.bewaar_concept(zaak, consulent, -1, {})
    with pytest.raises(services.Geweigerd):
        services.bewaar_concept(zaak, consulent, 0, {f"s-veld{i}": ["1"] for i in range(400)})
    assert not Concept.objects.exists()
