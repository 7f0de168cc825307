"""The facts a voorwaarde tests, and the voorwaarde itself, in single and column form side by side.

Facts of a situation on its peildatum: gemeente, client_leeftijd, personen (client + household),
meerpersoons (personen >= 2), aantal_kinderen (rol kind, < 18), leeftijd_jongste_kind (None without
children), woning_type, kamers_in_gebruik, kamers_niet_in_gebruik, trap, veel_eigen_kracht, every
omstandigheid flag, ``voorziening.<id>`` for each algemene voorziening in use and ``netwerk.<categorie>``
(the network's minutes per week for that category). Per activity also ``niveau`` and ``netwerk`` (the
network's minutes, before any activity consumed them, are > 0 in one of its categories). Ages are whole
years on the peildatum.

A voorwaarde is written in the shared grammar (:mod:`maatwerk.regeltaal.voorwaarden`, parsed by
:func:`maatwerk.engine.kaders.lees_voorwaarde`) and evaluated with its ``evalueer`` (single) and
``als_numpy`` (columns). Onbekend does not occur for engine facts: every fact of the vocabulary has a
value here, and a fact the situation does not have (``leeftijd_jongste_kind`` without children,
``voorziening.<id>`` not in use, ``netwerk.<categorie>`` without network help) is :data:`GEEN`, on
which every test is onwaar (except ``opgegeven: false``) — exactly the old rule "a voorwaarde on a
missing fact does not hold". Should a fact be onbekend all the same, a voorwaarde holds only when it
certainly holds (onbekend counts as not holding). A missing condition (None) always holds.
"""

from __future__ import annotations

from typing import Any, get_args

import numpy as np

from maatwerk.engine.plat import MAX_LEDEN
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN, VOORZIENING_NAMEN, Rol, Situatie, Woning
from maatwerk.engine.stappen.toestand import Feit, Invoer, Rij
from maatwerk.regels.laden import Melding, Regelfout
from maatwerk.regeltaal.voorwaarden import GEEN, Voorwaarde
from maatwerk.regeltaal.waarden import leeftijd

ROLLEN: tuple[str, ...] = get_args(Rol)
_GEEN_PER_SOORT: dict[str, Any] = {
    **{f"voorziening.{v}": GEEN for v in VOORZIENING_NAMEN},
    **{f"netwerk.{c}": GEEN for c in CATEGORIEEN},
}
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
    f.update(_GEEN_PER_SOORT)  # every voorziening / netwerk fact: GEEN unless the situation has it
    for v in s.algemene_voorzieningen:
        f[f"voorziening.{v.voorziening}"] = True
    for n in s.netwerk:
        f[f"netwerk.{n.taak}"] = (f[f"netwerk.{n.taak}"] or 0.0) + n.minuten_per_week
    return f


def alle(v: Voorwaarde | None, f: dict[str, Any]) -> bool:
    """Does voorwaarde ``v`` (None: none) certainly hold for facts ``f``?"""
    return v is None or v.evalueer(f).waar


geldt = alle


def gebruikte_feiten(v: Voorwaarde | None, f: dict[str, Any]) -> dict[str, Any]:
    """The facts (name -> value) that ``v`` reads, for the trace."""
    return {} if v is None else {n: f.get(n) for n in sorted(v.feiten())}


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


def getal_kolom(f: Feit, feit: str) -> Rij:
    """The fact's numbers (a text fact cannot be compared with a number)."""
    if f.woorden is not None:
        raise Regelfout([Melding(f"feit '{feit}' is tekst en kan niet met een getal vergeleken worden")])
    return f.waarden


def alle_kolom(v: Voorwaarde | None, feiten: dict[str, Feit], n: int) -> Rij:
    """Where voorwaarde ``v`` (None: none) certainly holds (as :func:`alle`); a fact not in ``feiten``
    is GEEN in every row, as in :func:`feiten`."""
    if v is None:
        return np.ones(n, bool)

    def kolom(naam: str) -> Feit:
        r = feiten.get(naam)
        return r if r is not None else Feit(np.zeros(n), np.zeros(n, bool))

    return v.als_numpy(kolom, n)
