"""Deadline rules as data: ``termijnen/<valid_from>.yaml`` on the rules search path (pure Python).

The files come from the package and the ``MAATWERK_REGELS`` directories (a later directory's file
with the same name overrides; a new file adds a version), see :mod:`maatwerk.regels.zoekpad`.

Each termijn says from which case date it runs (``vanaf``), how long (``weken`` or ``dagen``),
which case date marks it as met (``gehaald_bij``), whether an opschorting extends it, and its source.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import model_validator

from maatwerk.regels import zoekpad
from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Melding,
    Regelfout,
    StrictModel,
    controleer_geen_overlap,
    laad,
)

MAP = Path(__file__).resolve().parents[2] / "regels" / "termijnen"

Startdatum = Literal["melddatum", "aanvraagdatum", "besluitdatum"]
Gehaald = Literal["onderzoek_afgerond_op", "besluitdatum", "voorlopige_beschikking_op", "vervolgcontact_op"]


class Termijnregel(StrictModel):
    naam: str
    vanaf: Startdatum
    weken: int | None = None
    dagen: int | None = None
    gehaald_bij: Gehaald | None = None
    opschortbaar: bool = False
    alleen_bij_spoed: bool = False
    werklijst: bool = True
    algemene_termijnenwet: bool = False  # a term set in a law: its end follows the Atw (maatwerk.termijnen)
    bron: Bron
    opschorting_bron: Bron | None = None
    voorbeeld: bool = False
    toelichting: str | None = None

    @model_validator(mode="after")
    def _duur(self) -> Termijnregel:
        if (self.weken is None) == (self.dagen is None):
            raise ValueError("geef precies één van 'weken' of 'dagen'")
        if (self.weken or 0) < 0 or (self.dagen or 0) < 0:
            raise ValueError("een termijn kan niet negatief zijn")
        if self.opschortbaar and self.opschorting_bron is None:
            raise ValueError("een opschortbare termijn noemt de bron van de opschorting (opschorting_bron)")
        if self.voorbeeld and not self.toelichting:
            raise ValueError("een voorbeeldwaarde heeft een toelichting")
        return self

    @property
    def duur(self) -> dt.timedelta:
        return (
            dt.timedelta(days=self.dagen) if self.dagen is not None else dt.timedelta(weeks=self.weken or 0)
        )


class Termijnregels(Geldigheid):
    omschrijving: str
    termijnen: dict[str, Termijnregel]


def alle_versies(map_: Path | None = None) -> tuple[Termijnregels, ...]:
    """All versions (in ``map_``, default on the search path), validated and checked for overlap."""
    return _alle_versies(map_, zoekpad.regelmappen())


@lru_cache(maxsize=8)
def _alle_versies(map_: Path | None, mappen: tuple[Path, ...]) -> tuple[Termijnregels, ...]:
    paden = (
        sorted(map_.glob("*.yaml"))
        if map_ is not None
        else [b.pad for b in zoekpad.bestanden("termijnen", mappen)]
    )
    versies = []
    for pad in paden:
        regels = laad(Termijnregels, pad)
        if str(regels.valid_from) != pad.stem:
            raise Regelfout(
                [Melding(f"bestandsnaam moet {regels.valid_from}.yaml zijn", str(pad), None, "valid_from")]
            )
        versies.append((pad.name, regels))
    if not versies:
        raise Regelfout([Melding("geen termijnbestanden gevonden", str(map_ or zoekpad.plaats("termijnen")))])
    controleer_geen_overlap((naam, r) for naam, r in versies)
    return tuple(r for _, r in versies)


def termijnregels_op(peildatum: dt.date) -> Termijnregels:
    """The version valid on ``peildatum``."""
    for versie in alle_versies():
        if versie.geldig_op(peildatum):
            return versie
    raise Regelfout([Melding(f"geen termijnregels geldig op {peildatum}", zoekpad.plaats("termijnen"))])


def datumbereik(vandaag: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The plausible range of a case date: from the first deadline-rule version (earlier dates have
    no rules, so no deadlines can be computed) to the last version's end or the end of the year
    ``datum_vooruit_jaren`` ahead (rules data: ``invoergrenzen/<valid_from>.yaml``, a sanity bound
    against typing errors such as 9999, not a legal rule)."""
    from maatwerk.regels.invoergrenzen import invoergrenzen_op

    versies = alle_versies()
    vandaag = vandaag or dt.date.today()
    laatste = versies[-1].valid_until
    vooruit = invoergrenzen_op(vandaag).datum_vooruit_jaren.waarde
    eind = dt.date(vandaag.year + vooruit, 12, 31)
    return versies[0].valid_from, min(laatste, eind) if laatste else eind
