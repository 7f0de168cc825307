"""The client's situation as the consulent records it at the keukentafel (input of the engine).

A :class:`Situatie` is validated strictly: unknown keys, impossible dates, negative room counts, a
geboortedatum after the peildatum and a household member without ``rol`` are all Dutch errors that
name the field. Nothing is computed on invalid input.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_serializer, model_validator
from pydantic_core import PydanticCustomError

from maatwerk.regels.laden import Melding, Regelfout, StrictModel, lees_yaml, valideer
from maatwerk.regeltaal.waarden import ja_nee

Niveau = Literal["zelf", "deels", "niet"]
"""How far the client can do an activity: ``zelf`` (alone), ``deels`` (partly), ``niet`` (not at all)."""

Rol = Literal["partner", "kind", "huisgenoot"]
Meedoen = Literal["volledig", "deels", "niet"]

CATEGORIEEN: tuple[str, ...] = (
    "licht_huishoudelijk_werk",
    "zwaar_huishoudelijk_werk",
    "wasverzorging",
    "boodschappen",
    "maaltijden",
    "regie_huishouden",
    "verzorging_kinderen",
)
"""The task categories a limitation, a netwerk contribution or a kader activity refers to."""

Categorie = Literal[
    "licht_huishoudelijk_werk",
    "zwaar_huishoudelijk_werk",
    "wasverzorging",
    "boodschappen",
    "maaltijden",
    "regie_huishouden",
    "verzorging_kinderen",
]

OMSTANDIGHEDEN: tuple[str, ...] = (
    "copd_astma_allergie",
    "incontinentie",
    "rolstoel_binnenshuis",
    "bedlegerig",
    "overmatige_transpiratie",
    "slechtziend_blind",
    "stoma",
    "dementie_overzicht_kwijt",
    "verzamelen",
    "overbelaste_mantelzorger",
    "huisdieren",
    "specialist_extra_schoonmaak",
)

AlgemeneVoorziening = Literal[
    "was_en_strijkservice",
    "maaltijdvoorziening",
    "boodschappendienst",
    "huishoudelijke_hulp_toelage",
]

VOORZIENING_NAMEN: dict[str, str] = {
    "was_en_strijkservice": "was- en strijkservice",
    "maaltijdvoorziening": "maaltijdvoorziening",
    "boodschappendienst": "boodschappendienst",
    "huishoudelijke_hulp_toelage": "huishoudelijke hulp toelage (HHT)",
}


class Client(StrictModel):
    """The person asking for support. Only what the indication needs: no name, no BSN."""

    geboortedatum: dt.date


class Huisgenoot(StrictModel):
    """A member of the client's household (not the client)."""

    rol: Rol
    geboortedatum: dt.date
    kan_meedoen: Meedoen = "volledig"
    toelichting: str | None = None


class Woning(StrictModel):
    type: Literal["appartement", "eengezinswoning", "aanleunwoning", "kamer", "overig"] = "appartement"
    kamers_in_gebruik: int = Field(default=3, ge=0, le=30)
    kamers_niet_in_gebruik: int = Field(default=0, ge=0, le=30)
    trap: bool = False


class Beperkingen(StrictModel):
    """Per task category: can the client do it ``zelf``, ``deels`` or ``niet``."""

    licht_huishoudelijk_werk: Niveau = "zelf"
    zwaar_huishoudelijk_werk: Niveau = "zelf"
    wasverzorging: Niveau = "zelf"
    boodschappen: Niveau = "zelf"
    maaltijden: Niveau = "zelf"
    regie_huishouden: Niveau = "zelf"
    verzorging_kinderen: Niveau = "zelf"


class Omstandigheden(StrictModel):
    """Circumstances that may call for extra time (or, for some kaders, none)."""

    copd_astma_allergie: bool = False
    incontinentie: bool = False
    rolstoel_binnenshuis: bool = False
    bedlegerig: bool = False
    overmatige_transpiratie: bool = False
    slechtziend_blind: bool = False
    stoma: bool = False
    dementie_overzicht_kwijt: bool = False
    verzamelen: bool = False
    overbelaste_mantelzorger: bool = False
    huisdieren: bool = False
    specialist_extra_schoonmaak: bool = False


