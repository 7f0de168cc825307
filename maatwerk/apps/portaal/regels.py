"""What the inwoner sees, as data: ``portaal/<valid_from>.yaml`` on the rules search path.

Each version lists the steps of the status train in B1 words with the internal statuses each step covers,
the end steps that leave the train (afgewezen, ingetrokken), the statuses not shown, the B1 sentence per
deadline shown, and the e-mail text for a new step (placeholders ``{gemeente}``, ``{stap}``, ``{portaal}``,
``{telefoon}`` only). Every zaak status must appear exactly once; the loader says which one does not.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator

from maatwerk.apps.cases.models import Status
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

SOORT = "portaal"
PLAATSHOUDERS = frozenset({"gemeente", "stap", "portaal", "telefoon"})


class Stap(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    titel: str = Field(min_length=1, max_length=60)
    uitleg: str = Field(min_length=1)
    statussen: list[str] = Field(min_length=1)
    melden: bool = True  # a status change into this step e-mails the client


class Bericht(StrictModel):
    onderwerp: str = Field(min_length=1, max_length=120)
    tekst: str = Field(min_length=1)

    @model_validator(mode="after")
    def _plaatshouders(self) -> Bericht:
        for deel in (self.onderwerp, self.tekst):
            namen = {n for _, n, _, _ in string.Formatter().parse(deel) if n is not None}
            onbekend = namen - PLAATSHOUDERS
            if onbekend:
                raise ValueError(
                    f"onbekende plaatshouder {{{sorted(onbekend)[0]}}}; toegestaan: "
                    + ", ".join(f"{{{p}}}" for p in sorted(PLAATSHOUDERS))
                )
        return self


class Portaalregels(Geldigheid):
    omschrijving: str
    bron: Bron
    voorziening: str = Field(min_length=1)  # how the inwoner's overview names a zaak
    stappen: list[Stap] = Field(min_length=1)
    eindstappen: list[Stap] = []
    niet_tonen: list[str] = []
    termijnen: dict[str, str] = {}
    bericht: Bericht

    @model_validator(mode="after")
    def _elke_status_eenmaal(self) -> Portaalregels:
        gezien: list[str] = [s for stap in (*self.stappen, *self.eindstappen) for s in stap.statussen]
        gezien += self.niet_tonen
        onbekend = sorted(set(gezien) - set(Status.values))
        if onbekend:
            raise ValueError(f"onbekende status '{onbekend[0]}'; bekend zijn: {', '.join(Status.values)}")
        dubbel = sorted({s for s in gezien if gezien.count(s) > 1})
        if dubbel:
            raise ValueError(f"status '{dubbel[0]}' staat bij meer dan één stap (of ook onder niet_tonen)")
        ontbreekt = [s for s in Status.values if s not in gezien]
        if ontbreekt:
            raise ValueError(f"status '{ontbreekt[0]}' staat bij geen stap en niet onder niet_tonen")
        ids = [s.id for s in (*self.stappen, *self.eindstappen)]
        if len(set(ids)) != len(ids):
            raise ValueError("elke stap heeft een eigen id")
        return self

    def stap_van(self, status: str) -> Stap | None:
        """The step that shows ``status`` (None: the status is not shown)."""
        for stap in (*self.stappen, *self.eindstappen):
            if status in stap.statussen:
                return stap
        return None

    def is_eindstap(self, stap: Stap) -> bool:
        return any(stap.id == e.id for e in self.eindstappen)


def alle_versies() -> tuple[Portaalregels, ...]:
    """Every version on the search path, validated, checked for overlap and file name."""
    return _alle_versies(zoekpad.regelmappen())


@lru_cache(maxsize=8)
def _alle_versies(mappen: tuple[Path, ...]) -> tuple[Portaalregels, ...]:
    versies = []
    meldingen = []
    for bestand in zoekpad.bestanden(SOORT, mappen):
        regels = laad(Portaalregels, bestand.pad)
        if str(regels.valid_from) != bestand.pad.stem:
            meldingen.append(
                Melding(
                    f"bestandsnaam moet {regels.valid_from}.yaml zijn", str(bestand.pad), None, "valid_from"
                )
            )
        versies.append((bestand.naam, regels))
    if meldingen:
        raise Regelfout(meldingen)
    if not versies:
        raise Regelfout([Melding("geen portaalbestanden gevonden", zoekpad.plaats(SOORT))])
    controleer_geen_overlap(versies)
    return tuple(r for _, r in versies)


def portaalregels_op(peildatum: dt.date) -> Portaalregels:
    """The version valid on ``peildatum``."""
    for versie in alle_versies():
        if versie.geldig_op(peildatum):
            return versie
    raise Regelfout([Melding(f"geen portaalregels geldig op {peildatum}", zoekpad.plaats(SOORT))])
