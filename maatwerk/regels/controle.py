"""Check a rules directory before activating it: what it adds or overrides, and whether it all loads.

:func:`controleer_map` puts the directory at the end of the search path (for this call only; the
process environment is restored), loads every kind of rule file through its own loader (so the
validation is exactly the one used in production) and lists, per file in the directory, whether it
adds a rule set, adds a version to a shipped one, or overrides a file. The loaders are imported by
name when the check runs, so this module (like the rest of :mod:`maatwerk.regels`) imports no
engine or app code.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from maatwerk.regels import zoekpad
from maatwerk.regels.laden import Melding, Regelfout

Status = Literal["voegt toe", "nieuwe versie", "vervangt"]


@dataclass(frozen=True)
class Inhoud:
    """One file in the checked directory and what it does to the effective rules."""

    soort: str
    id: str | None
    versie: str
    status: Status
    bestand: str
    vervangt: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "soort": self.soort,
            "id": self.id,
            "versie": self.versie,
            "status": self.status,
            "bestand": self.bestand,
            "vervangt": self.vervangt,
        }


@dataclass
class Verslag:
    """The result of :func:`controleer_map`: the directory's files and every problem found."""

    map: Path
    inhoud: list[Inhoud] = field(default_factory=list)
    fouten: list[Melding] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten

    def as_dict(self) -> dict[str, Any]:
        return {
            "map": str(self.map),
            "geldig": self.geldig,
            "inhoud": [i.as_dict() for i in self.inhoud],
            "fouten": [m.as_dict() for m in self.fouten],
        }


@contextmanager
def met_map(map_: Path) -> Iterator[tuple[Path, ...]]:
    """Add ``map_`` to the end of ``MAATWERK_REGELS`` for the duration of the block."""
    oud = os.environ.get(zoekpad.OMGEVING)
    os.environ[zoekpad.OMGEVING] = os.pathsep.join(x for x in (oud, str(map_)) if x)
    try:
        yield zoekpad.regelmappen()
    finally:
        if oud is None:
            os.environ.pop(zoekpad.OMGEVING, None)
        else:
            os.environ[zoekpad.OMGEVING] = oud


def inventaris(map_: Path, eerder: tuple[Path, ...]) -> tuple[list[Inhoud], list[Melding]]:
    """What each rule file in ``map_`` does on top of the directories ``eerder``; misplaced files."""
    inhoud: list[Inhoud] = []
    for soort in zoekpad.SOORTEN:
        bestaand = {(b.id, b.naam): b.pad for b in zoekpad.samenvoegen(soort, eerder)}
        bestaande_ids = {i for i, _ in bestaand}
        for b in zoekpad.bestanden_in(map_, soort):
            vorige = bestaand.get((b.id, b.naam))
            status: Status = (
                "vervangt"
                if vorige is not None
                else ("nieuwe versie" if b.id is not None and b.id in bestaande_ids else "voegt toe")
            )
            inhoud.append(
                Inhoud(soort, b.id, b.pad.stem, status, b.relatief, str(vorige) if vorige else None)
            )
    return inhoud, _verdwaald(map_)


ALLEEN_PAKKET = (
    "beleidstoets",
    "iwmo/validatie",
    "iwmo/retourcodes",
    "iwmo/termijnen",
    "iwmo/gemeentecodes",
)
"""Rule files of the law and the iWmo standard itself, read from the package only (not overridable)."""


def _verdwaald(map_: Path) -> list[Melding]:
    """YAML files that no loader would read (a misspelt folder, a version file one level too high)."""
    gelezen = {b.pad for soort in zoekpad.SOORTEN for b in zoekpad.bestanden_in(map_, soort)}
    if map_ == zoekpad.PAKKET:
        # Read from the package only: the beleidstoets criteria (maatwerk.toets) and the iWmo standard's
        # own tables (validation rules, retourcodes, answer deadlines, CBS gemeentecodes: maatwerk.iwmo).
        for alleen_pakket in ALLEEN_PAKKET:
            gelezen |= set((map_ / alleen_pakket).rglob("*.yaml"))
    meldingen = []
    soorten = ", ".join(zoekpad.SOORTEN)
    for pad in sorted([*map_.rglob("*.yaml"), *map_.rglob("*.yml")]):
        if pad not in gelezen:
            meldingen.append(
                Melding(
                    "dit bestand wordt niet gelezen: een regelmap bevat alleen "
                    f"{soorten} (versies als <soort>/<id>/<valid_from>.yaml, gemeenten, termijnen en "
                    "iwmo/codelijsten als <soort>/<naam>.yaml)",
                    str(pad),
                )
            )
    return meldingen


