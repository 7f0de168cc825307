"""The beschikking letter as a plain Python context (no Django models): dataclasses + builders.

:func:`maak_beschikkinggegevens` combines the client, the engine's ``Indicatie`` (contract in TEAM.md),
the decision and the plans into one frozen :class:`Beschikkinggegevens`; :mod:`.render` turns that into
HTML and PDF. Everything the client reads is here, already in plain Dutch (B1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from maatwerk.apps.besluiten.opmaak import datum_tekst, getal, hele_minuten, minuten_tekst, uren_tekst
from maatwerk.engine.indicatie import Indicatie
from maatwerk.regels.laden import Melding, Regelfout, StrictModel, laad
from maatwerk.termijnen.awb import wettelijke_termijn
from maatwerk.termijnen.kalender import KalenderOnbekend

AFZENDERS = Path(__file__).resolve().parent / "afzenders"

Leveringsvorm = Literal["ZIN", "PGB"]
LEVERINGSVORMEN: dict[str, str] = {"ZIN": "zorg in natura", "PGB": "persoonsgebonden budget (pgb)"}


class Afzender(StrictModel):
    """The gemeente as sender of letters: addresses for post and bezwaar, phone, website."""

    gemeente: str
    afdeling: str
    postadres: list[str] = Field(min_length=1)
    bezwaaradres: list[str] = Field(min_length=1)
    bezwaar_digitaal: str
    telefoon: str
    email: str | None = None
    website: str
    ondertekening: str
    voorbeeld: bool = False
    toelichting: str | None = None


@cache
def afzender(gemeente: str) -> Afzender:
    """Sender data of ``gemeente`` from ``afzenders/<gemeente>.yaml``: in a ``MAATWERK_REGELS``
    directory (see :mod:`maatwerk.regels.zoekpad`; the last one wins), else the app's own folder."""
    from maatwerk.regels import zoekpad

    naam = f"{gemeente.strip().lower().replace(' ', '-')}.yaml"
    eigen = [b.pad for b in zoekpad.bestanden("afzenders") if b.naam == naam]
    pad = eigen[-1] if eigen else AFZENDERS / naam
    if not pad.exists():
        raise Regelfout([Melding(f"geen afzendergegevens voor gemeente {gemeente!r}", str(pad))])
    return laad(Afzender, pad)


@dataclass(frozen=True)
class Taakregel:
    """One task: how often, how long, and why (from the indication trace)."""

    taak: str
    resultaatgebied: str
    frequentie: str
    minuten_per_keer: float | None
    minuten_per_week: float
    reden: str

    @property
    def minuten_per_week_heel(self) -> int:
        return hele_minuten(self.minuten_per_week)

    @property
    def minuten_per_keer_tekst(self) -> str:
        return "" if self.minuten_per_keer is None else getal(self.minuten_per_keer, 1)

    @property
    def kern(self) -> str:
        """The engine's first clause as one short sentence ("Voor de was: 2 keer per week, ..."), or ""."""
        return waarom_delen(self.reden)[0]

    @property
    def redenen(self) -> tuple[str, ...]:
        """The reasons one by one (each a short "omdat" clause), or the reason text in short sentences."""
        return waarom_delen(self.reden)[1]


@dataclass(frozen=True)
class Resultaatgebiedregel:
    """What the gemeente decided for one resultaatgebied (used in letter and ondersteuningsplan)."""

    naam: str
    trede: str
    minuten_per_week: float
    doel: str = ""

    @property
    def tijd_tekst(self) -> str:
        return minuten_tekst(self.minuten_per_week)


@dataclass(frozen=True)
class Trederegel:
    """The trede (intensity level) decided for an area, e.g. "Hulp bij het huishouden: Trede 4"."""

    naam: str
    label: str
    omschrijving: str = ""
    grond: str = ""


@dataclass(frozen=True)
class Statusstap:
    """One step of the status train, in plain words; ``stand`` is klaar / nu / straks."""

    tekst: str
    stand: Literal["klaar", "nu", "straks"]
    datum: dt.date | None = None

    @property
    def datum_tekst(self) -> str:
        return datum_tekst(self.datum) if self.datum else ""


@dataclass(frozen=True)
class Zorgplanafspraak:
    taak: str
    frequentie: str
    minuten_per_week: float
    afspraak: str = ""

    @property
    def minuten_per_week_heel(self) -> int:
        return hele_minuten(self.minuten_per_week)


