"""The beleidstoets' conditions: the shared grammar of :mod:`maatwerk.regeltaal.voorwaarden`, checked
against the fact vocabulary of :mod:`maatwerk.toets.feiten`.

Written in YAML::

    als:
      of:
        - indicatie: resultaat                      # fact equals value
        - omvang_bepaald_door: [aanbieder]          # fact is one of the values
        - beschikking_vermeldt: {bevat_niet: tijd}  # operator form
        - en: [{maatwerkvoorziening: true}, {niet: {hh2: afgeschaft}}]

On top of the shared grammar: a value written for a list fact (``beschikking_vermeldt: tijd``) means
``bevat``; each operator must fit the kind of fact (``keuze``: ``is``/``in``/``niet_in``; ``ja_nee``:
``is``; ``lijst``: ``bevat``/``bevat_niet``; ``getal``: comparisons and ``opgegeven``; ``tekst`` and
``tabel``: ``opgegeven``) and each value must be one the fact can take.
"""

from __future__ import annotations

from typing import Any

from maatwerk.regeltaal.voorwaarden import (
    Test,
    Uitkomst,
    Voorwaarde,
    VoorwaardeFout,
    Waarheid,
    parse_voorwaarde,
)
from maatwerk.toets.feiten import FEITEN

__all__ = ["Uitkomst", "Voorwaarde", "VoorwaardeFout", "Waarheid", "lees_voorwaarde"]

_PER_SOORT = {
    "keuze": {"is", "in", "niet_in"},
    "ja_nee": {"is"},
    "lijst": {"bevat", "bevat_niet"},
    "getal": {"minstens", "hoogstens", "groter_dan", "kleiner_dan", "opgegeven"},
    "tekst": {"opgegeven"},
    "tabel": {"opgegeven"},
}


def _plaats(pad: str) -> str:
    return f" (bij {pad})" if pad else ""


def _controleer_waarde(feit: str, waarde: Any, pad: str) -> None:
    definitie = FEITEN[feit]
    if definitie.soort in ("keuze", "lijst", "ja_nee") and (
        waarde not in definitie.waarden or isinstance(waarde, bool) != (definitie.soort == "ja_nee")
    ):
        toegestaan = ", ".join(str(w).lower() for w in definitie.waarden)
        raise VoorwaardeFout(
            f"ongeldige waarde {waarde!r} voor {feit}{_plaats(pad)}; toegestaan: {toegestaan}"
        )


def controleer_test(test: Test, pad: str) -> Test:
    """Check one test against the vocabulary; a value for a list fact becomes ``bevat``."""
    soort = FEITEN[test.feit].soort
    if soort == "lijst" and test.operator == "is":
        test = Test(test.feit, "bevat", test.waarde)
    if test.operator not in _PER_SOORT[soort]:
        toegestaan = ", ".join(sorted(_PER_SOORT[soort]))
        raise VoorwaardeFout(
            f"operator '{test.operator}' past niet bij {test.feit} ({soort}){_plaats(pad)}; "
            f"toegestaan: {toegestaan}"
        )
    if test.operator != "opgegeven":
        waarden = test.waarde if test.operator in ("in", "niet_in") else (test.waarde,)
        for waarde in waarden:
            _controleer_waarde(test.feit, waarde, pad)
    return test


def lees_voorwaarde(data: Any, pad: str = "als") -> Voorwaarde:
    """Parse and validate a condition of the beleidstoets; raise :class:`VoorwaardeFout`."""
    return parse_voorwaarde(
        data,
        feit_bekend=FEITEN.__contains__,
        pad=pad,
        controleer=controleer_test,
        bekende_feiten=", ".join(FEITEN),
    )
