"""Issue 10.6: the onderzoek form asks what the active kader uses, with readable labels and errors.

The soundness check runs the engine: changing a question that the form marks as "telt niet mee" under a
kader never changes that kader's indication.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from maatwerk.apps.onderzoek.forms import SituatieForm
from maatwerk.apps.onderzoek.kadervragen import gebruik
from maatwerk.apps.onderzoek.leesbaar import engine_fout
from maatwerk.engine import indiceer, kaders, laad_kader
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN, VOORZIENING_NAMEN, situatie_uit_data

from .test_locking import formulier

PEIL = dt.date(2025, 6, 1)


def _basis(**extra: Any) -> dict[str, Any]:
    return {
        "peildatum": PEIL.isoformat(),
        "gemeente": "Voorbeeldstad",
        "client": {"geboortedatum": "1940-01-01"},
        "beperkingen": dict.fromkeys(CATEGORIEEN, "niet"),
        **extra,
    }


def _varianten(veld: str) -> list[dict[str, Any]]:
    """Situations that differ from the base only in form field ``veld``."""
    if veld.startswith("beperking_"):
        cat = veld.removeprefix("beperking_")
        return [_basis(beperkingen={**dict.fromkeys(CATEGORIEEN, "niet"), cat: n}) for n in ("zelf", "deels")]
    if veld.startswith("omstandigheid_"):
        return [_basis(omstandigheden={veld.removeprefix("omstandigheid_"): True})]
    if veld == "woning_type":
        return [_basis(woning={"type": t}) for t in ("eengezinswoning", "kamer")]
    if veld in ("kamers_in_gebruik", "kamers_niet_in_gebruik"):
        return [_basis(woning={veld: 7})]
    if veld == "trap":
        return [_basis(woning={"trap": True})]
    if veld.startswith("lid"):
        return [
            _basis(huishouden=[{"rol": "partner", "geboortedatum": "1950-01-01", "kan_meedoen": "volledig"}])
        ]
    if veld.startswith("netwerk"):
        return [_basis(netwerk=[{"wie": "buur", "taak": c, "minuten_per_week": 120}]) for c in CATEGORIEEN]
    return []


def _uitkomst(data: dict[str, Any], kader) -> tuple:
    ind = indiceer(situatie_uit_data(data), kader)
    return ind.totaal_minuten_per_week, [(a.id, a.minuten_per_week) for a in ind.activiteiten], ind.treden


@pytest.mark.parametrize("kader", kaders(), ids=lambda k: f"{k.id}@{k.versie}")
def test_wat_niet_meetelt_verandert_de_indicatie_niet(kader) -> None:
    g = gebruik(kader)
    basis = _uitkomst(_basis(), kader)
    velden = [*SituatieForm().fields]
    niet = [v for v in velden if not g.telt(v)]
    for veld in niet:
        for variant in _varianten(veld):
            assert _uitkomst(variant, kader) == basis, f"{kader.id}: '{veld}' telt wel mee"
    for naam in VOORZIENING_NAMEN:
        if naam not in g.voorzieningen:
            variant = _basis(
                algemene_voorzieningen=[
                    {"voorziening": naam, "passend": "ja", "financieel_toegankelijk": "ja"}
                ]
            )
            assert _uitkomst(variant, kader) == basis, f"{kader.id}: voorziening '{naam}' telt wel mee"


def test_kpmg_vraagt_wat_het_gebruikt() -> None:
    g = gebruik(laad_kader("kpmg-hbel", PEIL))
    assert g.categorieen == {"licht_huishoudelijk_werk", "zwaar_huishoudelijk_werk"}
    assert "huisdieren" not in g.omstandigheden and "incontinentie" in g.omstandigheden
    assert g.woning == {"kamers_in_gebruik", "kamers_niet_in_gebruik"}
    assert g.huishouden and g.netwerk and g.voorzieningen == {"huishoudelijke_hulp_toelage"}
    assert not g.telt("beperking_boodschappen") and not g.telt("trap") and g.telt("lid0_rol")
    assert set(OMSTANDIGHEDEN) - g.omstandigheden == {"huisdieren"}


def test_engine_fout_met_label_en_anker() -> None:
    data = {"s-lid1_rol": "partner", "s-lid1_geboortedatum": "2026-06-01", **formulier(0, "")}
    form = SituatieForm(data, prefix="s")
    assert form.is_valid(), form.errors
    fout = engine_fout("huishouden.0.geboortedatum: 2026-06-01 ligt na de peildatum 2026-01-01", form)
    assert fout == {
        "tekst": "Huisgenoot 2: geboortedatum: 2026-06-01 ligt na de peildatum 2026-01-01",
        "anker": "id_s-lid1_geboortedatum",
    }
    assert engine_fout("client.geboortedatum: ligt na de peildatum", form)["tekst"].startswith(
        "Geboortedatum van de cliënt:"
    )
    assert engine_fout("woning.type: onbekend", form)["anker"] == "id_s-woning_type"
    assert engine_fout("zomaar een zin", form) == {"tekst": "zomaar een zin", "anker": ""}


@pytest.mark.django_db
def test_pagina_zonder_ids_en_ingeklapt(client, consulent, zaak) -> None:
    client.force_login(consulent)
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "Telt niet mee onder KPMG/HHM" in html
    antwoord = client.post(
        f"/onderzoek/{zaak.pk}/",
        formulier(
            0, "v", afw_min_schoon_huis="240", afw_mot_schoon_huis="kort", **{"s-kamers_in_gebruik": ""}
        ),
    )
    html = antwoord.content.decode()
    overzicht = html[html.index('id="foutoverzicht"') : html.index("</ul>", html.index('id="foutoverzicht"'))]
    assert (
        'href="#afw_mot_schoon_huis">Afwijking bij Schoon en leefbaar huis: Afwijken mag alleen' in overzicht
    )
    assert 'href="#id_s-kamers_in_gebruik">Kamers in gebruik: Dit veld is verplicht.' in overzicht
    assert "schoon_huis:" not in html and "zelfredzaamheid." not in overzicht
    assert 'id="afw_mot_schoon_huis"' in html and 'id="id_s-kamers_in_gebruik"' in html  # links land


@pytest.mark.django_db
@override_settings(MAATWERK_GEMEENTE="Rijswijk")
def test_treden_met_namen(client, consulent, zaak) -> None:
    client.force_login(consulent)
    paneel = client.post(f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "")).content.decode()
    assert "Trede " in paneel and "sociaal_persoonlijk_functioneren" not in paneel


@pytest.mark.django_db
def test_ander_kader_op_de_gespreksdatum_wordt_gemeld(client, consulent, zaak) -> None:
    client.force_login(consulent)
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert 'name="vragen_kader" value="kpmg-hbel@2021"' in html
    zelfde = client.post(f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "", vragen_kader="kpmg-hbel@2021"))
    ander = client.post(f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "", vragen_kader="ho-2025@2025"))
    assert "geldt een ander normenkader" not in zelfde.content.decode()
    assert "geldt een ander normenkader: KPMG/HHM" in ander.content.decode()
