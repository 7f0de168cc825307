"""Bad situations give Dutch errors naming the field; good ones load from YAML, JSON and flat rows."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.engine import indiceer, laad_situatie
from maatwerk.engine.plat import (
    KOLOMMEN,
    VERPLICHT,
    indiceer_rij,
    rij_naar_situatie,
    situatie_naar_rij,
    typische_rij,
)
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN
from maatwerk.regels.laden import Regelfout

from .conftest import VOORBEELDEN

GOED = "peildatum: 2026-03-01\ngemeente: Voorbeeldstad\nclient:\n  geboortedatum: 1950-01-01\n"


def _fout(tmp_path, tekst: str, naam: str = "s.yaml") -> list:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(Regelfout) as exc:
        laad_situatie(pad)
    return exc.value.meldingen


@pytest.mark.parametrize(
    "extra,sleutel,tekst",
    [
        ("onzin: 1\n", "onzin", "onbekende sleutel"),
        ("woning:\n  kamers_in_gebruik: -1\n", "woning.kamers_in_gebruik", "moet minstens 0 zijn"),
        ("woning:\n  kamers_niet_in_gebruik: -2\n", "woning.kamers_niet_in_gebruik", "moet minstens 0 zijn"),
        ("huishouden:\n  - geboortedatum: 1950-01-01\n", "huishouden.0.rol", "ontbreekt (verplicht)"),
        (
            "huishouden:\n  - {rol: oom, geboortedatum: 1950-01-01}\n",
            "huishouden.0.rol",
            "ongeldige waarde 'oom'",
        ),
        (
            "beperkingen:\n  wasverzorging: soms\n",
            "beperkingen.wasverzorging",
            "toegestaan: zelf, deels, niet",
        ),
        ("omstandigheden:\n  rolstoel: true\n", "omstandigheden.rolstoel", "onbekende sleutel"),
        (
            "afwijkingen:\n  - {activiteit: schoon_huis, minuten_per_week: 10}\n",
            "afwijkingen.0.motivatie",
            "ontbreekt",
        ),
        (
            "zelfredzaamheid:\n  financien: {score: 7, motivatie: 'lange motivatie hier'}\n",
            "zelfredzaamheid.financien.score",
            "mag hoogstens 5 zijn",
        ),
    ],
)
def test_foute_situatie_noemt_het_veld(tmp_path, extra, sleutel, tekst):
    meldingen = _fout(tmp_path, GOED + extra)
    assert [m.sleutel for m in meldingen] == [sleutel]
    assert tekst in meldingen[0].tekst
    assert meldingen[0].bestand.endswith("s.yaml") and meldingen[0].regel is not None


def test_onmogelijke_datum(tmp_path):
    m = _fout(tmp_path, GOED.replace("1950-01-01", "1950-02-30"))[0]
    assert m.sleutel == "client.geboortedatum" and "geen geldige datum" in m.tekst and m.regel == 4


def test_geboortedatum_na_peildatum(tmp_path):
    m = _fout(tmp_path, GOED.replace("1950-01-01", "2027-01-01"))[0]
    assert (
        m.sleutel == "client.geboortedatum" and "ligt na de peildatum 2026-03-01" in m.tekst and m.regel == 4
    )
    m = _fout(tmp_path, GOED + "huishouden:\n  - {rol: kind, geboortedatum: 2026-05-01}\n")[0]
    assert m.sleutel == "huishouden.0.geboortedatum" and "ligt na de peildatum" in m.tekst


def test_peildatum_ontbreekt_of_wordt_meegegeven(tmp_path):
    zonder = GOED.replace("peildatum: 2026-03-01\n", "")
    assert [m.sleutel for m in _fout(tmp_path, zonder)] == ["peildatum"]
    pad = tmp_path / "z.yaml"
    pad.write_text(zonder, encoding="utf-8")
    assert laad_situatie(pad, peildatum=dt.date(2025, 1, 1)).peildatum == dt.date(2025, 1, 1)


def test_json_situatie_en_foute_json(tmp_path):
    pad = tmp_path / "s.json"
    pad.write_text(
        json.dumps(
            {
                "peildatum": "2026-03-01",
                "gemeente": "Voorbeeldstad",
                "client": {"geboortedatum": "1950-01-01"},
            }
        ),
        encoding="utf-8",
    )
    assert laad_situatie(pad).gemeente == "Voorbeeldstad"
    m = _fout(tmp_path, "{niet: goed", "k.json")[0]
    assert "geen geldige JSON" in m.tekst


def test_afwijking_op_onbekende_activiteit(tmp_path):
    pad = tmp_path / "s.yaml"
    pad.write_text(
        GOED + "beperkingen: {zwaar_huishoudelijk_werk: niet}\nafwijkingen:\n"
        "  - {activiteit: ramen, minuten_per_week: 10, motivatie: 'ramen zijn erg vies'}\n",
        "utf-8",
    )
    with pytest.raises(Regelfout) as exc:
        indiceer(laad_situatie(pad))
    assert exc.value.meldingen[0].sleutel == "afwijkingen.0.activiteit"
    assert "bestaat niet in normenkader kpmg-hbel" in str(exc.value)


def test_platte_rij_heen_en_terug():
    for pad in sorted(VOORBEELDEN.glob("*.yaml")):
        s = laad_situatie(pad)
        if s.zelfredzaamheid or s.afwijkingen:
            s = s.model_copy(update={"zelfredzaamheid": {}, "afwijkingen": []})
        rij = situatie_naar_rij(s)
        assert set(rij) == set(KOLOMMEN)
        terug = rij_naar_situatie(rij)
        kader = "ciz-protocol" if "vught" in pad.name else None
        assert indiceer(terug, kader).totaal_minuten_per_week == indiceer(s, kader).totaal_minuten_per_week


def test_typische_situatie_en_onbekende_kolom():
    assert VERPLICHT == ("geboortedatum",)
    s = rij_naar_situatie({"id": 7, "geboortedatum": dt.date(1940, 1, 1)}, peildatum=dt.date(2026, 3, 1))
    # typical: licht deels, zwaar niet -> KPMG 108 - 23 = 85 u/jr -> 99 min/week
    assert indiceer(s).totaal_minuten_per_week == 99
    rij = typische_rij(dt.date(1940, 1, 1), beperking_licht_huishoudelijk_werk="niet")
    assert indiceer_rij(rij, "kpmg-hbel", dt.date(2026, 3, 1)).totaal_minuten_per_week == 125
    assert typische_rij(dt.date(1940, 1, 1), trap=True)["trap"] is True
    with pytest.raises(Regelfout, match="onbekende kolom"):
        rij_naar_situatie({"geboortedatum": dt.date(1940, 1, 1), "kamers": 3})


@given(kamers=st.integers(-50, -1))
def test_negatieve_kamers_altijd_fout(kamers):
    with pytest.raises(Regelfout) as exc:
        laad_situatie(
            {
                "peildatum": "2026-01-01",
                "gemeente": "X",
                "client": {"geboortedatum": "1950-01-01"},
                "woning": {"kamers_in_gebruik": kamers},
            }
        )
    assert exc.value.meldingen[0].sleutel == "woning.kamers_in_gebruik"


@given(
    sleutel=st.from_regex(r"[a-z][a-z_]{2,15}", fullmatch=True),
    plek=st.sampled_from(["", "woning", "beperkingen", "omstandigheden", "client"]),
)
def test_onbekende_sleutel_wordt_altijd_genoemd(sleutel, plek):
    data = {"peildatum": "2026-01-01", "gemeente": "X", "client": {"geboortedatum": "1950-01-01"}}
    doel = data if not plek else data.setdefault(plek, {})
    bekend = {
        "": {
            "peildatum",
            "gemeente",
            "client",
            "huishouden",
            "woning",
            "beperkingen",
            "omstandigheden",
            "netwerk",
            "algemene_voorzieningen",
            "zelfredzaamheid",
            "afwijkingen",
            "toelichting",
        },
        "woning": {"type", "kamers_in_gebruik", "kamers_niet_in_gebruik", "trap"},
        "beperkingen": set(CATEGORIEEN),
        "omstandigheden": set(OMSTANDIGHEDEN),
        "client": {"geboortedatum"},
    }[plek]
    if sleutel in bekend:
        return
    doel[sleutel] = 1
    with pytest.raises(Regelfout) as exc:
        laad_situatie(data)
    m = exc.value.meldingen[0]
    assert m.sleutel == (f"{plek}.{sleutel}" if plek else sleutel) and m.tekst == "onbekende sleutel"


@given(jaren=st.integers(1, 50))
def test_geboortedatum_in_de_toekomst_altijd_fout(jaren):
    data = {"peildatum": "2026-01-01", "gemeente": "X", "client": {"geboortedatum": f"{2026 + jaren}-01-01"}}
    with pytest.raises(Regelfout) as exc:
        laad_situatie(data)
    assert exc.value.meldingen[0].sleutel == "client.geboortedatum"


def test_netwerk_met_frequentie():
    basis = {"peildatum": "2026-01-01", "gemeente": "X", "client": {"geboortedatum": "1950-01-01"}}
    n = {"wie": "zoon", "taak": "boodschappen", "keer_per_week": 2, "minuten_per_keer": 30}
    assert laad_situatie({**basis, "netwerk": [n]}).netwerk[0].minuten_per_week == 60
    with pytest.raises(Regelfout, match="niet keer_per_week x minuten_per_keer"):
        laad_situatie({**basis, "netwerk": [{**n, "minuten_per_week": 10}]})
    with pytest.raises(Regelfout) as exc:
        laad_situatie({**basis, "netwerk": [{"wie": "zoon", "taak": "boodschappen"}]})
    assert exc.value.meldingen[0].sleutel == "netwerk.0.minuten_per_week"
