"""The facts a criterion can read: names, kinds and allowed values, and how to read them from a policy.

A fact is ``ONBEKEND`` when the policy does not say (the value ``onbekend`` or a missing key), and
``GEEN`` (``None``) when an optional value is simply not part of the policy (no generic norm, no
maximum); see :mod:`maatwerk.regeltaal.voorwaarden`.

One fact is derived: ``maatwerkvoorziening``. A beschikking is only ever given for a
maatwerkvoorziening (art. 2.3.5 Wmo 2015), so a policy that describes what its beschikking states
describes a maatwerkvoorziening, even when it does not say whether hh1 or hh2 is one. The fact is
true when hh1 or hh2 is ``maatwerk`` or ``beschikking_vermeldt`` is given, false when both hh1 and hh2
are an algemene voorziening or abolished, and onbekend otherwise (then the unknown facts it rests on
are reported as missing). :class:`~maatwerk.toets.beleid.Beleidsfeiten` refuses the contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from maatwerk.regeltaal.voorwaarden import GEEN, ONBEKEND
from maatwerk.toets.beleid import (
    GEEN_MAATWERK,
    Beleid,
    BeschikkingOnderdeel,
    HhVorm,
    IndicatieVorm,
    NormBron,
    OmvangDoor,
    TovCiz,
)
from maatwerk.toets.beleid import (
    ONBEKEND as ONBEKEND_TEKST,
)

__all__ = [
    "AFGELEID",
    "FEITEN",
    "GEEN",
    "ONBEKEND",
    "Feit",
    "feit_waarde",
    "lees_feiten",
    "ontbrekende_feiten",
    "toon",
]

Soort = Literal["keuze", "ja_nee", "lijst", "getal", "tekst", "tabel"]


@dataclass(frozen=True)
class Feit:
    """One fact of the vocabulary: its kind and, for choices and lists, the values it may take."""

    soort: Soort
    waarden: tuple[Any, ...] = ()
    omschrijving: str = ""


def _zonder_onbekend(soort: Any) -> tuple[str, ...]:
    return tuple(w for w in get_args(soort) if w != ONBEKEND_TEKST)


FEITEN: dict[str, Feit] = {
    "hh1": Feit("keuze", _zonder_onbekend(HhVorm), "HH1: schoonmaak (licht en zwaar werk)"),
    "hh2": Feit("keuze", _zonder_onbekend(HhVorm), "HH2: huishoudelijke hulp met regie/organisatie"),
    "indicatie": Feit("keuze", _zonder_onbekend(IndicatieVorm), "wat het college indiceert"),
    "omvang_bepaald_door": Feit("keuze", _zonder_onbekend(OmvangDoor), "wie de omvang van de hulp bepaalt"),
    "beschikking_vermeldt": Feit("lijst", get_args(BeschikkingOnderdeel), "wat in de beschikking staat"),
    "normering.bron": Feit("keuze", _zonder_onbekend(NormBron), "waarop de normtijden rusten"),
    "normering.onderbouwing": Feit("tekst", (), "verwijzing naar het onderzoek"),
    "normering.t_o_v_ciz": Feit("keuze", _zonder_onbekend(TovCiz), "normtijden ten opzichte van CIZ 2006"),
    "normering.normtijden_min_per_week": Feit("tabel", (), "eigen normtijden per activiteit"),
    "normering.generieke_norm_uren_per_week": Feit("getal", (), "vaste omvang voor iedereen"),
    "normering.maatwerk_toeslagen": Feit("ja_nee", (True, False), "extra tijd voor bijzondere situaties"),
    "inkomens_of_vermogenstoets": Feit("ja_nee", (True, False), "toegang of omvang hangt af van inkomen"),
    "algemene_voorziening.alleen_particuliere_markt_met_korting": Feit(
        "ja_nee", (True, False), "de algemene voorziening is alleen de particuliere markt met korting"
    ),
    "algemene_voorziening.financieel_laagdrempelig": Feit(
        "ja_nee", (True, False), "de algemene voorziening is financieel laagdrempelig"
    ),
    "algemene_voorziening.maximum_uren_per_week": Feit(
        "getal", (), "maximum uren in de algemene voorziening"
    ),
    "pgb_weigering_bij_gecontracteerde_aanbieder": Feit(
        "ja_nee", (True, False), "pgb geweigerd als het bij een gecontracteerde aanbieder besteed wordt"
    ),
    "maatwerkvoorziening": Feit(
        "ja_nee",
        (True, False),
        "er is een maatwerkvoorziening hulp bij het huishouden (hh1 of hh2 is maatwerk, of het beleid "
        "beschrijft wat de beschikking vermeldt)",
    ),
}
AFGELEID: dict[str, tuple[str, ...]] = {"maatwerkvoorziening": ("hh1", "hh2", "beschikking_vermeldt")}
"""Derived facts and the facts they rest on (reported as missing when the derived fact is onbekend)."""


def feit_waarde(beleid: Beleid, naam: str) -> Any:
    """The value of fact ``naam`` in ``beleid``: a value, ``ONBEKEND`` or ``GEEN``."""
    if naam == "maatwerkvoorziening":
        return _maatwerkvoorziening(beleid)
    waarde: Any = beleid
    for deel in naam.split("."):
        waarde = getattr(waarde, deel)
    soort = FEITEN[naam].soort
    if soort == "lijst":
        return ONBEKEND if waarde is None else frozenset(waarde)
    if waarde is None:
        return GEEN
    if waarde == ONBEKEND_TEKST and not isinstance(waarde, bool):
        return ONBEKEND
    return waarde


def _maatwerkvoorziening(beleid: Beleid) -> Any:
    vormen = (beleid.hh1, beleid.hh2)
    if "maatwerk" in vormen or beleid.beschikking_vermeldt is not None:
        return True
    if all(v in GEEN_MAATWERK for v in vormen):
        return False
    return ONBEKEND


def lees_feiten(beleid: Beleid) -> dict[str, Any]:
    """All facts of a policy, by name."""
    return {naam: feit_waarde(beleid, naam) for naam in FEITEN}


def ontbrekende_feiten(namen: frozenset[str] | set[str], feiten: dict[str, Any]) -> set[str]:
    """The missing facts to report: a derived fact is replaced by the unknown facts it rests on."""
    uit: set[str] = set()
    for naam in namen:
        bronnen = AFGELEID.get(naam)
        if bronnen is None:
            uit.add(naam)
        else:
            uit |= {b for b in bronnen if feiten.get(b, ONBEKEND) is ONBEKEND} or {naam}
    return uit


def toon(waarde: Any) -> str:
    """A fact value as plain Dutch text."""
    if waarde is None:
        return "niet opgegeven"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, frozenset):
        volgorde = get_args(BeschikkingOnderdeel)
        return ", ".join(w for w in volgorde if w in waarde) or "niets"
    if isinstance(waarde, dict):
        return ", ".join(f"{k} {v:g}" for k, v in waarde.items()) + " min/week"
    if isinstance(waarde, float):
        return f"{waarde:g}"
    return str(waarde)
