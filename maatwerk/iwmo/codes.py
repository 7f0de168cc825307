"""iWmo 3.2 codelijsten and the gemeente's local products, read from ``iwmo/`` on the rules search path.

Code lists: ``iwmo/codelijsten/<valid_from>.yaml``; a gemeente's data:
``iwmo/gemeenten/<id>/<valid_from>.yaml``, where ``<id>`` is what the gemeente file names
(``iwmo: <id>`` in ``gemeenten/<gemeente>.yaml``).

Pure Python (no Django). The code lists cite the Zorginstituut codelijsten (WMO020, WJ756, WMO757, ...);
the gemeente files say which product (category, code, unit, frequency) a toewijzing uses.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from maatwerk.regels import activering, zoekpad
from maatwerk.regels.laden import Bron, Geldigheid, Regelfout, StrictModel, controleer_geen_overlap, laad
from maatwerk.regels.laden import Melding as _Melding

REGELS_IWMO = Path(__file__).resolve().parents[1] / "regels" / "iwmo"

Lijstnaam = Literal[
    "productcategorie",
    "eenheid",
    "frequentie",
    "geslacht",
    "naamgebruik",
    "soort_adres",
    "reden_wijziging",
    "reden_beeindiging",
]


class Codelijst(StrictModel):
    """One iStandaarden code list: its id (e.g. WMO020), source and code -> description."""

    id: str
    bron: Bron
    codes: dict[str, str] = Field(min_length=1)


class Codelijsten(Geldigheid):
    """All code lists maatwerk uses, for one iWmo release."""

    release: str
    toelichting_geldigheid: str | None = None
    codelijsten: dict[Lijstnaam, Codelijst]


class Gemeentecode(StrictModel):
    waarde: str = Field(pattern=r"^[0-9]{4}$")
    voorbeeld: bool = False
    toelichting: str | None = None


class Product(StrictModel):
    """A local product the gemeente assigns (what goes into ToegewezenProduct.Product and Omvang)."""

    id: str
    omschrijving: str
    leveringsvorm: Literal["ZIN"]
    categorie: str
    code: str | None = Field(default=None, min_length=1, max_length=5)
    eenheid: str
    frequentie: str
    #: The resultaatgebied of the resultatenmatrix whose indicated trede this product delivers, and the
    #: PxQ tariff class (``regels/tarieven/pxq``) per trede: the contract tariff a declaratie is checked
    #: against (TR418). A trede not listed (or no indication) gets ``tariefklasse_standaard``.
    matrix_resultaatgebied: str | None = None
    tariefklasse_per_trede: dict[str, Literal["hh1", "hh2"]] = Field(default_factory=dict)
    tariefklasse_standaard: Literal["hh1", "hh2"] = "hh1"
    voorbeeld: bool = False
    toelichting: str | None = None

    def tariefklasse(self, trede: str | None) -> str:
        """The PxQ tariff class for an indicated ``trede`` of this product's matrix resultaatgebied."""
        return self.tariefklasse_per_trede.get(trede or "", self.tariefklasse_standaard)


class GemeenteIwmo(Geldigheid):
    """The iWmo data of one gemeente for one period."""

    gemeente: str
    gemeentecode: Gemeentecode
    producten: list[Product] = Field(min_length=1)


def _bestandsnamen(versies: list[tuple[Path, Geldigheid]]) -> None:
    """One file per version, named after its ``valid_from`` (like every rules directory)."""
    fout = [
        _Melding(f"bestandsnaam moet {v.valid_from}.yaml zijn", str(pad), sleutel="valid_from")
        for pad, v in versies
        if pad.name != f"{v.valid_from}.yaml"
    ]
    if fout:
        raise Regelfout(fout)


def codelijsten() -> tuple[Codelijsten, ...]:
    """All versions of the code lists on the rules search path, validated, oldest first."""
    return _codelijsten(zoekpad.regelmappen())


@cache
def _codelijsten(mappen: tuple[Path, ...]) -> tuple[Codelijsten, ...]:
    versies = [(b.pad, laad(Codelijsten, b.pad)) for b in zoekpad.bestanden("iwmo/codelijsten", mappen)]
    _bestandsnamen([(p, v) for p, v in versies])
    controleer_geen_overlap((str(p), v) for p, v in versies)
    return tuple(v for _, v in versies)


