"""Typed JSON round trip of the engine's result: ``indicatie_naar_json`` and ``indicatie_uit_json``.

The JSON has the keys of :meth:`Indicatie.as_json` (the dataclass field names) plus the fields
``as_json`` leaves out (``frequentie_per_week``), and no rounding, so that
``indicatie_uit_json(indicatie_naar_json(i)) == i``. Both directions follow the dataclasses' type hints,
so a field the engine adds is carried without a change here. Reading is tolerant in one direction only:
unknown keys (from a newer engine) are ignored, a missing field takes the dataclass default; a missing
field without default is an error, except the legacy ``frequentie_per_week`` of JSON written by
``as_json()`` before this module existed (derived from minutes per week and per visit).
Values under ``Any`` (a step's ``feiten``) are kept as JSON: a date there comes back as ISO text.
Each type's reader and writer is built once from its hints and cached, so reading a stored indication costs
less than computing it again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
from collections.abc import Callable, Mapping
from typing import Any, Union, get_args, get_origin, get_type_hints

from maatwerk.engine.indicatie import ActiviteitIndicatie, Indicatie

__all__ = ["OngeldigeIndicatieJson", "indicatie_naar_json", "indicatie_uit_json"]

Lezer = Callable[[Any], Any]
Schrijver = Callable[[Any], Any]


class OngeldigeIndicatieJson(ValueError):
    """Stored indication JSON that does not fit the engine's result type; ``str()`` is Dutch."""

    def __init__(self, reden: str, pad: list[str] | None = None) -> None:
        self.reden = reden
        self.pad = pad or []
        super().__init__(reden)

    def onder(self, stap: str) -> OngeldigeIndicatieJson:
        """The same error one level up (``stap`` is a field name or ``[i]``)."""
        self.pad.insert(0, stap)
        return self

    def __str__(self) -> str:
        pad = "".join(p if p.startswith("[") else f".{p}" for p in self.pad)
        return f"indicatie{pad}: {self.reden}"


def indicatie_naar_json(indicatie: Indicatie) -> dict[str, Any]:
    """The whole result as JSON-able data (dicts, lists, str, int, float, bool, None)."""
    uit = _schrijver(Indicatie)(indicatie)
    assert isinstance(uit, dict)
    return uit


def indicatie_uit_json(data: Mapping[str, Any]) -> Indicatie:
    """The engine's :class:`Indicatie` back from :func:`indicatie_naar_json` (or legacy ``as_json``)."""
    uit = _lezer(Indicatie)(data)
    assert isinstance(uit, Indicatie)
    return uit


#: Fields that legacy ``as_json()`` data lacks, derived from what it has (class name, field name).
_AFGELEID: dict[tuple[str, str], Callable[[Mapping[str, Any]], Any]] = {
    (ActiviteitIndicatie.__name__, "frequentie_per_week"): lambda d: (
        float(d["minuten_per_week"]) / float(d["minuten_per_keer"]) if d.get("minuten_per_keer") else 0.0
    ),
}


