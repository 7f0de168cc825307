"""Where rule files are found: the package, then every directory named in ``MAATWERK_REGELS``.

``MAATWERK_REGELS`` holds one or more directories separated by ``:`` (``os.pathsep``), each laid
out like ``maatwerk/regels/``. For every kind of rule file (:data:`SOORTEN`) the effective set is the
union over the package and those directories, where a later directory overrides an earlier one and
all override the package. Override means the same relative path: for a versioned kind the same id
and the same version file (``normenkaders/h4/2020-01-01.yaml``); a new version file of a shipped id
adds a version. This module is the one place that resolves the search path; every loader uses it,
and every cache keys on :func:`regelmappen`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, ParamSpec, TypeVar

from maatwerk.regels.laden import Melding, Regelfout

OMGEVING = "MAATWERK_REGELS"
PAKKET = Path(__file__).resolve().parent

Vorm = Literal["versies", "plat"]

SOORTEN: dict[str, Vorm] = {
    "normenkaders": "versies",
    "resultatenmatrices": "versies",
    "overgangsbeleid": "versies",
    "tarieven/pxq": "versies",
    "tarieven/uitmiddelen": "versies",
    "iwmo/gemeenten": "versies",
    "gemeenten": "plat",
    "termijnen": "plat",
    "iwmo/codelijsten": "plat",
    "afzenders": "plat",
    "feestdagen": "plat",
    "awb-termijnen": "plat",
    "bezwaarprocedure": "plat",
    "schouw": "versies",
    "portaal": "plat",
    "goedkeuring": "plat",
    "invoergrenzen": "plat",
}
"""Every kind of rule file a rules directory may hold: ``versies`` = ``<soort>/<id>/<valid_from>.yaml``,
``plat`` = ``<soort>/<naam>.yaml``."""


@dataclass(frozen=True)
class Regelbestand:
    """One effective rule file: its kind, rule-set id (``None`` for flat kinds), and where it lives."""

    soort: str
    id: str | None
    pad: Path
    map: Path
    vervangt: tuple[Path, ...] = ()

    @property
    def naam(self) -> str:
        return self.pad.name

    @property
    def relatief(self) -> str:
        """The path inside a rules directory, e.g. ``normenkaders/h4/2020-01-01.yaml``."""
        return self.pad.relative_to(self.map).as_posix()


def regelmappen() -> tuple[Path, ...]:
    """The package's rules directory followed by the ``MAATWERK_REGELS`` directories, in override order.

    Raises :class:`Regelfout` when the variable names something that is not a directory.
    """
    return _mappen(os.environ.get(OMGEVING, ""))


@lru_cache(maxsize=32)
def _mappen(waarde: str) -> tuple[Path, ...]:
    mappen = [PAKKET]
    meldingen = []
    for deel in waarde.split(os.pathsep):
        if not deel.strip():
            continue
        pad = Path(deel.strip()).expanduser().resolve()
        if not pad.is_dir():
            meldingen.append(Melding(f"{OMGEVING} noemt '{deel}', maar dat is geen bestaande map", deel))
        elif pad not in mappen:
            mappen.append(pad)
    if meldingen:
        raise Regelfout(meldingen)
    return tuple(mappen)


def bestanden_in(map_: Path, soort: str) -> list[Regelbestand]:
    """The rule files of ``soort`` in one rules directory (no overriding), sorted."""
    if SOORTEN[soort] == "plat":
        return [Regelbestand(soort, None, p, map_) for p in sorted((map_ / soort).glob("*.yaml"))]
    basis = map_ / soort
    if not basis.is_dir():
        return []
    return [
        Regelbestand(soort, sub.name, p, map_)
        for sub in sorted(p for p in basis.iterdir() if p.is_dir())
        for p in sorted(sub.glob("*.yaml"))
    ]


def samenvoegen(soort: str, mappen: tuple[Path, ...]) -> list[Regelbestand]:
    """The effective files of ``soort`` over ``mappen`` (later overrides earlier), sorted by id and name."""
    gekozen: dict[tuple[str | None, str], Regelbestand] = {}
    for map_ in mappen:
        for b in bestanden_in(map_, soort):
            sleutel = (b.id, b.naam)
            eerder = gekozen.get(sleutel)
            vervangt = (*eerder.vervangt, eerder.pad) if eerder else ()
            gekozen[sleutel] = Regelbestand(b.soort, b.id, b.pad, b.map, vervangt)
    return [gekozen[s] for s in sorted(gekozen, key=lambda s: (s[0] or "", s[1]))]


@lru_cache(maxsize=256)
def _bestanden(soort: str, mappen: tuple[Path, ...]) -> tuple[Regelbestand, ...]:
    return tuple(samenvoegen(soort, mappen))


def bestanden(soort: str, mappen: tuple[Path, ...] | None = None) -> tuple[Regelbestand, ...]:
    """The effective files of ``soort`` on the search path (default :func:`regelmappen`).

    The listing is cached per search path; a test or a long-running process that adds files to a
    directory calls :func:`vergeet` (or changes ``MAATWERK_REGELS``) to see them.
    """
    return _bestanden(soort, mappen if mappen is not None else regelmappen())


def ids(soort: str, mappen: tuple[Path, ...] | None = None) -> list[str]:
    """The rule-set ids of a versioned ``soort`` that have at least one version file."""
    return sorted({b.id for b in bestanden(soort, mappen) if b.id is not None})


def versiebestanden(soort: str, id_: str, mappen: tuple[Path, ...] | None = None) -> list[Path]:
    """The effective version files of rule set ``id_``, sorted by name (= by ``valid_from``)."""
    return [b.pad for b in bestanden(soort, mappen) if b.id == id_]


def plaats(soort: str, id_: str | None = None) -> str:
    """Where files of ``soort`` (and ``id_``) are looked for, for error messages."""
    deel = f"{soort}/{id_}" if id_ else soort
    return ", ".join(str(m / deel) for m in regelmappen())


P = ParamSpec("P")
R = TypeVar("R")


def per_zoekpad(functie: Callable[P, R]) -> Callable[P, R]:
    """Cache ``functie`` per arguments and per search path, so a changed ``MAATWERK_REGELS`` is seen.

    The uncached function stays available as ``__wrapped__`` (as with :func:`functools.cache`).
    """

    @lru_cache(maxsize=256)
    def _op(mappen: tuple[Path, ...], args: tuple[Hashable, ...], kw: tuple[tuple[str, Hashable], ...]) -> R:
        return functie(*args, **dict(kw))  # type: ignore[arg-type]

    @functools.wraps(functie)
    def omhulsel(*args: P.args, **kwargs: P.kwargs) -> R:
        return _op(regelmappen(), args, tuple(sorted(kwargs.items())))

    return omhulsel


def vergeet() -> None:
    """Forget the cached directory listings (not the loaded rules: those key on the search path)."""
    _bestanden.cache_clear()
