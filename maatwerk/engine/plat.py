"""Flat (one row, fixed columns) representation of a :class:`Situatie`, for batch and caseload import.

``KOLOMMEN`` maps every flat column to its default; the defaults together are the *typical situation*
(an older person living alone in a 3-room apartment who cannot do heavy and only part of the light
cleaning). A row may leave out any column except ``geboortedatum``; missing columns take the default.

Columns: ``peildatum``, ``gemeente``, ``geboortedatum`` (client), ``woning_type``, ``kamers_in_gebruik``,
``kamers_niet_in_gebruik``, ``trap``, ``beperking_<categorie>`` (zelf/deels/niet),
``<omstandigheid>`` (bool), ``veel_eigen_kracht`` (bool), ``lid<n>_rol`` / ``lid<n>_geboortedatum`` /
``lid<n>_kan_meedoen`` for household
members 1..MAX_LEDEN (rol None = no member), ``netwerk_<categorie>_minuten`` (float),
``voorziening_<id>`` (bool: in use) with ``voorziening_<id>_passend`` and
``voorziening_<id>_financieel_toegankelijk`` (bool; empty = not assessed: the consulent's decision under
art. 2.3.5 lid 3 Wmo 2015; only both true lets the voorziening replace maatwerk). Consulent afwijkingen,
a voorziening's motivatie and zelfredzaamheid scores have no flat form.

How the engine's facts (:func:`maatwerk.engine.berekening.feiten`) follow from these columns, for a
column-wise (batch) evaluation that must give exactly the same minutes:

- ``client_leeftijd``: whole years from ``geboortedatum`` to the peildatum (minus one when the peildatum's
  (month, day) is before the birthday's); the same rule for each ``lid<n>_geboortedatum``.
- ``personen`` = 1 + number of ``lid<n>_rol`` that are not null; ``meerpersoons`` = personen >= 2.
- ``aantal_kinderen`` = members with rol ``kind`` and age < 18; ``leeftijd_jongste_kind`` = their minimum
  age (null without such children: every voorwaarde on it is then false).
- ``woning_type``, ``kamers_in_gebruik``, ``kamers_niet_in_gebruik``, ``trap`` and every omstandigheid: the
  column of the same name. ``voorziening.<id>`` = column ``voorziening_<id>``. ``gemeente`` = column.
- Per activity: ``niveau`` from the ``beperking_<categorie>`` columns of its categories (all zelf -> zelf,
  all niet -> niet, else deels); ``netwerk`` = any ``netwerk_<categorie>_minuten`` > 0 among them (the pool
  before any activity consumed it).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, get_args

from maatwerk.engine.situatie import (
    CATEGORIEEN,
    OMSTANDIGHEDEN,
    AlgemeneVoorziening,
    Situatie,
    situatie_uit_data,
)
from maatwerk.regels.laden import Melding, Regelfout

if TYPE_CHECKING:
    from maatwerk.engine.indicatie import Indicatie

MAX_LEDEN = 4
VOORZIENINGEN: tuple[str, ...] = get_args(AlgemeneVoorziening)
BEOORDELING: tuple[str, ...] = ("passend", "financieel_toegankelijk")
"""The consulent's decisions on an algemene voorziening in use (flat: ``voorziening_<id>_<beoordeling>``)."""

TYPISCHE_BEPERKINGEN: dict[str, str] = {c: "zelf" for c in CATEGORIEEN} | {
    "licht_huishoudelijk_werk": "deels",
    "zwaar_huishoudelijk_werk": "niet",
}

KOLOMMEN: dict[str, Any] = {
    "peildatum": None,
    "gemeente": "Voorbeeldstad",
    "geboortedatum": None,
    "woning_type": "appartement",
    "kamers_in_gebruik": 3,
    "kamers_niet_in_gebruik": 0,
    "trap": False,
    **{f"beperking_{c}": TYPISCHE_BEPERKINGEN[c] for c in CATEGORIEEN},
    **{o: False for o in OMSTANDIGHEDEN},
    "veel_eigen_kracht": False,
    **{
        k: v
        for n in range(1, MAX_LEDEN + 1)
        for k, v in (
            (f"lid{n}_rol", None),
            (f"lid{n}_geboortedatum", None),
            (f"lid{n}_kan_meedoen", "volledig"),
        )
    },
    **{f"netwerk_{c}_minuten": 0.0 for c in CATEGORIEEN},
    **{f"voorziening_{v}": False for v in VOORZIENINGEN},
    **{f"voorziening_{v}_{b}": None for v in VOORZIENINGEN for b in BEOORDELING},
}
"""Every flat column with its default (the typical situation). ``peildatum`` None = the batch peildatum."""

VERPLICHT: tuple[str, ...] = ("geboortedatum",)


