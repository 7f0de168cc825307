"""MAATWERK_REGELS: every kind of rule file adds to or overrides the package; caches key on the path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.apps.cases.termijnregels import termijnregels_op
from maatwerk.apps.finance.tarieven import regelset_van, uurtarief
from maatwerk.apps.herindicatie.overgang import beleid_ids, versies
from maatwerk.engine.kaders import register
from maatwerk.iwmo.codes import codelijsten, gemeente_iwmo
from maatwerk.regels import zoekpad
from maatwerk.regels.laden import Regelfout

from .conftest import TESTDORP

PAKKET = zoekpad.PAKKET
BEZWAAR = "naam: Bezwaartermijn cliënt\n    vanaf: besluitdatum\n    weken: 6\n"
TERMIJNEN = PAKKET / "termijnen" / "2015-01-01.yaml"
PXQ = PAKKET / "tarieven" / "pxq" / "voorbeeldstad" / "2017-01-01.yaml"
IWMO = PAKKET / "iwmo" / "gemeenten" / "voorbeeldstad" / "2017-10-01.yaml"
OVERGANG = PAKKET / "overgangsbeleid" / "voorbeeldstad" / "2021-01-01.yaml"
H4 = PAKKET / "resultatenmatrices" / "h4" / "2019-01-01.yaml"


def _bezwaar(weken: int) -> str:
    tekst = TERMIJNEN.read_text("utf-8")
    assert BEZWAAR in tekst
    return tekst.replace(BEZWAAR, BEZWAAR.replace("weken: 6", f"weken: {weken}"))


def test_without_the_variable_only_the_package(monkeypatch):
    monkeypatch.delenv(zoekpad.OMGEVING, raising=False)
    assert zoekpad.regelmappen() == (PAKKET,)


def test_a_missing_directory_is_an_error_not_skipped(activeer, tmp_path):
    activeer(tmp_path / "weg")
    with pytest.raises(Regelfout, match="MAATWERK_REGELS noemt '.*weg', maar dat is geen bestaande map"):
        register()


def test_termijnen_override_and_the_cache_follows_the_variable(regelmap, activeer, monkeypatch):
    datum = dt.date(2024, 1, 1)
    assert termijnregels_op(datum).termijnen["bezwaar"].weken == 6
    tekst = _bezwaar(8)
    activeer(regelmap({"termijnen/2015-01-01.yaml": tekst}))
    assert termijnregels_op(datum).termijnen["bezwaar"].weken == 8
    monkeypatch.delenv(zoekpad.OMGEVING)
    assert termijnregels_op(datum).termijnen["bezwaar"].weken == 6


def test_later_directory_overrides_earlier(regelmap, activeer):
    acht = _bezwaar(8)
    negen = _bezwaar(9)
    a, b = regelmap({"termijnen/2015-01-01.yaml": acht}), regelmap({"termijnen/2015-01-01.yaml": negen})
    activeer(a, b)
    assert termijnregels_op(dt.date(2024, 1, 1)).termijnen["bezwaar"].weken == 9
    activeer(b, a)
    assert termijnregels_op(dt.date(2024, 1, 1)).termijnen["bezwaar"].weken == 8


def test_tariff_override_and_the_gemeente_names_its_sets(regelmap, activeer):
    assert uurtarief("voorbeeldstad", "hh1", "zin", dt.date(2020, 1, 1)) == 2575
    assert regelset_van("pxq", "Voorbeeldstad") == "voorbeeldstad"
    activeer(
        regelmap(
            {
                "tarieven/pxq/voorbeeldstad/2017-01-01.yaml": PXQ.read_text("utf-8").replace(
                    '"25.75"', '"26.00"'
                )
            }
        )
    )
    assert uurtarief("voorbeeldstad", "hh1", "zin", dt.date(2020, 1, 1)) == 2600
    with pytest.raises(Regelfout, match="gemeente Westland noemt geen tariefset voor pxq"):
        regelset_van("pxq", "Westland")


def test_an_error_names_the_real_file_outside_the_package(regelmap, activeer):
    map_ = regelmap(
        {
            "tarieven/pxq/voorbeeldstad/2017-01-01.yaml": PXQ.read_text("utf-8").replace(
                "klasse: hh1", "klasse: hh9"
            )
        }
    )
    activeer(map_)
    with pytest.raises(Regelfout) as exc:
        uurtarief("voorbeeldstad", "hh1", "zin", dt.date(2020, 1, 1))
    assert (
        f"{map_ / 'tarieven/pxq/voorbeeldstad/2017-01-01.yaml'}:9: tarieven.0.klasse: ongeldige waarde 'hh9'"
        in str(exc.value)
    )


def test_overgangsbeleid_added_and_matrix_overridden(regelmap, activeer):
    eigen = OVERGANG.read_text("utf-8").replace("id: voorbeeldstad", "id: testdorp")
    matrix = H4.read_text("utf-8").replace("versie: 2019-voorbeeld", "versie: 2019-testdorp")
    activeer(
        regelmap(
            {
                "overgangsbeleid/testdorp/2021-01-01.yaml": eigen,
                "resultatenmatrices/h4/2019-01-01.yaml": matrix,
            }
        )
    )
    assert "testdorp" in beleid_ids() and versies("testdorp")[0].id == "testdorp"
    assert register().matrix("h4", dt.date(2026, 1, 1)).versie == "2019-testdorp"


def test_iwmo_data_of_a_new_gemeente_and_code_lists(regelmap, activeer):
    iwmo = IWMO.read_text("utf-8").replace("gemeente: Voorbeeldstad", "gemeente: Testdorp")
    gemeente = TESTDORP.replace("normenkader: testdorp", "normenkader: kpmg-hbel") + "iwmo: testdorp\n"
    activeer(regelmap({"gemeenten/testdorp.yaml": gemeente, "iwmo/gemeenten/testdorp/2017-10-01.yaml": iwmo}))
    assert gemeente_iwmo("Testdorp", dt.date(2026, 1, 1)).gemeente == "Testdorp"
    assert gemeente_iwmo("Voorbeeldstad", dt.date(2026, 1, 1)).gemeentecode.waarde == "9999"
    with pytest.raises(Regelfout, match="geen iWmo-gegevens voor gemeente 'Westland': het gemeentebestand"):
        gemeente_iwmo("Westland", dt.date(2026, 1, 1))
    assert len(codelijsten()) == 1


# ------------------------------------------------------------------ the merge rule as a property

_relatief = st.sampled_from(
    ["normenkaders/a/2020-01-01.yaml", "normenkaders/a/2021-01-01.yaml", "normenkaders/b/2020-01-01.yaml"]
    + ["gemeenten/x.yaml", "gemeenten/y.yaml", "termijnen/2015-01-01.yaml"]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sets(_relatief, max_size=6), min_size=1, max_size=4))
def test_merge_is_last_directory_wins_per_relative_path(tmp_path_factory, mappen_inhoud):
    basis = tmp_path_factory.mktemp("zoekpad")
    mappen: list[Path] = []
    for i, inhoud in enumerate(mappen_inhoud):
        map_ = basis / str(i)
        map_.mkdir()
        for rel in inhoud:
            (map_ / rel).parent.mkdir(parents=True, exist_ok=True)
            (map_ / rel).write_text(str(i), "utf-8")
        mappen.append(map_)
    verwacht = {
        rel: max(i for i, inh in enumerate(mappen_inhoud) if rel in inh)
        for inh in mappen_inhoud
        for rel in inh
    }
    gevonden = {}
    for soort in zoekpad.SOORTEN:
        for b in zoekpad.samenvoegen(soort, tuple(mappen)):
            gevonden[b.relatief] = int(b.pad.read_text("utf-8"))
            assert len(b.vervangt) == sum(
                1 for inh in mappen_inhoud[: gevonden[b.relatief]] if b.relatief in inh
            )
    assert gevonden == verwacht
