"""Every main page renders for the role that uses it (and carries the security headers)."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_hoofdpaginas_consulent(client, consulent, zaak):
    client.force_login(consulent)
    for url in [
        reverse("cases:werklijst"),
        reverse("cases:zaken"),
        reverse("cases:nieuwe_melding"),
        reverse("cases:zaak", args=[zaak.pk]),
        reverse("onderzoek:onderzoek", args=[zaak.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp
        assert response.headers["X-Frame-Options"] == "DENY"
        assert b"<script>" not in response.content and b" style=" not in response.content


@pytest.mark.django_db
def test_start_stuurt_per_rol_door(client, consulent, beheerder, beleid):
    client.force_login(consulent)
    assert client.get("/").url == reverse("cases:werklijst")
    client.force_login(beheerder)
    assert client.get("/").url == reverse("audit:lijst")
    client.force_login(beleid)
    assert client.get("/").url == reverse("cases:rapportage")


@pytest.mark.django_db
def test_login_pagina(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()
    assert client.get(reverse("cases:werklijst")).status_code == 302


@pytest.mark.django_db
def test_foutpaginas_in_het_nederlands(client, consulent, beleid):
    client.force_login(beleid)
    assert "Geen toegang" in client.get(reverse("cases:werklijst")).content.decode()
    client.force_login(consulent)
    assert "Pagina niet gevonden" in client.get("/zaken/999999/").content.decode()


@pytest.mark.django_db
def test_csrf_staat_aan(consulent):
    from django.test import Client

    strikt = Client(enforce_csrf_checks=True)
    strikt.force_login(consulent)
    response = strikt.post(reverse("cases:nieuwe_melding"), {"achternaam": "X"})
    assert response.status_code == 403 and "Het formulier is verlopen" in response.content.decode()
