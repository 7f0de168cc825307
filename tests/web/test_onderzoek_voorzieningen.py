"""The onderzoek form asks, per algemene voorziening, whether it is passend and financieel toegankelijk
for the client (Wmo 2015 art. 2.3.5 lid 3). The answers are stored in the draft and the situation, the
engine applies them, and the result panel explains the effect."""

from __future__ import annotations

import pytest

from maatwerk.apps.onderzoek.forms import SituatieForm, vz_veld
from maatwerk.apps.onderzoek.kadervragen import gebruik
from maatwerk.apps.onderzoek.models import Concept, Onderzoek
from maatwerk.engine import laad_kader

from .test_locking import formulier
from .test_onderzoek_kadervragen import PEIL

HHT = "huishoudelijke_hulp_toelage"
MOTIVATIE = "Mevrouw gebruikt de HHT al; de eigen bijdrage past in haar budget."


def _hht(passend: str, financieel: str, motivatie: str = "", aan: bool = True) -> dict[str, object]:
    data: dict[str, object] = {
        f"s-{vz_veld(HHT, 'passend')}": passend,
        f"s-{vz_veld(HHT, 'financieel_toegankelijk')}": financieel,
        f"s-{vz_veld(HHT, 'motivatie')}": motivatie,
    }
    if aan:
        data["s-algemene_voorzieningen"] = [HHT]
    return data


def test_formulier_geeft_het_oordeel_door_aan_de_engine() -> None:
    form = SituatieForm(formulier(0, "", **_hht("ja", "nee")), prefix="s")
    assert form.is_valid(), form.errors
    assert form.voorziening_data() == [
        {"voorziening": HHT, "passend": True, "financieel_toegankelijk": False, "motivatie": None}
    ]
    leeg = SituatieForm(formulier(0, "", **_hht("", "")), prefix="s")
    assert leeg.is_valid() and leeg.voorziening_data()[0]["passend"] is None  # not assessed


def test_vervangen_vraagt_een_motivatie_en_antwoorden_horen_bij_een_aangevinkte_voorziening() -> None:
    form = SituatieForm(formulier(0, "", **_hht("ja", "ja", "kort")), prefix="s")
    assert not form.is_valid()
    assert "minstens 10 tekens" in form.errors[vz_veld(HHT, "motivatie")][0]
    los = SituatieForm(formulier(0, "", **_hht("", "nee", aan=False)), prefix="s")
    assert not los.is_valid()
    assert "Vink eerst aan" in los.errors[vz_veld(HHT, "financieel_toegankelijk")][0]


def test_opgeslagen_situatie_terug_in_het_formulier() -> None:
    initial = SituatieForm.initial_uit(
        {
            "algemene_voorzieningen": [
                "maaltijdvoorziening",  # the old form: a bare name
                {"voorziening": HHT, "passend": True, "financieel_toegankelijk": False, "motivatie": "x"},
            ]
        }
    )
    assert initial["algemene_voorzieningen"] == ["maaltijdvoorziening", HHT]
    assert initial[vz_veld(HHT, "passend")] == "ja"
    assert initial[vz_veld(HHT, "financieel_toegankelijk")] == "nee"
    assert initial[vz_veld("maaltijdvoorziening", "passend")] == ""


def test_vragen_tellen_mee_als_het_kader_de_voorziening_gebruikt() -> None:
    g = gebruik(laad_kader("kpmg-hbel", PEIL))
    assert g.telt(vz_veld(HHT, "passend")) and g.telt(vz_veld(HHT, "motivatie"))
    assert not g.telt(vz_veld("maaltijdvoorziening", "passend"))


@pytest.mark.django_db
def test_passend_en_toegankelijk_vervangt_maatwerk_met_uitleg(client, consulent, zaak) -> None:
    client.force_login(consulent)
    url = f"/onderzoek/{zaak.pk}/indicatie/"
    zonder = client.post(url, formulier(0, "")).content.decode()
    assert "art. 2.3.5 lid 3" not in zonder
    niet = client.post(url, formulier(0, "", **_hht("ja", "nee"))).content.decode()
    assert "Geen aftrek voor de algemene voorziening" in niet and "financieel toegankelijk nee" in niet
    wel = client.post(url, formulier(0, "", **_hht("ja", "ja", MOTIVATIE))).content.decode()
    assert "Vervalt: de algemene voorziening" in wel and "Totaal: 0 minuten per week" in wel

    r = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "verslag", **_hht("ja", "ja", MOTIVATIE)))
    assert r.status_code == 302, r.content.decode()[:2000]
    ond = Onderzoek.objects.get(zaak=zaak)
    assert ond.situatie["algemene_voorzieningen"] == [
        {"voorziening": HHT, "passend": True, "financieel_toegankelijk": True, "motivatie": MOTIVATIE}
    ]
    assert ond.indicatie.engine.totaal_minuten_per_week == 0
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert 'value="ja" class="utrecht-radio-button utrecht-radio-button--html-input"' in html
    assert MOTIVATIE in html and "Vervalt: de algemene voorziening" in html


@pytest.mark.django_db
def test_concept_bewaart_de_antwoorden(client, consulent, zaak) -> None:
    client.force_login(consulent)
    r = client.post(f"/onderzoek/{zaak.pk}/concept/", formulier(0, "", **_hht("nee", "", "Te ver weg.")))
    assert r.status_code == 200
    gegevens = Concept.objects.get(zaak=zaak).gegevens
    assert gegevens[f"s-{vz_veld(HHT, 'passend')}"] == ["nee"]
    assert gegevens[f"s-{vz_veld(HHT, 'motivatie')}"] == ["Te ver weg."]
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "Te ver weg." in html


@pytest.mark.django_db
def test_fout_hoort_bij_het_veld_en_staat_in_het_overzicht(client, consulent, zaak) -> None:
    client.force_login(consulent)
    r = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "v", **_hht("ja", "ja", "kort")))
    html = r.content.decode()
    assert r.status_code == 400
    veld = f"id_s-{vz_veld(HHT, 'motivatie')}"
    assert f'href="#{veld}">Huishoudelijke hulp toelage: motivatie: Leg uit' in html
    assert f'aria-describedby="{veld}_helptext {veld}_error"' in html and f'id="{veld}_error"' in html
    los = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "v", **_hht("ja", "", aan=False)))
    html = los.content.decode()
    groep = f"id_s-{vz_veld(HHT, 'passend')}"
    assert f'href="#{groep}_0">' in html and f'id="{groep}_0"' in html  # the first radio of the group
    assert f'aria-describedby="{groep}_error"' in html


@pytest.mark.django_db
def test_live_indicatie_toont_het_effect_al_voor_de_motivatie(client, consulent, zaak) -> None:
    client.force_login(consulent)
    paneel = client.post(f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "", **_hht("ja", "ja")))
    assert "Vervalt: de algemene voorziening" in paneel.content.decode()
    r = client.post(f"/onderzoek/{zaak.pk}/", formulier(0, "v", **_hht("ja", "ja")))
    assert r.status_code == 400 and not Onderzoek.objects.filter(zaak=zaak).exists()