def situatie_naar_rij(s: Situatie) -> dict[str, Any]:
    """The flat row of a situation (all columns of :data:`KOLOMMEN`)."""
    if len(s.huishouden) > MAX_LEDEN:
        raise Regelfout(
            [Melding(f"een platte rij kan hoogstens {MAX_LEDEN} huisgenoten bevatten", sleutel="huishouden")]
        )
    rij: dict[str, Any] = {
        "peildatum": s.peildatum,
        "gemeente": s.gemeente,
        "geboortedatum": s.client.geboortedatum,
        "woning_type": s.woning.type,
        "kamers_in_gebruik": s.woning.kamers_in_gebruik,
        "kamers_niet_in_gebruik": s.woning.kamers_niet_in_gebruik,
        "trap": s.woning.trap,
    }
    for c in CATEGORIEEN:
        rij[f"beperking_{c}"] = getattr(s.beperkingen, c)
    for o in OMSTANDIGHEDEN:
        rij[o] = getattr(s.omstandigheden, o)
    rij["veel_eigen_kracht"] = s.veel_eigen_kracht
    for n in range(1, MAX_LEDEN + 1):
        lid = s.huishouden[n - 1] if n <= len(s.huishouden) else None
        rij[f"lid{n}_rol"] = lid.rol if lid else None
        rij[f"lid{n}_geboortedatum"] = lid.geboortedatum if lid else None
        rij[f"lid{n}_kan_meedoen"] = lid.kan_meedoen if lid else "volledig"
    for c in CATEGORIEEN:
        rij[f"netwerk_{c}_minuten"] = sum(n.minuten_per_week for n in s.netwerk if n.taak == c)
    for v in VOORZIENINGEN:
        gebruik = s.voorziening(v)
        rij[f"voorziening_{v}"] = gebruik is not None
        for b in BEOORDELING:
            rij[f"voorziening_{v}_{b}"] = getattr(gebruik, b) if gebruik is not None else None
    return rij


def _datum(x: Any) -> Any:
    return x.isoformat() if isinstance(x, dt.date) else x


def rij_naar_situatie(rij: dict[str, Any], peildatum: dt.date | None = None) -> Situatie:
    """The situation of a flat row; missing columns take :data:`KOLOMMEN` defaults.

    ``peildatum`` is used when the row has none. Unknown columns (other than ``id``) are an error.
    """
    onbekend = sorted(k for k in rij if k not in KOLOMMEN and k != "id")
    if onbekend:
        raise Regelfout([Melding("onbekende kolom", sleutel=k) for k in onbekend])
    r = {**KOLOMMEN, **{k: v for k, v in rij.items() if v is not None or k.startswith("lid")}}
    if r["peildatum"] is None:
        r["peildatum"] = peildatum
    data: dict[str, Any] = {
        "peildatum": _datum(r["peildatum"]),
        "gemeente": r["gemeente"],
        "client": {"geboortedatum": _datum(r["geboortedatum"])},
        "woning": {
            "type": r["woning_type"],
            "kamers_in_gebruik": r["kamers_in_gebruik"],
            "kamers_niet_in_gebruik": r["kamers_niet_in_gebruik"],
            "trap": bool(r["trap"]),
        },
        "beperkingen": {c: r[f"beperking_{c}"] for c in CATEGORIEEN},
        "omstandigheden": {o: bool(r[o]) for o in OMSTANDIGHEDEN},
        "veel_eigen_kracht": bool(r["veel_eigen_kracht"]),
        "huishouden": [
            {
                "rol": r[f"lid{n}_rol"],
                "geboortedatum": _datum(r[f"lid{n}_geboortedatum"]),
                "kan_meedoen": r[f"lid{n}_kan_meedoen"] or "volledig",
            }
            for n in range(1, MAX_LEDEN + 1)
            if r.get(f"lid{n}_rol")
        ],
        "netwerk": [
            {"wie": "netwerk", "taak": c, "minuten_per_week": float(r[f"netwerk_{c}_minuten"])}
            for c in CATEGORIEEN
            if r[f"netwerk_{c}_minuten"] and float(r[f"netwerk_{c}_minuten"]) > 0
        ],
        "algemene_voorzieningen": [
            {"voorziening": v, **{b: r[f"voorziening_{v}_{b}"] for b in BEOORDELING}}
            for v in VOORZIENINGEN
            if r[f"voorziening_{v}"]
        ],
    }
    return situatie_uit_data(data)


def indiceer_rij(rij: dict[str, Any], kader: str, peildatum: dt.date | None = None) -> Indicatie:
    """The single-case indication of a flat row (the reference the batch path must equal)."""
    from maatwerk.engine.berekening import indiceer

    return indiceer(rij_naar_situatie(rij, peildatum), kader)


def typische_rij(geboortedatum: dt.date, **afwijkend: Any) -> dict[str, Any]:
    """A full flat row for the typical situation, with ``afwijkend`` columns replaced."""
    onbekend = sorted(k for k in afwijkend if k not in KOLOMMEN)
    if onbekend:
        raise Regelfout([Melding("onbekende kolom", sleutel=k) for k in onbekend])
    return {**KOLOMMEN, "geboortedatum": geboortedatum, **afwijkend}
