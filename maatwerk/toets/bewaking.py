"""The guard: a gemeente may only issue beschikkingen under a configuration that passes the beleidstoets.

``gemeenten/<gemeente>.yaml`` on the rules search path (the file that activates the gemeente, see
:mod:`maatwerk.regels.activering`) lists, per validity period, which normenkader and resultatenmatrix
the gemeente activates and the policy facts of that configuration (in the beleidstoets vocabulary).
:func:`controleer_configuratie` tests the configuration valid on a peildatum and raises
:class:`ConfiguratieAfgekeurd` with the reason when the verdict is ``voldoet_niet``; a configuration
without policy facts cannot be tested and is refused with a :class:`Regelfout`.

Facts the configuration itself proves override what it claims: a resultatenmatrix whose treden are
set on zelfredzaamheid scores without an hour band, activated without a normenkader, cannot produce
hours, so the beschikking cannot state them (``indicatie: resultaat``, no ``tijd``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field

from maatwerk.regels import activering, zoekpad
from maatwerk.regels.activering import Activering, Gemeentebestand, laad_gemeentebestand
from maatwerk.regels.laden import Melding, Regelfout
from maatwerk.toets.beleid import Beleid, Beleidsfeiten
from maatwerk.toets.oordeel import Oordeel, toets_beleid

REGELS = Path(__file__).resolve().parent.parent / "regels"
GEMEENTEN_MAP = REGELS / "gemeenten"
OVERGANGSBELEID_MAP = REGELS / "overgangsbeleid"


def overgangsbeleid_ids() -> list[str]:
    """Ids of the transition policies on the rules search path (at least one version file)."""
    return zoekpad.ids("overgangsbeleid")


class Configuratie(Activering):
    """What a gemeente activates in one period, and the policy facts of that configuration."""

    beleid: Beleidsfeiten | None = None


class GemeenteConfiguratie(Gemeentebestand):
    """The file ``gemeenten/<gemeente>.yaml``, with the policy facts typed for the beleidstoets."""

    configuraties: Sequence[Configuratie] = Field(min_length=1)


class ConfiguratieAfgekeurd(Exception):
    """The configuration would not stand: no beschikkingen may be issued under it. ``reden`` says why."""

    def __init__(self, gemeente: str, peildatum: dt.date, configuratie: Configuratie, oordeel: Oordeel):
        self.gemeente, self.peildatum, self.configuratie, self.oordeel = (
            gemeente,
            peildatum,
            configuratie,
            oordeel,
        )
        actief = ", ".join(
            f"{soort} '{naam}'"
            for soort, naam in (
                ("normenkader", configuratie.normenkader),
                ("resultatenmatrix", configuratie.resultatenmatrix),
            )
            if naam
        )
        schendingen = " ".join(b.toelichting for b in oordeel.bevindingen if b.oordeel == "voldoet_niet")
        self.reden = (
            f"{gemeente} mag op {peildatum} geen beschikkingen afgeven met {actief}: de beleidstoets "
            f"geeft 'voldoet niet' ({oordeel.hoofdreden}). {schendingen}"
        )
        super().__init__(self.reden)


def _slug(gemeente: str) -> str:
    return gemeente.strip().casefold().replace(" ", "-")


def bestand_voor(gemeente: str, map_: Path | None = None) -> Path:
    """The configuration file of ``gemeente``: in ``map_`` when given (file names are the gemeente in
    lower case, spaces as '-'), else the file on the rules search path that activates it."""
    if map_ is None:
        gevonden = activering.zoek(gemeente)
        if gevonden is not None:
            return gevonden[0]
        map_ = GEMEENTEN_MAP
    return map_ / f"{_slug(gemeente)}.yaml"


@lru_cache(maxsize=64)
def _laad(pad: Path, stempel: float, mappen: tuple[Path, ...]) -> GemeenteConfiguratie:
    return laad_gemeentebestand(pad, GemeenteConfiguratie)


def laad_gemeente(gemeente: str, map_: Path | None = None) -> GemeenteConfiguratie:
    """Load and validate the configuration file of a gemeente (every id it names must exist)."""
    pad = bestand_voor(gemeente, map_)
    if not pad.exists():
        bekend = sorted(p.stem for p in map_.glob("*.yaml")) if map_ else activering.bekende_gemeenten()
        raise Regelfout(
            [
                Melding(
                    f"geen configuratie voor gemeente '{gemeente}'; geconfigureerd: "
                    f"{', '.join(bekend) or 'geen'}",
                    str(pad),
                    sleutel="gemeente",
                )
            ]
        )
    cfg = _laad(pad, pad.stat().st_mtime, zoekpad.regelmappen())
    if _slug(cfg.gemeente) != _slug(gemeente):
        raise Regelfout(
            [Melding(f"bestand hoort bij '{cfg.gemeente}', niet bij '{gemeente}'", str(pad), 1, "gemeente")]
        )
    return cfg


def _bewezen_feiten(c: Configuratie) -> tuple[dict[str, Any], str | None]:
    """Facts the activated rule files prove, overriding what the configuration claims.

    Without a normenkader maatwerk cannot compute hours, so a beschikking under that configuration can
    only name a trede or result: ``indicatie: resultaat`` and no ``tijd`` in the beschikking.
    """
    if c.normenkader is not None:
        return {}, None
    genoemd = c.beleid.beschikking_vermeldt if c.beleid is not None else None
    vermeldt = [w for w in (genoemd or ["resultaat"]) if w != "tijd"] or ["resultaat"]
    return (
        {"indicatie": "resultaat", "beschikking_vermeldt": vermeldt},
        f"er is geen normenkader geactiveerd, alleen resultatenmatrix '{c.resultatenmatrix}'; "
        "maatwerk kan dan geen uren berekenen en de beschikking noemt alleen een trede",
    )


def _controleer_keuze_engine(gemeente: str, c: Configuratie, peildatum: dt.date, pad: Path) -> None:
    """The engine must pick the same normenkader for this gemeente as the configuration activates."""
    if c.normenkader is None:
        return
    try:
        from maatwerk.engine.kaders import kies_kader

        gekozen = kies_kader(gemeente, peildatum)
    except (ImportError, Regelfout):
        return
    if gekozen.id != c.normenkader:
        raise Regelfout(
            [
                Melding(
                    f"de configuratie activeert normenkader '{c.normenkader}', "
                    f"maar normenkader '{gekozen.id}' noemt {gemeente} bij zijn gemeenten; "
                    "maak die twee gelijk",
                    str(pad),
                    sleutel="normenkader",
                )
            ]
        )


def geconfigureerde_gemeenten(map_: Path | None = None) -> list[Path]:
    """The configuration files present (one per gemeente; default: on the rules search path)."""
    if map_ is None:
        return sorted(pad for pad, _ in activering.gemeenten().values())
    return sorted(map_.glob("*.yaml"))


def configuratie_op(gemeente: str, peildatum: dt.date, map_: Path | None = None) -> Configuratie:
    """The configuration of ``gemeente`` valid on ``peildatum``."""
    cfg = laad_gemeente(gemeente, map_)
    for c in cfg.configuraties:
        if c.geldig_op(peildatum):
            return c
    raise Regelfout(
        [
            Melding(
                f"gemeente '{gemeente}' heeft geen configuratie die geldt op {peildatum}",
                str(bestand_voor(gemeente, map_)),
                sleutel="configuraties",
            )
        ]
    )


def controleer_configuratie(gemeente: str, peildatum: dt.date, map_: Path | None = None) -> Oordeel:
    """Test the configuration valid on ``peildatum``; raise :class:`ConfiguratieAfgekeurd` if it fails.

    Returns the :class:`Oordeel` otherwise (``voldoet``, or ``onbekend`` with the missing facts, which
    the caller should show to the user).
    """
    c = configuratie_op(gemeente, peildatum, map_)
    cfg = laad_gemeente(gemeente, map_)
    _controleer_keuze_engine(cfg.gemeente, c, peildatum, bestand_voor(gemeente, map_))
    if c.beleid is None:
        i = list(cfg.configuraties).index(c)
        raise Regelfout(
            [
                Melding(
                    "deze configuratie noemt geen beleidsfeiten ('beleid'); de beleidstoets kan haar niet "
                    "toetsen, dus maatwerk geeft er geen beschikkingen onder af",
                    str(bestand_voor(gemeente, map_)),
                    None,
                    f"configuraties.{i}.beleid",
                )
            ]
        )
    bewezen, reden = _bewezen_feiten(c)
    feiten = {
        **c.beleid.model_dump(exclude_none=True),
        **bewezen,
        "gemeente": cfg.gemeente,
        "peildatum": peildatum,
    }
    oordeel = toets_beleid(Beleid.model_validate(feiten), str(bestand_voor(gemeente, map_)))
    if reden is not None:
        oordeel = _met_notitie(oordeel, f"Afgeleid uit de configuratie: {reden}.")
    if oordeel.oordeel == "voldoet_niet":
        raise ConfiguratieAfgekeurd(cfg.gemeente, peildatum, c, oordeel)
    return oordeel


def _met_notitie(oordeel: Oordeel, notitie: str) -> Oordeel:
    from dataclasses import replace

    bevindingen = tuple(
        replace(b, toelichting=f"{b.toelichting} {notitie}") if b.criterium == "omvang-door-college" else b
        for b in oordeel.bevindingen
    )
    return replace(oordeel, bevindingen=bevindingen)
