"""The facts a voorwaarde tests, and the voorwaarde itself, in single and column form side by side.

Facts of a situation on its peildatum: gemeente, client_leeftijd, personen (client + household),
meerpersoons (personen >= 2), aantal_kinderen (rol kind, < 18), leeftijd_jongste_kind (None without
children), woning_type, kamers_in_gebruik, kamers_niet_in_gebruik, trap, veel_eigen_kracht, every
omstandigheid flag, ``voorziening.<id>`` for each algemene voorziening in use and ``netwerk.<categorie>``
(the network's minutes per week for that category). Per activity also ``niveau`` and ``netwerk`` (the
network's minutes, before any activity consumed them, are > 0 in one of its categories). Ages are whole
years on the peildatum.

A voorwaarde holds when its fact is not None and every given operator holds (``gelijk`` ==, compared
case-insensitively for text; ``minimaal`` >=; ``hoogstens`` <=; no operator: the fact is truthy);
``een_van`` holds when any sub-voorwaarde holds. A list of voorwaarden holds when all hold.
"""

from __future__ import annotations

from typing import Any, get_args

import numpy as np

from maatwerk.engine.kaders import Voorwaarde
from maatwerk.engine.plat import MAX_LEDEN
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN, Rol, Situatie, Woning
from maatwerk.engine.stappen.toestand import Feit, Invoer, Rij
from maatwerk.regels.laden import Melding, Regelfout
from maatwerk.regeltaal.waarden import leeftijd

ROLLEN: tuple[str, ...] = get_args(Rol)
WONINGTYPES: tuple[str, ...] = get_args(Woning.model_fields["type"].annotation)

# ------------------------------------------------------------------------------------------ single


def feiten(s: Situatie) -> dict[str, Any]:
    """The flat facts of a situation on its peildatum (the names voorwaarden use)."""
    kinderen = [leeftijd(h.geboortedatum, s.peildatum) for h in s.huishouden if h.rol == "kind"]
    kinderen = [k for k in kinderen if k < 18]
    f: dict[str, Any] = {
        "gemeente": s.gemeente,
        "client_leeftijd": leeftijd(s.client.geboortedatum, s.peildatum),
        "personen": 1 + len(s.huishouden),
        "meerpersoons": len(s.huishouden) > 0,
        "aantal_kinderen": len(kinderen),
        "leeftijd_jongste_kind": min(kinderen) if kinderen else None,
        "woning_type": s.woning.type,
        "kamers_in_gebruik": s.woning.kamers_in_gebruik,
        "kamers_niet_in_gebruik": s.woning.kamers_niet_in_gebruik,
        "trap": s.woning.trap,
        "veel_eigen_kracht": s.veel_eigen_kracht,
    }
    omst = s.omstandigheden
    for naam in OMSTANDIGHEDEN:
        f[naam] = getattr(omst, naam)
    for v in s.algemene_voorzieningen:
        f[f"voorziening.{v.voorziening}"] = True
    for n in s.netwerk:
        f[f"netwerk.{n.taak}"] = f.get(f"netwerk.{n.taak}", 0.0) + n.minuten_per_week
    return f


def geldt(v: Voorwaarde, f: dict[str, Any]) -> bool:
    """Does voorwaarde ``v`` hold for facts ``f``?"""
    if v.een_van is not None:
        return any(geldt(x, f) for x in v.een_van)
    waarde: Any = f.get(v.feit or "")
    if waarde is None:
        return False
    if v.gelijk is None and v.minimaal is None and v.hoogstens is None:
        return bool(waarde)
    if v.gelijk is not None:
        if isinstance(waarde, str) and isinstance(v.gelijk, str):
            if waarde.casefold() != v.gelijk.casefold():
                return False
        elif bool(waarde != v.gelijk):
            return False
    if v.minimaal is not None and not waarde >= v.minimaal:
        return False
    return not (v.hoogstens is not None and not waarde <= v.hoogstens)


def alle(voorwaarden: tuple[Voorwaarde, ...], f: dict[str, Any]) -> bool:
    return all(geldt(v, f) for v in voorwaarden)


def gebruikte_feiten(voorwaarden: tuple[Voorwaarde, ...], f: dict[str, Any]) -> dict[str, Any]:
    """The facts (name -> value) that ``voorwaarden`` read, for the trace."""
    namen: set[str] = set()
    for v in voorwaarden:
        namen |= v.feiten()
    return {n: f.get(n) for n in sorted(namen)}


# ------------------------------------------------------------------------------------------ columns


