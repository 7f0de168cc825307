"""What the level-3 rules (berichtoverstijgend) need to know about earlier messages.

:class:`Berichtgeschiedenis` is a small protocol: the Django side implements it over its models
(``maatwerk.apps.levering.iwmo.geschiedenis``), the tests and the benchmark use
:class:`GeheugenGeschiedenis`. Everything is seen from the gemeente: ``agb`` is the aanbieder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable


@dataclass(frozen=True)
class ToegewezenProduct:
    """A toewijzing as the gemeente sent it (WMO301 ToegewezenProduct) to aanbieder ``agb``."""

    toewijzingnummer: int
    bsn: str
    agb: str
    categorie: str | None
    code: str | None
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    volume: int | None = None
    eenheid: str | None = None
    frequentie: str | None = None
    budget: int | None = None
    reden_wijziging: str | None = None

    @property
    def verwijderd(self) -> bool:
        """Deleted (RedenWijziging 13, or 01 with Einddatum = Ingangsdatum: TR302/TR349)."""
        return self.reden_wijziging == "13" or (
            self.reden_wijziging == "01" and self.einddatum == self.ingangsdatum
        )


@dataclass(frozen=True)
class EerderePrestatie:
    """A prestatie declared earlier (WMO323), with the outcome the gemeente gave it."""

    referentienummer: str
    agb: str
    toewijzingnummer: int
    begindatum: dt.date
    einddatum: dt.date
    volume: int
    eenheid: str
    debet: bool = True
    toegekend: bool = True
    vorig_referentienummer: str | None = None


@dataclass(frozen=True)
class EerdereLevering:
    """A start (WMO305 StartProduct) or stop (WMO307 StopProduct) received earlier and still current.

    Deliveries deleted later (StatusAanlevering 3) are left out by ``Leveringsgeschiedenis.leveringen``.
    """

    soort: Literal["start", "stop"]
    agb: str
    bsn: str
    toewijzingnummer: int
    begindatum: dt.date
    einddatum: dt.date | None = None
    reden_beeindiging: str | None = None
    categorie: str | None = None
    code: str | None = None


@runtime_checkable
class Leveringsgeschiedenis(Protocol):
    """Optional extra for the start/stop rules (TR063, TR071, TR074, TR326, TR382, TR413-TR415).

    A :class:`Berichtgeschiedenis` that also has ``leveringen`` gets these rules checked; without it they
    are reported as not checked.
    """

    def leveringen(self, agb: str, toewijzingnummer: int) -> Sequence[EerdereLevering]:
        """The current starts and stops received from ``agb`` on this toewijzing."""
        ...


@runtime_checkable
class Verzoekgeschiedenis(Protocol):
    """Optional extra for the rules on verzoeken (TR347, TR374): earlier WMO315/WMO317 of an aanbieder."""

    def referentie_aanbieder_bekend(self, agb: str, referentie: str) -> bool:
        """Was this ReferentieAanbieder used before by ``agb`` in a verzoek (TR347)?"""
        ...

    def verzoek_onderhanden(self, agb: str, bsn: str) -> bool:
        """Has ``agb`` a verzoek for this client not yet answered with a 319 'afgewezen' or a 301 (TR374)?"""
        ...


class Berichtgeschiedenis(Protocol):
    """Earlier messages and toewijzingen, as far as the level-3 rules ask for them."""

    def toewijzing(self, agb: str, toewijzingnummer: int) -> ToegewezenProduct | None:
        """The toewijzing with this number sent to ``agb`` (TR019, TR338-TR341)."""
        ...

    def toewijzingen(self, agb: str, bsn: str) -> Sequence[ToegewezenProduct]:
        """All toewijzingen of client ``bsn`` at aanbieder ``agb`` (TR349)."""
        ...

    def identificatie_bekend(self, bericht: str, afzender: str, identificatie: str) -> bool:
        """Was a message of type ``bericht`` with this identificatie received from ``afzender`` (TR056)?"""
        ...

    def prestaties(self, agb: str, toewijzingnummer: int) -> Sequence[EerderePrestatie]:
        """Earlier prestaties on this toewijzing (TR322, TR389)."""
        ...

    def prestatie(self, agb: str, referentienummer: str) -> EerderePrestatie | None:
        """The earlier prestatie with this ReferentieNummer (TR314, TR323)."""
        ...

    def declaratienummer_bekend(self, agb: str, declaratienummer: str) -> bool:
        """Was a declaratie with this DeclaratieNummer received from ``agb`` (TR333)?"""
        ...


@dataclass
class GeheugenGeschiedenis:
    """In-memory :class:`Berichtgeschiedenis` for tests and benchmarks."""

    toegewezen: list[ToegewezenProduct] = field(default_factory=list)
    berichten: set[tuple[str, str, str]] = field(default_factory=set)
    eerdere_prestaties: list[EerderePrestatie] = field(default_factory=list)
    declaratienummers: set[tuple[str, str]] = field(default_factory=set)
    eerdere_leveringen: list[EerdereLevering] = field(default_factory=list)
    #: (agb, ReferentieAanbieder) of earlier verzoeken, and (agb, bsn) of verzoeken still open.
    referenties_aanbieder: set[tuple[str, str]] = field(default_factory=set)
    onderhanden_verzoeken: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._per_nummer = {(t.agb, t.toewijzingnummer): t for t in self.toegewezen}
        self._prestaties: dict[tuple[str, str], EerderePrestatie] = {
            (p.agb, p.referentienummer): p for p in self.eerdere_prestaties
        }

    def voeg_toe(self, toewijzingen: Iterable[ToegewezenProduct]) -> None:
        for t in toewijzingen:
            self.toegewezen.append(t)
            self._per_nummer[(t.agb, t.toewijzingnummer)] = t

    def toewijzing(self, agb: str, toewijzingnummer: int) -> ToegewezenProduct | None:
        return self._per_nummer.get((agb, toewijzingnummer))

    def toewijzingen(self, agb: str, bsn: str) -> Sequence[ToegewezenProduct]:
        return [t for t in self.toegewezen if t.agb == agb and t.bsn == bsn]

    def identificatie_bekend(self, bericht: str, afzender: str, identificatie: str) -> bool:
        return (bericht, afzender, identificatie) in self.berichten

    def prestaties(self, agb: str, toewijzingnummer: int) -> Sequence[EerderePrestatie]:
        return [p for p in self.eerdere_prestaties if p.agb == agb and p.toewijzingnummer == toewijzingnummer]

    def prestatie(self, agb: str, referentienummer: str) -> EerderePrestatie | None:
        return self._prestaties.get((agb, referentienummer))

    def declaratienummer_bekend(self, agb: str, declaratienummer: str) -> bool:
        return (agb, declaratienummer) in self.declaratienummers

    def leveringen(self, agb: str, toewijzingnummer: int) -> Sequence[EerdereLevering]:
        return [
            levering
            for levering in self.eerdere_leveringen
            if levering.agb == agb and levering.toewijzingnummer == toewijzingnummer
        ]

    def referentie_aanbieder_bekend(self, agb: str, referentie: str) -> bool:
        return (agb, referentie) in self.referenties_aanbieder

    def verzoek_onderhanden(self, agb: str, bsn: str) -> bool:
        return (agb, bsn) in self.onderhanden_verzoeken
