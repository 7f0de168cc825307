"""The state a step works on: :class:`Enkel` (one situation, one activity, with its trace) and
:class:`Kolommen` (every row of a batch block, one activity, as NumPy columns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from maatwerk.engine.indicatie import Stap
from maatwerk.regeltaal.voorwaarden import Rijen

if TYPE_CHECKING:
    from maatwerk.engine.gecompileerd import CActiviteit, CNorm, Gecompileerd
    from maatwerk.engine.situatie import Afwijking, Situatie

Rij = npt.NDArray[Any]
"""One value per row (a NumPy column)."""


# ------------------------------------------------------------------------------------------ columns


Feit = Rijen
"""One fact over all rows: numbers (bool/int/float) or text codes into ``woorden``; ``aanwezig`` false
where the fact is GEEN (the shared :class:`~maatwerk.regeltaal.voorwaarden.Rijen`)."""


@dataclass(slots=True)
class Invoer:
    """The validated batch columns as NumPy arrays (one element per row); dates as ``JJJJMMDD`` integers."""

    n: int
    peil: Rij
    geboren: Rij
    gemeente: Rij  # codes into gemeenten
    gemeenten: tuple[str, ...]
    woning_type: Rij
    kamers_in_gebruik: Rij
    kamers_niet_in_gebruik: Rij
    trap: Rij
    veel_eigen_kracht: Rij
    beperking: dict[str, Rij]
    omstandigheid: dict[str, Rij]
    rol: Rij  # (MAX_LEDEN, n) codes, -1 = no member
    lid_geboren: Rij  # (MAX_LEDEN, n)
    meedoen: Rij  # (MAX_LEDEN, n)
    netwerk: dict[str, Rij]
    voorziening: dict[str, Rij]  # in use
    voorziening_vervangt: dict[str, Rij]  # in use, passend and financieel toegankelijk (art. 2.3.5 lid 3)

    def deel(self, idx: Rij | slice) -> Invoer:
        """The rows ``idx`` only."""
        return Invoer(
            len(self.peil[idx]),
            self.peil[idx],
            self.geboren[idx],
            self.gemeente[idx],
            self.gemeenten,
            self.woning_type[idx],
            self.kamers_in_gebruik[idx],
            self.kamers_niet_in_gebruik[idx],
            self.trap[idx],
            self.veel_eigen_kracht[idx],
            {k: v[idx] for k, v in self.beperking.items()},
            {k: v[idx] for k, v in self.omstandigheid.items()},
            self.rol[:, idx],
            self.lid_geboren[:, idx],
            self.meedoen[:, idx],
            {k: v[idx] for k, v in self.netwerk.items()},
            {k: v[idx] for k, v in self.voorziening.items()},
            {k: v[idx] for k, v in self.voorziening_vervangt.items()},
        )


@dataclass(slots=True)
class Kolommen:
    """One activity over all rows of a block: the column form of every step reads and writes this."""

    c: Gecompileerd
    a: CActiviteit
    n: int
    inv: Invoer
    feiten: dict[str, Feit]  # kader facts plus the activity's niveau and netwerk
    leden_leeftijd: Rij  # (MAX_LEDEN, n)
    pools: dict[str, Rij]  # the network's minutes per category still unused
    match: dict[str, tuple[Rij, ...]]  # gebruikelijke hulp: per rule, per member, where it matches
    reken: Rij  # rows where the activity's minutes are computed (else 0)
    m: Rij  # subtotal, float minutes per week
    vb: Rij  # a voorbeeld value was used
    vervallen_vb: Rij  # rows replaced by an algemene voorziening declared with a voorbeeld value
    afgerond: Rij = field(default_factory=lambda: np.zeros(0, np.int64))


# ------------------------------------------------------------------------------------------ single


@dataclass(slots=True)
class Enkel:
    """One activity for one situation: the subtotal, the trace and the reasons for the letter."""

    c: Gecompileerd
    a: CActiviteit
    s: Situatie
    f: dict[str, Any]  # the situation's facts plus the activity's niveau and netwerk
    leden: list[tuple[str, int, str]]  # (rol, age, kan_meedoen) per household member
    pools: dict[str, float]
    afwijking: Afwijking | None
    niveau: str = "deels"
    van_toepassing: bool = True
    vervallen: bool = False  # an algemene voorziening replaces the activity
    norm: CNorm | None = None
    minuten: float = 0.0
    voor_afronding: float = 0.0
    afgerond: int = 0
    afgeweken: bool = False
    voorbeeld: bool = False
    stappen: list[Stap] = field(default_factory=list)
    redenen: list[str] = field(default_factory=list)
    aftrek_redenen: list[str] = field(default_factory=list)  # why minutes went down

    @property
    def rekent(self) -> bool:
        """Do the arithmetic steps (normtijd up to maximum) apply?"""
        return self.van_toepassing and not self.vervallen

    def stap(
        self,
        regel: str,
        bron: str,
        feiten: dict[str, Any],
        effect: float,
        tekst: str,
        voorbeeld: bool = False,
        *,
        kader_regel: bool = False,
    ) -> None:
        """Append a trace step ``<activiteit>.<regel>`` (``<kader>.<regel>`` with ``kader_regel``)."""
        eigenaar = self.c.id if kader_regel else self.a.id
        self.stappen.append(
            Stap(f"{eigenaar}.{regel}", self.c.id, self.c.versie, bron, feiten, effect, tekst, voorbeeld)
        )
