"""The rule types real frameworks need (issue 9 item 2), each in the shipped YAML with its source:
a minimum trede on a condition, a frequency that depends on facts, an afwijking per resultaatgebied,
a netwerk deduction capped at what the network gives, an algemene voorziening that only replaces
maatwerk when it is passend and financieel toegankelijk, and frequencies citing their own framework.
Each is checked in the single path (with its trace) and against the batch path on the same rows."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import polars as pl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.engine import indiceer, laad_situatie
from maatwerk.engine.batch import indiceer_batch
from maatwerk.engine.kaders import NORMENKADERS_MAP, Register
from maatwerk.engine.plat import situatie_naar_rij
from maatwerk.regels.laden import Regelfout

from .conftest import VOORBEELDEN, situatie

NIET = {"licht_huishoudelijk_werk": "niet", "zwaar_huishoudelijk_werk": "niet"}


def _laad(**velden: Any):
    """Load a situation the way files are loaded (Dutch errors as a Regelfout)."""
    basis = {
        "peildatum": "2026-03-01",
        "gemeente": "Voorbeeldstad",
        "client": {"geboortedatum": "1941-05-12"},
    }
    return laad_situatie(basis | velden)


def _batch_is_enkel(situaties: list, kader: str) -> pl.DataFrame:
    """The batch path on the flat rows of ``situaties`` gives the single path's minutes and treden."""
    rijen = [{"id": i, **situatie_naar_rij(s)} for i, s in enumerate(situaties)]
    uit = indiceer_batch(pl.DataFrame(rijen, infer_schema_length=None), kader)
    for s, rij in zip(situaties, uit.iter_rows(named=True), strict=True):
        ind = indiceer(s, kader)
        assert rij["totaal_minuten_per_week"] == ind.totaal_minuten_per_week
        for a in ind.activiteiten:
            assert rij[f"min_{a.id}"] == a.minuten_per_week, a.id
        assert rij["voorbeeldwaarden"] == ind.voorbeeldwaarden
        if ind.treden:
            assert rij["trede_hbh"] == next(iter(ind.treden.values()))
        assert rij["tarief_per_periode"] == (
            ind.tarief_per_periode.bedrag if ind.tarief_per_periode else None
        )
    return uit


# ------------------------------------------------------------------------------------- minimum trede


def _denhaag(**velden: Any):
    data: dict[str, Any] = {"peildatum": "2017-09-01", "gemeente": "Den Haag"} | velden
    return situatie(**data)


def test_minimum_trede_den_haag_meerdere_wasbeurten_minimaal_plus():
    # seed Den Haag 2017: several wasbeurten by the professional make Basis unrealistic -> at least Plus
    ind = indiceer(laad_situatie(VOORBEELDEN / "17-denhaag-incontinentie-minimaal-plus.yaml"))
    assert ind.totaal_minuten_per_week == 120  # 2 hours: the band says Basis
    assert ind.treden["voeren_huishouden"] == "Plus"
    detail = next(t for t in ind.trede_details if t.resultaatgebied == "voeren_huishouden")
    assert "band 0–3 uur; minimaal Plus" in detail.grond and detail.tarief == 330.0
    (stap,) = ind.trede_trace
    assert stap.regel == "denhaag-mwa.minimum_trede.meerdere_wasbeurten"
    assert "wasbeurten" in stap.bron and stap.feiten["trede_uit_uren"] == "Basis"
    assert ind.as_json()["trede_trace"][0]["regel"] == stap.regel


def test_minimum_trede_alleen_als_de_professional_wast_en_nooit_omlaag():
    zelf_wassen = _denhaag(
        beperkingen={"licht_huishoudelijk_werk": "niet"}, omstandigheden={"incontinentie": True}
    )
    assert indiceer(zelf_wassen).treden["voeren_huishouden"] == "Basis"  # no wash activity: no minimum
    zonder = _denhaag(beperkingen={"wasverzorging": "niet"})
    assert indiceer(zonder).treden["voeren_huishouden"] == "Basis" and not indiceer(zonder).trede_trace
    veel = _denhaag(
        beperkingen={**NIET, "wasverzorging": "niet", "boodschappen": "niet", "maaltijden": "niet"},
        omstandigheden={"incontinentie": True, "copd_astma_allergie": True},
    )
    assert indiceer(veel).treden["voeren_huishouden"] == "Intensief"  # a higher trede stays
    _batch_is_enkel(
        [
            zelf_wassen,
            zonder,
            veel,
            laad_situatie(VOORBEELDEN / "17-denhaag-incontinentie-minimaal-plus.yaml"),
        ],
        "denhaag-mwa",
    )


