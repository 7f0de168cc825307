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
from pathlib import Path
from typing import IO, Any

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
    _valideer_stroom(io.BytesIO(xml), bericht)
    return xml


def _valideer_stroom(bron: IO[bytes], bericht: str) -> None:
    ns = BERICHTTYPEN[bericht].namespace
    try:
        for _, el in etree.iterparse(
            bron,
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
    """The WMO325 declaratie-antwoord for a validated WMO323 (IV087), XSD-valid, as bytes.

    See :func:`schrijf_wmo325`, which writes the same message to a file without holding it in memory.
    """
    doel = io.BytesIO()
    schrijf_wmo325(resultaat, identificatie, dagtekening, doel, afwijzingen)
    return _valideer(doel.getvalue(), "WMO325")


def valideer_retourbestand(pad: Path, bericht: str) -> None:
    """Check a written retour message file against its derived XSD, streaming (``AssertionError``)."""
    with pad.open("rb") as f:
        _valideer_stroom(f, bericht)


def schrijf_wmo325(
    resultaat: Validatieresultaat,
    identificatie: str,
    dagtekening: dt.date,
    doel: IO[bytes],
    afwijzingen: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Write the WMO325 declaratie-antwoord for a validated WMO323 (IV087) to ``doel``, streaming.

    ``afwijzingen`` maps a prestatie's ReferentieNummer to extra retourcodes from checks outside this
    package (e.g. the tariff of the toewijzing, TR346/TR418); together with the level-3/4 violations
    they decide which prestaties are rejected. Every other prestatie is granted. The message is written
    element by element (``lxml.etree.xmlfile``): a 25 MB declaratie never becomes one tree or one
    string. Check the result with :func:`valideer_retourbestand` (or use :func:`bouw_wmo325`).
    """
    heen = resultaat.gelezen
    if heen.type.naam != "WMO323":
        raise ValueError(f"{heen.type.naam}: een declaratie-antwoord hoort alleen bij een WMO323")
    if not heen.xsd_geldig or heen.header is None:
        raise GeenRetour("WMO323 voldoet niet aan het XSD: geen declaratie-antwoord, alleen het foutrapport")
    ns = BERICHTTYPEN["WMO325"].namespace
    codes = _codes_per_klasse(resultaat)
    if afwijzingen:
        for klasse in heen.klassen:
            for p in _alle(klasse, "Prestatie"):
                extra = afwijzingen.get(p.get("ProductReferentie/ReferentieNummer") or "")
                if extra:
                    codes.setdefault(id(p), []).extend(extra)
    h = heen.header
    with etree.xmlfile(doel, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{ns}}}Bericht", nsmap={"wmo325": ns, "iwmo": NS_BASIS}):
            s = _Stroom(xf, ns)
            with s.el("Header"):
                s.blad("BerichtCode", BERICHTTYPEN["WMO325"].code)
                s.blad("BerichtVersie", h.get("BerichtVersie"))
                s.blad("BerichtSubversie", h.get("BerichtSubversie"))
                s.blad("Afzender", h.get("Ontvanger"))
                s.blad("Ontvanger", h.get("Afzender"))
                with s.el("BerichtIdentificatie"):
                    s.basis("Identificatie", identificatie)
                    s.basis("Dagtekening", dagtekening.isoformat())
                with s.el("XsdVersie"):
                    s.basis("BasisschemaXsdVersie", XSD_VERSIE)
                    s.basis("BerichtXsdVersie", XSD_VERSIE)
                with s.el("DeclaratieIdentificatie"):
                    s.basis("Identificatie", h.get("BerichtIdentificatie/Identificatie"))
                    s.basis("Dagtekening", h.get("BerichtIdentificatie/Dagtekening"))
                with s.el("XsdVersieDeclaratie"):
                    s.basis("BasisschemaXsdVersie", h.get("XsdVersie/BasisschemaXsdVersie"))
                    s.basis("BerichtXsdVersie", h.get("XsdVersie/BerichtXsdVersie"))
                if resultaat.technisch_afgekeurd:
                    s.codes([TECHNISCH_AFGEKEURD])
                elif id(h) in codes:
                    s.codes(codes[id(h)])
                else:
                    s.codes([GEEN_OPMERKING])
            if not resultaat.technisch_afgekeurd and id(h) not in codes:
                for declaratie in heen.klassen:
                    _declaratie_antwoord(s, declaratie, codes)


class _Stroom:
    """Small helpers over ``etree.xmlfile`` for elements in the message and the basisschema namespace."""

    def __init__(self, xf: Any, ns: str) -> None:
        self.xf, self.ns = xf, ns

    def el(self, naam: str, ns: str | None = None) -> Any:
        return self.xf.element(f"{{{ns or self.ns}}}{naam}")

    def blad(self, naam: str, tekst: str | None, ns: str | None = None) -> None:
        with self.el(naam, ns):
            if tekst:
                self.xf.write(tekst)

    def basis(self, naam: str, tekst: str | None) -> None:
        self.blad(naam, tekst, NS_BASIS)

    def codes(self, codes: Sequence[str]) -> None:
        if codes:
            with self.el("RetourCodes"):
                for code in dict.fromkeys(codes):
                    self.blad("RetourCode", code)

    def totaal(self, naam: str, bedrag: int) -> None:
        with self.el(naam):
            self.basis("TotaalBedrag", str(abs(bedrag)))
            self.basis("DebetCredit", "C" if bedrag < 0 else "D")

    def kopie(self, klasse: Klasse, codes: Mapping[int, list[str]], standaard: str) -> None:
        """As :func:`_kopie`: ``klasse`` and its children unchanged, each closed with its RetourCodes."""
        with self.el(klasse.naam):
            open_: list[tuple[str, Any]] = []  # the open intermediate elements of the current field path
            container: tuple[str, Any] | None = None

            def sluit(tot: int) -> None:
                while len(open_) > tot:
                    open_.pop()[1].__exit__(None, None, None)

            for soort, pad, waarde in klasse.items:
                if soort == "veld":
                    if container is not None:
                        container[1].__exit__(None, None, None)
                        container = None
                    delen = pad.split("/")
                    n = 0
                    while n < len(open_) and n < len(delen) - 1 and open_[n][0] == delen[n]:
                        n += 1
                    sluit(n)
                    for diepte in range(n, len(delen) - 1):
                        cm = self.el(delen[diepte], None if diepte == 0 else NS_BASIS)
                        cm.__enter__()
                        open_.append((delen[diepte], cm))
                    self.blad(delen[-1], str(waarde), None if len(delen) == 1 else NS_BASIS)
                    continue
                sluit(0)
                if pad and (container is None or container[0] != pad):
                    if container is not None:
                        container[1].__exit__(None, None, None)
                    cm = self.el(pad)
                    cm.__enter__()
                    container = (pad, cm)
                elif not pad and container is not None:
                    container[1].__exit__(None, None, None)
                    container = None
                self.kopie(waarde, codes, standaard)  # type: ignore[arg-type]
            sluit(0)
            if container is not None:
                container[1].__exit__(None, None, None)
            self.codes(codes.get(id(klasse)) or [standaard])


def _alle(klasse: Klasse, naam: str) -> list[Klasse]:
    uit = [klasse] if klasse.naam == naam else []
    for kind in klasse.kinderen():
        uit.extend(_alle(kind, naam))
    return uit


def _declaratie_antwoord(s: _Stroom, declaratie: Klasse, codes: dict[int, list[str]]) -> None:
    """One DeclaratieAntwoord, its rejected clients written one by one."""
    with s.el("DeclaratieAntwoord"):
        s.blad("DeclaratieNummer", declaratie.get("DeclaratieNummer"))
        ingediend = _bedrag(declaratie, "TotaalIngediendBedrag")
        s.totaal("TotaalIngediendBedrag", ingediend)
        if id(declaratie) in codes:  # the whole declaratie is rejected (e.g. 9333): nothing granted
            s.totaal("TotaalToegekendBedrag", 0)
            s.codes(codes[id(declaratie)])
            return
        afgewezen: list[tuple[Klasse, list[Klasse]]] = []
        for client in declaratie.kinderen("Client"):
            prestaties = list(client.kinderen("Prestatie"))
            fout = prestaties if id(client) in codes else [p for p in prestaties if id(p) in codes]
            if fout:
                afgewezen.append((client, fout))
        som_afgewezen = sum(_bedrag(p, "IngediendBedrag") for _, ps in afgewezen for p in ps)
        s.totaal("TotaalToegekendBedrag", ingediend - som_afgewezen)
        if afgewezen:
            with s.el("Clienten"):
                for client, prestaties in afgewezen:
                    with s.el("Client"):
                        s.blad("Bsn", client.get("Bsn"))
                        with s.el("Prestaties"):
                            standaard = NIET_BEOORDEELD if id(client) in codes else GEEN_OPMERKING
                            for p in prestaties:
                                s.kopie(p, codes, standaard)
                        s.codes(codes.get(id(client)) or [GEEN_OPMERKING])
        s.codes([GEEN_OPMERKING] if afgewezen else [VOLLEDIG_TOEGEWEZEN])
