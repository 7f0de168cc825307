"""Issue 10.13: the functioneel beheerder manages users and roles and aanbieders (with AGB code) in the
admin, with exactly those rights; no superuser or staff status, no other models."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.beheer import BEHEERRECHTEN
from tests.web.conftest import maak_gebruiker

pytestmark = pytest.mark.django_db
INLINE = {"profiel-TOTAL_FORMS": "0", "profiel-INITIAL_FORMS": "0", "profiel-MIN_NUM_FORMS": "0"}


@pytest.fixture
def beheer(client):
    user = maak_gebruiker("beheer", "functioneel_beheerder")
    client.force_login(user)
    return user


def test_groep_heeft_precies_de_beheerrechten():
    rechten = {
        (p.content_type.app_label, p.codename)
        for p in Group.objects.get(name="functioneel_beheerder").permissions.select_related("content_type")
    }
    verwacht = {(app, f"{a}_{model}") for (app, model), acties in BEHEERRECHTEN.items() for a in acties}
    assert rechten == verwacht


def test_beheerder_komt_in_de_admin_zonder_staf(client, beheer):
    assert not beheer.is_staff
    html = client.get("/admin/").content.decode()
    assert "/admin/auth/user/" in html and "/admin/aanbieders/aanbieder/" in html
    assert "/admin/audit/" not in html and "/admin/clients/" not in html
    for pad in ("/admin/audit/auditregel/", "/admin/auth/group/add/", "/admin/auth/user/1/delete/"):
        assert client.get(pad).status_code in (403, 404), pad  # 404: not registered in the admin at all


def test_aanbieder_met_agb_code_toevoegen(client, beheer):
    antwoord = client.post(
        "/admin/aanbieders/aanbieder/add/",
        {"naam": "Thuishulp West", "agb_code": "75751234", "telefoon": "", "email": "", "actief": "on"},
    )
    assert antwoord.status_code == 302 and Aanbieder.objects.get(naam="Thuishulp West").agb_code == "75751234"
    fout = client.post(
        "/admin/aanbieders/aanbieder/add/", {"naam": "Fout", "agb_code": "123", "actief": "on"}
    )
    assert "precies 8 cijfers" in fout.content.decode()


def test_gebruiker_en_rol_beheren_zonder_superrechten(client, beheer):
    antwoord = client.post(
        "/admin/auth/user/add/",
        {
            "username": "nieuwe",
            "usable_password": "true",
            "password1": "Lang-en-sterk-2026!",
            "password2": "Lang-en-sterk-2026!",
            **INLINE,
        },
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    nieuw = User.objects.get(username="nieuwe")
    consulent = Group.objects.get(name="consulent")
    antwoord = client.post(
        f"/admin/auth/user/{nieuw.pk}/change/",
        {
            "username": "nieuwe",
            "first_name": "Nina",
            "last_name": "de Wit",
            "email": "",
            "is_active": "on",
            "groups": [consulent.pk],
            "is_superuser": "on",  # not in the form: ignored
            "is_staff": "on",
            **INLINE,
        },
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    nieuw.refresh_from_db()
    assert list(nieuw.groups.all()) == [consulent] and nieuw.first_name == "Nina"
    assert not nieuw.is_superuser and not nieuw.is_staff


def test_superuser_is_niet_te_wijzigen_door_beheerder(client, beheer):
    baas = User.objects.create_superuser("baas", password="x-geheim-12345")
    antwoord = client.post(
        f"/admin/auth/user/{baas.pk}/change/", {"username": "overgenomen", "is_active": ""}
    )
    assert antwoord.status_code == 403
    baas.refresh_from_db()
    assert baas.username == "baas" and baas.is_active


def test_consulent_komt_niet_in_de_admin(client):
    client.force_login(maak_gebruiker("cons", "consulent"))
    assert client.get("/admin/").status_code == 302