@dataclass(frozen=True)
class Zorgplangegevens:
    """The zorgplan as attached to the letter, or the recorded reason why there is none."""

    aanbieder: str = ""
    afspraken: tuple[Zorgplanafspraak, ...] = ()
    toelichting: str = ""
    getekend_client: str = ""
    getekend_client_op: dt.date | None = None
    getekend_aanbieder: str = ""
    getekend_aanbieder_op: dt.date | None = None
    reden_geen_zorgplan: str = ""

    @property
    def totaal_minuten_per_week(self) -> int:
        return hele_minuten(sum(a.minuten_per_week for a in self.afspraken))

    @property
    def is_getekend(self) -> bool:
        """Signed by both the client and the aanbieder (the letter says so only then)."""
        return bool(self.getekend_client and self.getekend_aanbieder)

    @property
    def getekend_client_op_tekst(self) -> str:
        return datum_tekst(self.getekend_client_op)

    @property
    def getekend_aanbieder_op_tekst(self) -> str:
        return datum_tekst(self.getekend_aanbieder_op)


@dataclass(frozen=True)
class Beschikkinggegevens:
    """Everything the beschikking letter says. Built once, rendered to HTML and PDF."""

    afzender: Afzender
    client_naam: str
    client_adresregels: tuple[str, ...]
    briefdatum: dt.date
    kenmerk: str
    aanvraagdatum: dt.date | None
    gevraagd: str
    besluit: Literal["toegekend", "afgewezen"]
    motivering: str
    resultaatgebieden: tuple[Resultaatgebiedregel, ...]
    treden: tuple[Trederegel, ...]
    taken: tuple[Taakregel, ...]
    totaal_minuten_per_week: float
    normenkader: str
    normenkader_versie: str
    peildatum: dt.date
    ingangsdatum: dt.date | None
    einddatum: dt.date | None
    leveringsvorm: Leveringsvorm
    aanbieder: str
    bezwaartermijn_weken: int
    bezwaar_bron: str
    contactpersoon: str
    contact_telefoon: str
    statustrein: tuple[Statusstap, ...]
    voorbeeld: bool
    zorgplan: Zorgplangegevens = field(default_factory=Zorgplangegevens)
    versie: int = 1
    vervangt_kenmerk: str = ""
    correctie_reden: str = ""

    # Derived texts, so templates stay free of arithmetic.
    @property
    def totaal_tekst(self) -> str:
        return minuten_tekst(self.totaal_minuten_per_week)

    @property
    def totaal_minuten_heel(self) -> int:
        return hele_minuten(self.totaal_minuten_per_week)

    @property
    def totaal_uren_tekst(self) -> str:
        return uren_tekst(self.totaal_minuten_per_week)

    @property
    def leveringsvorm_tekst(self) -> str:
        return LEVERINGSVORMEN[self.leveringsvorm]

    @property
    def bezwaar_uiterlijk(self) -> dt.date:
        """Last day to object: the bezwaartermijn counted from the day after the letter (Awb 6:8), run on
        to the next working day when it ends on a weekend or algemeen erkende feestdag (Atw art. 1).

        For a year whose feestdagen are not yet in the rules the counted day is used (never later than the
        law allows, and the letter still names a date)."""
        try:
            return wettelijke_termijn(self.briefdatum, weken=self.bezwaartermijn_weken).einddatum
        except (KalenderOnbekend, Regelfout):
            return self.briefdatum + dt.timedelta(weeks=self.bezwaartermijn_weken)

    @property
    def briefdatum_tekst(self) -> str:
        return datum_tekst(self.briefdatum)

    @property
    def aanvraagdatum_tekst(self) -> str:
        return datum_tekst(self.aanvraagdatum)

    @property
    def ingangsdatum_tekst(self) -> str:
        return datum_tekst(self.ingangsdatum)

    @property
    def einddatum_tekst(self) -> str:
        return datum_tekst(self.einddatum) if self.einddatum else "geen einddatum"

    @property
    def peildatum_tekst(self) -> str:
        return datum_tekst(self.peildatum)

    @property
    def bezwaar_uiterlijk_tekst(self) -> str:
        return datum_tekst(self.bezwaar_uiterlijk)


_FREQUENTIES = {
    "per_dag": "elke dag",
    "per_week": "1 keer per week",
    "per_2_weken": "1 keer per 2 weken",
    "per_4_weken": "1 keer per 4 weken",
    "per_maand": "1 keer per maand",
    "per_jaar": "1 keer per jaar",
}


