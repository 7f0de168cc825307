"""Old hourly tariffs (PxQ) and the uitmiddelen rules, read from dated, cited YAML.

Files (on the rules search path: the package and the ``MAATWERK_REGELS`` directories, see
:mod:`maatwerk.regels.zoekpad`): ``tarieven/pxq/<id>/<valid_from>.yaml`` (hourly tariff per klasse
hh1/hh2 and leveringsvorm zin/pgb) and ``tarieven/uitmiddelen/<id>/<valid_from>.yaml`` (threshold
for "the caseload sits in the top of the band" and the cost price per hour used to turn a tariff per
period into paid hours). Validated with the shared loader; versions of one id may not overlap.
The NEW tariffs per trede per period are not here: they live in the engine's resultatenmatrix.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Literal, TypeVar

import polars as pl
from pydantic import Field, model_validator

from maatwerk.apps.finance.geld import naar_centen
from maatwerk.regels import activering, zoekpad
from maatwerk.regels.laden import (
    Geldigheid,
    Gesourcet,
    Melding,
    Regelfout,
    StrictModel,
    laad_versiebestanden,
)

REGELS = Path(__file__).resolve().parents[2] / "regels" / "tarieven"
Klasse = Literal["hh1", "hh2"]
Leveringsvorm = Literal["zin", "pgb"]


class Uurtarief(Gesourcet):
    klasse: Klasse
    leveringsvorm: Leveringsvorm
    bedrag: Decimal = Field(gt=0, decimal_places=2)


class _Versie(StrictModel):
    id: str
    naam: str
    gemeente: str
    valid_from: dt.date
    valid_until: dt.date | None = None

    @property
    def geldigheid(self) -> Geldigheid:
        return Geldigheid(valid_from=self.valid_from, valid_until=self.valid_until)

    @model_validator(mode="after")
    def _volgorde(self) -> _Versie:
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise ValueError("valid_until ligt vóór valid_from")
        return self


class PxqTarieven(_Versie):
    """One version of a municipality's hourly tariffs for household help (inspanningsgericht, PxQ)."""

    eenheid: Literal["uur"] = "uur"
    tarieven: list[Uurtarief] = Field(min_length=1)

    @model_validator(mode="after")
    def _uniek(self) -> PxqTarieven:
        gezien: set[tuple[str, str]] = set()
        for t in self.tarieven:
            sleutel = (t.klasse, t.leveringsvorm)
            if sleutel in gezien:
                raise ValueError(f"tarief voor {t.klasse}/{t.leveringsvorm} staat er twee keer in")
            gezien.add(sleutel)
        return self

    @property
    def voorbeeldwaarden(self) -> bool:
        return any(t.voorbeeld for t in self.tarieven)


class Drempel(Gesourcet):
    waarde: float = Field(gt=0, le=1)


class Bedrag(Gesourcet):
    bedrag: Decimal = Field(gt=0, decimal_places=2)


class UitmiddelenRegels(_Versie):
    """When does a provider's caseload sit "in the top of the band" (Den Haag 2017)?"""

    bovenkant_band: Drempel
    kostprijs_per_uur: Bedrag

    @property
    def voorbeeldwaarden(self) -> bool:
        return self.bovenkant_band.voorbeeld or self.kostprijs_per_uur.voorbeeld


T = TypeVar("T", bound=_Versie)


def _laad_versies(
    model: type[T], soort: str, regelset: str, map_: Path | None, mappen: tuple[Path, ...]
) -> list[T]:
    """The versions of ``regelset``: from ``map_/<regelset>/`` when given, else from the search path."""
    if map_ is not None:
        plaats = str(map_ / regelset)
        paden = sorted((map_ / regelset).glob("*.yaml"))
        bekend = sorted(p.name for p in map_.iterdir() if p.is_dir())
    else:
        plaats = zoekpad.plaats(f"tarieven/{soort}", regelset)
        paden = zoekpad.versiebestanden(f"tarieven/{soort}", regelset, mappen)
        bekend = zoekpad.ids(f"tarieven/{soort}", mappen)
    versies = laad_versiebestanden(model, regelset, paden)
    if not versies:
        raise Regelfout(
            [
                Melding(
                    f"onbekende regelset '{regelset}' (bekend: {', '.join(bekend) or 'geen'})",
                    plaats,
                    sleutel="id",
                )
            ]
        )
    return [versie for _, versie in versies]


