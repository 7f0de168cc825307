"""Build the heen-berichten the exchange sends: WMO319 (gemeente) and WMO305/307/323 (aanbieder).

Each builder returns UTF-8 XML that is validated against the official iWmo 3.2 XSD before it is
returned (:class:`OngeldigBericht` otherwise). The WMO301 is built by ``maatwerk.apps.levering``; the
retour messages by :mod:`maatwerk.iwmo.retour`. Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from maatwerk.iwmo.berichten import BERICHT_SUBVERSIE, BERICHT_VERSIE, BERICHTTYPEN, NS_BASIS, XSD_VERSIE
from maatwerk.iwmo.lezen import schema


class OngeldigBericht(ValueError):
    """A built message does not satisfy its XSD (a programming error; the text lists the errors)."""


class _Bouwer:
    def __init__(self, bericht: str, afzender: str, ontvanger: str, identificatie: str, dagtekening: dt.date):
        self.bericht = bericht
        self.ns = BERICHTTYPEN[bericht].namespace
        self.root = etree.Element(f"{{{self.ns}}}Bericht", nsmap={bericht.lower(): self.ns, "iwmo": NS_BASIS})
        kop = self.el(self.root, "Header")
        self.el(kop, "BerichtCode", BERICHTTYPEN[bericht].code)
        self.el(kop, "BerichtVersie", BERICHT_VERSIE)
        self.el(kop, "BerichtSubversie", BERICHT_SUBVERSIE)
        self.el(kop, "Afzender", afzender)
        self.el(kop, "Ontvanger", ontvanger)
        ident = self.el(kop, "BerichtIdentificatie")
        self.basis(ident, "Identificatie", identificatie)
        self.basis(ident, "Dagtekening", dagtekening.isoformat())
        versie = self.el(kop, "XsdVersie")
        self.basis(versie, "BasisschemaXsdVersie", XSD_VERSIE)
        self.basis(versie, "BerichtXsdVersie", XSD_VERSIE)

    def el(self, ouder: etree._Element, naam: str, tekst: object | None = None) -> etree._Element:
        el = etree.SubElement(ouder, f"{{{self.ns}}}{naam}")
        if tekst is not None:
            el.text = str(tekst)
        return el

    def basis(self, ouder: etree._Element, naam: str, tekst: object | None = None) -> etree._Element:
        el = etree.SubElement(ouder, f"{{{NS_BASIS}}}{naam}")
        if tekst is not None:
            el.text = str(tekst)
        return el

    def klaar(self) -> bytes:
        xml: bytes = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        validator = schema(self.bericht)
        if not validator.validate(etree.fromstring(xml)):
            raise OngeldigBericht(f"{self.bericht} voldoet niet aan het XSD: {validator.error_log}")
        return xml


def wmo319(
    gemeentecode: str,
    agb: str,
    identificatie: str,
    dagtekening: dt.date,
    referentie_aanbieder: str,
    antwoord: str,
    reden_afwijzing: str | None = None,
) -> bytes:
    """Antwoord op een verzoek: ``antwoord`` 1 afgewezen (with a WJ759 reason) or 2 in onderzoek (WJ760)."""
    b = _Bouwer("WMO319", gemeentecode, agb, identificatie, dagtekening)
    a = b.el(b.root, "Antwoord")
    b.el(a, "ReferentieAanbieder", referentie_aanbieder)
    b.el(a, "VerzoekAntwoord", antwoord)
    if reden_afwijzing:
        b.el(a, "RedenAfwijzingVerzoek", reden_afwijzing)
    return b.klaar()


@dataclass(frozen=True)
class Clientgegevens:
    """The client as the aanbieder received it in the WMO301 (Bsn, birth date, sex, name)."""

    bsn: str
    geboortedatum: str
    geslacht: str
    achternaam: str
    voorvoegsel: str | None = None
    voorletters: str | None = None

    @classmethod
    def uit_velden(cls, velden: Mapping[str, str]) -> Clientgegevens:
        return cls(
            bsn=velden["Bsn"],
            geboortedatum=velden["Geboortedatum/Datum"],
            geslacht=velden.get("Geslacht") or "0",
            achternaam=velden["Naam/Geslachtsnaam/Achternaam"],
            voorvoegsel=velden.get("Naam/Geslachtsnaam/Voorvoegsel"),
            voorletters=velden.get("Naam/Voorletters"),
        )


def _client(b: _Bouwer, ouder: etree._Element, c: Clientgegevens) -> etree._Element:
    el = b.el(ouder, "Client")
    b.el(el, "Bsn", c.bsn)
    b.basis(b.el(el, "Geboortedatum"), "Datum", c.geboortedatum)
    b.el(el, "Geslacht", c.geslacht)
    naam = b.el(el, "Naam")
    geslachtsnaam = b.basis(naam, "Geslachtsnaam")
    b.basis(geslachtsnaam, "Achternaam", c.achternaam)
    if c.voorvoegsel:
        b.basis(geslachtsnaam, "Voorvoegsel", c.voorvoegsel)
    if c.voorletters:
        b.basis(naam, "Voorletters", c.voorletters)
    return el


@dataclass(frozen=True)
class Levering:
    """One StartProduct or StopProduct: the toewijzing it concerns and the dates of delivery."""

    toewijzingnummer: int
    categorie: str
    code: str | None
    toewijzing_ingangsdatum: dt.date
    begindatum: dt.date
    einddatum: dt.date | None = None
    reden_beeindiging: str | None = None
    status_aanlevering: str = "1"


def _product(b: _Bouwer, ouder: etree._Element, categorie: str, code: str | None) -> None:
    product = b.el(ouder, "Product")
    b.basis(product, "Categorie", categorie)
    if code:
        b.basis(product, "Code", code)


def wmo305(
    agb: str,
    gemeentecode: str,
    identificatie: str,
    dagtekening: dt.date,
    client: Clientgegevens,
    starts: Sequence[Levering],
) -> bytes:
    """Start levering for one client (one StartProduct per toewijzing)."""
    b = _Bouwer("WMO305", agb, gemeentecode, identificatie, dagtekening)
    producten = b.el(_client(b, b.root, client), "StartProducten")
    for s in starts:
        p = b.el(producten, "StartProduct")
        b.el(p, "ToewijzingNummer", s.toewijzingnummer)
        _product(b, p, s.categorie, s.code)
        b.el(p, "ToewijzingIngangsdatum", s.toewijzing_ingangsdatum.isoformat())
        b.el(p, "Begindatum", s.begindatum.isoformat())
        b.el(p, "StatusAanlevering", s.status_aanlevering)
    return b.klaar()


def wmo307(
    agb: str,
    gemeentecode: str,
    identificatie: str,
    dagtekening: dt.date,
    client: Clientgegevens,
    stops: Sequence[Levering],
) -> bytes:
    """Stop levering for one client (reason WMO588; 20 is a temporary stop)."""
    b = _Bouwer("WMO307", agb, gemeentecode, identificatie, dagtekening)
    producten = b.el(_client(b, b.root, client), "StopProducten")
    for s in stops:
        p = b.el(producten, "StopProduct")
        b.el(p, "ToewijzingNummer", s.toewijzingnummer)
        _product(b, p, s.categorie, s.code)
        b.el(p, "ToewijzingIngangsdatum", s.toewijzing_ingangsdatum.isoformat())
        b.el(p, "Begindatum", s.begindatum.isoformat())
        b.el(p, "RedenBeeindiging", s.reden_beeindiging or "19")
        b.el(p, "Einddatum", (s.einddatum or s.begindatum).isoformat())
        b.el(p, "StatusAanlevering", s.status_aanlevering)
    return b.klaar()


@dataclass(frozen=True)
class Gedeclareerd:
    """One Prestatie of a WMO323 (amounts in cents)."""

    referentienummer: str
    bsn: str
    toewijzingnummer: int
    categorie: str
    code: str | None
    begindatum: dt.date
    einddatum: dt.date
    volume: int
    eenheid: str
    tarief: int
    debet: bool = True
    vorig_referentienummer: str | None = None

    @property
    def bedrag(self) -> int:
        return self.volume * self.tarief


def wmo323(
    agb: str,
    gemeentecode: str,
    identificatie: str,
    dagtekening: dt.date,
    declaratienummer: str,
    periode: tuple[dt.date, dt.date],
    prestaties: Sequence[Gedeclareerd],
) -> bytes:
    """A declaratie over ``periode`` with ``prestaties`` grouped per client (TotaalIngediendBedrag summed)."""
    b = _Bouwer("WMO323", agb, gemeentecode, identificatie, dagtekening)
    d = b.el(b.root, "Declaratie")
    b.el(d, "DeclaratieNummer", declaratienummer)
    p_el = b.el(d, "DeclaratiePeriode")
    b.basis(p_el, "Begindatum", periode[0].isoformat())
    b.basis(p_el, "Einddatum", periode[1].isoformat())
    b.el(d, "DeclaratieDagtekening", dagtekening.isoformat())
    totaal = sum(p.bedrag if p.debet else -p.bedrag for p in prestaties)
    t = b.el(d, "TotaalIngediendBedrag")
    b.basis(t, "TotaalBedrag", abs(totaal))
    b.basis(t, "DebetCredit", "D" if totaal >= 0 else "C")
    clienten = b.el(d, "Clienten")
    per_client: dict[str, list[Gedeclareerd]] = {}
    for p in prestaties:
        per_client.setdefault(p.bsn, []).append(p)
    for bsn, lijst in per_client.items():
        c = b.el(clienten, "Client")
        b.el(c, "Bsn", bsn)
        ps = b.el(c, "Prestaties")
        for p in lijst:
            el = b.el(ps, "Prestatie")
            ref = b.el(el, "ProductReferentie")
            b.basis(ref, "ReferentieNummer", p.referentienummer)
            if p.vorig_referentienummer:
                b.basis(ref, "VorigReferentieNummer", p.vorig_referentienummer)
            b.el(el, "ToewijzingNummer", p.toewijzingnummer)
            b.el(el, "ProductCategorie", p.categorie)
            if p.code:
                b.el(el, "ProductCode", p.code)
            periode_el = b.el(el, "ProductPeriode")
            b.basis(periode_el, "Begindatum", p.begindatum.isoformat())
            b.basis(periode_el, "Einddatum", p.einddatum.isoformat())
            b.el(el, "GeleverdVolume", p.volume)
            b.el(el, "Eenheid", p.eenheid)
            b.el(el, "ProductTarief", p.tarief)
            bedrag = b.el(el, "IngediendBedrag")
            b.basis(bedrag, "Bedrag", p.bedrag)
            b.basis(bedrag, "DebetCredit", "D" if p.debet else "C")
    return b.klaar()
