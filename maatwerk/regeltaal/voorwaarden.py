"""One condition grammar for every rule file, evaluated in three-valued (Kleene) logic.

Written in YAML (a mapping; several entries in one mapping must all hold)::

    als:
      indicatie: uren                               # fact equals value ("is")
      omvang_bepaald_door: [college, aanbieder]     # fact is one of the values ("in")
      client_leeftijd: {minstens: 75}               # operator form
      of:
        - meerpersoons: true
        - niet: {beschikking_vermeldt: {bevat: tijd}}

Operators: ``is``, ``in``, ``niet_in`` (a value; ``in``/``niet_in`` take a list), ``bevat``,
``bevat_niet`` (the fact is a list), ``minstens`` (>=), ``hoogstens`` (<=), ``groter_dan`` (>),
``kleiner_dan`` (<) (numbers) and ``opgegeven: true|false``. Text is compared without regard to case.
Combinators: ``en`` and ``of`` (non-empty lists) and ``niet`` (one condition).

Facts are read from a mapping. A fact that is missing from it, or whose value is :data:`ONBEKEND`,
is *onbekend*: its tests are onbekend and ``en``/``of``/``niet`` follow Kleene's rules, so filling
in an unknown fact can only decide a condition, never undecide it. The value ``None`` (:data:`GEEN`)
means "known to be not given" (no maximum, no children): every test on it is onwaar, except
``opgegeven: false``. The result names the facts that leave a condition open.

The column form (:meth:`Voorwaarde.als_expr`) gives a Polars Boolean where null means onbekend: a
null fact value is onbekend, and an optional ``geen`` mask marks rows where a fact is :data:`GEEN`.
Polars ``&``, ``|`` and ``~`` follow Kleene's rules on nulls, so the two forms agree row by row.

The NumPy form (:meth:`Voorwaarde.als_numpy`, used by the engine's batch) reads a :class:`Rijen` per
fact (numbers, or codes into a word list for text; optional masks for :data:`GEEN` and onbekend) and
gives the rows where the condition certainly holds; :meth:`Voorwaarde.uitkomst_numpy` also gives the
rows where it is onbekend. Lists (``bevat``) have no NumPy form.
"""

from __future__ import annotations

import enum
import operator as op
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
import polars as pl

from maatwerk.opmaak import getal


class _Onbekend:
    __slots__ = ()

    def __repr__(self) -> str:
        return "onbekend"


ONBEKEND: Any = _Onbekend()
"""The value of a fact nobody knows (the same as leaving the fact out)."""
GEEN: None = None
"""The value of a fact that is known not to be given (``None``)."""


class Waarheid(enum.Enum):
    WAAR = "waar"
    ONWAAR = "onwaar"
    ONBEKEND = "onbekend"


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """The truth of a condition and, when undecided, the unknown facts that leave it open."""

    waarheid: Waarheid
    ontbrekend: frozenset[str] = frozenset()

    @property
    def waar(self) -> bool:
        """True only when the condition certainly holds (onbekend counts as not holding)."""
        return self.waarheid is Waarheid.WAAR

    @property
    def onbekend(self) -> bool:
        return self.waarheid is Waarheid.ONBEKEND


_WAAR, _ONWAAR = Uitkomst(Waarheid.WAAR), Uitkomst(Waarheid.ONWAAR)
_WAAR_W, _ONWAAR_W, _ONBEKEND_W = Waarheid.WAAR, Waarheid.ONWAAR, Waarheid.ONBEKEND


def _beide_open(a: Uitkomst, b: Uitkomst) -> Uitkomst:
    if b.ontbrekend <= a.ontbrekend:
        return a
    return Uitkomst(Waarheid.ONBEKEND, a.ontbrekend | b.ontbrekend)


class VoorwaardeFout(ValueError):
    """A condition that does not fit the grammar or the fact vocabulary (Dutch message with its path)."""


