"""Regeltaal: the small shared language of the rule files (pure Python, never Django).

- :mod:`maatwerk.regeltaal.voorwaarden`: one three-valued (Kleene) condition grammar, used by the
  normenkaders, the beleidstoets and the overgangsbeleid; single-situation, column (Polars) and
  NumPy form (the engine's batch).
- :mod:`maatwerk.regeltaal.waarden`: the one yes/no parser and the one age function.

Dutch texts for numbers, hours and euros are in :mod:`maatwerk.opmaak`.
"""

from maatwerk.regeltaal.voorwaarden import (
    GEEN,
    ONBEKEND,
    Rijen,
    Uitkomst,
    Voorwaarde,
    VoorwaardeFout,
    Waarheid,
    parse_voorwaarde,
)
from maatwerk.regeltaal.waarden import WaardeFout, ja_nee, leeftijd, leeftijd_expr

__all__ = [
    "GEEN",
    "ONBEKEND",
    "Rijen",
    "Uitkomst",
    "Voorwaarde",
    "VoorwaardeFout",
    "WaardeFout",
    "Waarheid",
    "ja_nee",
    "leeftijd",
    "leeftijd_expr",
    "parse_voorwaarde",
]
