"""The vectorised batch path gives exactly what the single-case ``indiceer`` gives (every output column),
for every shipped kader and for a test kader that exercises every rule feature; plus edge cases, bad
input and the ``maatwerk batch`` CLI round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.cli import cli
from maatwerk.engine import indiceer, laad_kader, register
from maatwerk.engine.batch import (
    MEEDOEN,
    NIVEAUS,
    ROLLEN,
    SITUATIEKOLOMMEN,
    WONINGTYPES,
    indiceer_batch,
    py_round,
    rond_af,
)
from maatwerk.engine.berekening import rond_af as rond_af_enkel
from maatwerk.engine.plat import BEOORDELING, KOLOMMEN, MAX_LEDEN, VOORZIENINGEN, rij_naar_situatie
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN
from maatwerk.regels.laden import Regelfout

KADERS = sorted(register().normenkaders)
PEIL = dt.date(2026, 3, 1)

SCHEMA: dict[str, pl.DataType] = {"id": pl.Int64}
for _k, _v in KOLOMMEN.items():
    if _k == "gemeente" or _k.endswith(("_rol", "_kan_meedoen")) or _k.startswith(("beperking_", "woning")):
        SCHEMA[_k] = pl.String
    elif _k.endswith(("geboortedatum",)) or _k == "peildatum":
        SCHEMA[_k] = pl.Date
    elif _k.startswith("voorziening_") or isinstance(_v, bool):  # voorziening_*: None = not assessed
        SCHEMA[_k] = pl.Boolean
    elif isinstance(_v, int):
        SCHEMA[_k] = pl.Int64
    elif isinstance(_v, float):
        SCHEMA[_k] = pl.Float64


# ------------------------------------------------------------------------------------------ helpers


def _eerste_urengebied(kader, peildatum: dt.date) -> str | None:
    """The first matrix area whose trede follows from hours: the one ``trede_hbh`` reports."""
    import importlib

    berekening = importlib.import_module("maatwerk.engine.berekening")  # register may be monkeypatched
    k = kader if not isinstance(kader, str) else berekening.register().normenkader(kader, peildatum)
    matrix = berekening.register().matrix(k.resultatenmatrix, peildatum) if k.resultatenmatrix else None
    for r in k.resultaatgebieden:
        rg = matrix.resultaatgebied(r.matrix_resultaatgebied) if matrix and r.matrix_resultaatgebied else None
        if rg is not None and rg.bepaling == "uren":
            return rg.id
    return None


def _verwacht(rij: dict[str, Any], kader, peildatum: dt.date) -> dict[str, Any]:
    """What the single-case path says for one flat row, in the batch's output columns."""
    ind = indiceer(rij_naar_situatie({k: v for k, v in rij.items() if k != "id"}, peildatum), kader)
    uit: dict[str, Any] = {f"min_{a.id}": a.minuten_per_week for a in ind.activiteiten}
    uit |= {
        "totaal_minuten_per_week": ind.totaal_minuten_per_week,
        "uren_per_week": ind.uren_per_week,
        "uren_per_jaar": ind.uren_per_jaar,
        "trede_hbh": ind.treden.get(_eerste_urengebied(kader, ind.peildatum)),
        "tarief_per_periode": ind.tarief_per_periode.bedrag if ind.tarief_per_periode else None,
        "voorbeeldwaarden": ind.voorbeeldwaarden,
        "kader_versie": ind.kader_versie,
        "situatie_typisch": all(rij.get(k) in (None, "") for k in SITUATIEKOLOMMEN),
    }
    return uit


