"""User-supplied YAML cannot take a worker down: aliases, huge texts and deep nesting are refused."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.regels.laden import (
    MAX_DIEPTE,
    MAX_TEKENS_GEBRUIKER,
    Regelfout,
    lees_gebruikerstekst,
    lees_yaml,
)


def _miljard_lachers(niveaus: int = 9) -> str:
    regels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, niveaus):
        vorige, naam = chr(96 + i), chr(97 + i)
        regels.append(f"{naam}: &{naam} [{','.join(['*' + vorige] * 9)}]")
    return "\n".join(regels) + "\n"


def test_billion_laughs_is_refused_quickly():
    bom = _miljard_lachers()
    assert 300 < len(bom.encode()) < 450
    start = time.perf_counter()
    with pytest.raises(Regelfout) as exc:
        lees_gebruikerstekst(bom, "beleid.yaml")
    assert time.perf_counter() - start < 0.5
    assert str(exc.value) == (
        "beleid.yaml:1: YAML-ankers en -verwijzingen (&naam, *naam) zijn niet toegestaan; "
        "schrijf elke waarde volledig uit"
    )


def test_alias_refused_in_rule_files_too():
    with pytest.raises(Regelfout, match=r"^kader.yaml:2: YAML-ankers"):
        lees_yaml("a: 1\nb: &x {c: 1}\n", "kader.yaml")


def test_too_large_and_too_deep():
    with pytest.raises(Regelfout, match="tekst is te groot"):
        lees_gebruikerstekst("a: " + "x" * MAX_TEKENS_GEBRUIKER)
    start = time.perf_counter()
    with pytest.raises(Regelfout, match=f"invoer:1: te diep genest \\(meer dan {MAX_DIEPTE} niveaus\\)"):
        lees_gebruikerstekst("[" * 150_000)
    assert time.perf_counter() - start < 1
    diep = "a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, MAX_DIEPTE + 2))
    with pytest.raises(Regelfout, match="te diep genest"):
        lees_gebruikerstekst(diep)


def test_ordinary_text_still_reads_with_lines():
    data, regels = lees_gebruikerstekst("gemeente: X\nbeleid:\n  hh1: maatwerk\n")
    assert data == {"gemeente": "X", "beleid": {"hh1": "maatwerk"}}
    assert regels[("beleid", "hh1")] == 3


@given(st.text(max_size=300))
def test_any_text_gives_data_or_a_dutch_error(tekst):
    try:
        lees_gebruikerstekst(tekst)
    except Regelfout as fout:
        assert fout.meldingen and all(m.tekst for m in fout.meldingen)


def test_the_beleidstoets_loader_refuses_the_bomb():
    """Issue 14's first finding: the policy text posted to the beleidstoets page goes through here."""
    from maatwerk.toets import lees_beleid

    start = time.perf_counter()
    with pytest.raises(Regelfout, match="YAML-ankers en -verwijzingen"):
        lees_beleid(_miljard_lachers(), "geplakt beleid")
    assert time.perf_counter() - start < 0.5


@pytest.mark.django_db
def test_the_beleidstoets_page_answers_the_bomb_with_a_dutch_error(client):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("beleid-bom", password="geheim-wachtwoord")
    user.groups.add(Group.objects.get(name="beleidsmedewerker"))
    client.force_login(user)
    assert client.get("/beleid/").status_code == 200  # warm: templates and rule files loaded once
    start = time.perf_counter()
    antwoord = client.post("/beleid/", {"tekst": _miljard_lachers()})
    assert time.perf_counter() - start < 2
    assert antwoord.status_code == 400
    assert "YAML-ankers en -verwijzingen (&amp;naam, *naam) zijn niet toegestaan" in antwoord.content.decode()
