"""Response schemas of the API (JSON properties in lowerCamelCase; dates ``format: date``)."""

# ruff: noqa: N815 (the API's JSON is lowerCamelCase)
from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from maatwerk.apps.berichten.models import Berichtstatus, Richting
from maatwerk.apps.cases.models import Kanaal, SoortMelding, Status

StatusWaarde = Literal[tuple(str(s) for s in Status.values)]  # type: ignore[valid-type]
KanaalWaarde = Literal[tuple(str(s) for s in Kanaal.values)]  # type: ignore[valid-type]
SoortWaarde = Literal[tuple(str(s) for s in SoortMelding.values)]  # type: ignore[valid-type]
RichtingWaarde = Literal[tuple(str(s) for s in Richting.values)]  # type: ignore[valid-type]
BerichtstatusWaarde = Literal[tuple(str(s) for s in Berichtstatus.values)]  # type: ignore[valid-type]


class Aanbieder(Schema):
    """De zorgaanbieder."""

    naam: str
    agbCode: str | None = Field(None, description="AGB-code (8 cijfers), als die bekend is.")


class Statuswijziging(Schema):
    van: StatusWaarde | None
    naar: StatusWaarde
    tijdstip: dt.datetime
    toelichting: str


class Termijn(Schema):
    """Een wettelijke of beleidstermijn van de zaak, met opschorting en Algemene termijnenwet."""

    id: str
    naam: str
    start: dt.date
    uiterlijk: dt.date = Field(description="De getelde laatste dag.")
    laatsteDag: dt.date = Field(description="De laatste dag na de Algemene termijnenwet (waar die geldt).")
    opgeschorteDagen: int
    gehaaldOp: dt.date | None
    stand: Literal["gehaald", "te_laat", "opgeschort", "verlopen", "binnenkort", "open"]


class Clientgegevens(Schema):
    """Persoonsgegevens van de cliënt (het lezen ervan staat in het auditlog)."""

    bsn: str | None
    naam: str
    geboortedatum: dt.date | None
    adres: str


class ZaakSamenvatting(Schema):
    uuid: uuid.UUID
    url: str
    status: StatusWaarde
    statusOmschrijving: str
    soortMelding: SoortWaarde
    kanaal: KanaalWaarde
    melddatum: dt.date
    spoed: bool
    aanbieder: Aanbieder | None


class Zaak(ZaakSamenvatting):
    statusUitleg: str = Field(description="De status in gewone woorden, voor de inwoner.")
    aanvraagdatum: dt.date | None
    besluitdatum: dt.date | None
    client: Clientgegevens
    statusgeschiedenis: list[Statuswijziging]
    termijnen: list[Termijn]


class Lijst(Schema):
    aantal: int = Field(description="Aantal resultaten over alle pagina's.")
    pagina: int
    paginaGrootte: int


class Zakenlijst(Lijst):
    resultaten: list[ZaakSamenvatting]


class VastgelegdeIndicatie(Schema):
    """De indicatie zoals vastgelegd bij het onderzoek: nooit herberekend."""

    kader: str
    kaderVersie: str
    regelbestandSha256: str
    urenPerWeek: float | None
    vastgelegdOp: dt.datetime
    situatie: dict[str, Any]
    resultaat: dict[str, Any] = Field(description="De uitkomst van de rekenregels, met de uitleg per stap.")


class Onderzoek(Schema):
    uuid: uuid.UUID
    url: str
    zaak: uuid.UUID
    gespreksdatum: dt.date | None
    verslagGedeeldOp: dt.datetime | None
    afgerondOp: dt.datetime | None
    indicatie: VastgelegdeIndicatie | None


class Onderzoekenlijst(Lijst):
    resultaten: list[Onderzoek]


class Beschikking(Schema):
    uuid: uuid.UUID
    url: str
    pdf: str = Field(description="URL van de brief als PDF.")
    zaak: uuid.UUID
    kenmerk: str
    versie: int
    besluit: Literal["toegekend", "afgewezen"]
    ingangsdatum: dt.date | None
    einddatum: dt.date | None
    leveringsvorm: Literal["ZIN", "PGB", ""]
    aanbieder: Aanbieder | None
    minutenPerWeek: int
    normenkader: str
    normenkaderVersie: str
    inhoudshash: str = Field(description="SHA-256 over HTML en PDF van de brief.")
    afgegevenOp: dt.datetime
    vervangen: bool = Field(description="Er is een correctie (nieuwere versie) van deze beschikking.")


class Beschikkingenlijst(Lijst):
    resultaten: list[Beschikking]


class Toewijzing(Schema):
    """De opdracht aan de aanbieder (iWmo WMO301-gegevens) en de stand van de levering."""

    uuid: uuid.UUID
    url: str
    zaak: uuid.UUID
    beschikking: uuid.UUID
    aanbieder: Aanbieder
    productcategorie: str
    productcode: str
    volume: int
    eenheid: str
    frequentie: str
    ingangsdatum: dt.date
    einddatum: dt.date | None
    toegewezenOp: dt.datetime
    leveringGestartOp: dt.date | None
    leveringGestoptOp: dt.date | None
    eindeRecht: dt.date | None
    stand: str


class Toewijzingenlijst(Lijst):
    resultaten: list[Toewijzing]


class Bericht(Schema):
    """Een iWmo-bericht (ontvangen of verzonden): de gegevens, niet de XML zelf."""

    uuid: uuid.UUID
    url: str
    richting: RichtingWaarde = Field(description="in: ontvangen van de aanbieder; uit: verzonden.")
    berichttype: str = Field(description="Het iWmo-berichttype, bijvoorbeeld WMO301 of WMO323.")
    identificatie: str = Field(description="De identificatie van het bericht bij de afzender.")
    dagtekening: dt.date
    afzender: str = Field(description="Gemeentecode of AGB-code van de afzender.")
    ontvanger: str = Field(description="Gemeentecode of AGB-code van de ontvanger.")
    aanbieder: Aanbieder | None
    zaken: list[uuid.UUID] = Field(description="De zaken waar het bericht over gaat.")
    status: BerichtstatusWaarde
    statusOmschrijving: str
    retourcodes: list[dict[str, Any]] = Field(description="De retourcodes per berichtklasse.")
    kenmerk: str = Field(description="Het declaratienummer (bij een declaratie), anders leeg.")
    heen: uuid.UUID | None = Field(description="Het bericht waarop dit het antwoord (retour) is.")
    tijdstip: dt.datetime = Field(description="Ontvangen of verzonden op.")
    uiterlijkAntwoord: dt.date | None = Field(description="Het antwoord moet uiterlijk deze dag binnen zijn.")
    beantwoordOp: dt.datetime | None


class Berichtenlijst(Lijst):
    resultaten: list[Bericht]


class Berekening(Schema):
    """Een uitgelegde indicatie, berekend uit de situatie; er is niets opgeslagen."""

    kader: str
    kaderVersie: str
    peildatum: dt.date
    urenPerWeek: float
    indicatie: dict[str, Any] = Field(description="De volledige uitkomst met de uitleg per rekenstap.")


def _iso_datum(waarde: Any) -> Any:
    """Only a date or a JSON string JJJJ-MM-DD is a date (pydantic would also take 0 as 1970-01-01)."""
    if isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime):
        return waarde
    if isinstance(waarde, str) and _ISO.fullmatch(waarde):
        return waarde
    raise PydanticCustomError("date_parsing", "geen datum JJJJ-MM-DD")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")

#: A date field of the API's input: format date, only JJJJ-MM-DD.
Datum = Annotated[dt.date, BeforeValidator(_iso_datum)]