@zoekpad.per_zoekpad
def pxq_versies(regelset: str, map_: Path | None = None) -> tuple[PxqTarieven, ...]:
    """All versions of a PxQ tariff set, oldest first (from ``map_``, default the search path)."""
    return tuple(_laad_versies(PxqTarieven, "pxq", regelset, map_, zoekpad.regelmappen()))


@zoekpad.per_zoekpad
def uitmiddelen_versies(regelset: str, map_: Path | None = None) -> tuple[UitmiddelenRegels, ...]:
    return tuple(_laad_versies(UitmiddelenRegels, "uitmiddelen", regelset, map_, zoekpad.regelmappen()))


def regelsets(soort: Literal["pxq", "uitmiddelen"]) -> list[str]:
    """The tariff set ids of ``soort`` on the rules search path."""
    return zoekpad.ids(f"tarieven/{soort}")


def regelset_van(soort: Literal["pxq", "uitmiddelen"], gemeente: str) -> str:
    """The tariff set the file of ``gemeente`` names (``tarieven: {pxq: ID, uitmiddelen: ID}``)."""
    gevonden = activering.zoek(gemeente)
    if gevonden is None:
        raise Regelfout(
            [Melding(f"gemeente '{gemeente}' is niet geactiveerd (geen gemeentebestand)", sleutel="gemeente")]
        )
    pad, bestand = gevonden
    regelset = getattr(bestand.tarieven, soort) if bestand.tarieven is not None else None
    if regelset is None:
        raise Regelfout(
            [
                Melding(
                    f"gemeente {bestand.gemeente} noemt geen tariefset voor {soort}: zet "
                    f"'tarieven: {{{soort}: ID}}' in het gemeentebestand",
                    str(pad),
                    sleutel="tarieven",
                )
            ]
        )
    return str(regelset)


def _op_datum(versies: tuple[T, ...], datum: dt.date, wat: str) -> T:
    for versie in versies:
        if versie.geldigheid.geldig_op(datum):
            return versie
    raise Regelfout([Melding(f"geen {wat} '{versies[0].id}' geldig op {datum.isoformat()}", sleutel="datum")])


def uitmiddelen_regels(regelset: str, datum: dt.date) -> UitmiddelenRegels:
    return _op_datum(uitmiddelen_versies(regelset), datum, "uitmiddelen-regels")


def uurtarief(regelset: str, klasse: str, leveringsvorm: str, datum: dt.date) -> int:
    """Hourly tariff in cents for klasse/leveringsvorm valid on ``datum``."""
    versie = _op_datum(pxq_versies(regelset), datum, "uurtarieven")
    for t in versie.tarieven:
        if t.klasse == klasse and t.leveringsvorm == leveringsvorm:
            return naar_centen(t.bedrag)
    raise Regelfout(
        [
            Melding(
                f"geen uurtarief voor {klasse}/{leveringsvorm} in {versie.id} "
                f"(geldig vanaf {versie.valid_from})",
                sleutel="tarieven",
            )
        ]
    )


def pxq_tabel(regelset: str) -> pl.DataFrame:
    """All hourly tariffs of a set as a frame: klasse, leveringsvorm, van, tot, uurtarief_cent."""
    rijen = [
        {
            "klasse": t.klasse,
            "leveringsvorm": t.leveringsvorm,
            "van": v.valid_from,
            "tot": v.valid_until or dt.date(9999, 12, 31),
            "uurtarief_cent": naar_centen(t.bedrag),
        }
        for v in pxq_versies(regelset)
        for t in v.tarieven
    ]
    return pl.DataFrame(
        rijen,
        schema={
            "klasse": pl.String,
            "leveringsvorm": pl.String,
            "van": pl.Date,
            "tot": pl.Date,
            "uurtarief_cent": pl.Int64,
        },
    )