def _vergelijk(rijen: list[dict[str, Any]], kader, peildatum: dt.date, kolommen: list[str] | None = None):
    kolommen = kolommen or sorted({k for r in rijen for k in r}, key=list(SCHEMA).index)
    frame = pl.DataFrame(
        [{k: r.get(k) for k in kolommen} for r in rijen], schema={k: SCHEMA[k] for k in kolommen}
    )
    uit = indiceer_batch(frame, kader, peildatum)
    assert uit.height == len(rijen)
    assert uit["id"].to_list() == [r["id"] for r in rijen]
    for rij, got in zip(rijen, uit.iter_rows(named=True), strict=True):
        verwacht = _verwacht({k: rij.get(k) for k in kolommen}, kader, peildatum)
        for k, v in got.items():
            if k.startswith("min_"):
                assert v == verwacht.get(k, 0), (k, rij, v, verwacht)
        for k in (
            "totaal_minuten_per_week",
            "uren_per_week",
            "uren_per_jaar",
            "trede_hbh",
            "tarief_per_periode",
            "voorbeeldwaarden",
            "kader_versie",
            "situatie_typisch",
        ):
            assert got[k] == verwacht[k], (k, rij, got[k], verwacht[k])
    return uit


# ------------------------------------------------------------------------------------------ strategies


def _datum_voor(peil: dt.date, min_jaren: int, max_jaren: int) -> st.SearchStrategy[dt.date]:
    return st.integers(min_jaren * 365, max_jaren * 366).map(lambda d: peil - dt.timedelta(days=d))


@st.composite
def rijen(draw, peil: dt.date = PEIL, max_rijen: int = 8) -> list[dict[str, Any]]:
    aantal = draw(st.integers(1, max_rijen))
    uit = []
    kies = draw  # readability below

    def misschien(s):
        return st.one_of(st.none(), s)

    for i in range(aantal):
        rij: dict[str, Any] = {"id": i + 1, "geboortedatum": kies(_datum_voor(peil, 0, 105))}
        rij["gemeente"] = kies(misschien(st.sampled_from(["Voorbeeldstad", "westland", "Den Haag", "Delft"])))
        rij["woning_type"] = kies(misschien(st.sampled_from(WONINGTYPES)))
        rij["kamers_in_gebruik"] = kies(misschien(st.integers(0, 30)))
        rij["kamers_niet_in_gebruik"] = kies(misschien(st.integers(0, 30)))
        rij["trap"] = kies(misschien(st.booleans()))
        for c in CATEGORIEEN:
            rij[f"beperking_{c}"] = kies(misschien(st.sampled_from(NIVEAUS)))
        for o in (*OMSTANDIGHEDEN, "veel_eigen_kracht"):
            rij[o] = kies(st.sampled_from([None, False, True]))
        for n in range(1, MAX_LEDEN + 1):
            rol = kies(st.sampled_from([None, None, *ROLLEN]))
            rij[f"lid{n}_rol"] = rol
            rij[f"lid{n}_geboortedatum"] = kies(_datum_voor(peil, 0, 100)) if rol else None
            rij[f"lid{n}_kan_meedoen"] = kies(misschien(st.sampled_from(MEEDOEN)))
        for c in CATEGORIEEN:
            rij[f"netwerk_{c}_minuten"] = kies(
                st.one_of(
                    st.none(),
                    st.just(0.0),
                    st.floats(0, 600, allow_nan=False),
                    st.integers(0, 300).map(lambda m: m + 1e-7),
                    st.integers(0, 300).map(float),
                )
            )
        for v in VOORZIENINGEN:
            rij[f"voorziening_{v}"] = kies(st.sampled_from([None, False, True]))
            for b in BEOORDELING:  # mostly both ja when in use, so a voorziening often replaces maatwerk
                rij[f"voorziening_{v}_{b}"] = kies(st.sampled_from([None, False, True, True, True]))
        if kies(st.integers(0, 9)) == 0:  # now and then a row with no situation at all
            rij = {"id": rij["id"], "geboortedatum": rij["geboortedatum"]} | {
                k: None for k in rij if k not in ("id", "geboortedatum")
            }
        uit.append(rij)
    return uit


# ------------------------------------------------------------------------------------------ properties


