"""Worked examples, computed by hand from the shipped frameworks. Each cites the norm lines it uses.

KPMG/HBEL (normtijden.md §2.2) is in hours per year; per week = uren x 60 / 52 (§2.1: 78 u/jr = 1,5 u/wk),
rounded up to whole minutes per activity (§1.1: never round needed minutes down).
"""

from __future__ import annotations

import math

import pytest

from maatwerk.engine import indiceer, laad_situatie

from .conftest import VOORBEELDEN, situatie

NIET = {"licht_huishoudelijk_werk": "niet", "zwaar_huishoudelijk_werk": "niet"}


def per_week(uren_per_jaar: float) -> int:
    return math.ceil(round(uren_per_jaar * 60 / 52, 6))


def test_kpmg_basis_108_uur_per_jaar():
    # §2.2 "Basissituatie, volledige overname (per woning): 108" -> 108 x 60 / 52 = 124,615 -> 125 min/week
    ind = indiceer(laad_situatie(VOORBEELDEN / "01-alleenstaande-basis.yaml"))
    assert ind.kader == "kpmg-hbel" and ind.kader_versie == "2021"
    assert ind.totaal_minuten_per_week == 125 == per_week(108)
    assert ind.uren_per_week == 2.08
    assert ind.uren_per_jaar == 108.33  # 125 x 52 / 60
    stappen = {s.regel: s for s in ind.activiteiten[0].trace}
    assert stappen["schoon_huis.normtijd"].effect_minuten == pytest.approx(108 * 60 / 52)
    assert "normtijden.md §2.2" in stappen["schoon_huis.normtijd"].bron
    assert ind.treden == {"schoon_huis": "Trede 4"}  # 2,08 uur in de (voorbeeld)band 1,5-2,5
    assert ind.tarief_per_periode.bedrag == 250.0 and ind.voorbeeldwaarden


def test_kpmg_eigen_mogelijkheden_min_23():
    # §2.2 "Minder inzet: eigen mogelijkheden client en/of netwerk: -23": 108 - 23 = 85 u/jr -> 98,08 -> 99
    ind = indiceer(
        situatie(beperkingen={"licht_huishoudelijk_werk": "deels", "zwaar_huishoudelijk_werk": "niet"})
    )
    assert ind.totaal_minuten_per_week == per_week(85) == 99
    # the same deduction when the network helps (once, not twice)
    ind = indiceer(
        situatie(
            beperkingen={"licht_huishoudelijk_werk": "deels", "zwaar_huishoudelijk_werk": "niet"},
            netwerk=[{"wie": "zoon", "taak": "zwaar_huishoudelijk_werk", "minuten_per_week": 20}],
        )
    )
    assert ind.totaal_minuten_per_week == 99


def test_kpmg_beperkingen_enig_26_en_veel_52_niet_opgeteld():
    # §2.2 beperkingen: "enig extra inzet" +26, "veel extra inzet" +52 (one or the other, groep "beperkingen")
    enig = indiceer(situatie(beperkingen=NIET, omstandigheden={"copd_astma_allergie": True}))
    assert enig.totaal_minuten_per_week == per_week(108 + 26) == 155
    beide = indiceer(
        situatie(beperkingen=NIET, omstandigheden={"copd_astma_allergie": True, "rolstoel_binnenshuis": True})
    )
    assert beide.totaal_minuten_per_week == per_week(108 + 52) == 185


def test_kpmg_grote_woning_netwerk_en_veel_beperking():
    # §2.2: 108 - 23 (deels + buurvrouw) + 52 (rolstoel) + 2 x 16 (5 kamers, drempel 3) + 1 x 4 = 173 u/jr
    ind = indiceer(laad_situatie(VOORBEELDEN / "04-rolstoel-copd-grote-woning.yaml"))
    assert ind.totaal_minuten_per_week == per_week(173) == 200
    effecten = {s.regel.split(".")[-1]: round(s.effect_minuten, 3) for s in ind.activiteiten[0].trace}
    assert effecten["eigen_mogelijkheden_netwerk"] == round(-23 * 60 / 52, 3)
    assert effecten["extra_kamer_in_gebruik"] == round(2 * 16 * 60 / 52, 3)
    assert effecten["extra_kamer_niet_in_gebruik"] == round(4 * 60 / 52, 3)
    assert "beperkingen_enig" not in effecten  # COPD (+26) loses to rolstoel (+52) in the same groep


