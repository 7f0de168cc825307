"""The normenkader engine: from a client's situation to an explained indication (pure Python, no Django).

>>> from maatwerk.engine import laad_situatie, indiceer
>>> ind = indiceer(laad_situatie("examples/situaties/01-alleenstaande-basis.yaml"))  # doctest: +SKIP
"""

from maatwerk.engine.berekening import compileer, indiceer
from maatwerk.engine.indicatie import ActiviteitIndicatie, Indicatie, Stap, Tarief
from maatwerk.engine.kaders import Normenkader, Resultatenmatrix, kaders, kies_kader, laad_kader, register
from maatwerk.engine.situatie import Situatie, laad_situatie

__all__ = [
    "ActiviteitIndicatie",
    "Indicatie",
    "Normenkader",
    "Resultatenmatrix",
    "Situatie",
    "Stap",
    "Tarief",
    "compileer",
    "indiceer",
    "kaders",
    "kies_kader",
    "laad_kader",
    "laad_situatie",
    "register",
]
