"""Beheer of machtigingen in the admin: recorded through the service (checked, audited), reads audited."""

from __future__ import annotations

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.portaal.models import Machtiging

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client, django_user_model):  # noqa: ANN001
    user = django_user_model.objects.create_superuser("beheerder-admin", password="x" * 20)
    client.force_login(user)
    return user


def _formulier(client_pk: int, bsn: str) -> dict:
    return {
        "client": client_pk,
        "gemachtigde_bsn": bsn,
        "gemachtigde_naam": "Vera Vertegenwoordiger",
        "soort": "curator",
        "geldig_van": "2025-01-01",
        "geldig_tot": "",
        "toelichting": "beschikking kantonrechter",
    }


def test_machtiging_vastleggen_via_beheer(client, beheerder, zaak_van_ander):
    r = client.post("/admin/portaal/machtiging/add/", _formulier(zaak_van_ander.client.pk, "690000005"))
    assert r.status_code == 302, r.content.decode()[:2000]
    machtiging = Machtiging.objects.get()
    assert machtiging.vastgelegd_door == beheerder and machtiging.gemachtigde_bsn == "690000005"
    assert AuditRegel.objects.filter(
        gebruiker=beheerder, actie="schrijven", wat__startswith="machtiging"
    ).exists()
    client.get("/admin/portaal/machtiging/")
    client.get(f"/admin/portaal/machtiging/{machtiging.pk}/change/")
    wat = set(AuditRegel.objects.filter(gebruiker=beheerder, actie="lezen").values_list("wat", flat=True))
    assert {"lijst machtigingen (beheer)", f"machtiging {machtiging.pk} (beheer)"} <= wat


def test_ongeldig_bsn_wordt_geweigerd(client, beheerder, zaak_van_ander):
    r = client.post("/admin/portaal/machtiging/add/", _formulier(zaak_van_ander.client.pk, "123456789"))
    assert r.status_code == 200 and "elfproef" in r.content.decode()
    assert not Machtiging.objects.exists()


def test_intrekken_via_actie(client, beheerder, zaak_van_ander):
    client.post("/admin/portaal/machtiging/add/", _formulier(zaak_van_ander.client.pk, "690000005"))
    machtiging = Machtiging.objects.get()
    client.post(
        "/admin/portaal/machtiging/",
        {"action": "intrekken", "_selected_action": [machtiging.pk]},
    )
    machtiging.refresh_from_db()
    assert machtiging.ingetrokken_op is not None


def test_client_zelf_als_gemachtigde_wordt_geweigerd(client, beheerder, zaak_van_ander):
    r = client.post("/admin/portaal/machtiging/add/", _formulier(zaak_van_ander.client.pk, "600000047"))
    assert r.status_code == 200 and "de cliënt zelf" in r.content.decode()
    assert not Machtiging.objects.exists()