def test_minimum_trede_met_onbekende_trede_is_een_duidelijke_fout(tmp_path, monkeypatch):
    tekst = (NORMENKADERS_MAP / "denhaag-mwa" / "2017-01-01.yaml").read_text("utf-8")
    (tmp_path / "normenkaders" / "denhaag-mwa").mkdir(parents=True)
    (tmp_path / "normenkaders" / "denhaag-mwa" / "2017-01-01.yaml").write_text(
        tekst.replace("trede: plus", "trede: extra"), "utf-8"
    )
    reg = Register(tmp_path / "normenkaders", NORMENKADERS_MAP.parent / "resultatenmatrices")
    monkeypatch.setattr("maatwerk.engine.berekening.register", lambda: reg)
    with pytest.raises(Regelfout, match="trede 'extra' bestaat niet in resultaatgebied 'voeren_huishouden'"):
        indiceer(laad_situatie(VOORBEELDEN / "17-denhaag-incontinentie-minimaal-plus.yaml"), "denhaag-mwa")
    kapot = tekst.replace("  activiteit: wasverzorging\n  als:", "  activiteit: wassen\n  als:")
    (tmp_path / "normenkaders" / "denhaag-mwa" / "2017-01-01.yaml").write_text(kapot, "utf-8")
    with pytest.raises(Regelfout, match="minimum_treden.0.activiteit: onbekende activiteit 'wassen'"):
        Register(tmp_path / "normenkaders", NORMENKADERS_MAP.parent / "resultatenmatrices")


# ------------------------------------------------------------------------------ frequency on facts


def test_frequentie_hangt_af_van_veel_eigen_kracht():
    # Normenkader 2025 (normtijden.md §7.1 N1, N3): fortnightly 150 minutes with veel eigen kracht
    krachtig = laad_situatie(VOORBEELDEN / "14-ho-2025-veel-eigen-kracht.yaml")
    a = indiceer(krachtig, "ho-2025").activiteit("schoon_leefbaar_huis")
    assert (a.frequentie, a.minuten_per_keer, a.minuten_per_week) == ("1 keer per twee weken", 150.0, 75)
    normtijd = next(s for s in a.trace if s.regel.endswith(".normtijd"))
    assert "N3" in normtijd.bron and "150 minuten per twee weken" in normtijd.bron
    assert normtijd.feiten["veel_eigen_kracht"] is True
    assert "1 keer per twee weken, 150 minuten per keer (75 minuten per week)" in a.uitleg
    wekelijks = krachtig.model_copy(update={"veel_eigen_kracht": False})
    b = indiceer(wekelijks, "ho-2025").activiteit("schoon_leefbaar_huis")
    assert (b.frequentie, b.minuten_per_keer, b.minuten_per_week) == ("1 keer per week", 150.0, 150)
    _batch_is_enkel([krachtig, wekelijks], "ho-2025")


def test_minuten_per_keer_komen_uit_de_norm_niet_uit_de_afgeronde_week():
    # test kader value 37,3 x 3 per twee weken = 55,95 -> rounded to 55 (stap 5): per keer stays 37,3
    from maatwerk.engine import laad_kader

    k = laad_kader(VOORBEELDEN.parents[1] / "tests" / "engine" / "batch-testkader.yaml")
    s = situatie(beperkingen=NIET, client={"geboortedatum": "1966-01-01"})
    a = indiceer(s, k).activiteit("licht")
    assert a.minuten_per_week == 55 and a.minuten_per_keer == 37.3


# ---------------------------------------------------------------------- afwijking per resultaatgebied