_KERN = re.compile(r"^(Voor [^:]{1,80}: [^()]*?(?:\([^()]*\))?)(?:, omdat (.+?))?\.$", re.DOTALL)


def _buiten_haakjes(tekst: str, scheiding: str) -> list[str]:
    """Split ``tekst`` on ``scheiding`` where it is not inside parentheses."""
    delen, diepte, begin, i = [], 0, 0, 0
    while i < len(tekst):
        teken = tekst[i]
        diepte += (teken == "(") - (teken == ")")
        if diepte == 0 and tekst.startswith(scheiding, i):
            delen.append(tekst[begin:i])
            i += len(scheiding)
            begin = i
            continue
        i += 1
    delen.append(tekst[begin:])
    return [d.strip() for d in delen if d.strip()]


def waarom_delen(uitleg: str) -> tuple[str, tuple[str, ...]]:
    """Split an engine explanation into its first sentence and its reasons, for short sentences.

    The engine writes "Voor <taak>: <hoe vaak>, <minuten> (<per week>), omdat A, B en C." (see
    :func:`maatwerk.engine.uitleg.activiteit_uitleg`): that becomes ("Voor <taak>: <hoe vaak>, <minuten>.",
    ("A", "B", "C")). Any other text comes back whole, as the only reason.
    """
    tekst = " ".join(uitleg.split())
    if not tekst:
        return "", ()
    m = _KERN.match(tekst)
    if m is None:
        return "", (tekst,)
    # The minutes per week are already on the task's own line: the sentence keeps how often and how long.
    kern = re.sub(r" \([\d.,]+ minuten per week\)$", "", m.group(1)) + "."
    redenen = m.group(2)
    if not redenen:
        return kern, ()
    delen = _buiten_haakjes(redenen, ", ")
    # The engine joins the last two reasons with " en " (a reason may itself hold " en ": first one wins).
    laatste = delen[-1].split(" en ", 1) if "(" not in delen[-1] else _buiten_haakjes(delen[-1], " en ")[:2]
    delen = delen[:-1] + [d.strip() for d in laatste if d.strip()]
    return kern, tuple(delen)


def frequentie_tekst(frequentie: Any) -> str:
    """Plain words for an engine frequency: a label, a known code or a number of times per week."""
    if frequentie is None:
        return ""
    for attr in ("tekst", "label", "omschrijving"):
        waarde = getattr(frequentie, attr, None)
        if isinstance(waarde, str) and waarde:
            return waarde
    if isinstance(frequentie, int | float):
        return f"{getal(frequentie)} keer per week"
    tekst = str(getattr(frequentie, "value", frequentie))
    return _FREQUENTIES.get(tekst, tekst.replace("_", " "))


def taken_uit_indicatie(ind: Indicatie) -> tuple[Taakregel, ...]:
    """Task lines from ``ind.activiteiten`` (engine contract), with the reason from each ``uitleg``."""
    regels = []
    for a in ind.activiteiten:
        if hele_minuten(a.minuten_per_week) == 0 and not getattr(a, "uitleg", ""):
            continue
        regels.append(
            Taakregel(
                taak=str(a.taak),
                resultaatgebied=str(a.resultaatgebied),
                frequentie=frequentie_tekst(a.frequentie),
                minuten_per_keer=None if a.minuten_per_keer is None else float(a.minuten_per_keer),
                minuten_per_week=float(a.minuten_per_week),
                reden=str(getattr(a, "uitleg", "") or ""),
            )
        )
    return tuple(regels)


def resultaatgebieden_uit_indicatie(
    ind: Indicatie, doelen: dict[str, str] | None = None
) -> tuple[Resultaatgebiedregel, ...]:
    """One line per resultaatgebied: its name, the minutes of its tasks and its trede when it has one."""
    doelen = doelen or {}
    return tuple(
        Resultaatgebiedregel(
            naam=g.naam,
            trede=str(ind.treden.get(g.id, "")),
            minuten_per_week=float(g.minuten_per_week),
            doel=doelen.get(g.id, ""),
        )
        for g in ind.resultaatgebieden
    )


def treden_uit_indicatie(ind: Indicatie) -> tuple[Trederegel, ...]:
    """The treden with their meaning and why (e.g. "2.08 uur per week valt in de band 1.5-2.5 uur")."""
    return tuple(
        Trederegel(naam=t.naam, label=t.label, omschrijving=t.omschrijving, grond=t.grond)
        for t in ind.trede_details
    )