@pytest.mark.parametrize("kader", KADERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=rijen(),
    weg=st.sets(
        st.sampled_from([k for k in SITUATIEKOLOMMEN if not k.endswith("geboortedatum")]), max_size=20
    ),
)
def test_batch_equals_single_for_every_shipped_kader(kader, data, weg):
    kolommen = [k for k in data[0] if k not in weg]
    _vergelijk(data, kader, PEIL, kolommen)


@settings(max_examples=300, deadline=None)
@given(
    x=st.one_of(
        st.floats(-1e6, 1e6, allow_nan=False),
        st.integers(-(10**9), 10**9).map(lambda k: k / 1e6 + 5e-7),
        st.integers(-(10**9), 10**9).map(lambda k: (k + 0.5) / 1e6),
        st.integers(0, 10**6).map(lambda k: k / 100 + 0.005),
    ),
    d=st.sampled_from([0, 1, 2, 6]),
)
def test_py_round_is_pythons_round(x, d):
    assert py_round(np.array([x]), d)[0] == round(x, d)


@settings(max_examples=300, deadline=None)
@given(
    x=st.one_of(st.floats(0, 5000, allow_nan=False), st.integers(0, 5000).map(lambda k: k + 1e-7)),
    stap=st.sampled_from([1, 5, 15, 30]),
    richting=st.sampled_from(["omhoog", "dichtstbij", "omlaag"]),
)
def test_rounding_step_equals_single(x, stap, richting):
    assert rond_af(np.array([x]), stap, richting)[0] == rond_af_enkel(x, stap, richting)


# ------------------------------------------------------------------------------- every rule feature

TEST_KADER = Path(__file__).with_name("batch-testkader.yaml")


@pytest.fixture(scope="module")
def test_kader():
    return laad_kader(TEST_KADER)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=rijen())
def test_batch_equals_single_for_a_kader_using_every_rule_feature(test_kader, data):
    _vergelijk(data, test_kader, PEIL)


@pytest.fixture
def twee_versies(tmp_path, monkeypatch):
    """A register with two versions of the test kader (2020-2022 and from 2023, other minutes)."""
    import importlib
    import shutil

    kaders_module = importlib.import_module("maatwerk.engine.kaders")  # the package exports a function kaders

    tekst = TEST_KADER.read_text(encoding="utf-8")
    kmap = tmp_path / "normenkaders" / "batch-test"
    kmap.mkdir(parents=True)
    (kmap / "2020-01-01.yaml").write_text(tekst.replace("valid_until: null", "valid_until: 2022-12-31"))
    nieuw = tekst.replace("valid_from: 2020-01-01", "valid_from: 2023-01-01").replace(
        'versie: "test"', 'versie: "2"'
    )
    (kmap / "2023-01-01.yaml").write_text(nieuw.replace("minuten: 37.3", "minuten: 41.9"))
    mmap = tmp_path / "resultatenmatrices" / "voorbeeldstad-hbh"
    mmap.mkdir(parents=True)
    for bestand in (kaders_module.MATRICES_MAP / "voorbeeldstad-hbh").glob("*.yaml"):
        shutil.copy(bestand, mmap / bestand.name)
    reg = kaders_module.Register(tmp_path / "normenkaders", tmp_path / "resultatenmatrices")
    monkeypatch.setattr("maatwerk.engine.batch.register", lambda: reg)
    monkeypatch.setattr("maatwerk.engine.berekening.register", lambda: reg)
    return reg


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=rijen(peil=dt.date(2021, 6, 1)),
    peildata=st.lists(st.dates(dt.date(2021, 6, 1), dt.date(2026, 1, 1))),
)
def test_rows_on_different_kader_versions(twee_versies, data, peildata):
    for rij, peil in zip(data, peildata, strict=False):
        rij["peildatum"] = peil
    kolommen = sorted({k for r in data for k in r}, key=list(SCHEMA).index)
    uit = _vergelijk(data, "batch-test", dt.date(2021, 6, 1), kolommen)
    verwacht = [
        "2" if (r.get("peildatum") or dt.date(2021, 6, 1)) >= dt.date(2023, 1, 1) else "test" for r in data
    ]
    assert uit["kader_versie"].to_list() == verwacht