def test_afwijking_per_resultaatgebied_zoals_de_rechter_toekent():
    # CRvB 2025:601 (normtijden.md §3 W9): 153 schoon en leefbaar huis + 21 wasverzorging = 174
    ind = indiceer(laad_situatie(VOORBEELDEN / "15-ho-2025-afwijking-per-resultaatgebied.yaml"), "ho-2025")
    gebieden = {g.id: g.minuten_per_week for g in ind.resultaatgebieden}
    assert gebieden == {"schoon_leefbaar_huis": 153, "wasverzorging": 21}
    assert ind.totaal_minuten_per_week == 174 == sum(a.minuten_per_week for a in ind.activiteiten)
    regel = ind.activiteit("resultaatgebied.schoon_leefbaar_huis.afwijking")
    assert regel is not None and regel.afgeweken and regel.minuten_per_week == 3
    assert regel.trace[0].feiten == {
        "berekend": 150,
        "vastgesteld": 153,
        "motivatie": "CRvB 2025:601 (Tilburg) kent 153 minuten schoon en leefbaar huis toe.",
    }
    assert "Tilburg" in ind.uitleg


def test_afwijking_per_resultaatgebied_fouten():
    with pytest.raises(Regelfout, match="resultaatgebied 'tuin' bestaat niet in normenkader kpmg-hbel"):
        indiceer(
            situatie(afwijkingen=[{"resultaatgebied": "tuin", "minuten_per_week": 10, "motivatie": "x" * 12}])
        )
    with pytest.raises(Regelfout, match="geef óf 'activiteit' óf 'resultaatgebied'"):
        _laad(
            afwijkingen=[
                {"activiteit": "a", "resultaatgebied": "b", "minuten_per_week": 10, "motivatie": "x" * 12}
            ]
        )
    with pytest.raises(Regelfout, match="'schoon_huis' staat er twee keer in"):
        _laad(
            afwijkingen=[
                {"resultaatgebied": "schoon_huis", "minuten_per_week": m, "motivatie": "x" * 12}
                for m in (1, 2)
            ]
        )


# --------------------------------------------------------------------------------- netwerk capped


def test_netwerk_aftrek_nooit_meer_dan_het_netwerk_doet():
    # KPMG/HBEL -23 u/jr (26,5 min/week) fired in full for 5 minutes of help; now capped at 5
    ind = indiceer(laad_situatie(VOORBEELDEN / "16-voorbeeldstad-buurman-vijf-minuten.yaml"))
    stap = next(s for s in ind.activiteiten[0].trace if s.regel.endswith("netwerk_minder_inzet"))
    assert stap.effect_minuten == -5.0
    assert stap.feiten["netwerk_minuten_per_week"] == 5.0 and stap.feiten["norm_minuten_per_week"] == -26.54
    assert "niet meer dan uw netwerk echt doet" in stap.tekst
    assert ind.totaal_minuten_per_week == 120  # 124,6 - 5 = 119,6 -> 120
    veel = situatie(
        beperkingen=NIET,
        netwerk=[{"wie": "zoon", "taak": "zwaar_huishoudelijk_werk", "minuten_per_week": 60}],
    )
    assert indiceer(veel).totaal_minuten_per_week == 99  # the full -23 u/jr: 85 u/jr -> 99
    _batch_is_enkel(
        [laad_situatie(VOORBEELDEN / "16-voorbeeldstad-buurman-vijf-minuten.yaml"), veel], "kpmg-hbel"
    )


def test_hoogstens_netwerk_alleen_voor_een_aftrek(tmp_path):
    tekst = (NORMENKADERS_MAP / "kpmg-hbel" / "2021-01-01.yaml").read_text("utf-8")
    kapot = tekst.replace(
        "        uren_per_jaar: -23\n        hoogstens_netwerk",
        "        uren_per_jaar: 23\n        hoogstens_netwerk",
    )
    (tmp_path / "n" / "kpmg-hbel").mkdir(parents=True)
    (tmp_path / "n" / "kpmg-hbel" / "2021-01-01.yaml").write_text(kapot, "utf-8")
    with pytest.raises(Regelfout, match="hoogstens_netwerk geldt alleen voor een aftrek"):
        Register(tmp_path / "n", NORMENKADERS_MAP.parent / "resultatenmatrices")


