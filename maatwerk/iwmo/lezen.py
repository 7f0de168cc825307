"""Read an iWmo message in one streaming pass: size check, XSD validation (level 1) and berichtklassen.

The file is parsed with ``lxml.etree.iterparse`` against the message's XSD (compiled once per type);
every berichtklasse (Header, Client, Prestatie, ...) becomes a small :class:`Klasse` with its fields,
and each parsed element is cleared straight away, so a 25 MB message never lives in memory as a tree.
Unreadable input (no XML, not an iWmo 3.2 namespace, too large) raises :class:`Onleesbaar` (Dutch);
a message that breaks the XSD gives :class:`XsdFout` entries and no klassen.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from sys import intern
from typing import IO

from lxml import etree

from maatwerk.iwmo.berichten import BERICHTTYPEN, Berichttype, uit_namespace
from maatwerk.iwmo.catalogus import catalogus

#: Beyond this many bytes the full XSD report is not collected again (streaming gives the first error).
_VOLLEDIG_RAPPORT_TOT = 2 * 1024 * 1024


class Onleesbaar(ValueError):
    """The input is not a readable iWmo 3.2 message (Dutch message; the CLI exits with 2)."""


@dataclass(frozen=True)
class XsdFout:
    """One XSD violation: line, element and what is wrong (Dutch)."""

    regelnummer: int
    element: str
    tekst: str

    def __str__(self) -> str:
        return f"regel {self.regelnummer}: {self.element}: {self.tekst}"


@dataclass(eq=False, slots=True)
class Klasse:
    """One berichtklasse instance: its fields (``pad -> tekst``, in document order) and child klassen.

    ``items`` keeps fields and children interleaved in document order (for the retour message):
    ``("veld", "ProductPeriode/Begindatum", "2023-04-01")`` or ``("klasse", "Prestaties", Klasse)``.
    """

    naam: str
    regelnummer: int
    pad: str
    velden: dict[str, str] = field(default_factory=dict)
    ouder: Klasse | None = None
    #: The child klassen (also in ``items``), kept apart for fast traversal.
    kind_klassen: list[Klasse] = field(default_factory=list)
    #: ``items`` when it is more than ``velden`` in order (child klassen or a repeated path); a 25 MB
    #: declaratie has tens of thousands of Prestaties with fields only, so they keep no second list.
    _items: list[tuple[str, str, object]] | None = None

    @property
    def items(self) -> list[tuple[str, str, object]]:
        if self._items is not None:
            return self._items
        return [("veld", pad, tekst) for pad, tekst in self.velden.items()]

    def voeg_toe(self, soort: str, pad: str, waarde: object) -> None:
        """Add a field (``veld``, ``pad``, text) or a child klasse (``klasse``, container path, Klasse)."""
        if soort == "veld" and self._items is None and pad not in self.velden:
            self.velden[pad] = waarde  # type: ignore[assignment]
            return
        if self._items is None:
            self._items = self.items
        self._items.append((soort, pad, waarde))
        if soort == "veld":
            self.velden.setdefault(pad, waarde)  # type: ignore[arg-type]

    def kinderen(self, naam: str | None = None) -> Iterator[Klasse]:
        if naam is None:
            return iter(self.kind_klassen)
        return (k for k in self.kind_klassen if k.naam == naam)

    def get(self, pad: str) -> str | None:
        return self.velden.get(pad)


@dataclass
class Gelezen:
    """A read message: its type, the XSD result and (when XSD-valid) its berichtklassen."""

    type: Berichttype
    xsd_fouten: list[XsdFout]
    header: Klasse | None = None
    #: The top-level klassen after the Header (Client, Antwoord or Declaratie), in document order.
    klassen: list[Klasse] = field(default_factory=list)
    grootte: int = 0

    @property
    def xsd_geldig(self) -> bool:
        return not self.xsd_fouten


@cache
def schema(bericht: str) -> etree.XMLSchema:
    """The compiled XSD of ``bericht`` (official for heen-berichten, derived for retour messages)."""
    return etree.XMLSchema(etree.parse(str(BERICHTTYPEN[bericht].xsd)))


def _open(bron: Path | str | bytes) -> tuple[IO[bytes], int, str]:
    if isinstance(bron, bytes):
        return io.BytesIO(bron), len(bron), "invoer"
    pad = Path(bron)
    try:
        grootte = pad.stat().st_size
        return pad.open("rb"), grootte, str(pad)
    except OSError as exc:
        raise Onleesbaar(f"{pad}: bestand kan niet worden gelezen ({exc.strerror})") from None


def _lokaal(tag: object) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _bepaal_type(bestand: IO[bytes], naam: str) -> Berichttype:
    try:
        for _, el in etree.iterparse(bestand, events=("start",), resolve_entities=False, no_network=True):
            ns = el.tag.split("}", 1)[0][1:] if el.tag.startswith("{") else ""
            if el.getroottree().docinfo.doctype:
                raise Onleesbaar(f"{naam}: het bestand bevat een DOCTYPE; een iWmo-bericht heeft er geen")
            gevonden = uit_namespace(ns)
            if gevonden is None or _lokaal(el.tag) != "Bericht":
                raise Onleesbaar(
                    f"{naam}: geen iWmo 3.2-bericht: het hoofdelement is {_lokaal(el.tag) or el.tag!r} "
                    "in namespace "
                    f"{ns or '(geen)'!r}; verwacht 'Bericht' in http://www.istandaarden.nl/iwmo/3_2/wmo3xx/schema"  # noqa: E501
                )
            return gevonden
    except etree.XMLSyntaxError as exc:
        raise Onleesbaar(f"{naam}: geen geldige XML (regel {exc.lineno}: {exc.msg})") from None
    raise Onleesbaar(f"{naam}: het bestand is leeg")


def lees(bron: Path | str | bytes) -> Gelezen:
    """Read and XSD-validate one message; :class:`Onleesbaar` when it cannot be read at all."""
    bestand, grootte, naam = _open(bron)
    with bestand:
        maximum = catalogus().bestand.maximale_grootte_bytes
        if grootte > maximum:
            raise Onleesbaar(
                f"{naam}: het bestand is {grootte / 1024 / 1024:.1f} MB; een iWmo-bericht mag hoogstens "
                f"{maximum / 1024 / 1024:.0f} MB zijn (OP179)"
            )
        if grootte == 0:
            raise Onleesbaar(f"{naam}: het bestand is leeg")
        soort = _bepaal_type(bestand, naam)
        bestand.seek(0)
        gelezen = Gelezen(type=soort, xsd_fouten=[], grootte=grootte)
        try:
            if not _lees_klassen(bestand, soort, gelezen):
                raise Onleesbaar(f"{naam}: geen geldige XML: het bestand houdt midden in een element op")
        except etree.XMLSyntaxError as exc:
            _welgevormd(bestand, naam)
            gelezen.header, gelezen.klassen = None, []
            gelezen.xsd_fouten = _xsd_rapport(bestand, soort, exc, grootte)
    return gelezen


def _welgevormd(bestand: IO[bytes], naam: str) -> None:
    """Raise :class:`Onleesbaar` when the file is not well-formed XML (checked streaming, without XSD)."""
    bestand.seek(0)
    try:
        for _, el in etree.iterparse(bestand, events=("end",), resolve_entities=False, no_network=True):
            el.clear()
    except etree.XMLSyntaxError as exc:
        raise Onleesbaar(f"{naam}: geen geldige XML (regel {exc.lineno}: {exc.msg})") from None


_MERK = "_maatwerk_klasse"  # attribute set on a processed klasse element: its index in ``gebouwd``


def _lees_klassen(bestand: IO[bytes], soort: Berichttype, gelezen: Gelezen) -> bool:
    """Fill ``gelezen`` with the berichtklassen; ``False`` when the document ends before its root closes.

    Only the end of each berichtklasse (and of the root) reaches Python (``tag`` filter in C); its
    fields are read from its subtree, child klassen already built are linked, then it is cleared.
    """
    ns = soort.namespace
    tags = [f"{{{ns}}}{k}" for k in soort.klassen] + [f"{{{ns}}}Bericht"]
    root_tag = tags[-1]
    gebouwd: list[Klasse] = []
    namen: dict[str, str] = dict.fromkeys(tags[:-1], "")  # berichtklassen are linked, not read as fields
    compleet = False
    for _, el in etree.iterparse(
        bestand,
        events=("end",),
        tag=tags,
        schema=schema(soort.naam),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    ):
        if el.tag == root_tag:
            compleet = True  # no break: libxml2 reports XSD errors when the parser closes
            continue
        klasse = Klasse(el.tag[len(ns) + 2 :], el.sourceline or 0, "")
        _vul(klasse, el, (), gebouwd, namen)
        if el.getparent() is not None and el.getparent().getparent() is None:
            if klasse.naam == "Header":
                gelezen.header = klasse
            else:
                gelezen.klassen.append(klasse)
            el.clear()
        else:
            el.clear()
            el.set(_MERK, str(len(gebouwd)))
        gebouwd.append(klasse)
    _paden(gelezen.klassen)
    if gelezen.header is not None:
        gelezen.header.pad = "Header"
    return compleet


def _vul(
    klasse: Klasse, el: etree._Element, prefix: tuple[str, ...], gebouwd: list[Klasse], namen: dict[str, str]
) -> None:
    """Read the fields of ``el`` into ``klasse``; link child klassen already built (marked ``_MERK``).

    ``namen`` maps the Clark tag of each element to its local name, or to ``""`` for a berichtklasse.
    """
    for kind in el:
        tag = kind.tag
        if not isinstance(tag, str):
            continue  # comment or processing instruction
        naam = namen.get(tag)
        if naam is None:
            naam = namen[tag] = tag[tag.index("}") + 1 :]
        if not naam:
            sub = gebouwd[int(kind.get(_MERK))]
            sub.ouder = klasse
            klasse.voeg_toe("klasse", "/".join(prefix), sub)
            klasse.kind_klassen.append(sub)
        elif len(kind):
            _vul(klasse, kind, (*prefix, naam), gebouwd, namen)
        else:
            # interned: a 25 MB declaratie repeats the same paths and most values thousands of times
            pad = intern("/".join((*prefix, naam))) if prefix else naam
            tekst = intern((kind.text or "").strip())
            klasse.voeg_toe("veld", pad, tekst)


def _paden(klassen: list[Klasse], ouder: str = "") -> None:
    """``Client``, ``Declaratie/Client[2]/Prestatie[1]``: a readable location per berichtklasse."""
    tellers: dict[str, int] = {}
    for klasse in klassen:
        tellers[klasse.naam] = tellers.get(klasse.naam, 0) + 1
        klasse.pad = f"{ouder}/{klasse.naam}[{tellers[klasse.naam]}]" if ouder else klasse.naam
        _paden(klasse.kind_klassen, klasse.pad)


def _xsd_rapport(
    bestand: IO[bytes], soort: Berichttype, exc: etree.XMLSyntaxError, grootte: int
) -> list[XsdFout]:
    """Every XSD error for small files (validated as a tree), the first one for large files."""
    log = list(exc.error_log)
    if grootte <= _VOLLEDIG_RAPPORT_TOT:
        bestand.seek(0)
        boom = etree.parse(bestand, etree.XMLParser(resolve_entities=False, no_network=True))
        validator = schema(soort.naam)
        try:
            if not validator.validate(boom):
                log = list(validator.error_log)
        except etree.XMLSchemaValidateError:
            pass  # e.g. an unresolved entity reference: keep the streaming error
    fouten = [XsdFout(e.line, *_vertaal(e.message)) for e in log if e.domain == etree.ErrorDomains.SCHEMASV]
    return fouten or [XsdFout(exc.lineno or 0, "Bericht", _vertaal(exc.msg)[1])]


_NS = re.compile(r"\{[a-z]+://[^}]*\}")
_VERTALINGEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), t)
    for p, t in (
        (
            r"This element is not expected\. Expected is one of \( (.*) \)\.",
            "dit element hoort hier niet; verwacht één van: {0}",
        ),
        (
            r"This element is not expected\. Expected is \( (.*) \)\.",
            "dit element hoort hier niet; verwacht: {0}",
        ),
        (r"This element is not expected\.", "dit element hoort hier niet"),
        (
            r"Missing child element\(s\)\. Expected is one of \( (.*) \)\.",
            "verplicht element ontbreekt; verwacht één van: {0}",
        ),
        (r"Missing child element\(s\)\. Expected is \( (.*) \)\.", "verplicht element ontbreekt: {0}"),
        (
            r"\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.",
            "waarde '{0}' is geen toegestane code (toegestaan: {1})",
        ),
        (
            r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.",
            "waarde '{0}' heeft niet de vorm '{1}'",
        ),
        (
            r"\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.",  # noqa: E501
            "waarde is {0} tekens lang; hoogstens {1} toegestaan",
        ),
        (
            r"\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.",  # noqa: E501
            "waarde is {0} tekens lang; minstens {1} vereist",
        ),
        (
            r"\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)\.",  # noqa: E501
            "waarde {0} is groter dan het maximum {1}",
        ),
        (
            r"\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)\.",
            "waarde {0} is kleiner dan het minimum {1}",
        ),
        (
            r"\[facet 'totalDigits'\] The value '(.*)' has more digits than are allowed \('(.*)'\)\.",
            "waarde {0} heeft meer dan {1} cijfers",
        ),
        (
            r"'(.*)' is not a valid value of the atomic type 'xs:date'\.",
            "'{0}' is geen bestaande datum (verwacht JJJJ-MM-DD)",
        ),
        (
            r"'(.*)' is not a valid value of the atomic type 'xs:time'\.",
            "'{0}' is geen geldige tijd (verwacht UU:MM:SS)",
        ),
        (
            r"'(.*)' is not a valid value of the (?:atomic|local atomic) type '\w+:?\w*Datum'\.",
            "'{0}' is geen bestaande datum (verwacht JJJJ-MM-DD)",
        ),
        (
            r"'(.*)' is not a valid value of the (?:atomic|local atomic) type '?(.*?)'?\.",
            "'{0}' is geen geldige waarde voor {1}",
        ),
        (
            r"No matching global declaration available for the validation root\.",
            "het hoofdelement is geen bekend iWmo-bericht",
        ),
    )
)


def _vertaal(bericht: str) -> tuple[str, str]:
    """lxml's English message -> (element, Dutch text)."""
    tekst = _NS.sub("", bericht.strip())
    element = "Bericht"
    if m := re.match(r"Element '([^']+)'(?:, attribute '[^']+')?: (.*)", tekst, re.S):
        element, tekst = m.group(1), m.group(2)
    for patroon, vertaling in _VERTALINGEN:
        if m := patroon.search(tekst):
            return element, vertaling.format(*m.groups())
    return element, f"voldoet niet aan het XSD ({tekst})"
