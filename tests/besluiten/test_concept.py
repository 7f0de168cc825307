"""Issue 10 point 2: "Concept bekijken" shows the letter exactly as stored, issuing asks for confirmation,
and a gemeente's rules (goedkeuring/<gemeente>.yaml) can require a senior consulent's approval first.
The "Wat vroeg u?" text is a B1 summary for the client, never the intake note."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as Browser
from django.urls import reverse

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten import services
from maatwerk.apps.besluiten.goedkeuring import redenen, regel_op
from maatwerk.apps.besluiten.models import Beschikking, Goedkeuring
from maatwerk.apps.levering.models import Zorgplan
from tests.besluiten.conftest import gebruiker

pytestmark = pytest.mark.django_db

INGANG = dt.date.today() + dt.timedelta(days=7)
STRENG = """\
gemeente: Voorbeeldstad
versies:
  - geldig_vanaf: 2021-01-01
    bij_afwijking_normenkader: true
    boven_minuten_per_week: 60
    bron: {titel: test}
"""


def ingelogd(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


def besluit(**anders) -> services.Besluitgegevens:
    velden = {
        "besluit": "toegekend",
        "ingangsdatum": INGANG,
        "einddatum": None,
        "leveringsvorm": "ZIN",
        "gevraagd": "U vroeg om hulp bij het schoonhouden van uw huis.",
        "reden_geen_zorgplan": "Spoed: het zorgplan volgt.",
    }
    velden.update(anders)
    return services.Besluitgegevens(**velden)


def formdata(**anders: str) -> dict[str, str]:
    return {
        "besluit": "toegekend",
        "gevraagd": "U vroeg om hulp bij het schoonhouden van uw huis.",
        "ingangsdatum": INGANG.isoformat(),
        "einddatum": "",
        "leveringsvorm": "ZIN",
        "motivering": "",
        "reden_geen_zorgplan": "Spoed: het zorgplan volgt.",
        **anders,
    }


@pytest.fixture
def streng(tmp_path, monkeypatch):
    """Voorbeeldstad's rules with a low threshold: the test indication (125 minutes) needs approval."""
    (tmp_path / "goedkeuring").mkdir()
    (tmp_path / "goedkeuring" / "voorbeeldstad.yaml").write_text(STRENG, encoding="utf-8")
    monkeypatch.setenv("MAATWERK_REGELS", str(tmp_path))


def test_regels_per_gemeente_en_datum() -> None:
    r = regel_op("Voorbeeldstad", dt.date(2026, 1, 1))
    assert r is not None and r.boven_minuten_per_week == 360 and r.bron.titel
    assert regel_op("Voorbeeldstad", dt.date(2020, 12, 31)) is None  # before the first version
    assert regel_op("Westland", dt.date(2026, 1, 1)) is None  # no file: no second approval
    assert redenen(r, afwijking=False, minuten_per_week=360) == []
    assert redenen(r, afwijking=True, minuten_per_week=361) == [
        "de indicatie wijkt af van het normenkader",
        "de indicatie is meer dan 360 minuten per week",
    ]


