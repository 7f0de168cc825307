"""Plain-Dutch explanation of an indication, fit for a beschikking letter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from maatwerk.engine.gecompileerd import komma
from maatwerk.opmaak import euro, uren_en_minuten

if TYPE_CHECKING:
    from maatwerk.engine.indicatie import Indicatie


def _opsomming(delen: list[str]) -> str:
    delen = [d for d in dict.fromkeys(delen) if d]
    if not delen:
        return ""
    if len(delen) == 1:
        return delen[0]
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def _getal(x: float) -> str:
    return komma(x)


def activiteit_uitleg(taak: str, frequentie: str, per_keer: float, per_week: int, redenen: list[str]) -> str:
    """E.g. "Voor de was: 2 keer per week, 45 minuten per keer (90 minuten per week), omdat ..."."""
    reden = _opsomming([r.strip().rstrip(".") for r in redenen])
    if per_week == 0:
        kern = f"Voor {taak[0].lower() + taak[1:]}: geen hulp"
    else:
        kern = (
            f"Voor {taak[0].lower() + taak[1:]}: {frequentie}, {_getal(per_keer)} minuten per keer "
            f"({per_week} minuten per week)"
        )
    return f"{kern}, omdat {reden}." if reden else f"{kern}."


def uren_tekst(minuten: int) -> str:
    """``125`` -> ``"2 uur en 5 minuten"`` (:func:`maatwerk.opmaak.uren_en_minuten`)."""
    return uren_en_minuten(minuten)


def indicatie_uitleg(ind: Indicatie, extra: list[str] | None = None) -> str:
    """The explanation of the whole indication: total, treden, tariff, voorbeeld warning."""
    regels = []
    if ind.totaal_minuten_per_week == 0:
        regels.append(
            f"Volgens het normenkader {ind.kader_naam} (versie {ind.kader_versie}) is er geen "
            f"hulp bij het huishouden nodig."
        )
    else:
        regels.append(
            f"Volgens het normenkader {ind.kader_naam} (versie {ind.kader_versie}) heeft u "
            f"{uren_tekst(ind.totaal_minuten_per_week)} per week hulp nodig "
            f"({_getal(ind.uren_per_jaar)} uur per jaar)."
        )
    for a in ind.activiteiten:
        regels.append(a.uitleg)
    regels.extend(extra or [])
    for t in ind.trede_details:
        regels.append(f"{t.naam}: {t.label} ({t.grond.rstrip('.')}).")
    if ind.tarief_per_periode is not None:
        regels.append(f"Tarief: {euro(ind.tarief_per_periode.bedrag)} per {ind.tarief_per_periode.periode}.")
    if ind.voorbeeldwaarden:
        regels.append(
            "VOORBEELD — niet voor gebruik: deze berekening gebruikt voorbeeldwaarden zonder "
            "publieke bron. De gemeente moet ze vervangen door haar officiële tabel uit de beleidsregels."
        )
    return "\n".join(regels)
