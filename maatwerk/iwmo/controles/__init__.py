"""The rule functions of levels 2-4, registered by their code (``@regel("TR302")``).

Each function takes a :class:`Context` and yields :class:`Overtreding` objects. Which messages a rule
applies to, its level and its retourcode come from the catalogue (``maatwerk/regels/iwmo/validatie``);
the function holds only the check itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from maatwerk.iwmo.catalogus import Catalogus, catalogus
from maatwerk.iwmo.geschiedenis import Berichtgeschiedenis
from maatwerk.iwmo.lezen import Gelezen, Klasse


@dataclass(frozen=True)
class Overtreding:
    """One violated rule on one berichtklasse: its code, WJ001 retourcode and a Dutch explanation."""

    regel: str
    retourcode: str | None
    klasse: Klasse
    element: str
    tekst: str

    @property
    def locatie(self) -> str:
        return f"{self.klasse.pad}/{self.element}" if self.element else self.klasse.pad

    def als_dict(self) -> dict[str, Any]:
        return {
            "element": self.locatie,
            "code": self.retourcode,
            "regel": self.regel,
            "tekst": self.tekst,
            "regelnummer": self.klasse.regelnummer,
        }


#: Messages the gemeente sends (Afzender = gemeentecode); the others come from the aanbieder (AGB).
VAN_GEMEENTE = frozenset({"WMO301", "WMO319", "WMO306", "WMO308", "WMO316", "WMO318", "WMO325"})

Controle = Callable[["Context"], Iterator[Overtreding]]
CONTROLES: dict[str, Controle] = {}
#: Rules that need more of the history than :class:`Berichtgeschiedenis`: code -> the protocol they need.
VRAAGT: dict[str, type] = {}


def regel(code: str, vraagt: type | None = None) -> Callable[[Controle], Controle]:
    """Register ``functie`` as the check of rule ``code`` (one function per code).

    ``vraagt``: a runtime-checkable protocol the history must also implement for this rule to run.
    """

    def registreer(functie: Controle) -> Controle:
        if code in CONTROLES:
            raise ValueError(f"regel {code} is twee keer geregistreerd")
        CONTROLES[code] = functie
        if vraagt is not None:
            VRAAGT[code] = vraagt
        functie.regelcode = code  # type: ignore[attr-defined]
        return functie

    return registreer


def datum(tekst: str | None) -> dt.date | None:
    """An XSD-valid date. xs:date also allows years like -2023 or 12023, outside Python's range: those
    become ``date.min`` / ``date.max``, so the date rules (TR135, CS100, ...) still judge them."""
    if not tekst:
        return None
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        return dt.date.min if tekst.startswith("-") or tekst.startswith("0000") else dt.date.max


def geheel(tekst: str | None) -> int | None:
    return int(tekst) if tekst else None


@dataclass
class Context:
    """What a check sees: the read message, today's date, the history (level 3) and the catalogue."""

    gelezen: Gelezen
    vandaag: dt.date
    geschiedenis: Berichtgeschiedenis | None
    catalogus: Catalogus

    def __post_init__(self) -> None:
        assert self.gelezen.header is not None
        #: Memo for work several checks share (e.g. the toewijzing of each prestatie), per message.
        self.cache: dict[str, Any] = {}
        self.header: Klasse = self.gelezen.header
        self.bericht = self.gelezen.type.naam
        self.dagtekening = datum(self.header.get("BerichtIdentificatie/Dagtekening")) or self.vandaag
        afzender, ontvanger = self.header.get("Afzender") or "", self.header.get("Ontvanger") or ""
        if self.bericht in VAN_GEMEENTE:
            self.gemeentecode, self.agb = afzender, ontvanger
        else:
            self.gemeentecode, self.agb = ontvanger, afzender

    def fout(self, code: str, klasse: Klasse, element: str, tekst: str) -> Overtreding:
        return Overtreding(code, self.catalogus.regels[code].retourcode, klasse, element, tekst)

    def parameter(self, code: str, naam: str) -> Any:
        return self.catalogus.parameter(code, naam)

    def alle(self, naam: str) -> Iterator[Klasse]:
        """Every berichtklasse called ``naam``, in document order (indexed once per message)."""
        if not hasattr(self, "_per_naam"):
            self._per_naam: dict[str, list[Klasse]] = {}
            stapel = list(reversed(self.gelezen.klassen))
            while stapel:
                klasse = stapel.pop()
                self._per_naam.setdefault(klasse.naam, []).append(klasse)
                stapel.extend(reversed(klasse.kind_klassen))
        return iter(self._per_naam.get(naam, ()))

    def clienten(self) -> Iterator[Klasse]:
        return self.alle("Client")


def standaard_context(
    gelezen: Gelezen, vandaag: dt.date | None = None, geschiedenis: Berichtgeschiedenis | None = None
) -> Context:
    return Context(gelezen, vandaag or dt.date.today(), geschiedenis, catalogus())
