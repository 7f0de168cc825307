"""The shared condition grammar: parsing, Kleene logic, and column form == single form."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.regeltaal.voorwaarden import (
    GEEN,
    ONBEKEND,
    En,
    Niet,
    Of,
    Rijen,
    Test,
    Voorwaarde,
    VoorwaardeFout,
    Waarheid,
    parse_voorwaarde,
)

FEITEN = {"tekst", "ja", "getal", "lijst"}


def lees(data: Any) -> Voorwaarde:
    return parse_voorwaarde(data, feit_bekend=FEITEN.__contains__)


# --- parsing ---------------------------------------------------------------------------------------


def test_shorthand_and_operator_forms():
    v = lees({"tekst": "Aa", "getal": {"minstens": 2, "kleiner_dan": 5}, "lijst": {"bevat": "x"}})
    assert isinstance(v, En)
    assert [(t.feit, t.operator, t.waarde) for t in v.tests()] == [
        ("tekst", "is", "Aa"),
        ("getal", "minstens", 2),
        ("getal", "kleiner_dan", 5),
        ("lijst", "bevat", "x"),
    ]
    assert v.feiten() == frozenset({"tekst", "getal", "lijst"})
    assert lees({"tekst": ["a", "b"]}) == Test("tekst", "in", ("a", "b"))
    assert lees({"niet": {"ja": True}}) == Niet(Test("ja", "is", True))
    assert isinstance(lees({"of": [{"ja": True}, {"getal": 3}]}), Of)


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ([{"ja": True}], r"een voorwaarde is een tabel met feiten of en/of/niet \(bij als\)"),
        ({"onzin": 1}, r"onbekend feit 'onzin' \(bij als\)"),
        ({"of": [{"ja": True}, {"x": 1}]}, r"onbekend feit 'x' \(bij als\.of\.1\)"),
        ({"en": []}, r"'en' verwacht een niet-lege lijst voorwaarden \(bij als\.en\)"),
        ({"getal": {"ongeveer": 3}}, r"onbekende operator 'ongeveer' \(bij als\.getal\)"),
        ({"getal": {"minstens": "drie"}}, r"getal \(bij als\.getal\): verwacht een getal"),
        ({"getal": {"minstens": True}}, "verwacht een getal"),
        ({"tekst": {"in": []}}, "'in' verwacht een niet-lege lijst"),
        ({"tekst": "Onbekend"}, "vergelijk niet met 'onbekend'"),
        ({"tekst": None}, "verwacht één waarde"),
        ({"tekst": {"opgegeven": "ja"}}, "opgegeven moet true of false zijn"),
        ({"getal": {}}, "lege operator-tabel"),
    ],
)
def test_bad_conditions_name_the_path(data, melding):
    with pytest.raises(VoorwaardeFout, match=melding):
        lees(data)


def test_unknown_fact_lists_the_vocabulary_and_custom_path():
    with pytest.raises(
        VoorwaardeFout, match=r"onbekend feit 'x' \(bij regels\.0\.als\); bekende feiten: a, b"
    ):
        parse_voorwaarde({"x": 1}, feit_bekend=lambda n: False, pad="regels.0.als", bekende_feiten="a, b")


def test_controleer_may_rewrite_or_reject_a_test():
    def controleer(test: Test, pad: str) -> Test:
        if test.feit == "lijst" and test.operator == "is":
            return Test("lijst", "bevat", test.waarde)
        if test.feit == "ja" and not isinstance(test.waarde, bool):
            raise VoorwaardeFout(f"ja/nee verwacht (bij {pad})")
        return test

    v = parse_voorwaarde({"lijst": "x"}, feit_bekend=FEITEN.__contains__, controleer=controleer)
    assert v == Test("lijst", "bevat", "x")
    with pytest.raises(VoorwaardeFout, match=r"ja/nee verwacht \(bij als\.of\.0\.ja\)"):
        parse_voorwaarde({"of": [{"ja": "x"}]}, feit_bekend=FEITEN.__contains__, controleer=controleer)


# --- single form -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "feiten", "waarheid", "ontbrekend"),
    [
        ({"tekst": "A"}, {"tekst": "a"}, Waarheid.WAAR, set()),  # text ignores case
        ({"tekst": ["a", "B"]}, {"tekst": "b"}, Waarheid.WAAR, set()),
        ({"tekst": {"niet_in": ["a"]}}, {"tekst": "A"}, Waarheid.ONWAAR, set()),
        ({"tekst": "a"}, {}, Waarheid.ONBEKEND, {"tekst"}),  # missing fact
        ({"tekst": "a"}, {"tekst": ONBEKEND}, Waarheid.ONBEKEND, {"tekst"}),
        ({"tekst": "a"}, {"tekst": GEEN}, Waarheid.ONWAAR, set()),  # known not given
        ({"niet": {"tekst": "a"}}, {"tekst": GEEN}, Waarheid.WAAR, set()),
        ({"tekst": {"opgegeven": False}}, {"tekst": GEEN}, Waarheid.WAAR, set()),
        ({"tekst": {"opgegeven": True}}, {"tekst": "x"}, Waarheid.WAAR, set()),
        ({"tekst": {"opgegeven": True}}, {}, Waarheid.ONBEKEND, {"tekst"}),
        ({"getal": {"minstens": 2, "hoogstens": 2}}, {"getal": 2}, Waarheid.WAAR, set()),
        ({"getal": {"groter_dan": 2}}, {"getal": 2}, Waarheid.ONWAAR, set()),
        ({"getal": {"kleiner_dan": 2.5}}, {"getal": 2}, Waarheid.WAAR, set()),
        ({"lijst": {"bevat": "X"}}, {"lijst": frozenset({"x", "y"})}, Waarheid.WAAR, set()),
        ({"lijst": {"bevat_niet": "x"}}, {"lijst": ["x"]}, Waarheid.ONWAAR, set()),
        ({"of": [{"ja": True}, {"getal": 1}]}, {"getal": 1}, Waarheid.WAAR, set()),  # Kleene: W or ? = W
        ({"of": [{"ja": True}, {"getal": 1}]}, {"getal": 2}, Waarheid.ONBEKEND, {"ja"}),
        ({"en": [{"ja": True}, {"getal": 1}]}, {"getal": 2}, Waarheid.ONWAAR, set()),  # O and ? = O
        ({"ja": True, "getal": 1, "tekst": "a"}, {"getal": 1}, Waarheid.ONBEKEND, {"ja", "tekst"}),
        ({"niet": {"ja": True}}, {}, Waarheid.ONBEKEND, {"ja"}),
    ],
)
def test_kleene_evaluation(data, feiten, waarheid, ontbrekend):
    uitkomst = lees(data).evalueer(feiten)
    assert uitkomst.waarheid is waarheid
    assert uitkomst.ontbrekend == ontbrekend
    assert uitkomst.waar is (waarheid is Waarheid.WAAR)


def test_kader_voorwaarde_forms_are_expressible():
    """What the engine's kader Voorwaarde says (feit / gelijk / minimaal / hoogstens / een_van)."""
    feiten = {"niveau": "Deels", "meerpersoons": True, "aantal_kinderen": 2, "gemeente": "westland"}
    voorbeelden = {
        "niveau": ({"niveau": "deels"}, True),  # gelijk, case-insensitive
        "meerpersoons": ({"meerpersoons": True}, True),  # feit (is waar)
        "aantal_kinderen": ({"aantal_kinderen": {"minstens": 1, "hoogstens": 11}}, True),
        "een_van": ({"of": [{"gemeente": "Westland"}, {"aantal_kinderen": {"minstens": 4}}]}, True),
    }
    bekend = set(feiten)
    for data, verwacht in voorbeelden.values():
        v = parse_voorwaarde(data, feit_bekend=bekend.__contains__)
        assert v.evalueer(feiten).waar is verwacht
    # a fact that the situation does not have (no children): the test does not hold
    v = parse_voorwaarde({"leeftijd_jongste_kind": {"hoogstens": 11}}, feit_bekend=lambda n: True)
    assert not v.evalueer({}).waar