# ---------------------------------------------------------------------------- algemene voorziening


def test_algemene_voorziening_alleen_als_passend_en_toegankelijk():
    ind = indiceer(laad_situatie(VOORBEELDEN / "18-rijswijk-voorziening-niet-passend.yaml"))
    was = ind.activiteit("wasverzorging")
    assert was.minuten_per_week == 30
    stap = next(s for s in was.trace if s.regel == "wasverzorging.voorziening")
    assert stap.feiten["financieel_toegankelijk"] is False and "2.3.5 lid 3" in stap.bron
    assert "Geen aftrek" in stap.tekst
    boodschappen = ind.activiteit("boodschappen")
    assert boodschappen.minuten_per_week == 45
    assert any("niet vastgesteld" in s.tekst for s in boodschappen.trace)
    vervangt = indiceer(laad_situatie(VOORBEELDEN / "10-rijswijk-algemene-voorzieningen.yaml"))
    stap = next(s for s in vervangt.activiteit("wasverzorging").trace if s.regel.endswith(".voorziening"))
    assert stap.tekst.startswith("Vervalt: de algemene voorziening was- en strijkservice is voor u passend")
    _batch_is_enkel(
        [
            laad_situatie(VOORBEELDEN / "18-rijswijk-voorziening-niet-passend.yaml"),
            laad_situatie(VOORBEELDEN / "10-rijswijk-algemene-voorzieningen.yaml"),
        ],
        "h4",
    )


def test_particuliere_markt_met_korting_laat_nooit_iets_vervallen(tmp_path):
    tekst = (NORMENKADERS_MAP / "h4" / "2020-01-01.yaml").read_text("utf-8")
    kapot = tekst.replace(
        "  was_en_strijkservice:\n    alleen_particuliere_markt_met_korting: false",
        "  was_en_strijkservice:\n    alleen_particuliere_markt_met_korting: true",
    )
    (tmp_path / "n" / "h4").mkdir(parents=True)
    (tmp_path / "n" / "h4" / "2020-01-01.yaml").write_text(kapot, "utf-8")
    with pytest.raises(
        Regelfout, match="alleen de particuliere markt met korting; dat is geen algemene voorziening"
    ):
        Register(tmp_path / "n", NORMENKADERS_MAP.parent / "resultatenmatrices")
    zonder = re.sub(r"algemene_voorzieningen:\n(  .*\n|    .*\n)+", "", tekst)
    (tmp_path / "n" / "h4" / "2020-01-01.yaml").write_text(zonder, "utf-8")
    with pytest.raises(Regelfout, match="'was_en_strijkservice' staat niet onder algemene_voorzieningen"):
        Register(tmp_path / "n", NORMENKADERS_MAP.parent / "resultatenmatrices")


def test_voorziening_beoordeling_in_de_situatie():
    s = situatie(
        algemene_voorzieningen=[
            "maaltijdvoorziening",
            {"voorziening": "boodschappendienst", "passend": "Ja", "financieel_toegankelijk": "onbekend"},
        ]
    )
    assert [(v.voorziening, v.passend, v.financieel_toegankelijk) for v in s.algemene_voorzieningen] == [
        ("maaltijdvoorziening", None, None),
        ("boodschappendienst", True, None),
    ]
    # without a decision it dumps as the bare name (stored situations and the onderzoek form read that)
    data = s.model_dump(mode="json")
    assert data["algemene_voorzieningen"][0] == "maaltijdvoorziening"
    assert data["algemene_voorzieningen"][1]["passend"] is True
    assert laad_situatie(data) == s
    with pytest.raises(Regelfout, match="verwacht ja of nee"):
        _laad(algemene_voorzieningen=[{"voorziening": "boodschappendienst", "passend": "misschien"}])
    with pytest.raises(Regelfout, match="'boodschappendienst' staat er twee keer in"):
        _laad(algemene_voorzieningen=["boodschappendienst", {"voorziening": "boodschappendienst"}])


