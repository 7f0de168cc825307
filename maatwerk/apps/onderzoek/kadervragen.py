"""Which questions of the onderzoek form the active normenkader uses (pure Python, no Django).

A kader reads the situation through its activities (the categories whose limitation sets the ``niveau``),
its voorwaarden and ``per`` facts, its gebruikelijke hulp, its network deduction and the algemene
voorzieningen that can replace an activity. Whatever it never reads does not count under that kader:
the form folds those questions away and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from maatwerk.engine.kaders import Normenkader
from maatwerk.engine.situatie import OMSTANDIGHEDEN
from maatwerk.regeltaal.voorwaarden import Voorwaarde

HUISHOUDFEITEN = frozenset({"personen", "meerpersoons", "aantal_kinderen", "leeftijd_jongste_kind"})
WONINGFEITEN = ("woning_type", "kamers_in_gebruik", "kamers_niet_in_gebruik", "trap")


@dataclass(frozen=True)
class Gebruik:
    """The facts a kader reads, grouped as the form asks them."""

    categorieen: frozenset[str]
    omstandigheden: frozenset[str]
    woning: frozenset[str]
    huishouden: bool
    netwerk: bool
    voorzieningen: frozenset[str]

    def telt(self, veld: str) -> bool:
        """Does form field ``veld`` (SituatieForm name, without prefix) count under the kader?"""
        if veld.startswith("beperking_"):
            return veld.removeprefix("beperking_") in self.categorieen
        if veld.startswith("omstandigheid_"):
            return veld.removeprefix("omstandigheid_") in self.omstandigheden
        if veld in WONINGFEITEN:
            return veld in self.woning
        if veld.startswith("lid"):
            return self.huishouden
        if veld.startswith("netwerk"):
            return self.netwerk
        if veld == "algemene_voorzieningen":
            return bool(self.voorzieningen)
        if veld.startswith("vz_") and "__" in veld:
            return veld.removeprefix("vz_").partition("__")[0] in self.voorzieningen
        return True


def _voorwaarden(kader: Normenkader) -> Iterable[Voorwaarde]:
    """Every condition in the kader (the shared grammar: one condition or none per rule)."""
    kandidaten = [a.alleen_als for a in kader.activiteiten]
    kandidaten += [v.als for a in kader.activiteiten for v in a.varianten]
    kandidaten += [c.als for a in kader.activiteiten for c in a.correcties]
    kandidaten += [m.als for m in kader.minimum_treden]
    yield from (v for v in kandidaten if v is not None)


def gebruik(kader: Normenkader) -> Gebruik:
    """What ``kader`` reads of the situation."""
    feiten: set[str] = set()
    for v in _voorwaarden(kader):
        feiten |= v.feiten()
    for a in kader.activiteiten:
        feiten |= {c.per.feit for c in a.correcties if c.per is not None}
    omstandigheden = feiten & set(OMSTANDIGHEDEN)
    for g in kader.gebruikelijke_hulp:
        omstandigheden |= set(g.vervalt_bij)
    voorzieningen = {v for a in kader.activiteiten for v in a.vervalt_bij_voorziening}
    voorzieningen |= {f.partition(".")[2] for f in feiten if f.startswith("voorziening.")}
    return Gebruik(
        categorieen=frozenset(c for a in kader.activiteiten for c in a.categorieen),
        omstandigheden=frozenset(omstandigheden),
        woning=frozenset(f for f in WONINGFEITEN if f in feiten),
        huishouden=bool(kader.gebruikelijke_hulp) or bool(feiten & HUISHOUDFEITEN),
        netwerk=any(a.netwerk_aftrek for a in kader.activiteiten)
        or any(f == "netwerk" or f.startswith("netwerk.") for f in feiten),
        voorzieningen=frozenset(voorzieningen),
    )
