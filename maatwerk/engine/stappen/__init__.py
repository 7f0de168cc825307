"""The steps of an indication, each defined once: its single-situation form (``enkel``, which also
writes its :class:`~maatwerk.engine.indicatie.Stap` in the trace) and its column form (``kolom``, NumPy
over every row of a batch block) side by side in one module, so a rule type changes in one file.

Per activity, in this order (all arithmetic in float minutes per week; the module docstrings give the
exact rules):

1. :mod:`~.toepassing` — niveau from the beperkingen; ``alleen_als``.
2. :mod:`~.voorziening` — an algemene voorziening that is passend and financieel toegankelijk for the
   client replaces the activity (art. 2.3.5 lid 3 Wmo 2015).
3. :mod:`~.normtijd` — normtijd x frequentie (a frequency may depend on facts: ``varianten``).
4. :mod:`~.correcties` — absolute correcties with ``groep``, ``per`` and ``hoogstens_netwerk``.
5. :mod:`~.factoren` — factor correcties, then the floor of 0.
6. :mod:`~.gebruikelijk` — gebruikelijke hulp by household members.
7. :mod:`~.netwerk` — the network's minutes (pools).
8. :mod:`~.maximum` — the maximum.
9. :mod:`~.afronding` — rounding to whole minutes.
10. :mod:`~.afwijking` — the consulent's afwijking (per activity; per resultaatgebied after all activities).

Then per matrix resultaatgebied :mod:`~.treden` — trede and tarief, with a minimum trede on a condition.
The single path (:func:`maatwerk.engine.berekening.indiceer`) and the batch path
(:func:`maatwerk.engine.batch.indiceer_batch`) both run :data:`STAPPEN` in this order, so they agree
minute for minute (a hypothesis property test checks it for every rule type).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from maatwerk.engine.stappen import (
    afronding,
    afwijking,
    correcties,
    factoren,
    gebruikelijk,
    maximum,
    netwerk,
    normtijd,
    toepassing,
    voorziening,
)
from maatwerk.engine.stappen.toestand import Enkel, Kolommen

STAPPEN: tuple[ModuleType, ...] = (
    toepassing,
    voorziening,
    normtijd,
    correcties,
    factoren,
    gebruikelijk,
    netwerk,
    maximum,
    afronding,
    afwijking,
)
"""Every per-activity step, in the order of operations."""

ENKEL: tuple[Callable[[Enkel], None], ...] = tuple(s.enkel for s in STAPPEN)
KOLOM: tuple[Callable[[Kolommen], None], ...] = tuple(s.kolom for s in STAPPEN)

__all__ = ["ENKEL", "KOLOM", "STAPPEN", "Enkel", "Kolommen"]