class NetwerkHulp(StrictModel):
    """Someone outside the household who actually does a task now (eigen kracht / netwerk).

    Give ``minuten_per_week``, or how often (``keer_per_week``) and how long (``minuten_per_keer``).
    """

    wie: str = Field(min_length=1)
    taak: Categorie
    minuten_per_week: float = Field(gt=0, le=10080)
    keer_per_week: float | None = Field(default=None, gt=0, le=100)
    minuten_per_keer: float | None = Field(default=None, gt=0, le=1440)

    @model_validator(mode="before")
    @classmethod
    def _uit_frequentie(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("minuten_per_week") is None:
            keer, duur = data.get("keer_per_week"), data.get("minuten_per_keer")
            if isinstance(keer, int | float) and isinstance(duur, int | float) and keer > 0 and duur > 0:
                return {**data, "minuten_per_week": keer * duur}
        return data

    @model_validator(mode="after")
    def _samenhang(self) -> NetwerkHulp:
        if (self.keer_per_week is None) != (self.minuten_per_keer is None):
            raise PydanticCustomError(
                "netwerk", "geef keer_per_week én minuten_per_keer, of alleen minuten_per_week"
            )
        if (
            self.keer_per_week is not None
            and self.minuten_per_keer is not None
            and abs(self.keer_per_week * self.minuten_per_keer - self.minuten_per_week) > 1e-6
        ):
            raise PydanticCustomError(
                "netwerk",
                "minuten_per_week ({mpw}) is niet keer_per_week x minuten_per_keer",
                {"mpw": self.minuten_per_week},
            )
        return self


class Zelfredzaamheid(StrictModel):
    """The consulent's score on the matrix's 5-point scale for one resultaatgebied, with motivation."""

    score: int = Field(ge=1, le=5)
    motivatie: str = Field(min_length=10)


class Afwijking(StrictModel):
    """Maatwerk: the consulent sets the minutes per week of one activity, or of one resultaatgebied
    (as courts award minutes per result area), only with a motivation."""

    activiteit: str | None = Field(default=None, min_length=1)
    resultaatgebied: str | None = Field(default=None, min_length=1)
    minuten_per_week: int = Field(ge=0, le=10080)
    motivatie: str = Field(min_length=10)

    @model_validator(mode="after")
    def _een_doel(self) -> Afwijking:
        if (self.activiteit is None) == (self.resultaatgebied is None):
            raise PydanticCustomError("afwijking", "geef óf 'activiteit' óf 'resultaatgebied'")
        return self


def _ja_nee_onbekend(waarde: Any) -> bool | None:
    """ja / nee / onbekend (also true/false, empty) for a consulent's decision (the shared parser)."""
    if isinstance(waarde, str) and waarde.strip().casefold() == "onbekend":
        return None
    return ja_nee(waarde)


JaNeeOnbekend = Annotated[bool | None, BeforeValidator(_ja_nee_onbekend)]


def _ja_nee_tekst(waarde: Any) -> Any:
    """ja/nee text through the shared parser (booleans pass; anything else gets its Dutch error)."""
    return ja_nee(waarde) if isinstance(waarde, str) else waarde


JaNee = Annotated[bool, BeforeValidator(_ja_nee_tekst)]


class VoorzieningGebruik(StrictModel):
    """An algemene voorziening for this client, with the consulent's decision (art. 2.3.5 lid 3 Wmo 2015).

    It replaces maatwerk only when it is ``passend`` for this client and ``financieel_toegankelijk`` for
    this client (both ``ja``); not assessed (``None``) never zeroes a maatwerk activity.
    """

    voorziening: AlgemeneVoorziening
    passend: JaNeeOnbekend = None
    financieel_toegankelijk: JaNeeOnbekend = None
    motivatie: str | None = None

    @property
    def vervangt_maatwerk(self) -> bool:
        return self.passend is True and self.financieel_toegankelijk is True


def _voorziening_vorm(waarde: Any) -> Any:
    """A bare name (the old form) is a voorziening in use whose suitability is not assessed."""
    return {"voorziening": waarde} if isinstance(waarde, str) else waarde


class Situatie(StrictModel):
    """Everything the engine needs to know about one client on one peildatum."""

    peildatum: dt.date
    gemeente: str = Field(min_length=1)
    client: Client
    huishouden: list[Huisgenoot] = Field(default_factory=list)
    woning: Woning = Field(default_factory=Woning)
    beperkingen: Beperkingen = Field(default_factory=Beperkingen)
    omstandigheden: Omstandigheden = Field(default_factory=Omstandigheden)
    netwerk: list[NetwerkHulp] = Field(default_factory=list)
    algemene_voorzieningen: list[Annotated[VoorzieningGebruik, BeforeValidator(_voorziening_vorm)]] = Field(
        default_factory=list
    )
    veel_eigen_kracht: JaNee = False
    zelfredzaamheid: dict[str, Zelfredzaamheid] = Field(default_factory=dict)
    afwijkingen: list[Afwijking] = Field(default_factory=list)
    toelichting: str | None = None

    @model_validator(mode="after")
    def _datums(self) -> Situatie:
        if self.client.geboortedatum > self.peildatum:
            raise PydanticCustomError(
                "datum_toekomst",
                "client.geboortedatum: {datum} ligt na de peildatum {peil}",
                {"datum": str(self.client.geboortedatum), "peil": str(self.peildatum)},
            )
        for i, lid in enumerate(self.huishouden):
            if lid.geboortedatum > self.peildatum:
                raise PydanticCustomError(
                    "datum_toekomst",
                    "huishouden.{i}.geboortedatum: {datum} ligt na de peildatum {peil}",
                    {"i": i, "datum": str(lid.geboortedatum), "peil": str(self.peildatum)},
                )
        gezien: set[tuple[str, str]] = set()
        for i, afw in enumerate(self.afwijkingen):
            soort = "activiteit" if afw.activiteit is not None else "resultaatgebied"
            doel = (soort, afw.activiteit or afw.resultaatgebied or "")
            if doel in gezien:
                raise PydanticCustomError(
                    "dubbel",
                    "afwijkingen.{i}.{soort}: '{a}' staat er twee keer in",
                    {"i": i, "soort": soort, "a": doel[1]},
                )
            gezien.add(doel)
        voorzieningen: set[str] = set()
        for i, v in enumerate(self.algemene_voorzieningen):
            if v.voorziening in voorzieningen:
                raise PydanticCustomError(
                    "dubbel",
                    "algemene_voorzieningen.{i}.voorziening: '{v}' staat er twee keer in",
                    {"i": i, "v": v.voorziening},
                )
            voorzieningen.add(v.voorziening)
        return self

    @field_serializer("algemene_voorzieningen")
    def _voorzieningen_compact(self, waarde: list[VoorzieningGebruik]) -> list[str | dict[str, Any]]:
        """A voorziening without a decision dumps as its bare name (the old form, which stored
        situations and the onderzoek form still read)."""
        return [
            v.voorziening
            if v.passend is None and v.financieel_toegankelijk is None and v.motivatie is None
            else v.model_dump()
            for v in waarde
        ]

    def voorziening(self, naam: str) -> VoorzieningGebruik | None:
        """The client's record of algemene voorziening ``naam`` (None when not listed)."""
        return next((v for v in self.algemene_voorzieningen if v.voorziening == naam), None)


Regels = dict[tuple[str | int, ...], int]
"""Line number per key path of a YAML text (from :func:`~maatwerk.regels.laden.lees_yaml`)."""

_PAD = re.compile(r"^[A-Za-z_][\w]*(?:\.[\w]+)*$")


def verfijn(fout: Regelfout, regels: Regels) -> Regelfout:
    """Move a key path written at the start of a message (``"a.0.b: tekst"``) into the Melding's key.

    Model validators that check several fields report the exact field this way; the line number is
    then looked up again so the error names file, line and key.
    """
    nieuw = []
    for m in fout.meldingen:
        kop, _, rest = m.tekst.partition(": ")
        if rest and _PAD.match(kop):
            sleutel = f"{m.sleutel}.{kop}" if m.sleutel else kop
            pad = tuple(int(p) if p.isdigit() else p for p in sleutel.split("."))
            regel = m.regel
            for n in range(len(pad), 0, -1):
                if pad[:n] in regels:
                    regel = regels[pad[:n]]
                    break
            m = Melding(rest, m.bestand, regel, sleutel)
        nieuw.append(m)
    return Regelfout(nieuw)


def situatie_uit_data(
    data: Any, bestand: str | None = None, regels: Regels | None = None, peildatum: dt.date | None = None
) -> Situatie:
    """Validate a dict (from YAML/JSON) into a :class:`Situatie`; ``peildatum`` overrides the file."""
    regels = regels or {}
    if not isinstance(data, dict):
        raise Regelfout([Melding("een situatie moet een tabel (sleutel: waarde) zijn", bestand)])
    if peildatum is not None:
        data = {**data, "peildatum": peildatum.isoformat()}
    try:
        return valideer(Situatie, data, bestand, regels)
    except Regelfout as fout:
        raise verfijn(fout, regels) from None


def laad_situatie(bron: Path | str | dict[str, Any], peildatum: dt.date | None = None) -> Situatie:
    """Load a situation from a YAML or JSON file (or a dict) with Dutch errors naming file, line, key."""
    if isinstance(bron, dict):
        return situatie_uit_data(bron, peildatum=peildatum)
    pad = Path(bron)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as exc:
        raise Regelfout([Melding(f"kan bestand niet lezen: {exc.strerror}", str(pad))]) from None
    if pad.suffix.lower() == ".json":
        try:
            data = json.loads(tekst)
        except json.JSONDecodeError as exc:
            raise Regelfout([Melding(f"geen geldige JSON: {exc.msg}", str(pad), exc.lineno)]) from None
        regels: Regels = {}
    else:
        data, regels = lees_yaml(tekst, str(pad))
    if data is None:
        raise Regelfout([Melding("bestand is leeg", str(pad))])
    return situatie_uit_data(data, str(pad), regels, peildatum)
