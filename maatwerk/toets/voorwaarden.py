"""A small condition language for the criteria, evaluated in three-valued (Kleene) logic.

Written in YAML::

    als:
      of:
        - indicatie: resultaat                      # fact equals value
        - omvang_bepaald_door: [aanbieder]          # fact is one of the values
        - beschikking_vermeldt: {bevat_niet: tijd}  # operator form
        - en: [{hh1: maatwerk}, {niet: {hh2: afgeschaft}}]

A mapping with several facts means all of them (``en``). Operators: ``is``, ``in``, ``niet_in``,
``bevat``, ``bevat_niet`` (lists), ``minstens``, ``hoogstens``, ``groter_dan``, ``kleiner_dan``
(numbers) and ``opgegeven: true|false`` (optional values). An unknown fact makes a test
``ONBEKEND``; ``en``/``of``/``niet`` follow Kleene's rules, so filling in an unknown fact can only
decide a condition, never undecide it. Conditions are checked against the fact vocabulary on load.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from maatwerk.toets.feiten import FEITEN, GEEN, ONBEKEND


class Waarheid(enum.Enum):
    WAAR = "waar"
    ONWAAR = "onwaar"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Uitkomst:
    """The truth of a condition and, when undecided, the unknown facts that leave it open."""

    waarheid: Waarheid
    ontbrekend: frozenset[str] = frozenset()


_WAAR, _ONWAAR = Uitkomst(Waarheid.WAAR), Uitkomst(Waarheid.ONWAAR)


@dataclass(frozen=True)
class Test:
    feit: str
    operator: str
    waarde: Any

    def evalueer(self, feiten: dict[str, Any]) -> Uitkomst:
        waarde = feiten[self.feit]
        if waarde is ONBEKEND:
            return Uitkomst(Waarheid.ONBEKEND, frozenset({self.feit}))
        if self.operator == "opgegeven":
            return _WAAR if (waarde is not GEEN) == self.waarde else _ONWAAR
        if waarde is GEEN:
            return _ONWAAR
        return _WAAR if _OPERATOREN[self.operator](waarde, self.waarde) else _ONWAAR

    def feiten(self) -> set[str]:
        return {self.feit}


@dataclass(frozen=True)
class En:
    delen: tuple[Voorwaarde, ...]

    def evalueer(self, feiten: dict[str, Any]) -> Uitkomst:
        uitkomsten = [d.evalueer(feiten) for d in self.delen]
        if any(u.waarheid is Waarheid.ONWAAR for u in uitkomsten):
            return _ONWAAR
        open_ = [u for u in uitkomsten if u.waarheid is Waarheid.ONBEKEND]
        if open_:
            return Uitkomst(Waarheid.ONBEKEND, frozenset().union(*(u.ontbrekend for u in open_)))
        return _WAAR

    def feiten(self) -> set[str]:
        return set().union(*(d.feiten() for d in self.delen))


@dataclass(frozen=True)
class Of:
    delen: tuple[Voorwaarde, ...]

    def evalueer(self, feiten: dict[str, Any]) -> Uitkomst:
        uitkomsten = [d.evalueer(feiten) for d in self.delen]
        if any(u.waarheid is Waarheid.WAAR for u in uitkomsten):
            return _WAAR
        open_ = [u for u in uitkomsten if u.waarheid is Waarheid.ONBEKEND]
        if open_:
            return Uitkomst(Waarheid.ONBEKEND, frozenset().union(*(u.ontbrekend for u in open_)))
        return _ONWAAR

    def feiten(self) -> set[str]:
        return set().union(*(d.feiten() for d in self.delen))


@dataclass(frozen=True)
class Niet:
    deel: Voorwaarde

    def evalueer(self, feiten: dict[str, Any]) -> Uitkomst:
        u = self.deel.evalueer(feiten)
        if u.waarheid is Waarheid.ONBEKEND:
            return u
        return _ONWAAR if u.waarheid is Waarheid.WAAR else _WAAR

    def feiten(self) -> set[str]:
        return self.deel.feiten()


Voorwaarde = Test | En | Of | Niet

_OPERATOREN = {
    "is": lambda feit, w: feit == w,
    "in": lambda feit, w: feit in w,
    "niet_in": lambda feit, w: feit not in w,
    "bevat": lambda feit, w: w in feit,
    "bevat_niet": lambda feit, w: w not in feit,
    "minstens": lambda feit, w: feit >= w,
    "hoogstens": lambda feit, w: feit <= w,
    "groter_dan": lambda feit, w: feit > w,
    "kleiner_dan": lambda feit, w: feit < w,
}
_PER_SOORT = {
    "keuze": {"is", "in", "niet_in"},
    "ja_nee": {"is"},
    "lijst": {"bevat", "bevat_niet"},
    "getal": {"minstens", "hoogstens", "groter_dan", "kleiner_dan", "opgegeven"},
    "tekst": {"opgegeven"},
    "tabel": {"opgegeven"},
}


class VoorwaardeFout(ValueError):
    """A condition that does not fit the language or the fact vocabulary."""


def _plaats(pad: str) -> str:
    return f" (bij {pad})" if pad else ""


def _enkele_waarde(feit: str, waarde: Any, pad: str) -> Any:
    definitie = FEITEN[feit]
    if waarde == "onbekend":
        raise VoorwaardeFout(
            f"vergelijk niet met 'onbekend'{_plaats(pad)}: "
            "een onbekend feit maakt de voorwaarde vanzelf onbekend"
        )
    if definitie.soort in ("keuze", "lijst", "ja_nee") and (
        waarde not in definitie.waarden or isinstance(waarde, bool) != (definitie.soort == "ja_nee")
    ):
        toegestaan = ", ".join(str(w).lower() for w in definitie.waarden)
        raise VoorwaardeFout(
            f"ongeldige waarde {waarde!r} voor {feit}{_plaats(pad)}; toegestaan: {toegestaan}"
        )
    if definitie.soort == "getal" and (isinstance(waarde, bool) or not isinstance(waarde, int | float)):
        raise VoorwaardeFout(f"{feit}{_plaats(pad)}: verwacht een getal, niet {waarde!r}")
    return waarde


def _test(feit: str, operator: str, waarde: Any, pad: str) -> Test:
    soort = FEITEN[feit].soort
    if operator not in _PER_SOORT[soort]:
        toegestaan = ", ".join(sorted(_PER_SOORT[soort]))
        raise VoorwaardeFout(
            f"operator '{operator}' past niet bij {feit} ({soort}){_plaats(pad)}; toegestaan: {toegestaan}"
        )
    if operator == "opgegeven":
        if not isinstance(waarde, bool):
            raise VoorwaardeFout(f"opgegeven moet true of false zijn{_plaats(pad)}")
        return Test(feit, operator, waarde)
    if operator in ("in", "niet_in"):
        if not isinstance(waarde, list) or not waarde:
            raise VoorwaardeFout(f"'{operator}' verwacht een niet-lege lijst{_plaats(pad)}")
        return Test(feit, operator, frozenset(_enkele_waarde(feit, w, pad) for w in waarde))
    return Test(feit, operator, _enkele_waarde(feit, waarde, pad))


def lees_voorwaarde(data: Any, pad: str = "") -> Voorwaarde:
    """Parse and validate a condition written in YAML; raise :class:`VoorwaardeFout`."""
    if not isinstance(data, dict) or not data:
        raise VoorwaardeFout(f"een voorwaarde is een tabel met feiten of en/of/niet{_plaats(pad)}")
    delen: list[Voorwaarde] = []
    for sleutel, waarde in data.items():
        sub = f"{pad}.{sleutel}" if pad else str(sleutel)
        if sleutel in ("en", "of"):
            if not isinstance(waarde, list) or not waarde:
                raise VoorwaardeFout(f"'{sleutel}' verwacht een niet-lege lijst voorwaarden{_plaats(sub)}")
            kinderen = tuple(lees_voorwaarde(d, f"{sub}.{i}") for i, d in enumerate(waarde))
            delen.append(En(kinderen) if sleutel == "en" else Of(kinderen))
        elif sleutel == "niet":
            delen.append(Niet(lees_voorwaarde(waarde, sub)))
        elif sleutel in FEITEN:
            delen.extend(_tests(sleutel, waarde, sub))
        else:
            raise VoorwaardeFout(
                f"onbekend feit '{sleutel}'{_plaats(pad)}; bekende feiten: {', '.join(FEITEN)}"
            )
    return delen[0] if len(delen) == 1 else En(tuple(delen))


def _tests(feit: str, waarde: Any, pad: str) -> list[Test]:
    if isinstance(waarde, dict):
        if not waarde:
            raise VoorwaardeFout(f"lege operator-tabel{_plaats(pad)}")
        onbekend = [op for op in waarde if op not in (*_OPERATOREN, "opgegeven")]
        if onbekend:
            raise VoorwaardeFout(f"onbekende operator '{onbekend[0]}'{_plaats(pad)}")
        return [_test(feit, op, w, pad) for op, w in waarde.items()]
    if isinstance(waarde, list):
        return [_test(feit, "in", waarde, pad)]
    operator = "bevat" if FEITEN[feit].soort == "lijst" else "is"
    return [_test(feit, operator, waarde, pad)]