def leeftijd_kolom(geboren: Rij, peil: Rij) -> Rij:
    """Whole years on the peildatum (as :func:`~maatwerk.engine.situatie.leeftijd`), dates as JJJJMMDD.

    ``floor((P - G) / 10000)``: the difference is ``jaren * 10000 + r`` with ``-10000 < r < 10000``, so the
    correctly rounded float quotient never crosses a whole number wrongly; floats (exact whole numbers)
    are faster than integer floor division and compare with the kader's numbers the same way.
    """
    uit: Rij = np.floor((peil - geboren) / 10000.0)
    return uit


def kolom_feiten(inv: Invoer) -> tuple[dict[str, Feit], Rij]:
    """The kader facts per row, and the members' ages (MAX_LEDEN, n)."""
    peil = inv.peil
    lid = inv.rol >= 0
    leeftijden = leeftijd_kolom(inv.lid_geboren, peil)
    assert leeftijden.shape[0] == MAX_LEDEN
    kind = (inv.rol == ROLLEN.index("kind")) & (leeftijden < 18)
    aantal_kinderen = kind.sum(axis=0)
    jongste = np.where(kind, leeftijden, np.inf).min(axis=0)
    leden = lid.sum(axis=0)
    f: dict[str, Feit] = {
        "gemeente": Feit(inv.gemeente, None, inv.gemeenten),
        "client_leeftijd": Feit(leeftijd_kolom(inv.geboren, peil)),
        "personen": Feit(1 + leden),
        "meerpersoons": Feit(leden > 0),
        "aantal_kinderen": Feit(aantal_kinderen),
        "leeftijd_jongste_kind": Feit(np.where(aantal_kinderen > 0, jongste, 0), aantal_kinderen > 0),
        "woning_type": Feit(inv.woning_type, None, WONINGTYPES),
        "kamers_in_gebruik": Feit(inv.kamers_in_gebruik),
        "kamers_niet_in_gebruik": Feit(inv.kamers_niet_in_gebruik),
        "trap": Feit(inv.trap),
        "veel_eigen_kracht": Feit(inv.veel_eigen_kracht),
    }
    for o in OMSTANDIGHEDEN:
        f[o] = Feit(inv.omstandigheid[o])
    for v, in_gebruik in inv.voorziening.items():  # True when in use, else missing (None): as the dict
        f[f"voorziening.{v}"] = Feit(in_gebruik, in_gebruik)
    for c in CATEGORIEEN:  # the network's minutes; missing without network help in that category
        f[f"netwerk.{c}"] = Feit(inv.netwerk[c], inv.netwerk[c] > 0)
    return f, leeftijden


def _waar(f: Feit) -> Rij:
    if f.woorden is not None:
        uit: Rij = np.array([bool(w) for w in f.woorden])[f.waarden]
        return uit
    return np.asarray(f.waarden != 0)


def _gelijk(f: Feit, gelijk: str | int | bool) -> Rij:
    if f.woorden is not None:
        if not isinstance(gelijk, str):
            return np.zeros(len(f.waarden), bool)
        uit: Rij = np.array([w.casefold() == gelijk.casefold() for w in f.woorden])[f.waarden]
        return uit
    if isinstance(gelijk, str):
        return np.zeros(len(f.waarden), bool)
    return np.asarray(f.waarden == gelijk)


def getal_kolom(f: Feit, feit: str) -> Rij:
    """The fact's numbers (a text fact cannot be compared with a number)."""
    if f.woorden is not None:
        raise Regelfout([Melding(f"feit '{feit}' is tekst en kan niet met een getal vergeleken worden")])
    return f.waarden


def geldt_kolom(v: Voorwaarde, feiten: dict[str, Feit], n: int) -> Rij:
    """Where does voorwaarde ``v`` hold (as :func:`geldt`)."""
    if v.een_van is not None:
        uit = np.zeros(n, bool)
        for x in v.een_van:
            uit |= geldt_kolom(x, feiten, n)
        return uit
    f = feiten.get(v.feit) if v.feit is not None else None
    if f is None:
        return np.zeros(n, bool)
    uit = np.ones(n, bool) if f.aanwezig is None else f.aanwezig.copy()
    if v.gelijk is None and v.minimaal is None and v.hoogstens is None:
        return uit & _waar(f)
    if v.gelijk is not None:
        uit &= _gelijk(f, v.gelijk)
    if v.minimaal is not None:
        uit &= getal_kolom(f, v.feit or "") >= v.minimaal
    if v.hoogstens is not None:
        uit &= getal_kolom(f, v.feit or "") <= v.hoogstens
    return uit


def alle_kolom(voorwaarden: tuple[Voorwaarde, ...], feiten: dict[str, Feit], n: int) -> Rij:
    uit = np.ones(n, bool)
    for v in voorwaarden:
        uit &= geldt_kolom(v, feiten, n)
    return uit