def test_kpmg_partner_neemt_over_en_overbelasting():
    # §1.4 (Valkenswaard): a capable partner takes over -> no help; CRvB BL9930: overload is the exception,
    # then samenstelling huishouden +26 (§2.2): 108 + 26 = 134 u/jr -> 155 min/week
    assert (
        indiceer(laad_situatie(VOORBEELDEN / "02-echtpaar-partner-neemt-over.yaml")).totaal_minuten_per_week
        == 0
    )
    ind = indiceer(laad_situatie(VOORBEELDEN / "03-partner-overbelast.yaml"))
    assert ind.totaal_minuten_per_week == per_week(134) == 155
    assert ind.uren_per_jaar == round(155 * 52 / 60, 2)


def test_vught_split_180_minuten():
    # §1.2 Vught (ECLI:NL:RBOBR:2019:6854): licht 30 + zwaar 90 + was 30 + strijken 30 = 180 min (3 uur)
    ind = indiceer(laad_situatie(VOORBEELDEN / "05-vught-weduwe.yaml"), kader="ciz-protocol")
    assert {a.id: a.minuten_per_week for a in ind.activiteiten} == {
        "licht_huishoudelijk_werk": 30,
        "zwaar_huishoudelijk_werk": 90,
        "wasverzorging": 30,
        "strijken": 30,
    }
    assert ind.totaal_minuten_per_week == 180 and ind.uren_per_week == 3.0
    assert not ind.voorbeeldwaarden  # only the verified Vught minutes were used
    assert ind.tarief_per_periode is None and ind.treden == {}


def test_rotterdam_medische_noodzaak_plus_90_zwaar():
    # §1.3 (Rb. Rotterdam 2015:6669): +90 min/week zwaar huishoudelijk werk on medical advice
    s = situatie(
        beperkingen={"zwaar_huishoudelijk_werk": "niet"}, omstandigheden={"specialist_extra_schoonmaak": True}
    )
    ind = indiceer(s, kader="ciz-protocol")
    assert ind.activiteit("zwaar_huishoudelijk_werk").minuten_per_week == 90 + 90


def test_denhaag_aandoeningen_en_wasbeurten():
    # seed Den Haag 2017: COPD/blind (one toeslag per groep, voorbeeld 20) on zwaar 90 (§1.2 Vught);
    # extra wasbeurt for stoma (voorbeeld 30) on was 30; licht 30 + strijken 30 -> 30+110+60+30 = 230
    ind = indiceer(laad_situatie(VOORBEELDEN / "08-denhaag-copd-stoma.yaml"))
    assert ind.kader == "denhaag-mwa"
    assert {a.id: a.minuten_per_week for a in ind.activiteiten} == {
        "licht_huishoudelijk_werk": 30,
        "zwaar_huishoudelijk_werk": 110,
        "wasverzorging": 60,
        "strijken": 30,
    }
    assert ind.treden["voeren_huishouden"] == "Plus"  # 3,83 uur in de (voorbeeld)band 3-6
    assert ind.treden["rg2_persoonlijk_functioneren"] == "Basis"  # zelfredzaamheid 3
    assert ind.tarief_per_periode.bedrag == 330.0 + 300.0