def _is_dataclass_type(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


# --- writing -------------------------------------------------------------------------------------


def _als_json(waarde: Any) -> Any:
    """Untyped values (``Any``): containers and dates made JSON-able."""
    if isinstance(waarde, tuple | list):
        return [_als_json(x) for x in waarde]
    if isinstance(waarde, dict):
        return {str(k): _als_json(v) for k, v in waarde.items()}
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return _schrijver(type(waarde))(waarde)
    return waarde


@functools.cache
def _schrijver(tp: Any) -> Schrijver:
    if _is_dataclass_type(tp):
        hints = get_type_hints(tp)
        velden = [(f.name, _schrijver(hints[f.name])) for f in dataclasses.fields(tp)]

        def schrijf_object(w: Any) -> Any:
            return {naam: s(getattr(w, naam)) for naam, s in velden}

        return schrijf_object
    origin, args = get_origin(tp), get_args(tp)
    if origin in (tuple, list) and args and (origin is list or (len(args) == 2 and args[1] is Ellipsis)):
        element = _schrijver(args[0])
        return lambda w: [element(x) for x in w]
    if origin is dict and args:
        waarde = _schrijver(args[1])
        return lambda w: {str(k): waarde(v) for k, v in w.items()}
    if tp is dt.date:
        return lambda w: w.isoformat()
    if tp in (str, int, float, bool, type(None)):
        return lambda w: w
    return _als_json  # Any, unions, fixed tuples: by value


# --- reading -------------------------------------------------------------------------------------


def _fout(wat: str, waarde: Any) -> OngeldigeIndicatieJson:
    return OngeldigeIndicatieJson(f"verwacht {wat}, gevonden {waarde!r}")


def _lees_float(w: Any) -> float:
    if isinstance(w, bool) or not isinstance(w, int | float):
        raise _fout("een getal", w)
    return float(w)


def _lees_int(w: Any) -> int:
    if isinstance(w, bool) or not isinstance(w, int):
        raise _fout("een geheel getal", w)
    return w


def _lees_bool(w: Any) -> bool:
    if not isinstance(w, bool):
        raise _fout("ja of nee (true/false)", w)
    return w


def _lees_str(w: Any) -> str:
    if not isinstance(w, str):
        raise _fout("tekst", w)
    return w


def _lees_none(w: Any) -> None:
    if w is not None:
        raise _fout("leeg (null)", w)


def _lees_datum(w: Any) -> dt.date:
    if not isinstance(w, str):
        raise _fout("een datum (JJJJ-MM-DD)", w)
    try:
        return dt.date.fromisoformat(w)
    except ValueError:
        raise OngeldigeIndicatieJson(f"'{w}' is geen datum (JJJJ-MM-DD)") from None


_ENKEL: dict[Any, Lezer] = {
    float: _lees_float,
    int: _lees_int,
    bool: _lees_bool,
    str: _lees_str,
    type(None): _lees_none,
    dt.date: _lees_datum,
    Any: lambda w: w,
}


def _lees_reeks(element: Lezer, w: Any) -> list[Any]:
    if not isinstance(w, list | tuple):
        raise _fout("een lijst", w)
    uit = []
    for i, x in enumerate(w):
        try:
            uit.append(element(x))
        except OngeldigeIndicatieJson as fout:
            raise fout.onder(f"[{i}]") from None
    return uit


@functools.cache
def _lezer(tp: Any) -> Lezer:
    if _is_dataclass_type(tp):
        return _dataclass_lezer(tp)
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        return _union_lezer(args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        element = _lezer(args[0])
        return lambda w: tuple(_lees_reeks(element, w))
    if origin is tuple:
        return _vaste_tuple_lezer(args)
    if origin is list:
        element = _lezer(args[0])
        return lambda w: _lees_reeks(element, w)
    if origin is dict:
        return _dict_lezer(_lezer(args[1]))
    if tp in _ENKEL:
        return _ENKEL[tp]
    raise TypeError(f"type {tp!r} wordt niet ondersteund")


def _union_lezer(args: tuple[Any, ...]) -> Lezer:
    kan_leeg = type(None) in args
    kandidaten = [_lezer(a) for a in args if a is not type(None)]

    def lees(w: Any) -> Any:
        if w is None and kan_leeg:
            return None
        fouten: list[OngeldigeIndicatieJson] = []
        for kandidaat in kandidaten:
            try:
                return kandidaat(w)
            except OngeldigeIndicatieJson as fout:
                fouten.append(fout)
        raise fouten[0] if fouten else _fout("een waarde", w)

    return lees


def _vaste_tuple_lezer(args: tuple[Any, ...]) -> Lezer:
    lezers = [_lezer(a) for a in args]

    def lees(w: Any) -> tuple[Any, ...]:
        if not isinstance(w, list | tuple) or len(w) != len(lezers):
            raise _fout(f"een lijst van {len(lezers)}", w)
        uit = []
        for i, (lezer, x) in enumerate(zip(lezers, w, strict=True)):
            try:
                uit.append(lezer(x))
            except OngeldigeIndicatieJson as fout:
                raise fout.onder(f"[{i}]") from None
        return tuple(uit)

    return lees


def _dict_lezer(waarde: Lezer) -> Lezer:
    def lees(w: Any) -> dict[str, Any]:
        if not isinstance(w, dict):
            raise _fout("een object", w)
        uit = {}
        for k, v in w.items():
            try:
                uit[str(k)] = waarde(v)
            except OngeldigeIndicatieJson as fout:
                raise fout.onder(str(k)) from None
        return uit

    return lees


def _dataclass_lezer(cls: type) -> Lezer:
    hints = get_type_hints(cls)
    velden = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        verplicht = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        velden.append((f.name, _lezer(hints[f.name]), verplicht, _AFGELEID.get((cls.__name__, f.name))))

    def lees(w: Any) -> Any:
        if not isinstance(w, Mapping):
            raise _fout("een object", w)
        kw: dict[str, Any] = {}
        for naam, lezer, verplicht, afgeleid in velden:
            if naam in w:
                try:
                    kw[naam] = lezer(w[naam])
                except OngeldigeIndicatieJson as fout:
                    raise fout.onder(naam) from None
            elif afgeleid is not None:
                kw[naam] = afgeleid(w)
            elif verplicht:
                raise OngeldigeIndicatieJson(f"het veld '{naam}' ontbreekt")
        return cls(**kw)

    return lees
