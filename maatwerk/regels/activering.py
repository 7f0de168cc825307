"""One file activates a gemeente: ``gemeenten/<gemeente>.yaml`` on the search path.

The file names, by id, what the gemeente applies: per period (``configuraties``, each with
``valid_from``/``valid_until``) the normenkader and/or resultatenmatrix; once for the gemeente its
overgangsbeleid, tariff sets and iWmo data. Choosing a kader for a gemeente and a peildatum reads
this file and nothing else (:func:`activering_op`). The policy facts (``beleid``) of a configuration
are checked by :mod:`maatwerk.toets.bewaking`, which extends these models.

Errors are explicit, never a silent default: an unknown gemeente, an id that does not exist on the
search path, no configuration on that date, two files claiming one gemeente.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import Field, model_validator

from maatwerk.regels import zoekpad
from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Melding,
    Pad,
    Regelfout,
    StrictModel,
    controleer_geen_overlap,
    lees_yaml,
    valideer,
)


class Activering(Geldigheid):
    """What a gemeente activates in one period (``valid_from`` .. ``valid_until``, inclusive)."""

    normenkader: str | None = None
    resultatenmatrix: str | None = None
    toelichting: str | None = None
    bron: list[Bron] = Field(default_factory=list)
    beleid: Any = None
    """The policy facts of this configuration; their model lives in :mod:`maatwerk.toets.beleid`."""

    @model_validator(mode="after")
    def _iets_actief(self) -> Activering:
        if self.normenkader is None and self.resultatenmatrix is None:
            raise ValueError("geef een normenkader, een resultatenmatrix of beide")
        return self


class Tarievenkeuze(StrictModel):
    """The tariff sets (ids under ``tarieven/pxq/`` and ``tarieven/uitmiddelen/``) of a gemeente."""

    pxq: str | None = None
    uitmiddelen: str | None = None


class Gemeentebestand(StrictModel):
    """The file ``gemeenten/<gemeente>.yaml``: the one place that activates a gemeente."""

    gemeente: str = Field(min_length=1)
    ook_bekend_als: list[str] = Field(default_factory=list)
    synthetisch: bool = False
    toelichting: str | None = None
    overgangsbeleid: str | None = None
    tarieven: Tarievenkeuze | None = None
    iwmo: str | None = None
    configuraties: Sequence[Activering] = Field(min_length=1)

    @property
    def namen(self) -> list[str]:
        return [self.gemeente, *self.ook_bekend_als]

    def op(self, peildatum: dt.date) -> Activering | None:
        """The configuration valid on ``peildatum``, if any."""
        return next((c for c in self.configuraties if c.geldig_op(peildatum)), None)


G = TypeVar("G", bound=Gemeentebestand)


def slug(gemeente: str) -> str:
    """The file stem of a gemeente: lower case, spaces as '-' (``Den Haag`` -> ``den-haag``)."""
    return gemeente.strip().casefold().replace(" ", "-")


# Which id each reference must name, and where those ids live.
_VERWIJZINGEN = {
    "normenkader": "normenkaders",
    "resultatenmatrix": "resultatenmatrices",
    "overgangsbeleid": "overgangsbeleid",
    "pxq": "tarieven/pxq",
    "uitmiddelen": "tarieven/uitmiddelen",
    "iwmo": "iwmo/gemeenten",
}


def _onbekend(soort: str, naam: str, pad: Path, regels: dict[Pad, int], sleutel: Pad) -> Melding | None:
    bekend = zoekpad.ids(_VERWIJZINGEN[soort])
    if naam in bekend:
        return None
    wat = {"pxq": "tariefset (pxq)", "uitmiddelen": "regelset uitmiddelen", "iwmo": "iWmo-gegevens"}.get(
        soort, soort
    )
    return Melding(
        f"onbekend {wat} '{naam}'; beschikbaar: {', '.join(bekend) or 'geen'}",
        str(pad),
        regels.get(sleutel),
        ".".join(str(s) for s in sleutel),
    )


def controleer_verwijzingen(bestand: Gemeentebestand, pad: Path, regels: dict[Pad, int]) -> None:
    """Every id the file names exists on the search path; configurations do not overlap."""
    meldingen: list[Melding | None] = []
    if bestand.overgangsbeleid is not None:
        meldingen.append(
            _onbekend("overgangsbeleid", bestand.overgangsbeleid, pad, regels, ("overgangsbeleid",))
        )
    if bestand.iwmo is not None:
        meldingen.append(_onbekend("iwmo", bestand.iwmo, pad, regels, ("iwmo",)))
    if bestand.tarieven is not None:
        for soort in ("pxq", "uitmiddelen"):
            naam = getattr(bestand.tarieven, soort)
            if naam is not None:
                meldingen.append(_onbekend(soort, naam, pad, regels, ("tarieven", soort)))
    for i, c in enumerate(bestand.configuraties):
        for soort in ("normenkader", "resultatenmatrix"):
            naam = getattr(c, soort)
            if naam is not None:
                meldingen.append(_onbekend(soort, naam, pad, regels, ("configuraties", i, soort)))
    gevonden = [m for m in meldingen if m is not None]
    try:
        controleer_geen_overlap((f"{pad} configuraties.{i}", c) for i, c in enumerate(bestand.configuraties))
    except Regelfout as fout:
        gevonden.extend(fout.meldingen)
    if gevonden:
        raise Regelfout(gevonden)


def laad_gemeentebestand(pad: Path, model: type[G]) -> G:
    """Read, validate and cross-check one gemeente file (``model`` may extend :class:`Gemeentebestand`)."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as exc:
        raise Regelfout([Melding(f"kan bestand niet lezen: {exc.strerror}", str(pad))]) from None
    data, regels = lees_yaml(tekst, str(pad))
    if data is None:
        raise Regelfout([Melding("bestand is leeg", str(pad))])
    bestand = valideer(model, data, str(pad), regels)
    controleer_verwijzingen(bestand, pad, regels)
    return bestand