def _laders() -> list[tuple[str, Callable[[], object]]]:
    """Every loader, by name: each loads all rule sets of its kind on the current search path."""

    def functie(doel: str) -> Callable[..., Any]:
        module, naam = doel.split(":")
        return getattr(importlib.import_module(module), naam)  # type: ignore[no-any-return]

    def alle(doel: str, soort: str) -> Callable[[], object]:
        return lambda: [functie(doel)(i) for i in zoekpad.ids(soort)]

    def gemeenten() -> object:
        kies = functie("maatwerk.engine.kaders:kies_kader")
        laad_gemeente = functie("maatwerk.toets.bewaking:laad_gemeente")
        activering = importlib.import_module("maatwerk.regels.activering")
        meldingen: list[Melding] = []
        for naam, (_, bestand) in activering.gemeenten().items():
            for c in bestand.configuraties:
                if c.normenkader is None:
                    continue
                try:
                    kies(naam, c.valid_from)
                except Regelfout as fout:
                    meldingen.extend(fout.meldingen)
            try:
                laad_gemeente(naam)
            except Regelfout as fout:
                meldingen.extend(fout.meldingen)
        if meldingen:
            raise Regelfout(meldingen)
        return None

    return [
        ("normenkaders en resultatenmatrices", functie("maatwerk.engine.kaders:register")),
        ("gemeenten", gemeenten),
        ("overgangsbeleid", alle("maatwerk.apps.herindicatie.overgang:versies", "overgangsbeleid")),
        ("tarieven/pxq", alle("maatwerk.apps.finance.tarieven:pxq_versies", "tarieven/pxq")),
        (
            "tarieven/uitmiddelen",
            alle("maatwerk.apps.finance.tarieven:uitmiddelen_versies", "tarieven/uitmiddelen"),
        ),
        ("termijnen", functie("maatwerk.apps.cases.termijnregels:alle_versies")),
        ("iwmo/codelijsten", functie("maatwerk.iwmo.codes:codelijsten")),
        ("iwmo/gemeenten", _iwmo_gemeenten),
        ("afzenders", _afzenders),
        ("feestdagen", functie("maatwerk.termijnen.regels:feestdagen_versies")),
        ("awb-termijnen", functie("maatwerk.termijnen.regels:awb_versies")),
        (
            "bezwaarprocedure",
            _per_bestand("bezwaarprocedure", "maatwerk.apps.bezwaren.procedure:laad_bestand"),
        ),
        ("schouw", _schouw),
        ("portaal", functie("maatwerk.apps.portaal.regels:alle_versies")),
        ("invoergrenzen", functie("maatwerk.regels.invoergrenzen:alle_versies")),
    ]


def _per_bestand(soort: str, pad: str) -> Callable[[], object]:
    def lader() -> object:
        module, _, naam = pad.partition(":")
        laad = getattr(importlib.import_module(module), naam)
        return [laad(b.pad) for b in zoekpad.bestanden(soort)]

    return lader


def _schouw() -> object:
    regels = importlib.import_module("maatwerk.apps.schouw.regels")
    return [regels._versies(i) for i in zoekpad.ids("schouw")]


def _afzenders() -> object:
    brief = importlib.import_module("maatwerk.apps.besluiten.brief")
    return [brief.afzender(b.pad.stem) for b in zoekpad.bestanden("afzenders")]


def _iwmo_gemeenten() -> object:
    codes = importlib.import_module("maatwerk.iwmo.codes")
    return [codes._iwmo_versies(i, zoekpad.regelmappen()) for i in zoekpad.ids("iwmo/gemeenten")]


def controleer_map(map_: Path | str) -> Verslag:
    """Validate the rules directory ``map_`` on top of the current search path, without activating it."""
    map_ = Path(map_).expanduser().resolve()
    verslag = Verslag(map_)
    if not map_.is_dir():
        verslag.fouten.append(Melding("geen bestaande map", str(map_)))
        return verslag
    eerder = tuple(m for m in zoekpad.regelmappen() if m != map_)
    verslag.inhoud, verslag.fouten = inventaris(map_, eerder)
    with met_map(map_):
        for _, lader in _laders():
            try:
                lader()
            except Regelfout as fout:
                gezien = {str(m) for m in verslag.fouten}
                verslag.fouten.extend(m for m in fout.meldingen if str(m) not in gezien)
    return verslag
