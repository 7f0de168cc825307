"""Build the retour message (302/306/308/316/318/320) and the declaratie-antwoord (325) from a validation.

Filled as IV028 and IV087 prescribe (``shared/iwmo/regels/invulinstructies/``): level 1 failed -> no
retour message (:class:`GeenRetour`); level 2 failed -> only the Header with 0001; no errors -> only the
Header; errors in the Header -> only the Header with those codes; errors in a client -> that client's
berichtklassen copied unchanged, each with its retourcodes or 0200 (0233 when not judged). Every
message is validated against its derived retour XSD before it is returned.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence

from lxml import etree

from maatwerk.iwmo.berichten import BERICHTTYPEN, NS_BASIS, XSD_VERSIE
from maatwerk.iwmo.lezen import Klasse, schema
from maatwerk.iwmo.valideer import Validatieresultaat

GEEN_OPMERKING, NIET_BEOORDEELD, TECHNISCH_AFGEKEURD, VOLLEDIG_TOEGEWEZEN = "0200", "0233", "0001", "8001"


class GeenRetour(ValueError):
    """No retour message for a message that fails the XSD (IV028: the sender gets the report instead)."""


def _el(ouder: etree._Element, ns: str, naam: str, tekst: str | None = None) -> etree._Element:
    el = etree.SubElement(ouder, f"{{{ns}}}{naam}")
    if tekst is not None:
        el.text = tekst
    return el


def _codes_element(ouder: etree._Element, ns: str, codes: Sequence[str]) -> None:
    if codes:
        blok = _el(ouder, ns, "RetourCodes")
        for code in dict.fromkeys(codes):
            _el(blok, ns, "RetourCode", code)


def _veld(
    ouder: etree._Element, ns: str, pad: str, tekst: str, open_: list[tuple[str, etree._Element]]
) -> None:
    """Add leaf ``pad`` under ``ouder`` (``A/B/C``: A in the message namespace, B, C in the basisschema)."""
    delen = pad.split("/")
    n = 0
    while n < len(open_) and n < len(delen) - 1 and open_[n][0] == delen[n]:
        n += 1
    del open_[n:]
    for diepte in range(n, len(delen)):
        bovenliggend = open_[-1][1] if open_ else ouder
        el = _el(bovenliggend, ns if diepte == 0 else NS_BASIS, delen[diepte])
        if diepte < len(delen) - 1:
            open_.append((delen[diepte], el))
        else:
            el.text = tekst


def _kopie(
    ouder: etree._Element,
    ns: str,
    klasse: Klasse,
    codes: Mapping[int, list[str]],
    standaard: str = GEEN_OPMERKING,
) -> etree._Element:
    """Copy ``klasse`` and its children unchanged, each berichtklasse closed with its RetourCodes."""
    el = _el(ouder, ns, klasse.naam)
    open_: list[tuple[str, etree._Element]] = []
    container: tuple[str, etree._Element] | None = None
    for soort, pad, waarde in klasse.items:
        if soort == "veld":
            container = None
            _veld(el, ns, pad, str(waarde), open_)
            continue
        open_.clear()
        doel = el
        if pad:
            if container is None or container[0] != pad:
                container = (pad, _el(el, ns, pad))
            doel = container[1]
        _kopie(doel, ns, waarde, codes, standaard)  # type: ignore[arg-type]
    _codes_element(el, ns, codes.get(id(klasse)) or [standaard])
    return el


def _codes_per_klasse(resultaat: Validatieresultaat) -> dict[int, list[str]]:
    codes: dict[int, list[str]] = {}
    for o in resultaat.overtredingen:
        if o.retourcode:
            codes.setdefault(id(o.klasse), []).append(o.retourcode)
    return codes


def _heeft_fout(klasse: Klasse, codes: Mapping[int, list[str]]) -> bool:
    return id(klasse) in codes or any(_heeft_fout(k, codes) for k in klasse.kinderen())


def _valideer(xml: bytes, bericht: str) -> bytes:
    """``xml`` when it is valid against the derived XSD, validated streaming (a 325 can be 25 MB)."""
    ns = BERICHTTYPEN[bericht].namespace
    try:
        for _, el in etree.iterparse(
            io.BytesIO(xml),
            events=("end",),
            tag=[f"{{{ns}}}Client", f"{{{ns}}}Header"],
            schema=schema(bericht),
            resolve_entities=False,
            no_network=True,
        ):
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise AssertionError(f"{bericht} voldoet niet aan het afgeleide XSD: {exc.error_log}") from None
    return xml


def _header(
    root: etree._Element, ns: str, retour: str, header: Klasse, identificatie: str, dagtekening: dt.date
) -> etree._Element:
    el = _el(root, ns, "Header")
    open_: list[tuple[str, etree._Element]] = []
    for soort, pad, waarde in header.items:
        if soort == "veld":
            _veld(el, ns, pad, BERICHTTYPEN[retour].code if pad == "BerichtCode" else str(waarde), open_)
    _el(el, ns, "IdentificatieRetour", identificatie)
    _el(el, ns, "DagtekeningRetour", dagtekening.isoformat())
    versie = _el(el, ns, "XsdVersieRetour")
    _el(versie, NS_BASIS, "BasisschemaXsdVersie", XSD_VERSIE)
    _el(versie, NS_BASIS, "BerichtXsdVersie", XSD_VERSIE)
    return el


def bouw_retour(resultaat: Validatieresultaat, identificatie: str, dagtekening: dt.date) -> bytes:
    """The retour message (302/306/308/316/318/320) for a validated heen-bericht, XSD-valid."""
    heen = resultaat.gelezen
    retour = heen.type.retour
    if retour is None or retour == "WMO325":
        raise ValueError(
            f"{heen.type.naam}: geen retourbericht van dit type (gebruik bouw_wmo325 voor een 323)"
        )
    if not heen.xsd_geldig or heen.header is None:
        raise GeenRetour(
            f"{heen.type.naam} voldoet niet aan het XSD: geen retourbericht, alleen het foutrapport"
        )
    ns = BERICHTTYPEN[retour].namespace
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={retour.lower(): ns, "iwmo": NS_BASIS})
    header = _header(root, ns, retour, heen.header, identificatie, dagtekening)
    codes = _codes_per_klasse(resultaat)
    if resultaat.technisch_afgekeurd:
        _codes_element(header, ns, [TECHNISCH_AFGEKEURD])
    elif id(heen.header) in codes:
        _codes_element(header, ns, codes[id(heen.header)])
    elif codes:
        _codes_element(header, ns, [GEEN_OPMERKING])
        for klasse in heen.klassen:
            if _heeft_fout(klasse, codes):
                _kopie(root, ns, klasse, codes)
    return _valideer(etree.tostring(root, xml_declaration=True, encoding="UTF-8"), retour)


def _bedrag(klasse: Klasse, pad: str) -> int:
    bedrag = int(klasse.get(f"{pad}/Bedrag") or klasse.get(f"{pad}/TotaalBedrag") or 0)
    return -bedrag if klasse.get(f"{pad}/DebetCredit") == "C" else bedrag


def _totaal(ouder: etree._Element, ns: str, naam: str, bedrag: int) -> None:
    el = _el(ouder, ns, naam)
    _el(el, NS_BASIS, "TotaalBedrag", str(abs(bedrag)))
    _el(el, NS_BASIS, "DebetCredit", "C" if bedrag < 0 else "D")


def bouw_wmo325(
    resultaat: Validatieresultaat,
    identificatie: str,
    dagtekening: dt.date,
    afwijzingen: Mapping[str, Sequence[str]] | None = None,
) -> bytes:
    """The WMO325 declaratie-antwoord for a validated WMO323 (IV087), XSD-valid.

    ``afwijzingen`` maps a prestatie's ReferentieNummer to extra retourcodes from checks outside this
    package (e.g. the tariff of the toewijzing, TR346/TR418); together with the level-3/4 violations
    they decide which prestaties are rejected. Every other prestatie is granted.
    """
    heen = resultaat.gelezen
    if heen.type.naam != "WMO323":
        raise ValueError(f"{heen.type.naam}: een declaratie-antwoord hoort alleen bij een WMO323")
    if not heen.xsd_geldig or heen.header is None:
        raise GeenRetour("WMO323 voldoet niet aan het XSD: geen declaratie-antwoord, alleen het foutrapport")
    ns = BERICHTTYPEN["WMO325"].namespace
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={"wmo325": ns, "iwmo": NS_BASIS})
    kop, h = _el(root, ns, "Header"), heen.header
    _el(kop, ns, "BerichtCode", BERICHTTYPEN["WMO325"].code)
    _el(kop, ns, "BerichtVersie", h.get("BerichtVersie"))
    _el(kop, ns, "BerichtSubversie", h.get("BerichtSubversie"))
    _el(kop, ns, "Afzender", h.get("Ontvanger"))
    _el(kop, ns, "Ontvanger", h.get("Afzender"))
    ident = _el(kop, ns, "BerichtIdentificatie")
    _el(ident, NS_BASIS, "Identificatie", identificatie)
    _el(ident, NS_BASIS, "Dagtekening", dagtekening.isoformat())
    versie = _el(kop, ns, "XsdVersie")
    _el(versie, NS_BASIS, "BasisschemaXsdVersie", XSD_VERSIE)
    _el(versie, NS_BASIS, "BerichtXsdVersie", XSD_VERSIE)
    declaratie_ident = _el(kop, ns, "DeclaratieIdentificatie")
    _el(declaratie_ident, NS_BASIS, "Identificatie", h.get("BerichtIdentificatie/Identificatie"))
    _el(declaratie_ident, NS_BASIS, "Dagtekening", h.get("BerichtIdentificatie/Dagtekening"))
    xsd_declaratie = _el(kop, ns, "XsdVersieDeclaratie")
    _el(xsd_declaratie, NS_BASIS, "BasisschemaXsdVersie", h.get("XsdVersie/BasisschemaXsdVersie"))
    _el(xsd_declaratie, NS_BASIS, "BerichtXsdVersie", h.get("XsdVersie/BerichtXsdVersie"))
    codes = _codes_per_klasse(resultaat)
    delen: list[list[bytes]] = []
    for klasse in heen.klassen:
        for p in _alle(klasse, "Prestatie"):
            extra = (afwijzingen or {}).get(p.get("ProductReferentie/ReferentieNummer") or "")
            if extra:
                codes.setdefault(id(p), []).extend(extra)
    if resultaat.technisch_afgekeurd:
        _codes_element(kop, ns, [TECHNISCH_AFGEKEURD])
    elif id(h) in codes:
        _codes_element(kop, ns, codes[id(h)])
    else:
        _codes_element(kop, ns, [GEEN_OPMERKING])
        for declaratie in heen.klassen:
            _declaratie_antwoord(root, ns, declaratie, codes, delen)
    return _valideer(_samen(root, delen), "WMO325")


def _samen(root: etree._Element, delen: list[list[bytes]]) -> bytes:
    """Serialise ``root`` with the client parts (already serialised) in place of their placeholders."""
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if not delen:
        return xml
    uit: list[bytes] = []
    for i, stukken in enumerate(delen):
        voor, _, xml = xml.partition(f"<!--{_PLAATS}{i}-->".encode())
        uit.append(voor)
        uit.extend(stukken)
    uit.append(xml)
    return b"".join(uit)


def _alle(klasse: Klasse, naam: str) -> list[Klasse]:
    uit = [klasse] if klasse.naam == naam else []
    for kind in klasse.kinderen():
        uit.extend(_alle(kind, naam))
    return uit


_PLAATS = "maatwerk-clienten-"  # placeholder comment for the serialised clients of one declaratie


def _declaratie_antwoord(
    root: etree._Element, ns: str, declaratie: Klasse, codes: dict[int, list[str]], delen: list[list[bytes]]
) -> None:
    """One DeclaratieAntwoord; its rejected clients are serialised one by one into ``delen`` (a 25 MB
    declaratie never becomes one element tree) and stand in ``root`` as a placeholder comment."""
    antwoord = _el(root, ns, "DeclaratieAntwoord")
    _el(antwoord, ns, "DeclaratieNummer", declaratie.get("DeclaratieNummer"))
    ingediend = _bedrag(declaratie, "TotaalIngediendBedrag")
    _totaal(antwoord, ns, "TotaalIngediendBedrag", ingediend)
    if id(declaratie) in codes:  # the whole declaratie is rejected (e.g. 9333): nothing granted
        _totaal(antwoord, ns, "TotaalToegekendBedrag", 0)
        _codes_element(antwoord, ns, codes[id(declaratie)])
        return
    afgewezen: list[tuple[Klasse, list[Klasse]]] = []
    for client in declaratie.kinderen("Client"):
        prestaties = list(client.kinderen("Prestatie"))
        fout = prestaties if id(client) in codes else [p for p in prestaties if id(p) in codes]
        if fout:
            afgewezen.append((client, fout))
    som_afgewezen = sum(_bedrag(p, "IngediendBedrag") for _, ps in afgewezen for p in ps)
    _totaal(antwoord, ns, "TotaalToegekendBedrag", ingediend - som_afgewezen)
    if afgewezen:
        clienten = _el(antwoord, ns, "Clienten")
        clienten.append(etree.Comment(f"{_PLAATS}{len(delen)}"))
        stukken: list[bytes] = []
        delen.append(stukken)
        # tostring of a subelement repeats the root's namespace declarations: dropped, they are in scope
        nsdecl = "".join(f' xmlns:{k}="{v}"' for k, v in root.nsmap.items()).encode()
        for client, prestaties in afgewezen:
            c = _el(clienten, ns, "Client")
            _el(c, ns, "Bsn", client.get("Bsn"))
            lijst = _el(c, ns, "Prestaties")
            for p in prestaties:
                standaard = NIET_BEOORDEELD if id(client) in codes else GEEN_OPMERKING
                _kopie(lijst, ns, p, codes, standaard)
            _codes_element(c, ns, codes.get(id(client)) or [GEEN_OPMERKING])
            stuk = etree.tostring(c)
            kop = stuk.index(b">")
            stukken.append(stuk[:kop].replace(nsdecl, b"", 1) + stuk[kop:])
            clienten.remove(c)
    _codes_element(antwoord, ns, [GEEN_OPMERKING] if afgewezen else [VOLLEDIG_TOEGEWEZEN])
