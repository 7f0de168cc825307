"""Access: API clients (CLI and admin), hashed tokens, scopes, revocation, rate limit; headers everywhere."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User
from django.test import Client as Browser
from django.test import override_settings

from maatwerk.apps.api.models import ApiClient
from maatwerk.apps.api.scopes import SCOPES
from maatwerk.apps.audit.models import AuditRegel
from maatwerk.cli import cli

from .conftest import Api, is_probleem, maak_token

pytestmark = pytest.mark.django_db


def test_cli_lists_scopes() -> None:
    uit = CliRunner().invoke(cli, ["api-client", "scopes"])
    assert uit.exit_code == 0 and all(s in uit.output for s in SCOPES)


def test_cli_makes_a_client_prints_the_token_once_and_stores_its_hash() -> None:
    uit = CliRunner().invoke(
        cli, ["api-client", "aanmaken", "open-formulieren", "--scopes", "meldingen:schrijven"]
    )
    assert uit.exit_code == 0, uit.output
    token = uit.stdout.strip().splitlines()[-1]
    client = ApiClient.objects.get(naam="open-formulieren")
    assert client.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(ApiClient.objects.values())) and client.scopes == ["meldingen:schrijven"]
    assert not client.gebruiker.has_usable_password()
    assert AuditRegel.objects.filter(wat__contains="API-client open-formulieren aangemaakt").exists()
    is_probleem(Api(token).get("/zaken"), 403)  # known token, wrong scope


@pytest.mark.parametrize(
    ("args", "fout"),
    [
        (["Hoofd Letters", "--scopes", "zaken:lezen"], "ongeldig"),
        (["kcc", "--scopes", "alles:mogen"], "Onbekende scope"),
        (["kcc", "--scopes", "meldingen:schrijven", "--aanbieder", "75750001"], "niet hebben"),
        (["kcc", "--scopes", "zaken:lezen", "--aanbieder", "99999999"], "geen aanbieder"),
    ],
)
def test_cli_refuses_bad_clients(aanbieders, args, fout) -> None:
    uit = CliRunner().invoke(cli, ["api-client", "aanmaken", *args])
    assert uit.exit_code == 2 and fout in uit.output and not ApiClient.objects.exists()


def test_revoked_token_is_refused(keten) -> None:
    token = maak_token("bi-tool", ["zaken:lezen"])
    assert Api(token).get("/zaken").status_code == 200
    uit = CliRunner().invoke(cli, ["api-client", "intrekken", "bi-tool"])
    assert uit.exit_code == 0, uit.output
    assert "ingetrokken" in is_probleem(Api(token).get("/zaken"), 401)["detail"]
    assert CliRunner().invoke(cli, ["api-client", "intrekken", "bi-tool"]).exit_code == 2


def test_no_or_malformed_authorization_is_401(keten) -> None:
    for kop in ({}, {"Authorization": "Basic eDp5"}, {"Authorization": "Bearer "}):
        antwoord = Browser().get("/api/v1/zaken", headers=kop)
        is_probleem(antwoord, 401)
        assert antwoord["WWW-Authenticate"].startswith("Bearer")


@override_settings(MAATWERK_API_LIMIET_PER_MINUUT=3)
def test_rate_limit_per_client_is_a_429_problem(keten) -> None:
    een, twee = Api(maak_token("een", ["zaken:lezen"])), Api(maak_token("twee", ["zaken:lezen"]))
    assert [een.get("/zaken").status_code for _ in range(3)] == [200, 200, 200]
    antwoord = een.get("/zaken")
    assert "3 verzoeken" in is_probleem(antwoord, 429)["detail"] and 0 < int(antwoord["Retry-After"]) <= 60
    assert twee.get("/zaken").status_code == 200  # per client


def test_admin_makes_a_client_and_shows_the_token_once(aanbieders, client) -> None:
    beheerder = User.objects.create_superuser("beheer", password="geheim-wachtwoord-123")
    client.force_login(beheerder)
    antwoord = client.post(
        "/admin/api/apiclient/add/",
        {
            "naam": "planning-noord",
            "scopes": ["zaken:lezen"],
            "aanbieder": aanbieders[0].pk,
            "omschrijving": "x",
        },
        follow=True,
    )
    assert antwoord.status_code == 200
    nieuw = ApiClient.objects.get(naam="planning-noord")
    token = next(str(m).rsplit(": ", 1)[1] for m in antwoord.context["messages"] if "Token" in str(m))
    assert nieuw.token_hash == hashlib.sha256(token.encode()).hexdigest() and nieuw.aanbieder == aanbieders[0]
    assert nieuw.gebruiker.profiel.aanbieder == aanbieders[0]
    fout = client.post(
        "/admin/api/apiclient/add/",
        {"naam": "x-y", "scopes": ["meldingen:schrijven"], "aanbieder": aanbieders[0].pk},
    )
    assert fout.status_code == 200 and not ApiClient.objects.filter(naam="x-y").exists()


def test_api_version_and_problem_on_unknown_url_and_method(api) -> None:
    is_probleem(api.get("/bestaat-niet"), 404)
    antwoord = api.browser.delete("/api/v1/zaken", headers=api.kop)
    assert "GET" in is_probleem(antwoord, 405).get("detail", "") or antwoord["Allow"]
    assert "API-Version" not in Browser().get("/login/")


def test_document_and_docs_are_served() -> None:
    antwoord = Browser().get("/api/v1/openapi.json")
    assert antwoord.status_code == 200 and antwoord["API-Version"] == "1.0.0"
    doc = antwoord.json()
    assert doc["servers"] == [{"url": "/api/v1", "description": "Deze installatie van maatwerk"}]
    assert "/zaken/{uuid}" in doc["paths"] and not any(p.endswith("/") for p in doc["paths"])
    assert doc["info"]["version"] == "1.0.0" and doc["info"]["contact"]["email"]
    docs = Browser().get("/api/v1/docs")
    assert (
        docs.status_code == 200
        and b"swagger-ui-bundle.js" in docs.content
        and b"cdn" not in docs.content.lower()
    )


def test_a_service_account_cannot_log_in(token, client) -> None:
    antwoord = client.post("/login/", {"username": "api:kcc", "password": ""})
    assert antwoord.status_code == 200 and "_auth_user_id" not in client.session