@lru_cache(maxsize=64)
def _geladen(pad: Path, stempel: float, mappen: tuple[Path, ...]) -> Gemeentebestand:
    return laad_gemeentebestand(pad, Gemeentebestand)


def _laad(pad: Path) -> Gemeentebestand:
    return _geladen(pad, pad.stat().st_mtime, zoekpad.regelmappen())


@lru_cache(maxsize=16)
def _index(mappen: tuple[Path, ...]) -> dict[str, tuple[Path, Gemeentebestand]]:
    """Every effective gemeente file by (case-folded) name and alias; one gemeente, one file."""
    index: dict[str, tuple[Path, Gemeentebestand]] = {}
    meldingen: list[Melding] = []
    for rb in zoekpad.bestanden("gemeenten", mappen):
        try:
            bestand = _laad(rb.pad)
        except Regelfout as fout:
            meldingen.extend(fout.meldingen)
            continue
        if slug(bestand.gemeente) != rb.pad.stem:
            meldingen.append(
                Melding(
                    f"bestandsnaam moet {slug(bestand.gemeente)}.yaml zijn (de gemeente in kleine letters, "
                    "spaties als '-')",
                    str(rb.pad),
                    1,
                    "gemeente",
                )
            )
        for naam in bestand.namen:
            eerder = index.get(naam.casefold())
            if eerder is not None:
                meldingen.append(_dubbel(naam, rb.pad, bestand, *eerder))
                continue
            index[naam.casefold()] = (rb.pad, bestand)
    if meldingen:
        raise Regelfout(meldingen)
    return index


def _dubbel(naam: str, pad: Path, bestand: Gemeentebestand, ander: Path, eerder: Gemeentebestand) -> Melding:
    for c in bestand.configuraties:
        for e in eerder.configuraties:
            if c.valid_from <= (e.valid_until or dt.date.max) and e.valid_from <= (
                c.valid_until or dt.date.max
            ):
                return Melding(
                    f"gemeente {naam.casefold()} heeft in dezelfde periode ook normenkader "
                    f"'{e.normenkader or e.resultatenmatrix}' ({ander}); "
                    "activeer een gemeente in één bestand",
                    str(pad),
                    None,
                    "gemeente",
                )
    return Melding(
        f"gemeente {naam} wordt ook geactiveerd in {ander}; activeer een gemeente in één bestand",
        str(pad),
        None,
        "gemeente",
    )


def gemeenten() -> dict[str, tuple[Path, Gemeentebestand]]:
    """Every activated gemeente on the search path: its name -> (file, contents)."""
    return {b.gemeente: (p, b) for p, b in _index(zoekpad.regelmappen()).values()}


def zoek(gemeente: str) -> tuple[Path, Gemeentebestand] | None:
    """The file that activates ``gemeente`` (by name, ``ook_bekend_als`` or file stem, any case)."""
    index = _index(zoekpad.regelmappen())
    gevonden = index.get(gemeente.strip().casefold())
    if gevonden is None:
        gevonden = next((v for v in index.values() if v[0].stem == slug(gemeente)), None)
    return gevonden


def bekende_gemeenten() -> list[str]:
    return sorted(gemeenten())


def activering_op(gemeente: str, peildatum: dt.date) -> tuple[Path, Gemeentebestand, Activering]:
    """The file, its contents and the configuration of ``gemeente`` valid on ``peildatum``.

    Raises :class:`Regelfout` naming the gemeente and the date: no file activates it, or its file
    has no configuration on that date.
    """
    gevonden = zoek(gemeente)
    if gevonden is None:
        raise Regelfout(
            [
                Melding(
                    f"gemeente '{gemeente}' is niet geactiveerd: er is geen bestand "
                    f"gemeenten/{slug(gemeente)}.yaml; geactiveerd: "
                    + (", ".join(bekende_gemeenten()) or "geen"),
                    sleutel="gemeente",
                )
            ]
        )
    pad, bestand = gevonden
    configuratie = bestand.op(peildatum)
    if configuratie is None:
        perioden = "; ".join(f"{c.valid_from} t/m {c.valid_until or 'open'}" for c in bestand.configuraties)
        raise Regelfout(
            [
                Melding(
                    f"gemeente '{gemeente}' heeft geen configuratie die geldt op {peildatum} "
                    f"(geldig: {perioden})",
                    str(pad),
                    sleutel="configuraties",
                )
            ]
        )
    return pad, bestand, configuratie


def vergeet() -> None:
    """Forget loaded gemeente files (tests that rewrite a file in place)."""
    _geladen.cache_clear()
    _index.cache_clear()
