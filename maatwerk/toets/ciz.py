"""Compare a policy's own norm times with the CIZ-style reference framework of the normenkader engine.

The reference minutes per week of an activity are its base norm time times its frequency (no
corrections: the plain one-person situation). A policy key names an engine activity id, or a task
category; an activity is compared by category only when the policy gives every category it covers
and those categories belong to no other activity (otherwise it is listed as not compared). When the
reference still holds ``voorbeeld`` values (no public source), the comparison is not used and the
beleidstoets falls back to the ``t_o_v_ciz`` the policy states; the explanation says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from maatwerk.regels.laden import Regelfout
from maatwerk.toets.criteria import CizVergelijking


@dataclass(frozen=True)
class Referentie:
    """Reference minutes per week per activity id, its categories, and whether any value is an example."""

    kader: str
    versie: str
    minuten: dict[str, float]
    voorbeeld_activiteiten: tuple[str, ...] = ()
    categorieen: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def voorbeeld(self) -> bool:
        """True when any reference value is an example without a public source."""
        return bool(self.voorbeeld_activiteiten)

    def koppel(self, eigen: dict[str, float]) -> tuple[dict[str, float], list[str]]:
        """Own minutes per reference activity, and the policy keys that could not be matched."""
        per_categorie: dict[str, list[str]] = {}
        for act, cats in self.categorieen.items():
            for c in cats:
                per_categorie.setdefault(c, []).append(act)
        gekoppeld: dict[str, float] = {}
        gebruikt: set[str] = set()
        for act in self.minuten:
            if act in eigen:
                gekoppeld[act] = eigen[act]
                gebruikt.add(act)
                continue
            cats = self.categorieen.get(act, ())
            if cats and all(c in eigen and per_categorie[c] == [act] for c in cats):
                gekoppeld[act] = sum(eigen[c] for c in cats)
                gebruikt.update(cats)
        return gekoppeld, sorted(set(eigen) - gebruikt)


@dataclass(frozen=True)
class Vergelijking:
    """The result: a ``t_o_v_ciz`` value when usable (else ``None``) and a plain-Dutch explanation."""

    uitkomst: str | None
    toelichting: str


def laad_referentie(kader_id: str, peildatum: dt.date) -> Referentie | str:
    """The reference minutes from the engine, or a Dutch reason why they are not available."""
    try:
        from maatwerk.engine.kaders import laad_kader
    except ImportError:
        return "de normenkader-engine is niet beschikbaar"
    try:
        kader = laad_kader(kader_id, peildatum)
    except Regelfout as fout:
        return f"het referentiekader '{kader_id}' is niet te laden ({fout.meldingen[0].tekst})"
    minuten: dict[str, float] = {}
    categorieen: dict[str, tuple[str, ...]] = {}
    voorbeeld: list[str] = []
    for act in kader.activiteiten:
        if act.normtijd.minuten is not None:
            per_week = act.normtijd.minuten * act.frequentie.per_week
            onzeker = act.normtijd.voorbeeld or act.frequentie.voorbeeld
        else:
            per_week = (act.normtijd.uren_per_jaar or 0) * 60 / kader.weken_per_jaar.waarde
            onzeker = act.normtijd.voorbeeld or kader.weken_per_jaar.voorbeeld
        if onzeker:
            voorbeeld.append(act.id)
        minuten[act.id] = per_week
        categorieen[act.id] = tuple(act.categorieen)
    return Referentie(kader.id, kader.versie, minuten, tuple(voorbeeld), categorieen)


def classificeer(eigen: dict[str, float], referentie: dict[str, float], regels: CizVergelijking) -> str:
    """``gelijk``, ``lager``, ``aanzienlijk_lager``, ``gemengd`` or ``hoger`` for comparable keys."""
    marge = regels.gelijk_binnen_procent / 100
    lager = hoger = False
    for sleutel, minuten in eigen.items():
        ref = referentie[sleutel]
        if minuten < ref * (1 - marge):
            lager = True
        elif minuten > ref * (1 + marge):
            hoger = True
    if lager and hoger:
        return "gemengd"
    if hoger:
        return "hoger"
    if not lager:
        return "gelijk"
    totaal_ref = sum(referentie[s] for s in eigen)
    tekort = 1 - sum(eigen.values()) / totaal_ref if totaal_ref else 0.0
    return "aanzienlijk_lager" if tekort * 100 >= regels.aanzienlijk_lager_vanaf_procent else "lager"


def vergelijk_met_ciz(
    eigen: dict[str, float], regels: CizVergelijking, peildatum: dt.date, opgegeven: str
) -> Vergelijking:
    """Compare own norm times with the reference; fall back to the stated ``t_o_v_ciz`` when needed."""
    terugval = f"de toets gebruikt daarom t_o_v_ciz uit het beleid ({opgegeven})"
    referentie = laad_referentie(regels.kader, peildatum)
    if isinstance(referentie, str):
        return Vergelijking(None, f"Normtijden niet vergeleken: {referentie}; {terugval}.")
    gekoppeld, overig = referentie.koppel(eigen)
    vergelijkbaar = {k: v for k, v in gekoppeld.items() if referentie.minuten[k] > 0}
    if not vergelijkbaar:
        return Vergelijking(
            None,
            f"Geen van de normtijden ({', '.join(sorted(eigen))}) komt voor in "
            f"referentiekader '{referentie.kader}'; {terugval}.",
        )
    uitkomst = classificeer(vergelijkbaar, referentie.minuten, regels)
    details = "; ".join(
        f"{k}: {v:g} tegen {referentie.minuten[k]:.4g} min/week" for k, v in vergelijkbaar.items()
    )
    niet = f" Niet vergeleken: {', '.join(overig)}." if overig else ""
    if referentie.voorbeeld:
        return Vergelijking(
            None,
            f"Referentiekader '{referentie.kader}' ({referentie.versie}) bevat nog "
            f"voorbeeldwaarden zonder openbare bron ({', '.join(referentie.voorbeeld_activiteiten)}); "
            f"de vergelijking ({uitkomst}: "
            f"{details}) telt niet en {terugval}.{niet}",
        )
    drempel = " (drempels zijn werkwaarden)" if regels.voorbeeld else ""
    return Vergelijking(
        uitkomst,
        f"Vergeleken met referentiekader '{referentie.kader}' ({referentie.versie}): "
        f"{uitkomst}{drempel}; {details}.{niet}",
    )
