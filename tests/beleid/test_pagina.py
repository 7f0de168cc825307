"""The beleidstoets page: login and role required, verdict on valid input, Dutch errors on bad input."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile

URL = "/beleid/"
BELEID = """gemeente: Polderrijk
peildatum: 2017-06-01
hh1: maatwerk
hh2: maatwerk
indicatie: resultaat
omvang_bepaald_door: aanbieder
beschikking_vermeldt: [resultaat]
"""


def _client(client, rol: str):
    user = User.objects.create_user(f"{rol}-gebruiker", password="geheim-wachtwoord")
    user.groups.add(Group.objects.get(name=rol))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    antwoord = client.get(URL)
    assert antwoord.status_code == 302 and "/login/" in antwoord["Location"]


@pytest.mark.django_db
def test_consulent_may_not_use_it(client):
    assert _client(client, "consulent").get(URL).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["beleidsmedewerker", "functioneel_beheerder"])
def test_form_with_example_policy_and_no_inline_script(client, rol):
    antwoord = _client(client, rol).get(URL)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "gemeente: Voorbeeldstad" in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all("src=" in s for s in scripts)
    assert "onclick=" not in html and "onload=" not in html


@pytest.mark.django_db
def test_policy_in_textarea_gives_verdict_with_findings(client):
    antwoord = _client(client, "beleidsmedewerker").post(URL, {"tekst": BELEID})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Oordeel: Polderrijk — Voldoet niet" in html
    assert "ECLI:NL:CRVB:2022:2099" in html
    assert "<code>indicatie</code>: resultaat" in html


@pytest.mark.django_db
def test_uploaded_file_is_tested(client):
    bestand = SimpleUploadedFile("polder.yaml", BELEID.replace("resultaat\nomvang", "uren\nomvang").encode())
    antwoord = _client(client, "beleidsmedewerker").post(URL, {"tekst": "", "bestand": bestand})
    assert "Oordeel: Polderrijk" in antwoord.content.decode()


@pytest.mark.django_db
def test_bad_policy_shows_dutch_error_with_line_and_key(client):
    antwoord = _client(client, "beleidsmedewerker").post(URL, {"tekst": BELEID + "budget: 3\n"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Het beleid is niet getoetst" in html
    assert "Regel 8, sleutel <code>budget</code>: onbekende sleutel" in html
    assert "Oordeel:" not in html


@pytest.mark.django_db
def test_empty_form_is_refused(client):
    antwoord = _client(client, "beleidsmedewerker").post(URL, {"tekst": "  "})
    assert antwoord.status_code == 400
    assert "Vul het beleid in of upload een YAML-bestand." in antwoord.content.decode()


@pytest.mark.django_db
def test_invalid_yaml_and_non_utf8_upload(client):
    c = _client(client, "beleidsmedewerker")
    assert "geen geldige YAML" in c.post(URL, {"tekst": "gemeente: [a\n"}).content.decode()
    bestand = SimpleUploadedFile("x.yaml", "gemeente: Ä".encode("latin-1"))
    assert "geen tekst in UTF-8" in c.post(URL, {"bestand": bestand}).content.decode()


@pytest.mark.django_db
def test_page_shows_the_guard_per_gemeente_configuration(client):
    html = _client(client, "functioneel_beheerder").get(URL).content.decode()
    assert "Bewaking per gemeente" in html
    assert re.search(r"<th scope=\"row\">Voorbeeldstad</th><td>Voldoet</td>", html)
    assert re.search(r"<th scope=\"row\">Resultaatdorp</th><td>Afgekeurd: geen beschikkingen</td>", html)
