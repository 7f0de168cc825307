"""Map a toewijzing to an iWmo 3.2 WMO301 message (toewijzing Wmo-ondersteuning) and validate it.

Pure Python (no Django): the Django models build the dataclasses below, :func:`maak_wmo301` turns them
into XML bytes, :func:`valideer_wmo301` checks them against the packaged ``xsd/WMO301.xsd``. Exchange
(sending, WMO302 retour) is a later issue; the mapping is complete for one client and one aanbieder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

import xmlschema
from lxml import etree

from maatwerk.iwmo.berichten import XSD
from maatwerk.iwmo.codes import Lijstnaam, codelijst

XSD_MAP = XSD / "officieel"  # the official iWmo 3.2 XSDs (maatwerk/iwmo/xsd/officieel)
NS_WMO301 = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"
NS_IWMO = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
BERICHTCODE = "414"  # COD002 Vektis: WMO301 = 414 (shared/iwmo/SOURCE.md)
BERICHT_VERSIE, BERICHT_SUBVERSIE, XSD_VERSIE = "3", "2", "1.0.0"

# Dutch surname prefixes (voorvoegsels), longest first, so "van der Berg" splits as ("van der", "Berg").
_VOORVOEGSELS = sorted(
    [
        "van",
        "de",
        "der",
        "den",
        "van de",
        "van der",
        "van den",
        "van het",
        "van 't",
        "in 't",
        "in de",
        "in het",
        "op de",
        "op den",
        "op 't",
        "ter",
        "ten",
        "te",
        "het",
        "'t",
        "la",
        "le",
        "du",
        "d'",
        "da",
        "di",
        "von",
        "uit de",
        "uit den",
        "aan de",
        "aan het",
        "bij de",
        "onder de",
        "over de",
        "vande",
        "vd",
    ],
    key=len,
    reverse=True,
)


class Iwmofout(ValueError):
    """The toewijzing cannot be expressed as a valid WMO301; ``meldingen`` names each field (Dutch)."""

    def __init__(self, meldingen: list[str]):
        self.meldingen = meldingen
        super().__init__("; ".join(meldingen))


@dataclass(frozen=True)
class IwmoClient:
    """Client data the WMO301 needs (BRP address as contact)."""

    bsn: str
    geboortedatum: dt.date
    achternaam: str
    voornamen: str = ""
    tussenvoegsel: str = ""
    geslacht: str = "0"
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    woonplaats: str = ""
    telefoon: str = ""


@dataclass(frozen=True)
class IwmoProduct:
    """One ToegewezenProduct: what, how much, from when to when."""

    toewijzingnummer: int
    categorie: str
    code: str | None
    volume: int
    eenheid: str
    frequentie: str
    ingangsdatum: dt.date
    einddatum: dt.date | None
    toewijzingsmoment: dt.datetime
    referentie_aanbieder: str | None = None
    reden_wijziging: str | None = None
    commentaar: str | None = None


@dataclass(frozen=True)
class Wmo301Bericht:
    """A complete WMO301: sender gemeente, receiving aanbieder (AGB), client and assigned products."""

    gemeentecode: str
    agb_code: str
    identificatie: str
    dagtekening: dt.date
    client: IwmoClient
    producten: tuple[IwmoProduct, ...] = field(default_factory=tuple)


def splits_achternaam(achternaam: str) -> tuple[str | None, str]:
    """Split ``"van der Berg"`` into ``("van der", "Berg")``; no prefix gives ``(None, name)``."""
    naam = " ".join(achternaam.split())
    laag = naam.lower()
    for voorvoegsel in _VOORVOEGSELS:
        if laag.startswith(voorvoegsel + " ") and len(naam) > len(voorvoegsel) + 1:
            return naam[: len(voorvoegsel)], naam[len(voorvoegsel) + 1 :]
    return None, naam


def splits_huisnummer(huisnummer: str) -> tuple[int, str | None, str | None]:
    """``"12"`` -> (12, None, None); ``"12a"`` -> (12, "a", None); ``"12-bis"`` -> (12, None, "bis")."""
    m = re.fullmatch(r"\s*(\d{1,5})\s*([A-Za-z])?\s*[-/ ]?\s*([A-Za-z0-9]{1,4})?\s*", huisnummer or "")
    if not m:
        raise Iwmofout(
            [f"huisnummer: {huisnummer!r} is geen huisnummer (verwacht bijvoorbeeld 12, 12a of 12-2)"]
        )
    nummer, letter, toevoeging = m.groups()
    return int(nummer), letter, toevoeging


def voorletters(voornamen: str) -> str | None:
    letters = "".join(d[0] for d in voornamen.split() if d[0].isalpha())[:6]
    return letters or None


def _controleer(bericht: Wmo301Bericht) -> None:
    fouten: list[str] = []
    if not re.fullmatch(r"[0-9]{4}", bericht.gemeentecode):
        fouten.append(f"gemeentecode: {bericht.gemeentecode!r} moet 4 cijfers zijn (CBS-gemeentecode)")
    if not re.fullmatch(r"[0-9]{8}", bericht.agb_code or ""):
        fouten.append(
            f"agb_code: aanbieder heeft geen geldige AGB-code ({bericht.agb_code!r}; verwacht 8 cijfers)"
        )
    if not 1 <= len(bericht.identificatie.strip()) <= 12:
        fouten.append("identificatie: berichtidentificatie moet 1 tot 12 tekens zijn")
    if not re.fullmatch(r"[0-9]{9}", bericht.client.bsn or ""):
        fouten.append("bsn: moet 9 cijfers zijn")
    if not bericht.client.achternaam.strip():
        fouten.append("achternaam: ontbreekt")
    if not bericht.producten:
        fouten.append("producten: een toewijzing bevat minstens één product")
    dagtekening = bericht.dagtekening

    def code_in(lijst: Lijstnaam, code: str | None, veld: str) -> None:
        if code is not None and code not in codelijst(lijst, dagtekening).codes:
            fouten.append(f"{veld}: onbekende code {code!r} (codelijst {codelijst(lijst, dagtekening).id})")

    code_in("geslacht", bericht.client.geslacht, "geslacht")
    for i, p in enumerate(bericht.producten, start=1):
        code_in("productcategorie", p.categorie, f"product {i}: categorie")
        code_in("eenheid", p.eenheid, f"product {i}: eenheid")
        code_in("frequentie", p.frequentie, f"product {i}: frequentie")
        code_in("reden_wijziging", p.reden_wijziging, f"product {i}: reden_wijziging")
        if not 0 <= p.toewijzingnummer <= 999_999_999:
            fouten.append(f"product {i}: toewijzingnummer moet tussen 0 en 999999999 liggen")
        if not 0 <= p.volume <= 99_999_999:
            fouten.append(f"product {i}: volume moet tussen 0 en 99999999 liggen (is {p.volume})")
        if p.einddatum is not None and p.einddatum < p.ingangsdatum:
            fouten.append(f"product {i}: einddatum ligt vóór de ingangsdatum")
        if p.code is not None and not 1 <= len(p.code) <= 5:
            fouten.append(f"product {i}: productcode moet 1 tot 5 tekens zijn")
    if fouten:
        raise Iwmofout(fouten)


def _el(ouder: etree._Element, ns: str, naam: str, tekst: object | None = None) -> etree._Element:
    el = etree.SubElement(ouder, f"{{{ns}}}{naam}")
    if tekst is not None:
        el.text = str(tekst)
    return el


def _w(ouder: etree._Element, naam: str, tekst: object | None = None) -> etree._Element:
    return _el(ouder, NS_WMO301, naam, tekst)


def _i(ouder: etree._Element, naam: str, tekst: object | None = None) -> etree._Element:
    return _el(ouder, NS_IWMO, naam, tekst)


def maak_wmo301(bericht: Wmo301Bericht) -> bytes:
    """Build the WMO301 XML (UTF-8 bytes); :class:`Iwmofout` with Dutch messages on bad input."""
    _controleer(bericht)
    root = etree.Element(f"{{{NS_WMO301}}}Bericht", nsmap={"wmo301": NS_WMO301, "iwmo": NS_IWMO})
    header = _w(root, "Header")
    _w(header, "BerichtCode", BERICHTCODE)
    _w(header, "BerichtVersie", BERICHT_VERSIE)
    _w(header, "BerichtSubversie", BERICHT_SUBVERSIE)
    _w(header, "Afzender", bericht.gemeentecode)
    _w(header, "Ontvanger", bericht.agb_code)
    ident = _w(header, "BerichtIdentificatie")
    _i(ident, "Identificatie", bericht.identificatie.strip())
    _i(ident, "Dagtekening", bericht.dagtekening.isoformat())
    xsd = _w(header, "XsdVersie")
    _i(xsd, "BasisschemaXsdVersie", XSD_VERSIE)
    _i(xsd, "BerichtXsdVersie", XSD_VERSIE)

    c = bericht.client
    client = _w(root, "Client")
    _w(client, "Bsn", c.bsn)
    _i(_w(client, "Geboortedatum"), "Datum", c.geboortedatum.isoformat())
    _w(client, "Geslacht", c.geslacht)
    naam = _w(client, "Naam")
    if c.tussenvoegsel.strip():
        voorvoegsel, achternaam = " ".join(c.tussenvoegsel.split()), " ".join(c.achternaam.split())
    else:
        voorvoegsel, achternaam = splits_achternaam(c.achternaam)
    geslachtsnaam = _i(naam, "Geslachtsnaam")
    _i(geslachtsnaam, "Achternaam", achternaam[:200])
    if voorvoegsel:
        _i(geslachtsnaam, "Voorvoegsel", voorvoegsel[:10])
    if c.voornamen.strip():
        _i(naam, "Voornamen", " ".join(c.voornamen.split())[:200])
    if letters := voorletters(c.voornamen):
        _i(naam, "Voorletters", letters)
    _i(naam, "NaamGebruik", "1")

    contact = _w(_w(client, "Contactgegevens"), "Contact")
    _w(contact, "Soort", "01")  # COD757: BRP-adres
    if c.huisnummer or c.postcode or c.straat or c.woonplaats:
        adres = _w(contact, "Adres")
        if c.huisnummer:
            nummer, letter, toevoeging = splits_huisnummer(c.huisnummer)
            huis = _i(adres, "Huis")
            _i(huis, "Huisnummer", nummer)
            if letter:
                _i(huis, "Huisletter", letter)
            if toevoeging:
                _i(huis, "HuisnummerToevoeging", toevoeging)
        if c.postcode.strip():
            _i(adres, "Postcode", c.postcode.replace(" ", "").upper()[:8])
        if c.straat.strip():
            # BRP straatnaam is at most 24 characters (LDT_Straatnaam); longer names are the BRP abbreviation.
            _i(adres, "Straatnaam", c.straat.strip()[:24])
        if c.woonplaats.strip():
            _i(adres, "Plaatsnaam", c.woonplaats.strip()[:80])
        _i(adres, "LandCode", "NL")
    telefoon = re.sub(r"\D", "", c.telefoon or "")
    if telefoon:
        tel = _i(_w(contact, "Telefoon"), "Telefoon01")
        _i(tel, "Telefoonnummer", telefoon[:15])
        _i(tel, "Landnummer", "0031")

    producten = _w(client, "ToegewezenProducten")
    for p in bericht.producten:
        tp = _w(producten, "ToegewezenProduct")
        _w(tp, "ToewijzingNummer", p.toewijzingnummer)
        if p.referentie_aanbieder:
            _w(tp, "ReferentieAanbieder", p.referentie_aanbieder[:36])
        product = _w(tp, "Product")
        _i(product, "Categorie", p.categorie)
        if p.code:
            _i(product, "Code", p.code)
        _w(tp, "Toewijzingsdatum", p.toewijzingsmoment.date().isoformat())
        _w(tp, "Toewijzingstijd", p.toewijzingsmoment.time().replace(microsecond=0, tzinfo=None).isoformat())
        _w(tp, "Ingangsdatum", p.ingangsdatum.isoformat())
        if p.einddatum:
            _w(tp, "Einddatum", p.einddatum.isoformat())
        if p.reden_wijziging:
            _w(tp, "RedenWijziging", p.reden_wijziging)
        omvang = _w(tp, "Omvang")
        _i(omvang, "Volume", p.volume)
        _i(omvang, "Eenheid", p.eenheid)
        _i(omvang, "Frequentie", p.frequentie)
        if p.commentaar and p.commentaar.strip():
            _w(tp, "Commentaar", " ".join(p.commentaar.split()))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@cache
def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD_MAP / "WMO301.xsd"))


def valideer_wmo301(xml: bytes | str) -> None:
    """Validate against the packaged WMO301.xsd; :class:`Iwmofout` lists every schema error."""
    fouten = [f"{fout.path}: {fout.reason}" for fout in _schema().iter_errors(xml)]
    if fouten:
        raise Iwmofout(fouten)