def test_overgang_criterium_is_expressible():
    """What the overgangsbeleid Criterium says (a flag, or a number strictly greater than a limit)."""
    v = parse_voorwaarde({"personen_in_huishouden": {"groter_dan": 1}}, feit_bekend=lambda n: True)
    assert v.evalueer({"personen_in_huishouden": 2}).waar
    assert not v.evalueer({"personen_in_huishouden": 1}).waar
    assert parse_voorwaarde({"rolstoel": True}, feit_bekend=lambda n: True).evalueer({"rolstoel": True}).waar


# --- column form == single form --------------------------------------------------------------------

_TEKSTEN = ["a", "A", "b", "c"]
_WAARDEN: dict[str, st.SearchStrategy[Any]] = {
    "tekst": st.sampled_from(_TEKSTEN),
    "ja": st.booleans(),
    "getal": st.integers(-3, 3) | st.sampled_from([0.5, 1.5, -2.5]),
    "lijst": st.lists(st.sampled_from(_TEKSTEN), max_size=3),
}
_DTYPES = {"tekst": pl.String, "ja": pl.Boolean, "getal": pl.Float64, "lijst": pl.List(pl.String)}


def _test_data(feit: str) -> st.SearchStrategy[dict[str, Any]]:
    if feit == "tekst":
        w = st.sampled_from(_TEKSTEN)
        ops = st.sampled_from(["is", "in", "niet_in", "opgegeven"])
    elif feit == "ja":
        w = st.booleans()
        ops = st.sampled_from(["is", "opgegeven"])
    elif feit == "getal":
        w = st.integers(-3, 3) | st.sampled_from([0.5, -1.5])
        ops = st.sampled_from(["is", "in", "minstens", "hoogstens", "groter_dan", "kleiner_dan", "opgegeven"])
    else:
        w = st.sampled_from(_TEKSTEN)
        ops = st.sampled_from(["bevat", "bevat_niet", "opgegeven"])

    def bouw(o: str, waarde: Any, lijst: list[Any], opgegeven: bool) -> dict[str, Any]:
        if o == "opgegeven":
            return {feit: {"opgegeven": opgegeven}}
        if o in ("in", "niet_in"):
            return {feit: {o: lijst}}
        return {feit: {o: waarde}}

    return st.builds(bouw, ops, w, st.lists(w, min_size=1, max_size=3), st.booleans())


