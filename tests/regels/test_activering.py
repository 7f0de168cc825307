"""One file activates a gemeente; the kader for (gemeente, peildatum) is read from it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.engine.kaders import Register, kies_kader, register
from maatwerk.regels import activering
from maatwerk.regels.laden import Regelfout

from .conftest import KPMG, TESTDORP, kader_testdorp

PEIL = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    "gemeente,kader",
    [
        ("Den Haag", "denhaag-mwa"),
        ("'s-Gravenhage", "denhaag-mwa"),
        ("westland", "h4"),
        ("Voorbeeldstad", "kpmg-hbel"),
    ],
)
def test_the_gemeente_file_chooses_the_kader(gemeente, kader):
    assert kies_kader(gemeente, PEIL).id == kader


def test_no_kader_lists_gemeenten_any_more():
    assert all(not k.gemeenten for k in register().alle_versies())
    assert register().gemeenten_van("h4") == ["Delft", "Midden-Delfland", "Rijswijk", "Westland"]


def test_errors_are_explicit():
    with pytest.raises(
        Regelfout, match=r"geen normenkader voor gemeente 'Vught': geen bestand gemeenten/vught\.yaml"
    ):
        kies_kader("Vught", PEIL)
    with pytest.raises(
        Regelfout, match="geen normenkader voor gemeente 'Westland' op 2019-06-01: .*geldig: 2020-01-01"
    ):
        kies_kader("Westland", dt.date(2019, 6, 1))
    with pytest.raises(Regelfout, match="activeert alleen resultatenmatrix 'h4'"):
        kies_kader("Resultaatdorp", PEIL)


def test_gemeente_twee_keer_geclaimd(regelmap, activeer):
    """Moved from tests/engine/test_kaders.py: kaders no longer list gemeenten, so a second claim is a
    second gemeente file (here through ``ook_bekend_als``) in the same period."""
    ander = KPMG.read_text("utf-8").replace("id: kpmg-hbel", "id: kopie")
    claim = (
        "gemeente: Kopiestad\nook_bekend_als: [Voorbeeldstad]\n"
        "configuraties:\n  - {valid_from: 2022-01-01, normenkader: kopie}\n"
    )
    activeer(regelmap({"normenkaders/kopie/2021-01-01.yaml": ander, "gemeenten/kopiestad.yaml": claim}))
    with pytest.raises(Regelfout, match="gemeente voorbeeldstad heeft in dezelfde periode ook normenkader"):
        kies_kader("Voorbeeldstad", PEIL)


def test_a_kader_that_lists_gemeenten_is_refused(tmp_path):
    (tmp_path / "nk" / "kpmg-hbel").mkdir(parents=True)
    tekst = KPMG.read_text("utf-8").replace(
        "resultatenmatrix: voorbeeldstad-hbh", "gemeenten: [X]\nresultatenmatrix: null"
    )
    (tmp_path / "nk" / "kpmg-hbel" / "2021-01-01.yaml").write_text(tekst, "utf-8")
    (tmp_path / "rm").mkdir()
    with pytest.raises(Regelfout) as exc:
        Register(tmp_path / "nk", tmp_path / "rm")
    m = exc.value.meldingen[0]
    assert m.sleutel == "gemeenten" and "zet 'normenkader: kpmg-hbel' in gemeenten/<gemeente>.yaml" in m.tekst


def test_unknown_ids_name_file_line_and_key(regelmap, activeer):
    tekst = (
        TESTDORP.replace("normenkader: testdorp", "normenkader: bestaat-niet") + "overgangsbeleid: nergens\n"
    )
    activeer(regelmap({"gemeenten/testdorp.yaml": tekst}))
    with pytest.raises(Regelfout) as exc:
        kies_kader("Testdorp", PEIL)
    tekst = str(exc.value)
    assert (
        "testdorp.yaml:5: configuraties.0.normenkader: onbekend normenkader 'bestaat-niet'; beschikbaar: "
        in tekst
    )
    assert "testdorp.yaml:6: overgangsbeleid: onbekend overgangsbeleid 'nergens'" in tekst


def test_file_name_must_match_the_gemeente(regelmap, activeer):
    activeer(regelmap({"gemeenten/dorp.yaml": TESTDORP.replace("normenkader: testdorp", "normenkader: h4")}))
    with pytest.raises(Regelfout, match=r"dorp\.yaml:1: gemeente: bestandsnaam moet testdorp\.yaml zijn"):
        activering.gemeenten()


def test_matrix_in_the_gemeente_file_must_be_the_kaders_matrix(regelmap, activeer):
    tekst = TESTDORP.replace("normenkader: testdorp", "normenkader: h4\n    resultatenmatrix: denhaag-mwa")
    activeer(regelmap({"gemeenten/testdorp.yaml": tekst}))
    with pytest.raises(Regelfout, match="noemt resultatenmatrix 'denhaag-mwa', maar normenkader 'h4'"):
        kies_kader("Testdorp", PEIL)


def test_own_gemeente_and_kader_outside_the_package(regelmap, activeer):
    activeer(
        regelmap(
            {"gemeenten/testdorp.yaml": TESTDORP, "normenkaders/testdorp/2024-01-01.yaml": kader_testdorp()}
        )
    )
    assert kies_kader("Testdorp", PEIL).id == "testdorp"
    assert kies_kader("Voorbeeldstad", PEIL).id == "kpmg-hbel"
    with pytest.raises(Regelfout, match="geen normenkader voor gemeente 'Testdorp' op 2023-12-31"):
        kies_kader("Testdorp", dt.date(2023, 12, 31))


def test_bestand_van_follows_the_search_path(regelmap, activeer, monkeypatch):
    from maatwerk.engine.kaders import bestand_van
    from maatwerk.regels.zoekpad import OMGEVING

    monkeypatch.delenv(OMGEVING, raising=False)
    pakket = register().normenkader("kpmg-hbel", PEIL)
    assert bestand_van(pakket) == KPMG
    map_ = regelmap({"normenkaders/kpmg-hbel/2021-01-01.yaml": KPMG.read_text("utf-8")})
    activeer(map_)
    eigen = register().normenkader("kpmg-hbel", PEIL)
    assert bestand_van(eigen) == map_ / "normenkaders/kpmg-hbel/2021-01-01.yaml"
    assert bestand_van(pakket) == KPMG


@st.composite
def _perioden(draw: st.DrawFn) -> list[tuple[dt.date, dt.date | None, str]]:
    """1-3 consecutive or gapped periods from 2021 on, each with a kader (the last may stay open)."""
    start = dt.date(2021, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    uit: list[tuple[dt.date, dt.date | None, str]] = []
    for i in range(draw(st.integers(1, 3))):
        lengte = draw(st.integers(1, 900))
        eind: dt.date | None = start + dt.timedelta(days=lengte - 1)
        if i == 2 or draw(st.booleans()) and i > 0:
            eind = None if draw(st.booleans()) else eind
        uit.append((start, eind, draw(st.sampled_from(["kpmg-hbel", "h4", "denhaag-mwa"]))))
        if eind is None:
            break
        start = eind + dt.timedelta(days=draw(st.integers(1, 60)))
    return uit


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(perioden=_perioden(), dag=st.integers(0, 4000))
def test_the_kader_is_the_one_whose_period_holds_the_date(tmp_path_factory, monkeypatch, perioden, dag):
    map_ = tmp_path_factory.mktemp("gemeente")
    regels = ["gemeente: Testdorp", "configuraties:"]
    for van, tot, kader in perioden:
        regels += [f"  - valid_from: {van}", f"    valid_until: {tot or 'null'}", f"    normenkader: {kader}"]
    (map_ / "gemeenten").mkdir()
    (map_ / "gemeenten" / "testdorp.yaml").write_text("\n".join(regels) + "\n", "utf-8")
    monkeypatch.setenv("MAATWERK_REGELS", str(map_))
    peil = dt.date(2021, 1, 1) + dt.timedelta(days=dag)
    verwacht = next((k for van, tot, k in perioden if van <= peil and (tot is None or peil <= tot)), None)
    if verwacht is None:
        with pytest.raises(Regelfout, match=f"geen normenkader voor gemeente 'Testdorp' op {peil}"):
            kies_kader("Testdorp", peil)
    else:
        assert kies_kader("Testdorp", peil).id == verwacht
