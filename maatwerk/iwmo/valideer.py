"""Validate one iWmo 3.2 message in the four levels of the standard (IV028), without storing anything.

1. XSD (:mod:`maatwerk.iwmo.lezen`): a message that fails gets no retour message, only the report;
2. technical rules per message (TR ``xslt`` + CD/CS): any violation rejects the whole message (0001);
3. rules across messages, against a :class:`~maatwerk.iwmo.geschiedenis.Berichtgeschiedenis`;
4. external lists (CBS gemeentecodes, the gemeente's productcodes) and the clock (TR135).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maatwerk.iwmo.catalogus import catalogus
from maatwerk.iwmo.controles import (  # noqa: F401  (niveau2-4 register the checks)
    CONTROLES,
    VRAAGT,
    Overtreding,
    niveau2,
    niveau3,
    niveau4,
    standaard_context,
)
from maatwerk.iwmo.geschiedenis import Berichtgeschiedenis
from maatwerk.iwmo.lezen import Gelezen, XsdFout, lees


@dataclass
class Validatieresultaat:
    """The outcome of :func:`valideer`: the read message, XSD errors and rule violations per level."""

    gelezen: Gelezen
    overtredingen: list[Overtreding] = field(default_factory=list)
    #: Levels not checked, with the reason (e.g. level 3 without a history).
    niet_gecontroleerd: dict[int, str] = field(default_factory=dict)

    @property
    def bericht(self) -> str:
        return self.gelezen.type.naam

    @property
    def xsd_fouten(self) -> list[XsdFout]:
        return self.gelezen.xsd_fouten

    @property
    def geldig(self) -> bool:
        return self.gelezen.xsd_geldig and not self.overtredingen

    def niveau(self, overtreding: Overtreding) -> int:
        return catalogus().regels[overtreding.regel].niveau

    @property
    def technisch_afgekeurd(self) -> bool:
        """Level 2 failed: the retour message is only a Header with 0001 (IV028/IV087)."""
        return any(self.niveau(o) == 2 for o in self.overtredingen)

    def als_lijst(self) -> list[dict[str, Any]]:
        """Every problem as ``{element, code, regel, tekst}`` (XSD errors: code ``None``, regel ``XSD``)."""
        xsd = [
            {
                "element": f.element,
                "code": None,
                "regel": "XSD",
                "tekst": f.tekst,
                "regelnummer": f.regelnummer,
            }
            for f in self.xsd_fouten
        ]
        return xsd + [o.als_dict() for o in self.overtredingen]


def valideer(
    bron: Path | str | bytes,
    geschiedenis: Berichtgeschiedenis | None = None,
    vandaag: dt.date | None = None,
) -> Validatieresultaat:
    """Check levels 1-4 (level 3 only with a ``geschiedenis``); :class:`Onleesbaar` on unreadable input."""
    return controleer(lees(bron), geschiedenis, vandaag)


def controleer(
    gelezen: Gelezen, geschiedenis: Berichtgeschiedenis | None = None, vandaag: dt.date | None = None
) -> Validatieresultaat:
    """Levels 2-4 on an already read (XSD-valid) message."""
    resultaat = Validatieresultaat(gelezen)
    if not gelezen.xsd_geldig:
        resultaat.niet_gecontroleerd = {
            n: "het bericht voldoet niet aan het XSD (niveau 1)" for n in (2, 3, 4)
        }
        return resultaat
    regels = catalogus().regels
    ctx = standaard_context(gelezen, vandaag, geschiedenis)
    if geschiedenis is None:
        resultaat.niet_gecontroleerd[3] = "geen berichtgeschiedenis opgegeven"
    overgeslagen: list[str] = []
    for code, controle in CONTROLES.items():
        regel = regels[code]
        if gelezen.type.naam not in regel.berichten or (regel.niveau == 3 and geschiedenis is None):
            continue
        if code in VRAAGT and not isinstance(geschiedenis, VRAAGT[code]):
            overgeslagen.append(code)
            continue
        resultaat.overtredingen.extend(controle(ctx))
    if overgeslagen:
        resultaat.niet_gecontroleerd[3] = (
            f"{', '.join(overgeslagen)}: de berichtgeschiedenis kent die eerdere berichten niet "
            "(start en stop, of verzoeken)"
        )
    resultaat.overtredingen.sort(key=lambda o: (regels[o.regel].niveau, o.klasse.regelnummer))
    return resultaat