_BLAD = st.sampled_from(sorted(FEITEN)).flatmap(_test_data)
_VOORWAARDEN = st.recursive(
    _BLAD,
    lambda kind: st.one_of(
        st.builds(lambda d: {"en": d}, st.lists(kind, min_size=1, max_size=3)),
        st.builds(lambda d: {"of": d}, st.lists(kind, min_size=1, max_size=3)),
        st.builds(lambda d: {"niet": d}, kind),
    ),
    max_leaves=8,
)
# a fact's value in a row: a value, ONBEKEND (null) or GEEN (the geen mask)
_CEL = st.sampled_from(["waarde", "onbekend", "geen"])
_RIJ = st.fixed_dictionaries({f: st.tuples(_CEL, _WAARDEN[f]) for f in sorted(FEITEN)})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_VOORWAARDEN, st.lists(_RIJ, min_size=1, max_size=8))
def test_column_form_equals_single_form(data, rijen):
    v = lees(data)
    kolommen: dict[str, list[Any]] = {f: [] for f in FEITEN}
    geen: dict[str, list[bool]] = {f: [] for f in FEITEN}
    per_rij = []
    for rij in rijen:
        feiten = {}
        for f, (soort, waarde) in rij.items():
            kolommen[f].append(waarde if soort == "waarde" else None)
            geen[f].append(soort == "geen")
            if soort == "waarde":
                feiten[f] = waarde
            elif soort == "geen":
                feiten[f] = GEEN
            # onbekend: left out of the mapping
        per_rij.append(feiten)
    frame = pl.DataFrame(
        {f: pl.Series(f, kolommen[f], dtype=_DTYPES[f]) for f in FEITEN}
        | {f"{f}_geen": pl.Series(geen[f], dtype=pl.Boolean) for f in FEITEN}
    )
    uit = frame.select(v.als_expr(pl.col, lambda f: pl.col(f"{f}_geen")).alias("x"))["x"].to_list()
    verwacht = []
    for feiten in per_rij:
        w = v.evalueer(feiten).waarheid
        verwacht.append(None if w is Waarheid.ONBEKEND else w is Waarheid.WAAR)
    assert uit == verwacht


def test_column_form_without_geen_mask_reads_null_as_onbekend():
    v = lees({"of": [{"getal": {"minstens": 2}}, {"tekst": "a"}]})
    frame = pl.DataFrame({"getal": [3.0, None, None, 1.0], "tekst": [None, "A", None, "b"]})
    assert frame.select(v.als_expr(pl.col))[:, 0].to_list() == [True, True, None, False]
    assert frame.select(v.als_expr(pl.col).fill_null(False))[:, 0].to_list() == [True, True, False, False]