Kolom = Callable[[str], pl.Expr]
"""The column of a fact in the column form (null: onbekend)."""
GeenMasker = Callable[[str], "pl.Expr | None"]
"""Optionally, per fact, a Boolean column that is true where the fact is :data:`GEEN`."""

Masker = npt.NDArray[np.bool_]


@dataclass(slots=True)
class Rijen:
    """One fact over all rows for the NumPy form: numbers (bool/int/float) or codes into ``woorden``.

    ``aanwezig`` is false where the fact is :data:`GEEN` (None: given in every row); ``bekend`` is false
    where it is onbekend (None: known in every row).
    """

    waarden: npt.NDArray[Any]
    aanwezig: Masker | None = None
    woorden: tuple[str, ...] | None = None
    bekend: Masker | None = None


NpKolom = Callable[[str], "Rijen | None"]
"""The rows of a fact in the NumPy form (None: the fact is onbekend in every row)."""
_Drie = tuple[Masker, "Masker | None"]
"""(waar, onwaar) per row; onwaar None means "every row that is not waar" (no onbekend rows)."""


class Voorwaarde(ABC):
    """A parsed condition: a :class:`Test` on one fact, or :class:`En` / :class:`Of` / :class:`Niet`."""

    __slots__ = ()

    @abstractmethod
    def evalueer(self, feiten: Mapping[str, Any]) -> Uitkomst:
        """The truth of the condition for one situation's facts."""

    @abstractmethod
    def feiten(self) -> frozenset[str]:
        """The facts the condition reads."""

    @abstractmethod
    def als_expr(self, kolom: Kolom, geen: GeenMasker | None = None) -> pl.Expr:
        """The condition as a Polars Boolean expression; null means onbekend."""

    @abstractmethod
    def _np(self, kolom: NpKolom, n: int) -> _Drie: ...

    def als_numpy(self, kolom: NpKolom, n: int) -> Masker:
        """The rows (of ``n``) where the condition certainly holds; onbekend counts as not holding."""
        return self._np(kolom, n)[0]

    def uitkomst_numpy(self, kolom: NpKolom, n: int) -> tuple[Masker, Masker]:
        """Per row: (waar, onbekend) — the NumPy form of :meth:`evalueer`."""
        waar, onwaar = self._np(kolom, n)
        return waar, (np.zeros(n, np.bool_) if onwaar is None else ~(waar | onwaar))

    def tests(self) -> tuple[Test, ...]:
        """Every test in the condition, depth first."""
        return ()

    @abstractmethod
    def tekst(self) -> str:
        """The condition in plain Dutch, e.g. ``niveau is deels en (meerpersoons is ja of ...)``."""

    def _deeltekst(self) -> str:
        return self.tekst()


def _klein(waarde: Any) -> Any:
    return waarde.lower() if isinstance(waarde, str) else waarde


def _is(feit: Any, doel: Any) -> bool:
    return bool((feit.lower() if isinstance(feit, str) else feit) == doel)


def _in(feit: Any, doel: Any) -> bool:
    return _klein(feit) in doel


def _niet_in(feit: Any, doel: Any) -> bool:
    return _klein(feit) not in doel


def _bevat(feit: Any, doel: Any) -> bool:
    return any(_klein(x) == doel for x in feit)


def _bevat_niet(feit: Any, doel: Any) -> bool:
    return not _bevat(feit, doel)


_OPERATOREN: dict[str, Callable[[Any, Any], bool]] = {
    "is": _is,
    "in": _in,
    "niet_in": _niet_in,
    "bevat": _bevat,
    "bevat_niet": _bevat_niet,
    "minstens": op.ge,
    "hoogstens": op.le,
    "groter_dan": op.gt,
    "kleiner_dan": op.lt,
}
OPERATOREN: tuple[str, ...] = (*_OPERATOREN, "opgegeven")
"""Every operator of the grammar."""
_OPERATORTEKST = {
    "is": "is",
    "bevat": "bevat",
    "bevat_niet": "bevat geen",
    "minstens": "is minstens",
    "hoogstens": "is hoogstens",
    "groter_dan": "is meer dan",
    "kleiner_dan": "is minder dan",
}


