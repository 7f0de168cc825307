"""The guard: a gemeente may only issue beschikkingen under a configuration that passes the beleidstoets.

``maatwerk/regels/gemeenten/<gemeente>.yaml`` lists, per validity period, which normenkader and
resultatenmatrix the gemeente activates and the policy facts of that configuration (in the beleidstoets
vocabulary). :func:`controleer_configuratie` tests the configuration valid on a peildatum and raises
:class:`ConfiguratieAfgekeurd` with the reason when the verdict is ``voldoet_niet``.

Facts the configuration itself proves override what it claims: a resultatenmatrix whose treden are
set on zelfredzaamheid scores without an hour band, activated without a normenkader, cannot produce
hours, so the beschikking cannot state them (``indicatie: resultaat``, no ``tijd``).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Melding,
    Regelfout,
    StrictModel,
    controleer_geen_overlap,
    laad,
)
from maatwerk.toets.beleid import Beleid, Beleidsfeiten
from maatwerk.toets.oordeel import Oordeel, toets_beleid

REGELS = Path(__file__).resolve().parent.parent / "regels"
GEMEENTEN_MAP = REGELS / "gemeenten"
OVERGANGSBELEID_MAP = REGELS / "overgangsbeleid"


def overgangsbeleid_ids() -> list[str]:
    """Ids of the shipped transition policies (a folder with at least one version file)."""
    return sorted(p.name for p in OVERGANGSBELEID_MAP.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


class Configuratie(Geldigheid):
    """What a gemeente activates in one period, and the policy facts of that configuration."""

    normenkader: str | None = None
    resultatenmatrix: str | None = None
    beleid: Beleidsfeiten
    toelichting: str | None = None
    bron: list[Bron] = Field(default_factory=list)

    @model_validator(mode="after")
    def _iets_actief(self) -> Configuratie:
        if self.normenkader is None and self.resultatenmatrix is None:
            raise ValueError("geef een normenkader, een resultatenmatrix of beide")
        return self


class GemeenteConfiguratie(StrictModel):
    """The file ``maatwerk/regels/gemeenten/<gemeente>.yaml``."""

    gemeente: str
    synthetisch: bool = False
    toelichting: str | None = None
    overgangsbeleid: str | None = None
    configuraties: list[Configuratie] = Field(min_length=1)

    @field_validator("overgangsbeleid")
    @classmethod
    def _bestaand_beleid(cls, waarde: str | None) -> str | None:
        if waarde is not None and waarde not in overgangsbeleid_ids():
            bekend = ", ".join(overgangsbeleid_ids()) or "geen"
            raise ValueError(f"onbekend overgangsbeleid '{waarde}'; beschikbaar: {bekend}")
        return waarde


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


def bestand_voor(gemeente: str, map_: Path = GEMEENTEN_MAP) -> Path:
    """The configuration file of ``gemeente`` (file names are the gemeente in lower case, spaces as '-')."""
    return map_ / f"{_slug(gemeente)}.yaml"


def _controleer_verwijzingen(cfg: GemeenteConfiguratie, pad: Path) -> None:
    meldingen = []
    for i, c in enumerate(cfg.configuraties):
        for soort, map_naam, naam in (
            ("normenkader", "normenkaders", c.normenkader),
            ("resultatenmatrix", "resultatenmatrices", c.resultatenmatrix),
        ):
            if naam is not None and not (REGELS / map_naam / naam).is_dir():
                bekend = sorted(p.name for p in (REGELS / map_naam).glob("*") if p.is_dir())
                meldingen.append(
                    Melding(
                        f"onbekend {soort} '{naam}'; beschikbaar: {', '.join(bekend) or 'geen'}",
                        str(pad),
                        None,
                        f"configuraties.{i}.{soort}",
                    )
                )
    if meldingen:
        raise Regelfout(meldingen)


@lru_cache(maxsize=64)
def _laad(pad: Path, stempel: float) -> GemeenteConfiguratie:
    cfg = laad(GemeenteConfiguratie, pad)
    controleer_geen_overlap((f"{pad} configuraties.{i}", c) for i, c in enumerate(cfg.configuraties))
    _controleer_verwijzingen(cfg, pad)
    return cfg


def laad_gemeente(gemeente: str, map_: Path = GEMEENTEN_MAP) -> GemeenteConfiguratie:
    """Load and validate the configuration file of a gemeente."""
    pad = bestand_voor(gemeente, map_)
    if not pad.exists():
        bekend = sorted(p.stem for p in map_.glob("*.yaml"))
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
    cfg = _laad(pad, pad.stat().st_mtime)
    if _slug(cfg.gemeente) != _slug(gemeente):
        raise Regelfout(
            [Melding(f"bestand hoort bij '{cfg.gemeente}', niet bij '{gemeente}'", str(pad), 1, "gemeente")]
        )
    return cfg


def _bewezen_feiten(c: Configuratie) -> tuple[dict, str | None]:
    """Facts the activated rule files prove, overriding what the configuration claims.

    Without a normenkader maatwerk cannot compute hours, so a beschikking under that configuration can
    only name a trede or result: ``indicatie: resultaat`` and no ``tijd`` in the beschikking.
    """
    if c.normenkader is not None:
        return {}, None
    vermeldt = [w for w in (c.beleid.beschikking_vermeldt or ["resultaat"]) if w != "tijd"] or ["resultaat"]
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


def geconfigureerde_gemeenten(map_: Path = GEMEENTEN_MAP) -> list[Path]:
    """The configuration files present (one per gemeente)."""
    return sorted(map_.glob("*.yaml"))


def configuratie_op(gemeente: str, peildatum: dt.date, map_: Path = GEMEENTEN_MAP) -> Configuratie:
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


def controleer_configuratie(gemeente: str, peildatum: dt.date, map_: Path = GEMEENTEN_MAP) -> Oordeel:
    """Test the configuration valid on ``peildatum``; raise :class:`ConfiguratieAfgekeurd` if it fails.

    Returns the :class:`Oordeel` otherwise (``voldoet``, or ``onbekend`` with the missing facts, which
    the caller should show to the user).
    """
    c = configuratie_op(gemeente, peildatum, map_)
    cfg = laad_gemeente(gemeente, map_)
    _controleer_keuze_engine(cfg.gemeente, c, peildatum, bestand_voor(gemeente, map_))
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
