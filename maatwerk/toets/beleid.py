"""The policy model: a municipality's household-help policy in the beleidstoets vocabulary.

A missing key means ``onbekend``. The optional descriptive values (``onderbouwing``,
``normtijden_min_per_week``, ``generieke_norm_uren_per_week``, ``maximum_uren_per_week``) mean
"not part of this policy" when absent. Unknown keys, wrong values and wrong types are a
:class:`~maatwerk.regels.laden.Regelfout` naming file, line and key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Final, Literal, get_args

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from maatwerk.regels.laden import Melding, Regelfout, StrictModel, lees_yaml, valideer

ONBEKEND: Final = "onbekend"

HhVorm = Literal["maatwerk", "algemene_voorziening", "afgeschaft", "onbekend"]
IndicatieVorm = Literal["uren", "resultaat", "onbekend"]
OmvangDoor = Literal["college", "aanbieder", "onbekend"]
BeschikkingOnderdeel = Literal["resultaat", "taak", "frequentie", "tijd"]
NormBron = Literal["ciz", "eigen", "onafhankelijk_onderzoek", "geen", "onbekend"]
TovCiz = Literal["gelijk", "lager", "aanzienlijk_lager", "gemengd", "hoger", "onbekend"]
JaNee = bool | Literal["onbekend"]
GEEN_MAATWERK: frozenset[str] = frozenset({"algemene_voorziening", "afgeschaft"})
"""Values of hh1/hh2 that mean: no maatwerkvoorziening for this part of household help."""


def _keuze(soort: Any) -> BeforeValidator:
    toegestaan = get_args(soort)

    def controleer(waarde: Any) -> Any:
        if isinstance(waarde, str) and waarde in toegestaan:
            return waarde
        raise ValueError(f"ongeldige waarde {waarde!r}; toegestaan: {', '.join(toegestaan)}")

    return BeforeValidator(controleer)


def _ja_nee(waarde: Any) -> Any:
    if isinstance(waarde, bool) or waarde == ONBEKEND:
        return waarde
    raise ValueError(f"ongeldige waarde {waarde!r}; toegestaan: true, false, onbekend")


def _getal(waarde: Any) -> Any:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        raise ValueError(f"moet een getal zijn (is {waarde!r})")
    return waarde


def _gemeenten(waarde: Any) -> Any:
    if isinstance(waarde, str) and waarde.strip():
        return [waarde.strip()]
    if isinstance(waarde, list) and waarde and all(isinstance(n, str) and n.strip() for n in waarde):
        return [n.strip() for n in waarde]
    raise ValueError("moet een naam of een niet-lege lijst met namen zijn")


Hh = Annotated[HhVorm, _keuze(HhVorm)]
JaNeeOnbekend = Annotated[JaNee, BeforeValidator(_ja_nee)]
Getal = Annotated[float, BeforeValidator(_getal), Field(ge=0)]


class Normering(StrictModel):
    """On which norms the volume of help rests."""

    bron: Annotated[NormBron, _keuze(NormBron)] = ONBEKEND
    onderbouwing: str | None = None
    t_o_v_ciz: Annotated[TovCiz, _keuze(TovCiz)] = ONBEKEND
    normtijden_min_per_week: dict[str, Getal] | None = None
    generieke_norm_uren_per_week: Annotated[float, BeforeValidator(_getal), Field(gt=0)] | None = None
    maatwerk_toeslagen: JaNeeOnbekend = ONBEKEND


class AlgemeneVoorziening(StrictModel):
    """The facts of an 'algemene voorziening' that replaces (part of) household help."""

    alleen_particuliere_markt_met_korting: JaNeeOnbekend = ONBEKEND
    financieel_laagdrempelig: JaNeeOnbekend = ONBEKEND
    maximum_uren_per_week: Getal | None = None


class Beleidsfeiten(StrictModel):
    """The policy facts without gemeente and peildatum (as in a gemeente configuration)."""

    hh1: Hh = ONBEKEND
    hh2: Hh = ONBEKEND
    indicatie: Annotated[IndicatieVorm, _keuze(IndicatieVorm)] = ONBEKEND
    omvang_bepaald_door: Annotated[OmvangDoor, _keuze(OmvangDoor)] = ONBEKEND
    beschikking_vermeldt: list[Annotated[BeschikkingOnderdeel, _keuze(BeschikkingOnderdeel)]] | None = None
    normering: Normering = Normering()
    inkomens_of_vermogenstoets: JaNeeOnbekend = ONBEKEND
    algemene_voorziening: AlgemeneVoorziening = AlgemeneVoorziening()
    pgb_weigering_bij_gecontracteerde_aanbieder: JaNeeOnbekend = ONBEKEND

    @field_validator("beschikking_vermeldt")
    @classmethod
    def _beschikking_alleen_bij_maatwerk(
        cls, waarde: list[str] | None, info: ValidationInfo
    ) -> list[str] | None:
        """A beschikking is only ever given for a maatwerkvoorziening (art. 2.3.5 Wmo 2015)."""
        vormen = (info.data.get("hh1"), info.data.get("hh2"))
        if waarde is not None and all(v in GEEN_MAATWERK for v in vormen):
            raise ValueError(
                "het beleid beschrijft wat de beschikking vermeldt, maar hh1 en hh2 zijn geen "
                "maatwerkvoorziening; een beschikking wordt alleen voor een maatwerkvoorziening gegeven"
            )
        return waarde


class Beleid(Beleidsfeiten):
    """One policy (of one gemeente or a samenwerkingsverband) on one peildatum."""

    gemeente: Annotated[list[str], BeforeValidator(_gemeenten)]
    peildatum: dt.date

    @property
    def naam(self) -> str:
        """The gemeente, or the gemeenten of a samenwerkingsverband joined with ' / '."""
        return " / ".join(self.gemeente)


def lees_beleid(tekst: str, bestand: str | None = None) -> Beleid:
    """Parse and validate policy YAML text (e.g. from an upload)."""
    data, regels = lees_yaml(tekst, bestand)
    if data is None:
        raise Regelfout([Melding("bestand is leeg", bestand)])
    if not isinstance(data, dict):
        raise Regelfout([Melding("verwacht een tabel (sleutel: waarde) met de beleidsfeiten", bestand, 1)])
    return valideer(Beleid, data, bestand, regels)


def laad_beleid(pad: Path | str) -> Beleid:
    """Read and validate one policy file."""
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as exc:
        raise Regelfout([Melding(f"kan bestand niet lezen: {exc.strerror}", str(pad))]) from None
    return lees_beleid(tekst, str(pad))