def _waardetekst(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float):
        return getal(waarde, 4)
    return str(waarde)


GETAL_OPERATOREN = frozenset({"minstens", "hoogstens", "groter_dan", "kleiner_dan"})
LIJST_OPERATOREN = frozenset({"bevat", "bevat_niet"})


@dataclass(frozen=True, slots=True)
class Test(Voorwaarde):
    """One test on one fact: ``feit`` ``operator`` ``waarde`` (a tuple for ``in``/``niet_in``)."""

    __test__: ClassVar[bool] = False  # not a pytest test class

    feit: str
    operator: str
    waarde: Any
    _doel: Any = field(init=False, repr=False, compare=False)
    _fn: Callable[[Any, Any], bool] | None = field(init=False, repr=False, compare=False)
    _onbekend: Uitkomst = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.operator in ("in", "niet_in"):
            doel: Any = frozenset(_klein(w) for w in self.waarde)
        else:
            doel = _klein(self.waarde)
        object.__setattr__(self, "_doel", doel)
        object.__setattr__(self, "_fn", _OPERATOREN.get(self.operator))
        object.__setattr__(self, "_onbekend", Uitkomst(Waarheid.ONBEKEND, frozenset({self.feit})))

    def evalueer(self, feiten: Mapping[str, Any]) -> Uitkomst:
        waarde = feiten.get(self.feit, ONBEKEND)
        if waarde is ONBEKEND:
            return self._onbekend
        if self._fn is None:  # opgegeven
            return _WAAR if (waarde is not None) == self.waarde else _ONWAAR
        if waarde is None:
            return _ONWAAR
        try:
            return _WAAR if self._fn(waarde, self._doel) else _ONWAAR
        except TypeError:
            raise VoorwaardeFout(
                f"{self.feit}: de waarde {waarde!r} past niet bij '{self.operator}' {self.waarde!r}"
            ) from None

    def feiten(self) -> frozenset[str]:
        return frozenset({self.feit})

    def tests(self) -> tuple[Test, ...]:
        return (self,)

    def tekst(self) -> str:
        o, w = self.operator, self.waarde
        if o == "opgegeven":
            return f"{self.feit} is {'' if w else 'niet '}opgegeven"
        if o in ("in", "niet_in"):
            return (
                f"{self.feit} is {'een' if o == 'in' else 'geen'} van {', '.join(_waardetekst(x) for x in w)}"
            )
        return f"{self.feit} {_OPERATORTEKST[o]} {_waardetekst(w)}"

    def als_expr(self, kolom: Kolom, geen: GeenMasker | None = None) -> pl.Expr:
        c = kolom(self.feit)
        tekst = isinstance(self._doel, str) or (
            isinstance(self._doel, frozenset) and any(isinstance(w, str) for w in self._doel)
        )
        o = self.operator
        if o == "opgegeven":
            uit = pl.when(c.is_null()).then(pl.lit(None, pl.Boolean)).otherwise(pl.lit(self.waarde))
        elif o in LIJST_OPERATOREN:
            element = pl.element().str.to_lowercase() if tekst else pl.element()
            uit = c.list.eval(element).list.contains(self._doel)
            if o == "bevat_niet":
                uit = ~uit
        else:
            links = c.str.to_lowercase() if tekst else c
            if o == "is":
                uit = links == pl.lit(self._doel)
            elif o in ("in", "niet_in"):
                waarden = sorted(self._doel, key=repr)
                uit = links == pl.lit(waarden[0])
                for w in waarden[1:]:  # == per value: the column's own type rules, Kleene on null
                    uit = uit | (links == pl.lit(w))
                if o == "niet_in":
                    uit = ~uit
            else:
                uit = {"minstens": op.ge, "hoogstens": op.le, "groter_dan": op.gt, "kleiner_dan": op.lt}[o](
                    c, pl.lit(self._doel)
                )
        masker = geen(self.feit) if geen is not None else None
        if masker is not None:
            bij_geen = (not self.waarde) if o == "opgegeven" else False
            uit = pl.when(masker).then(pl.lit(bij_geen)).otherwise(uit)
        return uit.cast(pl.Boolean)

    def _rij(self, waarden: npt.NDArray[Any], woorden: tuple[str, ...] | None) -> Masker:
        """The test on every row, ignoring GEEN and onbekend."""
        o = self.operator
        if o in LIJST_OPERATOREN:
            raise VoorwaardeFout(f"{self.feit}: '{o}' werkt alleen op een lijst, niet in de kolomvorm")
        if o == "opgegeven":
            return np.full(len(waarden), bool(self.waarde))
        fn = self._fn
        assert fn is not None
        if woorden is not None:  # text: the test per word, looked up per row
            try:
                per_woord = np.array([fn(w, self._doel) for w in woorden], np.bool_)
            except TypeError:
                raise VoorwaardeFout(f"{self.feit}: de tekst past niet bij '{o}' {self.waarde!r}") from None
            uit: Masker = per_woord[waarden] if len(woorden) else np.zeros(len(waarden), np.bool_)
            return uit
        if o == "is":
            if isinstance(self._doel, str):
                return np.zeros(len(waarden), np.bool_)
            return np.asarray(waarden == self._doel)
        if o in ("in", "niet_in"):
            getallen = [w for w in self._doel if not isinstance(w, str)]
            binnen = np.isin(waarden, getallen) if getallen else np.zeros(len(waarden), np.bool_)
            return np.asarray(binnen if o == "in" else ~binnen)
        return np.asarray(fn(waarden, self._doel))

    def _np(self, kolom: NpKolom, n: int) -> _Drie:
        r = kolom(self.feit)
        if r is None:
            niets = np.zeros(n, np.bool_)
            return niets, niets
        waar = self._rij(r.waarden, r.woorden)
        if r.aanwezig is not None:
            if self.operator == "opgegeven":
                waar = r.aanwezig if self.waarde else ~r.aanwezig
            else:
                waar = waar & r.aanwezig
        if r.bekend is None:
            return waar, None
        return waar & r.bekend, ~waar & r.bekend


