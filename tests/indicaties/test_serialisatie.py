"""The typed JSON round trip of the engine's result: exact for any result, readable from legacy as_json()."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.engine import indiceer, laad_situatie
from maatwerk.engine.indicatie import Indicatie
from maatwerk.engine.serialisatie import OngeldigeIndicatieJson, indicatie_naar_json, indicatie_uit_json

JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=8),
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=5), kind, max_size=3),
    max_leaves=6,
)


def strategie(tp: Any) -> st.SearchStrategy[Any]:
    """A value of type ``tp``, from the type hints (independent of the module under test)."""
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        return st.builds(tp, **{f.name: strategie(hints[f.name]) for f in dataclasses.fields(tp) if f.init})
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        return st.one_of(*(strategie(a) for a in args))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategie(args[0]), max_size=3).map(tuple)
        return st.tuples(*(strategie(a) for a in args))
    if origin is list:
        return st.lists(strategie(args[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(st.text(max_size=5), strategie(args[1]), max_size=3)
    enkel: dict[Any, st.SearchStrategy[Any]] = {
        float: st.floats(allow_nan=False, allow_infinity=False),
        int: st.integers(-(10**9), 10**9),
        bool: st.booleans(),
        str: st.text(max_size=12),
        dt.date: st.dates(),
        type(None): st.none(),
        typing.Any: JSON_WAARDEN,
    }
    return enkel[tp]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategie(Indicatie))
def test_rondreis_is_exact(indicatie: Indicatie) -> None:
    data = json.loads(json.dumps(indicatie_naar_json(indicatie)))
    assert indicatie_uit_json(data) == indicatie


@pytest.mark.parametrize("pad", ["01-alleenstaande-basis.yaml", "03-partner-overbelast.yaml"])
def test_echte_indicatie_en_oude_as_json(pad: str) -> None:
    ind = indiceer(laad_situatie(Path("examples/situaties") / pad))
    assert indicatie_uit_json(json.loads(json.dumps(indicatie_naar_json(ind)))) == ind
    # Keys stay those of as_json(): stored JSON reads like the engine's own output.
    assert set(ind.as_json()) <= set(indicatie_naar_json(ind))
    oud = indicatie_uit_json(ind.as_json())
    assert oud.totaal_minuten_per_week == ind.totaal_minuten_per_week
    assert [a.minuten_per_week for a in oud.activiteiten] == [a.minuten_per_week for a in ind.activiteiten]


def test_fout_is_nederlands() -> None:
    data = indicatie_naar_json(indiceer(laad_situatie("examples/situaties/01-alleenstaande-basis.yaml")))
    del data["kader"]
    with pytest.raises(OngeldigeIndicatieJson, match="het veld 'kader' ontbreekt"):
        indicatie_uit_json(data)
    with pytest.raises(OngeldigeIndicatieJson, match="geen datum"):
        indicatie_uit_json({**data, "kader": "x", "peildatum": "morgen"})
    data["kader"] = "x"
    data["activiteiten"][0]["trace"][0]["effect_minuten"] = "veel"
    with pytest.raises(OngeldigeIndicatieJson) as fout:
        indicatie_uit_json(data)
    assert str(fout.value) == (
        "indicatie.activiteiten[0].trace[0].effect_minuten: verwacht een getal, gevonden 'veel'"
    )