# ------------------------------------------------------------------------------- sources and texts


def test_frequentie_citeert_het_eigen_kader():
    for pad in NORMENKADERS_MAP.glob("*/*.yaml"):
        data = yaml.safe_load(pad.read_text("utf-8"))
        for a in data["activiteiten"]:
            bron = str((a["frequentie"].get("bron") or {}).get("titel", ""))
            if data["id"] != "ho-2025":
                assert "§7.1" not in bron, (pad, a["id"])  # the 2025 framework is not theirs


def test_getoonde_sommen_kloppen():
    # 5 rooms, threshold 3: "2 x 16 uur per jaar" and its minutes, not "2 x 18,5" next to 36,9
    s = situatie(beperkingen=NIET, woning={"kamers_in_gebruik": 5})
    stap = next(x for x in indiceer(s).activiteiten[0].trace if x.regel.endswith("extra_kamer_in_gebruik"))
    assert stap.tekst == "Meer inzet: extra kamer in gebruik: +36,9 minuten per week (2 x 16 uur per jaar)."


def test_situatie_kent_de_nieuwe_feiten():
    s = laad_situatie(VOORBEELDEN / "14-ho-2025-veel-eigen-kracht.yaml")
    assert s.veel_eigen_kracht is True
    with pytest.raises(Regelfout) as fout:
        _laad(veel_eigen_kracht="soms")
    assert fout.value.meldingen[0].sleutel == "veel_eigen_kracht"
    assert "verwacht ja of nee" in fout.value.meldingen[0].tekst
    assert _laad(veel_eigen_kracht="Ja").veel_eigen_kracht is True
    assert situatie_naar_rij(s)["veel_eigen_kracht"] is True
    assert dt.date(2026, 3, 1) == s.peildatum


# ------------------------------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None)
@given(minuten=st.floats(0.5, 600, allow_nan=False), niveau=st.sampled_from(["deels", "niet"]))
def test_netwerkaftrek_nooit_groter_dan_het_netwerk(minuten, niveau):
    s = situatie(
        beperkingen={"licht_huishoudelijk_werk": niveau, "zwaar_huishoudelijk_werk": "niet"},
        netwerk=[{"wie": "buur", "taak": "licht_huishoudelijk_werk", "minuten_per_week": minuten}],
    )
    trace = indiceer(s).activiteiten[0].trace
    for stap in trace:
        if stap.regel.endswith("netwerk_minder_inzet"):
            assert -minuten - 1e-9 <= stap.effect_minuten < 0
    aftrek = sum(
        stap.effect_minuten
        for stap in trace
        if stap.regel.endswith(("netwerk_minder_inzet", "mogelijkheden_netwerk"))
    )
    assert aftrek >= -23 * 60 / 52 - 1e-9  # one deduction (groep), never more than the norm


@settings(max_examples=60, deadline=None)
@given(
    omstandigheden=st.fixed_dictionaries(
        {o: st.booleans() for o in ("incontinentie", "stoma", "bedlegerig", "copd_astma_allergie")}
    ),
    niveau=st.sampled_from(["zelf", "deels", "niet"]),
)
def test_minimum_trede_verlaagt_nooit(omstandigheden, niveau):
    rang = {"Basis": 0, "Plus": 1, "Intensief": 2}
    s = _denhaag(
        beperkingen={"wasverzorging": niveau, "licht_huishoudelijk_werk": "niet"},
        omstandigheden=omstandigheden,
    )
    ind = indiceer(s)
    zonder = {o: False for o in ("incontinentie", "stoma", "bedlegerig")}
    basis = indiceer(_denhaag(beperkingen=s.beperkingen.model_dump(), omstandigheden=omstandigheden | zonder))
    if ind.treden and basis.treden:
        assert rang[ind.treden["voeren_huishouden"]] >= rang[basis.treden["voeren_huishouden"]]
    if ind.trede_trace:
        assert ind.treden["voeren_huishouden"] in ("Plus", "Intensief")
        assert ind.activiteit("wasverzorging").minuten_per_week > 0