def _en_np(delen: tuple[Voorwaarde, ...], kolom: NpKolom, n: int) -> _Drie:
    waar, onwaar = delen[0]._np(kolom, n)
    for deel in delen[1:]:
        w, o = deel._np(kolom, n)
        if onwaar is None and o is None:
            waar = waar & w
            continue
        onwaar = (~waar if onwaar is None else onwaar) | (~w if o is None else o)
        waar = waar & w
    return waar, onwaar


def _of_np(delen: tuple[Voorwaarde, ...], kolom: NpKolom, n: int) -> _Drie:
    waar, onwaar = delen[0]._np(kolom, n)
    for deel in delen[1:]:
        w, o = deel._np(kolom, n)
        if onwaar is None and o is None:
            waar = waar | w
            continue
        onwaar = (~waar if onwaar is None else onwaar) & (~w if o is None else o)
        waar = waar | w
    return waar, onwaar


@dataclass(frozen=True, slots=True)
class En(Voorwaarde):
    delen: tuple[Voorwaarde, ...]

    def evalueer(self, feiten: Mapping[str, Any]) -> Uitkomst:
        open_: Uitkomst | None = None
        for deel in self.delen:
            u = deel.evalueer(feiten)
            if u.waarheid is _ONWAAR_W:
                return _ONWAAR
            if u.waarheid is _ONBEKEND_W:
                open_ = u if open_ is None else _beide_open(open_, u)
        return _WAAR if open_ is None else open_

    def feiten(self) -> frozenset[str]:
        return frozenset().union(*(d.feiten() for d in self.delen))

    def tests(self) -> tuple[Test, ...]:
        return tuple(t for d in self.delen for t in d.tests())

    def als_expr(self, kolom: Kolom, geen: GeenMasker | None = None) -> pl.Expr:
        uit = self.delen[0].als_expr(kolom, geen)
        for deel in self.delen[1:]:
            uit = uit & deel.als_expr(kolom, geen)
        return uit

    def _np(self, kolom: NpKolom, n: int) -> _Drie:
        return _en_np(self.delen, kolom, n)

    def tekst(self) -> str:
        return " en ".join(d._deeltekst() for d in self.delen)

    def _deeltekst(self) -> str:
        return f"({self.tekst()})" if len(self.delen) > 1 else self.tekst()