@pytest.mark.parametrize(
    ("data", "tekst"),
    [
        ({"tekst": "a"}, "tekst is a"),
        ({"ja": False}, "ja is nee"),
        ({"tekst": ["a", "b"]}, "tekst is een van a, b"),
        ({"tekst": {"niet_in": ["a"]}}, "tekst is geen van a"),
        ({"getal": {"minstens": 1.5, "kleiner_dan": 3}}, "getal is minstens 1,5 en getal is minder dan 3"),
        ({"lijst": {"bevat_niet": "x"}}, "lijst bevat geen x"),
        ({"getal": {"opgegeven": False}}, "getal is niet opgegeven"),
        (
            {"ja": True, "of": [{"tekst": "a"}, {"getal": {"groter_dan": 2, "hoogstens": 4}}]},
            "ja is ja en (tekst is a of (getal is meer dan 2 en getal is hoogstens 4))",
        ),
        ({"niet": {"of": [{"ja": True}, {"tekst": "b"}]}}, "niet (ja is ja of tekst is b)"),
    ],
)
def test_tekst_reads_as_dutch(data, tekst):
    assert lees(data).tekst() == tekst


def test_a_fact_of_the_wrong_kind_is_a_dutch_error_not_a_crash():
    with pytest.raises(VoorwaardeFout, match=r"getal: de waarde 'veel' past niet bij 'minstens' 2"):
        lees({"getal": {"minstens": 2}}).evalueer({"getal": "veel"})


# --- NumPy form == single form ---------------------------------------------------------------------

_NP_FEITEN = sorted(FEITEN - {"lijst"})  # lists have no NumPy form
_NP_VOORWAARDEN = st.recursive(
    st.sampled_from(_NP_FEITEN).flatmap(_test_data),
    lambda kind: st.one_of(
        st.builds(lambda d: {"en": d}, st.lists(kind, min_size=1, max_size=3)),
        st.builds(lambda d: {"of": d}, st.lists(kind, min_size=1, max_size=3)),
        st.builds(lambda d: {"niet": d}, kind),
    ),
    max_leaves=8,
)
_NP_RIJ = st.fixed_dictionaries({f: st.tuples(_CEL, _WAARDEN[f]) for f in _NP_FEITEN})


def _np_kolommen(rijen: list[dict[str, tuple[str, Any]]], met_onbekend: bool) -> dict[str, Rijen]:
    uit: dict[str, Rijen] = {}
    for f in _NP_FEITEN:
        cellen = [r[f] for r in rijen]
        aanwezig = np.array([s != "geen" for s, _ in cellen])
        bekend = np.array([s != "onbekend" for s, _ in cellen]) if met_onbekend else None
        if f == "tekst":
            woorden = tuple(sorted({w for _, w in cellen}))
            waarden = np.array([woorden.index(w) for _, w in cellen])
            uit[f] = Rijen(waarden, aanwezig, woorden, bekend)
        else:
            uit[f] = Rijen(np.array([w for _, w in cellen]), aanwezig, None, bekend)
    return uit


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NP_VOORWAARDEN, st.lists(_NP_RIJ, min_size=1, max_size=8), st.booleans())
def test_numpy_form_equals_single_form(data, rijen, met_onbekend):
    """Row by row, ``uitkomst_numpy`` is ``evalueer`` (and ``als_numpy`` its waar rows)."""
    v = lees(data)
    if not met_onbekend:  # a two-valued input: no onbekend cell
        rijen = [{f: ("waarde" if s == "onbekend" else s, w) for f, (s, w) in r.items()} for r in rijen]
    kolommen = _np_kolommen(rijen, met_onbekend)
    waar, onbekend = v.uitkomst_numpy(kolommen.get, len(rijen))
    for i, rij in enumerate(rijen):
        feiten = {f: (w if s == "waarde" else GEEN) for f, (s, w) in rij.items() if s != "onbekend"}
        u = v.evalueer(feiten)
        assert (bool(waar[i]), bool(onbekend[i])) == (u.waar, u.onbekend), (i, feiten)
    assert (v.als_numpy(kolommen.get, len(rijen)) == waar).all()


def test_numpy_form_missing_fact_is_onbekend_and_lists_have_no_numpy_form():
    v = lees({"niet": {"getal": {"minstens": 1}}})
    waar, onbekend = v.uitkomst_numpy(lambda f: None, 2)
    assert not waar.any() and onbekend.all()
    with pytest.raises(VoorwaardeFout, match="alleen op een lijst"):
        lees({"lijst": {"bevat": "a"}}).als_numpy(lambda f: Rijen(np.zeros(1)), 1)
