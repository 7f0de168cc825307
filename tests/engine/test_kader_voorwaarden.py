"""Kader conditions in the shared grammar: parsing on load, and what a missing fact means."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from maatwerk.engine import laad_situatie
from maatwerk.engine.kaders import Correctie, lees_voorwaarde
from maatwerk.engine.stappen.feiten import alle, alle_kolom, feiten
from maatwerk.engine.stappen.toestand import Feit
from maatwerk.regels.laden import Regelfout, valideer
from maatwerk.regeltaal.voorwaarden import VoorwaardeFout

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "situaties" / "01-alleenstaande-basis.yaml"


def _correctie(als: object) -> Correctie:
    data = {"id": "c", "omschrijving": "c", "als": als, "minuten_per_week": 5, "bron": {"titel": "t"}}
    return valideer(Correctie, data, "kader.yaml", {("als",): 12})


@pytest.mark.parametrize(
    ("als", "fout"),
    [
        ({"meerpersonen": True}, "kader.yaml:12: als: onbekend feit 'meerpersonen'; bekende feiten: "),
        ({"gemeente": {"minstens": 3}}, "gemeente: is tekst en kan niet met een getal vergeleken worden"),
        ({"of": [{"trap": True}, {"woning_type": {"bevat": "x"}}]}, "(bij of.1.woning_type): 'bevat' werkt"),
        ([{"feit": "trap"}], "dit is de oude vorm"),
        ({"een_van": [{"feit": "trap"}]}, "schrijf een tabel"),
        ({"voorziening.sauna": True}, "onbekend feit 'voorziening.sauna'"),
    ],
)
def test_fout_in_voorwaarde_noemt_bestand_regel_en_sleutel(als, fout):
    with pytest.raises(Regelfout) as exc:
        _correctie(als)
    assert fout in str(exc.value)
    assert exc.value.meldingen[0].sleutel == "als"


def test_zonder_als_geldt_altijd_en_tekst_is_nederlands():
    assert _correctie(None).als is None
    assert alle(None, {}) and alle_kolom(None, {}, 3).all()
    v = _correctie({"niveau": "deels", "of": [{"trap": True}, {"kamers_in_gebruik": {"minstens": 4}}]}).als
    assert v is not None
    assert v.tekst() == "niveau is deels en (trap is ja of kamers_in_gebruik is minstens 4)"


def test_ontbrekend_feit_is_geen_en_een_test_erop_geldt_niet():
    """Old semantics kept: a voorwaarde on a fact the situation does not have does not hold."""
    f = feiten(laad_situatie(VOORBEELD))
    assert f["voorziening.boodschappendienst"] is None and f["leeftijd_jongste_kind"] is None
    for data, verwacht in [
        ({"voorziening.boodschappendienst": True}, False),
        ({"voorziening.boodschappendienst": False}, False),  # geen: every test is onwaar
        ({"voorziening.boodschappendienst": {"opgegeven": False}}, True),
        ({"niet": {"voorziening.boodschappendienst": True}}, True),
        ({"leeftijd_jongste_kind": {"hoogstens": 12}}, False),
        ({"netwerk.boodschappen": {"groter_dan": 0}}, False),
    ]:
        v = lees_voorwaarde(data)
        assert alle(v, f) is verwacht, data
        assert not v.evalueer(f).onbekend  # onbekend does not occur for engine facts
        # the column form: a fact missing from the columns is geen in every row, as in the single form
        assert alle_kolom(v, {}, 2).tolist() == [verwacht, verwacht], data


def test_kolomvorm_leest_tekstcodes_en_aanwezig():
    v = lees_voorwaarde({"woning_type": ["Flat", "portiekwoning"], "voorziening.boodschappendienst": True})
    kolommen = {
        "woning_type": Feit(np.array([0, 1, 2]), None, ("flat", "eengezinswoning", "PORTIEKWONING")),
        "voorziening.boodschappendienst": Feit(np.array([True, True, False]), np.array([True, True, False])),
    }
    assert alle_kolom(v, kolommen, 3).tolist() == [True, False, False]
    with pytest.raises(VoorwaardeFout):
        lees_voorwaarde({"niveau": {"kleiner_dan": 2}})