def test_westland_aanvullende_ondersteuning_alleen_in_westland():
    # seed Westland §4.5: aanvullende ondersteuning HbH (incontinentie, bedlegerig, > 3 kamers), only Westland
    s = laad_situatie(VOORBEELDEN / "06-westland-aanvullend-incontinentie.yaml")
    ind = indiceer(s)
    aanvullend = ind.activiteit("aanvullende_ondersteuning_hbh")
    assert aanvullend is not None and aanvullend.minuten_per_week == 30
    # does not count for the trede: 343 - 30 = 313 min = 5,22 uur -> trede 1 (band >= 5)
    assert ind.treden == {"regie_huishouden": "Trede 1", "financien": "Trede 2"}
    assert ind.tarief_per_periode.bedrag == 120 * 5 + 90 * 4 + 110
    delft = indiceer(s.model_copy(update={"gemeente": "Delft"}))
    assert delft.activiteit("aanvullende_ondersteuning_hbh") is None
    assert delft.totaal_minuten_per_week == ind.totaal_minuten_per_week - 30


def test_netwerk_gaat_voor_en_algemene_voorzieningen():
    # Wmo 2015 art. 2.3.2 lid 4: netwerk first (daughter does the 45 min boodschappen);
    # CRvB 2024:743 (§7.3 W16): a was- en strijkservice counts as algemene voorziening
    ind = indiceer(laad_situatie(VOORBEELDEN / "09-denhaag-verzamelaar-overzicht-kwijt.yaml"))
    assert ind.activiteit("boodschappen").minuten_per_week == 0
    ind = indiceer(laad_situatie(VOORBEELDEN / "10-rijswijk-algemene-voorzieningen.yaml"))
    nul = {a.id for a in ind.activiteiten if a.minuten_per_week == 0}
    assert nul == {"wasverzorging", "strijken", "boodschappen", "warme_maaltijd"}
    assert ind.totaal_minuten_per_week == 30 + 90 + 35  # broodmaaltijd 7 x 5 (voorbeeld)


def test_gebruikelijke_hulp_kinderen_per_leeftijdsband():
    # §1.4 Den Helder bands: 15-year-old takes 25% (voorbeeld) of licht + was; 8-year-old 10% of licht.
    # licht: (30 + 15 meerpersoons) x 0,5 deels x (1 - 0,25) = 16,875 -> 17
    ind = indiceer(laad_situatie(VOORBEELDEN / "07-delft-gezin-met-kinderen.yaml"))
    assert ind.activiteit("licht_huishoudelijk_werk").minuten_per_week == 17
    # kindzorg (H4: kinderen tot 12): 7 x 30 + 2 extra kinderen x 35 = 280, deels x 0,5 = 140
    assert ind.activiteit("verzorging_kinderen").minuten_per_week == 140


def test_afwijking_van_de_consulent_staat_in_de_trace():
    ind = indiceer(laad_situatie(VOORBEELDEN / "11-midden-delfland-afwijking.yaml"))
    was = ind.activiteit("wasverzorging")
    assert was.minuten_per_week == 60 and was.afgeweken
    stap = was.trace[-1]
    assert stap.regel == "wasverzorging.afwijking" and stap.feiten["berekend"] == 30
    assert "Dermatoloog" in was.uitleg and "maatwerk" in was.uitleg


def test_uitleg_leest_als_brief():
    ind = indiceer(laad_situatie(VOORBEELDEN / "05-vught-weduwe.yaml"), kader="ciz-protocol")
    assert ind.activiteit("wasverzorging").uitleg == (
        "Voor de was: 1 keer per week, 30 minuten per keer (30 minuten per week), omdat u dit niet zelf kunt."
    )
    assert "3 uur per week" in ind.uitleg


def test_huisgenoot_die_niet_kan_meedoen():
    # §1.4: only a housemate who can take part gives gebruikelijke hulp; §2.2: samenstelling +26 ->
    # 108 + 26 = 134 u/jr -> 154,6 -> 155 min/week. Network help with boodschappen does not touch
    # "schoon en leefbaar huis" (KPMG/HBEL has no boodschappen result).
    ind = indiceer(laad_situatie(VOORBEELDEN / "13-huisgenoot-kan-niet-meedoen.yaml"))
    assert ind.totaal_minuten_per_week == per_week(134) == 155
    assert not any(".gebruikelijke_hulp." in s.regel for s in ind.activiteiten[0].trace)