@dataclass(frozen=True, slots=True)
class Of(Voorwaarde):
    delen: tuple[Voorwaarde, ...]

    def evalueer(self, feiten: Mapping[str, Any]) -> Uitkomst:
        open_: Uitkomst | None = None
        for deel in self.delen:
            u = deel.evalueer(feiten)
            if u.waarheid is _WAAR_W:
                return _WAAR
            if u.waarheid is _ONBEKEND_W:
                open_ = u if open_ is None else _beide_open(open_, u)
        return _ONWAAR if open_ is None else open_

    def feiten(self) -> frozenset[str]:
        return frozenset().union(*(d.feiten() for d in self.delen))

    def tests(self) -> tuple[Test, ...]:
        return tuple(t for d in self.delen for t in d.tests())

    def als_expr(self, kolom: Kolom, geen: GeenMasker | None = None) -> pl.Expr:
        uit = self.delen[0].als_expr(kolom, geen)
        for deel in self.delen[1:]:
            uit = uit | deel.als_expr(kolom, geen)
        return uit

    def _np(self, kolom: NpKolom, n: int) -> _Drie:
        return _of_np(self.delen, kolom, n)

    def tekst(self) -> str:
        return " of ".join(d._deeltekst() for d in self.delen)

    def _deeltekst(self) -> str:
        return f"({self.tekst()})" if len(self.delen) > 1 else self.tekst()


@dataclass(frozen=True, slots=True)
class Niet(Voorwaarde):
    deel: Voorwaarde

    def evalueer(self, feiten: Mapping[str, Any]) -> Uitkomst:
        u = self.deel.evalueer(feiten)
        if u.waarheid is Waarheid.ONBEKEND:
            return u
        return _ONWAAR if u.waarheid is Waarheid.WAAR else _WAAR

    def feiten(self) -> frozenset[str]:
        return self.deel.feiten()

    def tests(self) -> tuple[Test, ...]:
        return self.deel.tests()

    def als_expr(self, kolom: Kolom, geen: GeenMasker | None = None) -> pl.Expr:
        return ~self.deel.als_expr(kolom, geen)

    def _np(self, kolom: NpKolom, n: int) -> _Drie:
        waar, onwaar = self.deel._np(kolom, n)
        return (~waar, None) if onwaar is None else (onwaar, waar)

    def tekst(self) -> str:
        return f"niet ({self.deel.tekst()})"


# --- parsing ---------------------------------------------------------------------------------------

Controle = Callable[[Test, str], Test]
"""A vocabulary check on one parsed test (with its path): returns the test, possibly rewritten, or
raises :class:`VoorwaardeFout`."""


def _plaats(pad: str) -> str:
    return f" (bij {pad})" if pad else ""


def _enkel(feit: str, waarde: Any, pad: str) -> Any:
    if waarde is None or isinstance(waarde, dict | list | tuple | set):
        raise VoorwaardeFout(f"{feit}{_plaats(pad)}: verwacht één waarde (tekst, getal, true of false)")
    if isinstance(waarde, str) and waarde.strip().lower() == "onbekend":
        raise VoorwaardeFout(
            f"vergelijk niet met 'onbekend'{_plaats(pad)}: "
            "een onbekend feit maakt de voorwaarde vanzelf onbekend"
        )
    if not isinstance(waarde, str | bool | int | float):
        raise VoorwaardeFout(f"{feit}{_plaats(pad)}: ongeldige waarde {waarde!r}")
    return waarde