def test_two_hour_areas_give_a_trede_column_each(tmp_path, monkeypatch):
    import importlib

    kaders_module = importlib.import_module("maatwerk.engine.kaders")
    tekst = TEST_KADER.read_text(encoding="utf-8")
    tekst = tekst.replace("resultatenmatrix: voorbeeldstad-hbh", "resultatenmatrix: batch-test-matrix")
    tekst = tekst.replace("matrix_resultaatgebied: schoon_huis}", "matrix_resultaatgebied: huis}")
    tekst = tekst.replace(
        "{id: overig, naam: Overig}", "{id: overig, naam: Overig, matrix_resultaatgebied: overig}"
    )
    tekst = tekst.replace("telt_voor_trede: false", "telt_voor_trede: true")
    tekst = tekst.split("minimum_treden:")[0]  # they name trede codes of voorbeeldstad-hbh
    (tmp_path / "normenkaders" / "batch-test").mkdir(parents=True)
    (tmp_path / "normenkaders" / "batch-test" / "2020-01-01.yaml").write_text(tekst, encoding="utf-8")
    (tmp_path / "resultatenmatrices" / "batch-test-matrix").mkdir(parents=True)
    (tmp_path / "resultatenmatrices" / "batch-test-matrix" / "2020-01-01.yaml").write_text(
        TEST_KADER.with_name("batch-testmatrix.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    reg = kaders_module.Register(tmp_path / "normenkaders", tmp_path / "resultatenmatrices")
    monkeypatch.setattr("maatwerk.engine.batch.register", lambda: reg)
    monkeypatch.setattr("maatwerk.engine.berekening.register", lambda: reg)

    @settings(max_examples=40, deadline=None)
    @given(data=rijen())
    def eigenschap(data):
        uit = _vergelijk(data, "batch-test", PEIL)
        for rij, got in zip(data, uit.iter_rows(named=True), strict=True):
            ind = indiceer(rij_naar_situatie({k: v for k, v in rij.items() if k != "id"}, PEIL), "batch-test")
            assert (got["trede_huis"], got["trede_overig"]) == (
                ind.treden.get("huis"),
                ind.treden.get("overig"),
            )
            assert got["trede_hbh"] == got["trede_huis"]

    eigenschap()


# ------------------------------------------------------------------------------------------ edge cases


def _typisch(**kolommen) -> dict[str, Any]:
    return {"id": 1, "geboortedatum": dt.date(1940, 5, 12), **kolommen}


def test_typical_row_and_flag():
    uit = _vergelijk([_typisch(), _typisch(id=2, kamers_in_gebruik=5)], "kpmg-hbel", PEIL)
    assert uit["situatie_typisch"].to_list() == [True, False]


def test_only_required_columns_is_the_typical_situation():
    frame = pl.DataFrame({"id": ["a", "b"], "geboortedatum": ["1940-05-12", "1950-01-31"]})
    uit = indiceer_batch(frame, "kpmg-hbel", PEIL)
    assert uit["situatie_typisch"].all() and uit["id"].to_list() == ["a", "b"]
    # typical: deels licht, niet zwaar -> 108 - 23 = 85 h/year -> 98,07.. -> 99 min (normtijden.md §2.2)
    assert uit["totaal_minuten_per_week"].to_list() == [99, 99]


def test_empty_household_partner_and_caps(test_kader):
    rijen = [
        _typisch(beperking_licht_huishoudelijk_werk="niet", kamers_in_gebruik=30, trap=True),  # cap 90
        _typisch(id=2, lid1_rol="partner", lid1_geboortedatum=dt.date(1945, 1, 1), lid1_kan_meedoen="deels"),
        _typisch(id=3, beperking_wasverzorging="niet", incontinentie=True),  # negative -> 0
    ]
    uit = _vergelijk(rijen, test_kader, PEIL)
    assert uit["min_licht"][0] == 90
    assert uit["trede_hbh"][0] is not None and uit["tarief_per_periode"][0] is not None
    assert uit["min_was"][2] == 0


def test_rounding_boundary_from_network_minutes():
    # ciz-protocol organisatie: 30 min, deels -> 15; network 14.9999999 leaves 1e-7 -> round(.., 6) = 0
    rijen = [
        _typisch(id=i, beperking_regie_huishouden="deels", netwerk_regie_huishouden_minuten=m)
        for i, m in enumerate([14.9999999, 14.999999, 14.0000001, 15.0, 7.4999995], start=1)
    ]
    uit = _vergelijk(rijen, "ciz-protocol", PEIL)
    assert uit["min_organisatie_huishouden"].to_list() == [0, 1, 1, 0, 8]


def test_empty_frame():
    frame = pl.DataFrame(schema={"id": pl.Int64, "geboortedatum": pl.Date})
    uit = indiceer_batch(frame, "h4", PEIL)
    assert uit.height == 0 and "trede_hbh" in uit.columns and "min_wasverzorging" in uit.columns


def test_row_peildatum_wins_and_versions_per_row():
    rijen = [
        _typisch(peildatum=dt.date(2018, 1, 1)),
        _typisch(id=2, peildatum=None),
    ]
    uit = _vergelijk(rijen, "denhaag-mwa", PEIL, ["id", "geboortedatum", "peildatum"])
    assert uit.height == 2


def test_text_input_as_from_csv():
    frame = pl.DataFrame(
        {
            "id": ["1", "2"],
            "geboortedatum": ["1940-05-12", "1938-02-01"],
            "trap": ["ja", ""],
            "kamers_in_gebruik": ["5", ""],
            "lid1_rol": ["", "partner"],
            "lid1_geboortedatum": ["", "1939-01-01"],
            "netwerk_regie_huishouden_minuten": ["12,5", ""],
        }
    )
    uit = indiceer_batch(frame, "kpmg-hbel", PEIL)
    verwacht = [
        _verwacht(r, "kpmg-hbel", PEIL)
        for r in (
            {
                "geboortedatum": dt.date(1940, 5, 12),
                "trap": True,
                "kamers_in_gebruik": 5,
                "netwerk_regie_huishouden_minuten": 12.5,
            },
            {
                "geboortedatum": dt.date(1938, 2, 1),
                "lid1_rol": "partner",
                "lid1_geboortedatum": dt.date(1939, 1, 1),
            },
        )
    ]
    assert uit["totaal_minuten_per_week"].to_list() == [v["totaal_minuten_per_week"] for v in verwacht]
    assert uit["situatie_typisch"].to_list() == [False, False]


def test_empty_csv_cells_are_the_typical_situation(tmp_path):
    bron = tmp_path / "s.csv"
    kop = ["id", "geboortedatum", *SITUATIEKOLOMMEN]
    bron.write_text(
        ",".join(kop) + "\n" + "1,1941-05-12" + "," * len(SITUATIEKOLOMMEN) + "\n", encoding="utf-8"
    )
    from maatwerk.cli.batch import lees_situaties

    uit = indiceer_batch(lees_situaties(bron), "kpmg-hbel", PEIL)
    typisch = indiceer_batch(pl.DataFrame({"id": ["1"], "geboortedatum": ["1941-05-12"]}), "kpmg-hbel", PEIL)
    assert uit.equals(typisch) and uit["situatie_typisch"][0]


def test_large_frames_in_blocks_give_the_same_result(monkeypatch):
    frame = pl.DataFrame(
        {
            "id": list(range(30)),
            "geboortedatum": [dt.date(1930 + i, 1 + i % 12, 1) for i in range(30)],
            "kamers_in_gebruik": [i % 9 for i in range(30)],
            "peildatum": [dt.date(2020 + i % 7, 6, 1) for i in range(30)],
        }
    )
    heel = indiceer_batch(frame, "h4", PEIL)
    monkeypatch.setattr("maatwerk.engine.batch.BLOK", 7)
    assert indiceer_batch(frame, "h4", PEIL).equals(heel)
    fout = frame.with_columns(
        pl.when(pl.col("id").is_in([2, 25]))
        .then(-1)
        .otherwise(pl.col("kamers_in_gebruik"))
        .alias("kamers_in_gebruik")
    )
    with pytest.raises(Regelfout) as exc:
        indiceer_batch(fout, "h4", PEIL)
    assert "rij 3 (id 2)" in str(exc.value) and "rij 26 (id 25)" in str(exc.value)
    assert str(exc.value).count("er is niets berekend") == 1


# ------------------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("kolommen", "verwacht"),
    [
        ({"geboortedatum": ["2023-02-30"]}, "rij 1 (id 1), kolom geboortedatum: geen geldige datum"),
        ({"kamers_in_gebruik": [-1]}, "kolom kamers_in_gebruik: mag niet negatief zijn"),
        ({"kamers_in_gebruik": [2.5]}, "kolom kamers_in_gebruik: verwacht een geheel getal"),
        (
            {"beperking_boodschappen": ["soms"]},
            "kolom beperking_boodschappen: onbekende waarde; kies uit zelf",
        ),
        ({"lid1_rol": ["oma"]}, "kolom lid1_rol: onbekende waarde"),
        ({"lid1_rol": ["kind"]}, "kolom lid1_geboortedatum: ontbreekt"),
        ({"geboortedatum": ["2030-01-01"]}, "kolom geboortedatum: ligt na de peildatum"),
        ({"trap": ["misschien"]}, "kolom trap: verwacht ja of nee"),
        ({"netwerk_boodschappen_minuten": [-5.0]}, "kolom netwerk_boodschappen_minuten: mag niet negatief"),
        ({"netwerk_boodschappen_minuten": [20000.0]}, "hoogstens 10080"),
        ({"woonplaats": ["Delft"]}, "kolom woonplaats: onbekende kolom"),
        ({"peildatum": ["2019-01-01"]}, "normenkader 'kpmg-hbel' heeft geen versie die geldt op 2019-01-01"),
        ({"gemeente": [""]}, None),  # empty text is missing: the default gemeente
    ],
)
def test_bad_input_names_row_column_and_reason(kolommen, verwacht):
    data = {"id": [1], "geboortedatum": ["1940-05-12"], **kolommen}
    frame = pl.DataFrame(data)
    if verwacht is None:
        assert indiceer_batch(frame, "kpmg-hbel", PEIL).height == 1
        return
    with pytest.raises(Regelfout) as fout:
        indiceer_batch(frame, "kpmg-hbel", PEIL)
    assert verwacht in str(fout.value)


def test_all_or_nothing_lists_every_bad_row():
    frame = pl.DataFrame({"id": [1, 2, 3], "geboortedatum": ["1940-05-12", "nooit", "1940-13-01"]})
    with pytest.raises(Regelfout) as fout:
        indiceer_batch(frame, "kpmg-hbel", PEIL)
    tekst = str(fout.value)
    assert "rij 2 (id 2)" in tekst and "rij 3 (id 3)" in tekst and "rij 1 " not in tekst
    assert "er is niets berekend" in tekst


def test_missing_required_and_peildatum():
    with pytest.raises(Regelfout, match="kolom geboortedatum: verplichte kolom ontbreekt"):
        indiceer_batch(pl.DataFrame({"id": [1]}), "kpmg-hbel", PEIL)
    with pytest.raises(Regelfout, match="kolom id: verplichte kolom ontbreekt"):
        indiceer_batch(pl.DataFrame({"geboortedatum": [dt.date(1940, 1, 1)]}), "kpmg-hbel", PEIL)
    with pytest.raises(Regelfout, match="peildatum: ontbreekt"):
        indiceer_batch(pl.DataFrame({"id": [1], "geboortedatum": [dt.date(1940, 1, 1)]}), "kpmg-hbel")
    with pytest.raises(Regelfout, match="onbekend normenkader 'bestaat-niet'"):
        indiceer_batch(
            pl.DataFrame({"id": [1], "geboortedatum": [dt.date(1940, 1, 1)]}), "bestaat-niet", PEIL
        )


# ------------------------------------------------------------------------------------------ CLI


def _schrijf(frame: pl.DataFrame, pad: Path) -> None:
    if pad.suffix == ".csv":
        frame.write_csv(pad)
    elif pad.suffix == ".parquet":
        frame.write_parquet(pad)
    else:
        frame.write_ndjson(pad)


@pytest.mark.parametrize(
    ("invoer", "uitvoer"), [("csv", "parquet"), ("parquet", "csv"), ("jsonl", "parquet")]
)
def test_cli_round_trip(tmp_path, invoer, uitvoer):
    rijen = [
        _typisch(
            id=i,
            kamers_in_gebruik=k,
            incontinentie=bool(i % 2),
            lid1_rol="partner" if i == 3 else None,
            lid1_geboortedatum=dt.date(1950, 1, 1) if i == 3 else None,
        )
        for i, k in enumerate([2, 3, 4, 6], start=1)
    ]
    frame = pl.DataFrame(rijen, schema={k: SCHEMA[k] for k in rijen[0]})
    bron, doel = tmp_path / f"situaties.{invoer}", tmp_path / f"uitkomst.{uitvoer}"
    _schrijf(frame, bron)
    res = CliRunner().invoke(
        cli, ["batch", str(bron), "--kader", "kpmg-hbel", "--peildatum", "2026-03-01", "-o", str(doel)]
    )
    assert res.exit_code == 0, res.output
    assert "4 situaties" in res.output
    uit = pl.read_parquet(doel) if uitvoer == "parquet" else pl.read_csv(doel)
    verwacht = indiceer_batch(frame, "kpmg-hbel", PEIL)
    assert uit["totaal_minuten_per_week"].to_list() == verwacht["totaal_minuten_per_week"].to_list()
    assert uit["trede_hbh"].to_list() == verwacht["trede_hbh"].to_list()
    assert uit["tarief_per_periode"].to_list() == verwacht["tarief_per_periode"].to_list()


def test_cli_chunks_give_the_same_result(tmp_path):
    frame = pl.DataFrame(
        {
            "id": list(range(25)),
            "geboortedatum": [dt.date(1940, 1, 1 + i) for i in range(25)],
            "kamers_in_gebruik": [i % 7 for i in range(25)],
        }
    )
    bron, doel = tmp_path / "s.parquet", tmp_path / "u.parquet"
    frame.write_parquet(bron)
    res = CliRunner().invoke(
        cli,
        ["batch", str(bron), "--kader", "h4", "--peildatum", "2026-03-01", "-o", str(doel), "--blok", "7"],
    )
    assert res.exit_code == 0, res.output
    assert pl.read_parquet(doel).equals(indiceer_batch(frame, "h4", PEIL))


def test_cli_bad_input_exit_2(tmp_path):
    bron = tmp_path / "s.csv"
    bron.write_text("id,geboortedatum,kamers_in_gebruik\n1,1940-01-01,-2\n2,1940-02-30,3\n", encoding="utf-8")
    res = CliRunner().invoke(
        cli,
        ["batch", str(bron), "--kader", "h4", "--peildatum", "2026-03-01", "-o", str(tmp_path / "u.parquet")],
    )
    assert res.exit_code == 2
    assert "rij 1 (id 1), kolom kamers_in_gebruik: mag niet negatief zijn" in res.output
    assert "rij 2 (id 2), kolom geboortedatum: geen geldige datum" in res.output
    assert not (tmp_path / "u.parquet").exists()
    res = CliRunner().invoke(cli, ["batch", str(tmp_path / "geen.csv"), "--kader", "h4", "-o", "x.parquet"])
    assert res.exit_code == 2
    res = CliRunner().invoke(cli, ["batch", str(bron), "--kader", "h4", "-o", str(tmp_path / "u.xlsx")])
    assert res.exit_code == 2 and "uitvoer" in res.output
    json.dumps(res.output)
