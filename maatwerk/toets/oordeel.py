"""Evaluate the criteria on a policy and aggregate the findings into one verdict.

Aggregation: any violation gives ``voldoet_niet`` (even if other facts are unknown); else an
essential criterion that cannot be decided gives ``onbekend`` (naming the missing facts); else
``voldoet``, with the conditions of the findings that carry one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from maatwerk.regels.laden import Melding, Regelfout, valideer
from maatwerk.toets.beleid import Beleid
from maatwerk.toets.ciz import vergelijk_met_ciz
from maatwerk.toets.criteria import Beleidstoets, Criterium, Verwijzing, beleidstoets_op
from maatwerk.toets.feiten import FEITEN, GEEN, ONBEKEND, lees_feiten, ontbrekende_feiten, toon
from maatwerk.toets.voorwaarden import Waarheid

Eindoordeel = Literal["voldoet", "voldoet_niet", "onbekend"]
Bevindingoordeel = Literal["voldoet", "voldoet_niet", "onbekend", "niet_van_toepassing"]
RANG: dict[str, int] = {"voldoet_niet": 0, "onbekend": 1, "voldoet": 2}
"""Verdicts from worst to best (``voldoet`` with conditions ranks as ``voldoet``)."""

_PLAATSHOUDER = re.compile(r"\{([a-z0-9_.]+)\}")


@dataclass(frozen=True)
class Bevinding:
    """The outcome of one criterion: verdict, facts used, legal ground, plain-Dutch explanation."""

    criterium: str
    titel: str
    schending: str
    oordeel: Bevindingoordeel
    grondslag: str
    toelichting: str
    feiten: dict[str, str]
    essentieel: bool
    voorwaarde: str | None = None
    ontbrekend: tuple[str, ...] = ()

    def as_json(self) -> dict[str, str]:
        return {
            "criterium": self.criterium,
            "oordeel": self.oordeel,
            "grondslag": self.grondslag,
            "toelichting": self.toelichting,
        }


@dataclass(frozen=True)
class Oordeel:
    """The verdict on one policy."""

    gemeente: str | list[str]
    oordeel: Eindoordeel
    bevindingen: tuple[Bevinding, ...]
    voorwaarden: tuple[str, ...] = ()
    ontbrekend: tuple[str, ...] = ()
    peildatum: dt.date | None = None
    toets_versie: str = ""
    bestand: str | None = field(default=None, compare=False)

    @property
    def naam(self) -> str:
        return self.gemeente if isinstance(self.gemeente, str) else " / ".join(self.gemeente)

    @property
    def hoofdreden(self) -> str:
        """One line for an overview table: the main reason for the verdict."""
        if self.oordeel == "voldoet_niet":
            return "; ".join(b.schending for b in self.bevindingen if b.oordeel == "voldoet_niet")
        if self.oordeel == "onbekend":
            return "niet vast te stellen; ontbreekt: " + ", ".join(self.ontbrekend)
        reden = "voldoet, " + "; ".join(self.voorwaarden) if self.voorwaarden else "voldoet aan alle criteria"
        if self.ontbrekend:
            reden += f" (niet vastgesteld: {', '.join(self.ontbrekend)})"
        return reden

    def as_json(self) -> dict[str, Any]:
        """The JSON object of ``maatwerk toets --json``."""
        return {
            "gemeente": self.gemeente,
            "oordeel": self.oordeel,
            "voorwaarden": list(self.voorwaarden),
            "bevindingen": [b.as_json() for b in self.bevindingen],
            "ontbrekend": list(self.ontbrekend),
        }


def _grondslag(verwijzingen: Iterable[Verwijzing]) -> str:
    return "; ".join(str(v) for v in verwijzingen)


def _vul_in(tekst: str, feiten: dict[str, Any]) -> str:
    return _PLAATSHOUDER.sub(lambda m: toon(feiten[m.group(1)]), " ".join(tekst.split()))


def beoordeel(
    criterium: Criterium, feiten: dict[str, Any], notities: dict[str, str] | None = None
) -> Bevinding:
    """Evaluate one criterion in three-valued logic (see :mod:`maatwerk.toets.voorwaarden`)."""
    notities = notities or {}
    uitkomsten = [(regel, regel.als.evalueer(feiten)) for regel in criterium.uitkomsten]
    gebruikt = {naam: toon(feiten[naam]) for naam in criterium.leest}
    extra = " ".join(notities[n] for n in criterium.leest if n in notities)

    def bevinding(
        oordeel: Bevindingoordeel,
        tekst: str,
        grondslag: Iterable[Verwijzing],
        voorwaarde: str | None = None,
        ontbrekend: Iterable[str] = (),
    ) -> Bevinding:
        toelichting = " ".join(t for t in (_vul_in(tekst, feiten), extra) if t)
        return Bevinding(
            criterium.id,
            criterium.titel,
            criterium.schending,
            oordeel,
            _grondslag(grondslag),
            toelichting,
            gebruikt,
            criterium.essentieel,
            " ".join(voorwaarde.split()) if voorwaarde else None,
            tuple(sorted(ontbrekend)),
        )

    schendingen = [r for r, u in uitkomsten if r.oordeel == "voldoet_niet" and u.waarheid is Waarheid.WAAR]
    if schendingen:
        grond = [v for r in schendingen for v in (r.grondslag or criterium.grondslag)]
        uniek = list({str(v): v for v in grond}.values())
        return bevinding("voldoet_niet", " ".join(r.toelichting for r in schendingen), uniek)
    open_: set[str] = set()
    for r, u in uitkomsten:
        if r.oordeel == "voldoet_niet" and u.waarheid is Waarheid.ONBEKEND:
            open_ |= u.ontbrekend
    gekozen = None
    for r, u in uitkomsten:
        if r.oordeel == "voldoet_niet":
            continue
        if u.waarheid is Waarheid.ONBEKEND:
            open_ |= u.ontbrekend
            break
        if u.waarheid is Waarheid.WAAR:
            gekozen = r
            break
    open_ = ontbrekende_feiten(open_, feiten)
    if open_:
        wat = "; ".join(f"{n} ({FEITEN[n].omschrijving})" for n in sorted(open_))
        return bevinding(
            "onbekend",
            f"Niet te beoordelen: het beleid zegt niets over {wat}. {criterium.uitleg}",
            criterium.grondslag,
            ontbrekend=open_,
        )
    if gekozen is None:
        anders = criterium.anders
        return bevinding(anders.oordeel, anders.toelichting, criterium.grondslag, anders.voorwaarde)
    return bevinding(
        gekozen.oordeel, gekozen.toelichting, gekozen.grondslag or criterium.grondslag, gekozen.voorwaarde
    )


def aggregeer(bevindingen: Iterable[Bevinding]) -> tuple[Eindoordeel, tuple[str, ...], tuple[str, ...]]:
    """(oordeel, voorwaarden, ontbrekend) from the findings; essential missing facts listed first."""
    bevindingen = list(bevindingen)
    ontbrekend: list[str] = []
    for b in sorted(bevindingen, key=lambda b: not b.essentieel):
        ontbrekend.extend(n for n in b.ontbrekend if n not in ontbrekend)
    if any(b.oordeel == "voldoet_niet" for b in bevindingen):
        return "voldoet_niet", (), tuple(ontbrekend)
    voorwaarden = tuple(
        dict.fromkeys(b.voorwaarde for b in bevindingen if b.oordeel == "voldoet" and b.voorwaarde)
    )
    if any(b.oordeel == "onbekend" and b.essentieel for b in bevindingen):
        return "onbekend", voorwaarden, tuple(ontbrekend)
    return "voldoet", voorwaarden, tuple(ontbrekend)


def _afgeleide_feiten(beleid: Beleid, toets: Beleidstoets) -> tuple[dict[str, Any], dict[str, str]]:
    feiten = lees_feiten(beleid)
    notities: dict[str, str] = {}
    normtijden = beleid.normering.normtijden_min_per_week
    if normtijden:
        opgegeven = toon(feiten["normering.t_o_v_ciz"])
        vergelijking = vergelijk_met_ciz(normtijden, toets.ciz_vergelijking, beleid.peildatum, opgegeven)
        notities["normering.normtijden_min_per_week"] = vergelijking.toelichting
        if vergelijking.uitkomst is not None:
            feiten["normering.t_o_v_ciz"] = vergelijking.uitkomst
    return feiten, notities


def toets_beleid(feiten: dict[str, Any] | Beleid, bestand: str | None = None) -> Oordeel:
    """Test a policy (a :class:`Beleid` or a dict in the policy vocabulary) against the criteria."""
    beleid = feiten if isinstance(feiten, Beleid) else valideer(Beleid, feiten, bestand)
    try:
        toets = beleidstoets_op(beleid.peildatum)
    except Regelfout as fout:
        raise Regelfout([Melding(m.tekst, bestand, None, "peildatum") for m in fout.meldingen]) from None
    waarden, notities = _afgeleide_feiten(beleid, toets)
    bevindingen = tuple(beoordeel(c, waarden, notities) for c in toets.criteria)
    oordeel, voorwaarden, ontbrekend = aggregeer(bevindingen)
    gemeente: str | list[str] = beleid.gemeente[0] if len(beleid.gemeente) == 1 else list(beleid.gemeente)
    return Oordeel(
        gemeente, oordeel, bevindingen, voorwaarden, ontbrekend, beleid.peildatum, toets.versie, bestand
    )


__all__ = ["Bevinding", "Oordeel", "RANG", "aggregeer", "beoordeel", "toets_beleid", "GEEN", "ONBEKEND"]
