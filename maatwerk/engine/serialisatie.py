"""Typed JSON round trip of the engine's result: ``indicatie_naar_json`` and ``indicatie_uit_json``.

The JSON has the keys of :meth:`Indicatie.as_json` (the dataclass field names) plus the fields
``as_json`` leaves out (``frequentie_per_week``), and no rounding, so that
``indicatie_uit_json(indicatie_naar_json(i)) == i``. Both directions follow the dataclasses' type hints,
so a field the engine adds is carried without a change here. Reading is tolerant in one direction only:
unknown keys (from a newer engine) are ignored, a missing field takes the dataclass default; a missing
field without default is an error, except the legacy ``frequentie_per_week`` of JSON written by
``as_json()`` before this module existed (derived from minutes per week and per visit).
Values under ``Any`` (a step's ``feiten``) are kept as JSON: a date there comes back as ISO text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Union, get_args, get_origin, get_type_hints

from maatwerk.engine.indicatie import ActiviteitIndicatie, Indicatie

__all__ = ["OngeldigeIndicatieJson", "indicatie_naar_json", "indicatie_uit_json"]


class OngeldigeIndicatieJson(ValueError):
    """Stored indication JSON that does not fit the engine's result type; ``str()`` is Dutch."""


def indicatie_naar_json(indicatie: Indicatie) -> dict[str, Any]:
    """The whole result as JSON-able data (dicts, lists, str, int, float, bool, None)."""
    uit = _naar(indicatie)
    assert isinstance(uit, dict)
    return uit


def indicatie_uit_json(data: Mapping[str, Any]) -> Indicatie:
    """The engine's :class:`Indicatie` back from :func:`indicatie_naar_json` (or legacy ``as_json``)."""
    uit = _uit(Indicatie, data, "indicatie")
    assert isinstance(uit, Indicatie)
    return uit


def _naar(waarde: Any) -> Any:
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return {f.name: _naar(getattr(waarde, f.name)) for f in dataclasses.fields(waarde)}
    if isinstance(waarde, tuple | list):
        return [_naar(x) for x in waarde]
    if isinstance(waarde, dict):
        return {str(k): _naar(v) for k, v in waarde.items()}
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return waarde


#: Fields that legacy ``as_json()`` data lacks, derived from what it has (class name, field name).
_AFGELEID: dict[tuple[str, str], Callable[[Mapping[str, Any]], Any]] = {
    (ActiviteitIndicatie.__name__, "frequentie_per_week"): lambda d: (
        float(d["minuten_per_week"]) / float(d["minuten_per_keer"]) if d.get("minuten_per_keer") else 0.0
    ),
}


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _uit(tp: Any, waarde: Any, pad: str) -> Any:
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_uit(tp, waarde, pad)
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (Union, types.UnionType):
        if waarde is None and type(None) in args:
            return None
        kandidaten = [a for a in args if a is not type(None)]
        fouten: list[str] = []
        for kandidaat in kandidaten:
            try:
                return _uit(kandidaat, waarde, pad)
            except OngeldigeIndicatieJson as fout:
                fouten.append(str(fout))
        raise OngeldigeIndicatieJson(fouten[0] if fouten else f"{pad}: ongeldige waarde {waarde!r}")
    if origin is tuple:
        _verwacht(isinstance(waarde, list | tuple), pad, "een lijst", waarde)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_uit(args[0], x, f"{pad}[{i}]") for i, x in enumerate(waarde))
        _verwacht(len(args) == len(waarde), pad, f"een lijst van {len(args)}", waarde)
        return tuple(_uit(a, x, f"{pad}[{i}]") for i, (a, x) in enumerate(zip(args, waarde, strict=True)))
    if origin is list:
        _verwacht(isinstance(waarde, list | tuple), pad, "een lijst", waarde)
        return [_uit(args[0], x, f"{pad}[{i}]") for i, x in enumerate(waarde)]
    if origin is dict:
        _verwacht(isinstance(waarde, dict), pad, "een object", waarde)
        return {str(k): _uit(args[1], v, f"{pad}.{k}") for k, v in waarde.items()}
    return _enkel_uit(tp, waarde, pad)


def _enkel_uit(tp: Any, waarde: Any, pad: str) -> Any:
    if tp is Any or tp is typing.Any:
        return waarde
    if tp is dt.date:
        _verwacht(isinstance(waarde, str), pad, "een datum (JJJJ-MM-DD)", waarde)
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            raise OngeldigeIndicatieJson(f"{pad}: '{waarde}' is geen datum (JJJJ-MM-DD)") from None
    if tp is float:
        _verwacht(isinstance(waarde, int | float) and not isinstance(waarde, bool), pad, "een getal", waarde)
        return float(waarde)
    if tp is int:
        _verwacht(isinstance(waarde, int) and not isinstance(waarde, bool), pad, "een geheel getal", waarde)
        return waarde
    if tp is bool:
        _verwacht(isinstance(waarde, bool), pad, "ja of nee (true/false)", waarde)
        return waarde
    if tp is str:
        _verwacht(isinstance(waarde, str), pad, "tekst", waarde)
        return waarde
    if tp is type(None):
        _verwacht(waarde is None, pad, "leeg (null)", waarde)
        return None
    raise OngeldigeIndicatieJson(f"{pad}: type {tp!r} wordt niet ondersteund")


def _dataclass_uit(cls: type, waarde: Any, pad: str) -> Any:
    _verwacht(isinstance(waarde, Mapping), pad, "een object", waarde)
    hints = _hints(cls)
    velden: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.name in waarde:
            velden[f.name] = _uit(hints[f.name], waarde[f.name], f"{pad}.{f.name}")
        elif (cls.__name__, f.name) in _AFGELEID:
            velden[f.name] = _AFGELEID[(cls.__name__, f.name)](waarde)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise OngeldigeIndicatieJson(f"{pad}: het veld '{f.name}' ontbreekt")
    return cls(**velden)


def _verwacht(goed: bool, pad: str, wat: str, waarde: Any) -> None:
    if not goed:
        raise OngeldigeIndicatieJson(f"{pad}: verwacht {wat}, gevonden {waarde!r}")