def _test(feit: str, operator: str, waarde: Any, pad: str) -> Test:
    if operator == "opgegeven":
        if not isinstance(waarde, bool):
            raise VoorwaardeFout(f"opgegeven moet true of false zijn{_plaats(pad)}")
        return Test(feit, operator, waarde)
    if operator in ("in", "niet_in"):
        if not isinstance(waarde, list) or not waarde:
            raise VoorwaardeFout(f"'{operator}' verwacht een niet-lege lijst{_plaats(pad)}")
        return Test(feit, operator, tuple(_enkel(feit, w, pad) for w in waarde))
    if operator in GETAL_OPERATOREN and (isinstance(waarde, bool) or not isinstance(waarde, int | float)):
        raise VoorwaardeFout(f"{feit}{_plaats(pad)}: verwacht een getal, niet {waarde!r}")
    return Test(feit, operator, _enkel(feit, waarde, pad))


def parse_voorwaarde(
    data: Any,
    *,
    feit_bekend: Callable[[str], bool],
    pad: str = "als",
    controleer: Controle | None = None,
    bekende_feiten: str = "",
) -> Voorwaarde:
    """Parse a condition written in YAML; raise :class:`VoorwaardeFout` (Dutch, naming the path).

    ``feit_bekend`` says whether a fact name exists; ``controleer`` may check (and rewrite) each test
    against a vocabulary; ``bekende_feiten`` is listed in the message for an unknown fact.
    """
    if not isinstance(data, dict) or not data:
        raise VoorwaardeFout(f"een voorwaarde is een tabel met feiten of en/of/niet{_plaats(pad)}")
    delen: list[Voorwaarde] = []
    for sleutel, waarde in data.items():
        sub = f"{pad}.{sleutel}" if pad else str(sleutel)
        if sleutel in ("en", "of"):
            if not isinstance(waarde, list) or not waarde:
                raise VoorwaardeFout(f"'{sleutel}' verwacht een niet-lege lijst voorwaarden{_plaats(sub)}")
            kinderen = tuple(
                parse_voorwaarde(
                    d,
                    feit_bekend=feit_bekend,
                    pad=f"{sub}.{i}",
                    controleer=controleer,
                    bekende_feiten=bekende_feiten,
                )
                for i, d in enumerate(waarde)
            )
            delen.append(En(kinderen) if sleutel == "en" else Of(kinderen))
        elif sleutel == "niet":
            delen.append(
                Niet(
                    parse_voorwaarde(
                        waarde,
                        feit_bekend=feit_bekend,
                        pad=sub,
                        controleer=controleer,
                        bekende_feiten=bekende_feiten,
                    )
                )
            )
        elif isinstance(sleutel, str) and feit_bekend(sleutel):
            for test in _tests(sleutel, waarde, sub):
                delen.append(controleer(test, sub) if controleer else test)
        else:
            lijst = f"; bekende feiten: {bekende_feiten}" if bekende_feiten else ""
            raise VoorwaardeFout(f"onbekend feit '{sleutel}'{_plaats(pad)}{lijst}")
    return delen[0] if len(delen) == 1 else En(tuple(delen))


def _tests(feit: str, waarde: Any, pad: str) -> list[Test]:
    if isinstance(waarde, dict):
        if not waarde:
            raise VoorwaardeFout(f"lege operator-tabel{_plaats(pad)}")
        onbekend = [o for o in waarde if o not in OPERATOREN]
        if onbekend:
            raise VoorwaardeFout(
                f"onbekende operator '{onbekend[0]}'{_plaats(pad)}; bekend: {', '.join(OPERATOREN)}"
            )
        return [_test(feit, o, w, pad) for o, w in waarde.items()]
    if isinstance(waarde, list):
        return [_test(feit, "in", waarde, pad)]
    return [_test(feit, "is", waarde, pad)]
