"""Statutory terms of the Awb, computed in one place (no Django).

A term "binnen N weken na X" starts on the day after X and ends, inclusive, on the same weekday N weeks
after X. The Algemene termijnenwet then applies (only to terms set in a law, counted forward, and not
longer than twelve weeks or 90 days: Atw art. 1 lid 2 and art. 4): a term of at least three days holds two
working days (art. 2), and a term that ends on a Saturday, Sunday or algemeen erkende feestdag runs on to
the next day that is none of these (art. 1 lid 1).

An extension (verdaging) is its own term of at most N weeks that follows the end of the original term,
so each part stays within Atw art. 4 and the Atw applies to both ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from maatwerk.opmaak import lange_datum

from .kalender import EEN_DAG, is_werkdag, reden_geen_werkdag, werkdagen_tussen
from .regels import awb_op

ATW_ART_1 = (
    "Algemene termijnenwet art. 1 lid 1 (eindigt niet op een zaterdag, zondag of algemeen erkende feestdag)"
)
ATW_ART_2 = "Algemene termijnenwet art. 2 (ten minste twee werkdagen in een termijn van drie dagen of meer)"
ATW_MAX_WEKEN, ATW_MAX_DAGEN = 12, 90  # Atw art. 4 onder a


class OngeldigeTermijn(ValueError):
    """Bad input for a term (``str()`` is the Dutch reason)."""


@dataclass(frozen=True)
class Verschuiving:
    """The last day before the Atw moved it, and why."""

    van: dt.date
    reden: str


@dataclass(frozen=True)
class Uitkomst:
    """A computed term: first and last day (inclusive), its legal basis and an Atw shift, if any."""

    begindatum: dt.date
    einddatum: dt.date
    grondslag: tuple[str, ...]
    verschoven: Verschuiving | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "begindatum": self.begindatum.isoformat(),
            "einddatum": self.einddatum.isoformat(),
            "grondslag": list(self.grondslag),
            "verschoven": (
                {"van": self.verschoven.van.isoformat(), "reden": self.verschoven.reden}
                if self.verschoven
                else None
            ),
        }


def atw_van_toepassing(weken: int = 0, dagen: int = 0) -> bool:
    """Atw art. 4 onder a: not for terms of more than twelve weeks or more than 90 days."""
    if weken and dagen:
        return weken * 7 + dagen <= ATW_MAX_DAGEN
    return weken <= ATW_MAX_WEKEN and dagen <= ATW_MAX_DAGEN


def _reden(eind: dt.date, nieuw: dt.date) -> str:
    """'16 mei 2026 is geen werkdag (zaterdag; daarna zondag): de termijn loopt door tot en met ...'."""
    redenen = []
    d = eind
    while d < nieuw:
        redenen.append(reden_geen_werkdag(d) or "")
        d += EEN_DAG
    daarna = f"; daarna {', '.join(redenen[1:])}" if len(redenen) > 1 else ""
    return (
        f"{lange_datum(eind)} is geen werkdag ({redenen[0]}{daarna}): de termijn loopt door tot en met "
        f"{lange_datum(nieuw)} (Algemene termijnenwet art. 1 lid 1)"
    )


def wettelijke_termijn(
    na: dt.date, *, weken: int = 0, dagen: int = 0, grondslag: tuple[str, ...] = (), atw: bool = True
) -> Uitkomst:
    """A term that starts the day after ``na`` and lasts ``weken`` + ``dagen``; the Atw applied if ``atw``."""
    if weken < 0 or dagen < 0 or weken + dagen == 0:
        raise OngeldigeTermijn("een termijn duurt ten minste één dag")
    begin = na + EEN_DAG
    eind = na + dt.timedelta(weeks=weken, days=dagen)
    if not (atw and atw_van_toepassing(weken, dagen)):
        return Uitkomst(begin, eind, grondslag)
    berekend = eind
    extra: tuple[str, ...] = ()
    if (eind - begin).days + 1 >= 3:
        while werkdagen_tussen(begin, eind) < 2:
            eind += EEN_DAG
        if eind != berekend:
            extra = (ATW_ART_2,)
    nieuw = eind
    while not is_werkdag(nieuw):
        nieuw += EEN_DAG
    verschoven = Verschuiving(berekend, _reden(eind, nieuw)) if nieuw != eind else None
    if verschoven is None and extra:
        verschoven = Verschuiving(berekend, f"twee werkdagen in de termijn ({ATW_ART_2})")
    return Uitkomst(begin, nieuw, (*grondslag, *extra, ATW_ART_1), verschoven)


def bezwaartermijn(bekendgemaakt: dt.date) -> Uitkomst:
    """The term to object: six weeks from the day after the decision was made known (Awb 6:7, 6:8)."""
    regel = awb_op(bekendgemaakt).termijnen["bezwaar"]
    return wettelijke_termijn(bekendgemaakt, weken=regel.weken, grondslag=(regel.bron.titel,))


def _verdaag(basis: Uitkomst, weken: int | None, maximum: int | None, wat: str) -> Uitkomst:
    if maximum is None:
        raise OngeldigeTermijn(f"{wat} kan niet worden verdaagd")
    weken = maximum if weken is None else weken
    if not 1 <= weken <= maximum:
        raise OngeldigeTermijn(f"verdagen kan met 1 tot en met {maximum} weken (niet {weken})")
    verdaging = wettelijke_termijn(basis.einddatum, weken=weken)
    grondslag = (*basis.grondslag, f"verdaagd met {weken} weken na {lange_datum(basis.einddatum)}")
    return Uitkomst(basis.begindatum, verdaging.einddatum, grondslag, verdaging.verschoven)


def beslistermijn_bezwaar(
    bekendgemaakt: dt.date,
    *,
    commissie: bool = False,
    verdaagd: bool = False,
    verdaging_weken: int | None = None,
    ontvangen: dt.date | None = None,
) -> Uitkomst:
    """The term to decide on an objection (Awb 7:10): 6 weeks, 12 with a commissie (7:13), +verdaging.

    It counts from the day after the bezwaartermijn ended; an objection received after that term counts
    from the day after receipt (the decision term cannot start before there is an objection).
    """
    bt = bezwaartermijn(bekendgemaakt)
    regel = awb_op(bekendgemaakt).termijnen["beslissing_op_bezwaar"]
    weken = regel.weken_met_commissie if commissie and regel.weken_met_commissie else regel.weken
    na = bt.einddatum
    grondslag = [regel.bron.titel, f"bezwaartermijn eindigde op {lange_datum(bt.einddatum)}"]
    if commissie:
        grondslag.append(f"advies van een bezwaarcommissie (Awb 7:13): {weken} weken")
    if ontvangen is not None and ontvangen > bt.einddatum:
        na = ontvangen
        grondslag[1] = (
            f"bezwaar na de bezwaartermijn ontvangen op {lange_datum(ontvangen)}: termijn vanaf de dag erna"
        )
    basis = wettelijke_termijn(na, weken=weken, grondslag=tuple(grondslag))
    if not verdaagd:
        return basis
    return _verdaag(basis, verdaging_weken, regel.verdaging_weken, "de beslissing op bezwaar")


def klachttermijn(
    ontvangen: dt.date, *, commissie: bool = False, verdaagd: bool = False, verdaging_weken: int | None = None
) -> Uitkomst:
    """The term to handle a complaint (Awb 9:11): 6 weeks after receipt, 10 with a commissie (9:14)."""
    regel = awb_op(ontvangen).termijnen["klacht"]
    weken = regel.weken_met_commissie if commissie and regel.weken_met_commissie else regel.weken
    grondslag = [regel.bron.titel]
    if commissie:
        grondslag.append(f"advies van een klachtadviescommissie (Awb 9:14): {weken} weken")
    basis = wettelijke_termijn(ontvangen, weken=weken, grondslag=tuple(grondslag))
    if not verdaagd:
        return basis
    return _verdaag(basis, verdaging_weken, regel.verdaging_weken, "de afhandeling van de klacht")


@dataclass(frozen=True)
class Dwangsomstand:
    """Where a dwangsom stands on ``peildatum`` (Awb 4:17)."""

    in_gebreke_vanaf: dt.date | None
    dagen: int
    euro: int
    reden: str
    grondslag: str


def dwangsom(
    einde_beslistermijn: dt.date,
    ingebrekestelling_ontvangen: dt.date | None,
    beslist_op: dt.date | None,
    peildatum: dt.date,
) -> Dwangsomstand:
    """Days in default and the forfeited amount; zero without a valid (not premature) ingebrekestelling."""
    regel = awb_op(einde_beslistermijn).dwangsom
    bron = regel.bron.titel
    if ingebrekestelling_ontvangen is None:
        return Dwangsomstand(None, 0, 0, "geen ingebrekestelling ontvangen", bron)
    if ingebrekestelling_ontvangen <= einde_beslistermijn:
        return Dwangsomstand(
            None, 0, 0, "ingebrekestelling ontvangen vóór het einde van de beslistermijn (te vroeg)", bron
        )
    wacht = wettelijke_termijn(ingebrekestelling_ontvangen, weken=regel.ingebreke_na_weken)
    vanaf = wacht.einddatum + EEN_DAG
    laatste = min(peildatum, beslist_op - EEN_DAG) if beslist_op else peildatum
    dagen = max(0, min(regel.maximum_dagen, (laatste - vanaf).days + 1))
    euro, rest = 0, dagen
    for stap in regel.staffel:
        deel = min(rest, stap.dagen)
        euro += deel * stap.euro_per_dag
        rest -= deel
    if beslist_op is not None and beslist_op < vanaf:
        reden = "beslist binnen twee weken na de ingebrekestelling: geen dwangsom"
    elif dagen == 0:
        reden = f"in gebreke vanaf {lange_datum(vanaf)}"
    else:
        reden = f"{dagen} dagen in gebreke vanaf {lange_datum(vanaf)}" + (
            " (maximum bereikt)" if dagen == regel.maximum_dagen else ""
        )
    return Dwangsomstand(vanaf, dagen, euro, reden, bron)