def codelijst(naam: Lijstnaam, peildatum: dt.date | None = None) -> Codelijst:
    """The code list ``naam`` valid on ``peildatum`` (default: today)."""
    datum = peildatum or dt.date.today()
    for versie in codelijsten():
        if versie.geldig_op(datum):
            return versie.codelijsten[naam]
    raise Regelfout(
        [_Melding(f"geen iWmo-codelijsten geldig op {datum}", zoekpad.plaats("iwmo/codelijsten"))]
    )


def omschrijving(naam: Lijstnaam, code: str, peildatum: dt.date | None = None) -> str:
    """Description of ``code`` in list ``naam``; :class:`ValueError` (Dutch) when the code is unknown."""
    lijst = codelijst(naam, peildatum)
    try:
        return lijst.codes[code]
    except KeyError:
        toegestaan = ", ".join(lijst.codes)
        raise ValueError(
            f"{naam}: onbekende code {code!r} in codelijst {lijst.id}; toegestaan: {toegestaan}"
        ) from None


def _iwmo_id(gemeente: str) -> str:
    """The iWmo data id the file of ``gemeente`` names (``iwmo: <id>``); no silent default."""
    gevonden = activering.zoek(gemeente)
    if gevonden is None or gevonden[1].iwmo is None:
        waar = f" in {gevonden[0]}" if gevonden else ""
        raise Regelfout(
            [
                _Melding(
                    f"geen iWmo-gegevens voor gemeente {gemeente!r}: het gemeentebestand{waar} noemt geen "
                    "'iwmo: ID' (zie iwmo/gemeenten/<ID>/)",
                    str(gevonden[0]) if gevonden else None,
                    sleutel="iwmo",
                )
            ]
        )
    return gevonden[1].iwmo


def _gemeente_versies(gemeente: str) -> tuple[GemeenteIwmo, ...]:
    return _iwmo_versies(_iwmo_id(gemeente), zoekpad.regelmappen())


@cache
def _iwmo_versies(iwmo_id: str, mappen: tuple[Path, ...]) -> tuple[GemeenteIwmo, ...]:
    paden = zoekpad.versiebestanden("iwmo/gemeenten", iwmo_id, mappen)
    versies = [(p, laad(GemeenteIwmo, p)) for p in paden]
    if not versies:
        raise Regelfout(
            [_Melding(f"geen iWmo-gegevens '{iwmo_id}'", zoekpad.plaats("iwmo/gemeenten", iwmo_id))]
        )
    _bestandsnamen([(p, v) for p, v in versies])
    controleer_geen_overlap((str(p), v) for p, v in versies)
    for pad, versie in versies:
        for product in versie.producten:
            for lijst, code in (
                ("productcategorie", product.categorie),
                ("eenheid", product.eenheid),
                ("frequentie", product.frequentie),
            ):
                if code not in codelijst(lijst, versie.valid_from).codes:  # type: ignore[arg-type]
                    raise Regelfout(
                        [
                            _Melding(
                                f"onbekende code {code!r} voor {lijst}",
                                str(pad),
                                sleutel=f"producten.{product.id}.{lijst}",
                            )
                        ]
                    )
    return tuple(v for _, v in versies)


def gemeente_iwmo(gemeente: str, peildatum: dt.date) -> GemeenteIwmo:
    """The iWmo data (gemeentecode, products) of ``gemeente`` valid on ``peildatum``."""
    for versie in _gemeente_versies(gemeente):
        if versie.geldig_op(peildatum):
            return versie
    raise Regelfout(
        [
            _Melding(
                f"geen iWmo-gegevens voor {gemeente} geldig op {peildatum}",
                zoekpad.plaats("iwmo/gemeenten", _iwmo_id(gemeente)),
            )
        ]
    )


def product_voor(gemeente: str, peildatum: dt.date, leveringsvorm: str = "ZIN") -> Product:
    """The product a toewijzing in natura uses; PGB is not assigned through iWmo (it goes via the SVB)."""
    if leveringsvorm != "ZIN":
        raise ValueError(
            "leveringsvorm: alleen zorg in natura (ZIN) wordt via iWmo toegewezen; een pgb loopt via de SVB"
        )
    return next(p for p in gemeente_iwmo(gemeente, peildatum).producten if p.leveringsvorm == leveringsvorm)


def gemeenten_iwmo() -> tuple[GemeenteIwmo, ...]:
    """Every version of every gemeente's iWmo data on the search path (level-4 lists: gemeentecode,
    productcodes)."""
    mappen = zoekpad.regelmappen()
    return tuple(versie for i in zoekpad.ids("iwmo/gemeenten") for versie in _iwmo_versies(i, mappen))