def test_concept_is_precies_de_opgeslagen_brief_en_afgeven_vraagt_bevestiging(zaak, consulent) -> None:
    c = ingelogd(consulent)
    pagina = c.post(reverse("beschikkingen:concept", args=[zaak.pk]), formdata())
    html = pagina.content.decode()
    assert pagina.status_code == 200, html[:3000]
    assert "precies zoals hij wordt opgeslagen" in html and "Beschikking afgeven" in html
    assert not Beschikking.objects.exists()  # looking stores nothing
    assert AuditRegel.objects.filter(client=zaak.client, wat__contains="concept beschikking").exists()
    concept = services.maak_concept(zaak, consulent, besluit())
    assert concept.inhoud in html

    zonder = c.post(
        reverse("beschikkingen:afgeven", args=[zaak.pk]), formdata(concepthash=concept.concepthash)
    )
    assert zonder.status_code == 400 and "Bevestig dat u de brief heeft gelezen" in zonder.content.decode()
    assert not Beschikking.objects.exists()

    anders = c.post(
        reverse("beschikkingen:afgeven", args=[zaak.pk]),
        formdata(concepthash="0" * 64, bevestigd="on"),
    )
    assert anders.status_code == 400 and "veranderd sinds u het concept bekeek" in anders.content.decode()
    assert not Beschikking.objects.exists()

    r = c.post(
        reverse("beschikkingen:afgeven", args=[zaak.pk]),
        formdata(concepthash=concept.concepthash, bevestigd="on"),
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    b = Beschikking.objects.get(zaak=zaak)
    assert b.html == concept.html and services.hash_van_brief(b.html) == concept.concepthash


def test_tweede_goedkeuring_door_een_andere_senior_consulent(streng, zaak, consulent) -> None:
    senior = gebruiker("senior1", "senior_consulent")
    collega = gebruiker("consulent2", "consulent")
    concept = services.maak_concept(zaak, consulent, besluit())
    assert concept.redenen_goedkeuring == ("de indicatie is meer dan 60 minuten per week",)
    assert not concept.mag_afgeven
    with pytest.raises(services.Geweigerd, match="eerst goedkeuring van een senior consulent"):
        services.geef_beschikking_af(zaak, consulent, besluit(), concepthash=concept.concepthash)

    c = ingelogd(consulent)
    pagina = c.post(reverse("beschikkingen:concept", args=[zaak.pk]), formdata()).content.decode()
    assert "Goedkeuring vragen" in pagina and "Beschikking afgeven" not in pagina
    r = c.post(
        reverse("beschikkingen:goedkeuring_vragen", args=[zaak.pk]),
        formdata(concepthash=concept.concepthash),
    )
    assert r.status_code == 302
    g = Goedkeuring.objects.get(zaak=zaak)
    assert g.akkoord is None and g.concepthash == concept.concepthash and g.html == concept.html

    with pytest.raises(services.Geweigerd, match="Alleen een senior consulent"):
        services.beoordeel_goedkeuring(g, collega, True)
    eigen = gebruiker("senior2", "senior_consulent")
    g.gevraagd_door = eigen
    g.save()
    with pytest.raises(services.Geweigerd, match="andere senior consulent"):
        services.beoordeel_goedkeuring(g, eigen, True)
    with pytest.raises(services.Geweigerd, match="waarom u niet akkoord"):
        services.beoordeel_goedkeuring(g, senior, False, "")

    s = ingelogd(senior)
    assert "Uw oordeel" in s.get(reverse("beschikkingen:goedkeuring", args=[g.pk])).content.decode()
    r = s.post(reverse("beschikkingen:goedkeuring", args=[g.pk]), {"akkoord": "ja", "opmerking": ""})
    assert r.status_code == 302
    g.refresh_from_db()
    assert g.akkoord is True and g.beoordeeld_door == senior
    assert c.post(reverse("beschikkingen:goedkeuring", args=[g.pk]), {"akkoord": "ja"}).status_code == 403

    b = services.geef_beschikking_af(zaak, consulent, besluit(), concepthash=concept.concepthash)
    assert b.html == g.html


def test_goedkeuring_geldt_alleen_voor_precies_dat_concept(streng, zaak, consulent) -> None:
    senior = gebruiker("senior1", "senior_consulent")
    concept = services.maak_concept(zaak, consulent, besluit())
    g = services.vraag_goedkeuring(zaak, consulent, besluit(), concept.concepthash)
    services.beoordeel_goedkeuring(g, senior, True)
    ander = besluit(einddatum=INGANG + dt.timedelta(days=200))
    with pytest.raises(services.Geweigerd, match="eerst goedkeuring"):
        services.geef_beschikking_af(zaak, consulent, ander)
    assert not Beschikking.objects.exists()


def test_u_vroeg_is_een_samenvatting_voor_de_client_niet_de_intakenotitie(zaak, consulent) -> None:
    zaak.vraag = "Dochter belt namens haar moeder (84, COPD), kan huis niet meer schoonhouden."
    zaak.save()
    pagina = ingelogd(consulent).get(reverse("beschikkingen:besluit", args=[zaak.pk])).content.decode()
    tekst = services.hulpvraag_voor_brief(zaak)
    assert tekst.startswith("U vroeg om hulp bij het huishouden.") and tekst in pagina
    with pytest.raises(services.Geweigerd, match="interne notitie van de melding"):
        services.maak_concept(zaak, consulent, besluit(gevraagd=zaak.vraag))
    concept = services.maak_concept(zaak, consulent, besluit(gevraagd=tekst))
    assert tekst in concept.html and "Dochter belt" not in concept.html


def test_zorgplan_wordt_beschreven_zoals_het_is(zaak, consulent, noord) -> None:
    """Signed zorgplan: the letter says it is signed; none: it says there is none yet."""
    html = services.maak_concept(zaak, consulent, besluit()).html
    assert "Er is nog geen zorgplan" in html and "ondertekend op" not in html
    a = ingelogd(noord)
    doelen = {f"doel_{g['id']}": "Schoon huis" for g in zaak.onderzoek.indicatie["resultaatgebieden"]}
    ingelogd(consulent).post(reverse("beschikkingen:ondersteuningsplan", args=[zaak.pk]), doelen)
    a.post(reverse("beschikkingen:zorgplan_opstellen", args=[zaak.pk]))
    zp = Zorgplan.objects.get(zaak=zaak)
    a.post(
        reverse("beschikkingen:zorgplan_tekenen", args=[zaak.pk]),
        {"versie": zp.versie, "client_naam": "Anna van der Berg1", "akkoord": "on"},
    )
    html = services.maak_concept(zaak, consulent, besluit(reden_geen_zorgplan="")).html
    assert "U heeft het zorgplan ondertekend op" in html and "nog niet ondertekend" not in html


def test_correctie_ook_eerst_als_concept_met_bevestiging(zaak, consulent) -> None:
    eerste = services.geef_beschikking_af(zaak, consulent, besluit())
    c = ingelogd(consulent)
    data = formdata(
        einddatum=(INGANG + dt.timedelta(days=90)).isoformat(), correctie_reden="Einddatum ontbrak."
    )
    pagina = c.post(reverse("beschikkingen:correctie_concept", args=[eerste.pk]), data)
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "Concept correctie beschikking" in html
    assert "vervangt de brief met kenmerk" in html and Beschikking.objects.count() == 1
    concept = services.maak_correctieconcept(
        eerste, consulent, "Einddatum ontbrak.", besluit(einddatum=INGANG + dt.timedelta(days=90))
    )
    zonder = c.post(reverse("beschikkingen:corrigeren", args=[eerste.pk]), data)
    assert zonder.status_code == 400 and Beschikking.objects.count() == 1
    r = c.post(
        reverse("beschikkingen:corrigeren", args=[eerste.pk]),
        {**data, "bevestigd": "on", "concepthash": concept.concepthash},
    )
    assert r.status_code == 302
    assert Beschikking.objects.get(zaak=zaak, versie=2).html == concept.html


def test_correctie_gaat_langs_dezelfde_tweede_goedkeuring(streng, zaak, consulent) -> None:
    """Issue 10.2: a correction is checked against the same goedkeuring rule as the first letter."""
    senior = gebruiker("senior1", "senior_consulent")
    eerste_concept = services.maak_concept(zaak, consulent, besluit())
    g1 = services.vraag_goedkeuring(zaak, consulent, besluit(), eerste_concept.concepthash)
    services.beoordeel_goedkeuring(g1, senior, True)
    eerste = services.geef_beschikking_af(zaak, consulent, besluit(), concepthash=eerste_concept.concepthash)

    reden = "Einddatum ontbrak."
    gecorrigeerd = besluit(einddatum=INGANG + dt.timedelta(days=90))
    concept = services.maak_correctieconcept(eerste, consulent, reden, gecorrigeerd)
    assert concept.redenen_goedkeuring == ("de indicatie is meer dan 60 minuten per week",)
    assert not concept.mag_afgeven
    with pytest.raises(services.Geweigerd, match="correctie heeft eerst goedkeuring"):
        services.corrigeer_beschikking(
            eerste, consulent, reden, gecorrigeerd, concepthash=concept.concepthash
        )
    with pytest.raises(services.Geweigerd, match="correctie heeft eerst goedkeuring"):
        services.corrigeer_beschikking(eerste, consulent, reden, gecorrigeerd)  # no hash: same rule
    assert Beschikking.objects.count() == 1

    # The web page offers only "Goedkeuring vragen", not "Correctie afgeven".
    c = ingelogd(consulent)
    data = formdata(einddatum=gecorrigeerd.einddatum.isoformat(), correctie_reden=reden)
    pagina = c.post(reverse("beschikkingen:correctie_concept", args=[eerste.pk]), data).content.decode()
    assert "Goedkeuring vragen" in pagina and "Correctie afgeven" not in pagina
    r = c.post(reverse("beschikkingen:corrigeren", args=[eerste.pk]), {**data, "bevestigd": "on"})
    assert r.status_code == 400 and Beschikking.objects.count() == 1
    r = c.post(
        reverse("beschikkingen:correctie_goedkeuring_vragen", args=[eerste.pk]),
        {**data, "concepthash": concept.concepthash},
    )
    assert r.status_code == 302
    g = Goedkeuring.objects.exclude(pk=g1.pk).get()
    assert g.concepthash == concept.concepthash and g.besluitgegevens["correctie_van"] == eerste.pk
    assert AuditRegel.objects.filter(client=zaak.client, wat__contains="goedkeuring gevraagd voor correctie")
    assert "Correctie van" in c.get(reverse("beschikkingen:beschikking", args=[eerste.pk])).content.decode()

    # The asker cannot approve; an approval of the first letter does not carry over.
    with pytest.raises(services.Geweigerd, match="Alleen een senior consulent"):
        services.beoordeel_goedkeuring(g, consulent, True)
    services.beoordeel_goedkeuring(g, senior, True)
    # After approval the goedkeuring page reopens the approved concept without retyping.
    verder = c.get(reverse("beschikkingen:goedkeuring", args=[g.pk])).content.decode()
    assert reverse("beschikkingen:correctie_concept", args=[eerste.pk]) in verder
    assert 'name="correctie_reden" value="Einddatum ontbrak."' in verder
    opnieuw = c.post(reverse("beschikkingen:correctie_concept", args=[eerste.pk]), data).content.decode()
    assert "Goedgekeurd" in opnieuw and "Correctie afgeven" in opnieuw

    # A different correction than the approved one is refused.
    with pytest.raises(services.Geweigerd, match="correctie heeft eerst goedkeuring"):
        services.corrigeer_beschikking(eerste, consulent, "Andere reden.", gecorrigeerd)
    nieuw = services.corrigeer_beschikking(
        eerste, consulent, reden, gecorrigeerd, concepthash=concept.concepthash
    )
    assert nieuw.versie == 2 and nieuw.html == g.html


def test_correctie_zonder_regel_heeft_geen_goedkeuring_nodig(zaak, consulent) -> None:
    eerste = services.geef_beschikking_af(zaak, consulent, besluit())
    concept = services.maak_correctieconcept(eerste, consulent, "Einddatum ontbrak.", besluit())
    assert concept.redenen_goedkeuring == () and concept.mag_afgeven
    with pytest.raises(services.Geweigerd, match="geen goedkeuring"):
        services.vraag_correctiegoedkeuring(
            eerste, consulent, "Einddatum ontbrak.", besluit(), concept.concepthash
        )
