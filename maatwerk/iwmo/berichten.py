"""The iWmo 3.2 message types: BerichtCode, namespace, XSD, retour type and berichtklassen.

BerichtCodes come from COD002 Vektis (``shared/iwmo/codelijsten/COD002VEKTIS_Berichtcode.md``); the
berichtklassen (the parts of a message that carry their own RetourCodes) from the retour XSDs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

XSD = Path(__file__).resolve().parent / "xsd"
NS_BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
RELEASE, BERICHT_VERSIE, BERICHT_SUBVERSIE, XSD_VERSIE = "3.2", "3", "2", "1.0.0"


def namespace(bericht: str) -> str:
    """``WMO301`` -> ``http://www.istandaarden.nl/iwmo/3_2/wmo301/schema``."""
    return f"http://www.istandaarden.nl/iwmo/3_2/{bericht.lower()}/schema"


@dataclass(frozen=True)
class Berichttype:
    """One message type: its code, whether it is official or derived, and its retour type."""

    naam: str
    code: str
    omschrijving: str
    retour: str | None = None
    #: Element names of the berichtklassen (each gets its own RetourCodes in the retour message).
    klassen: tuple[str, ...] = ()

    @property
    def namespace(self) -> str:
        return namespace(self.naam)

    @property
    def afgeleid(self) -> bool:
        """Retour XSDs are derived from iJw 3.2 (see ``xsd/afgeleid/README.md``)."""
        return self.retour is None

    @property
    def xsd(self) -> Path:
        return XSD / ("afgeleid" if self.afgeleid else "officieel") / f"{self.naam}.xsd"


_H = "Header"
BERICHTTYPEN: dict[str, Berichttype] = {
    b.naam: b
    for b in (
        Berichttype(
            "WMO301", "414", "toewijzing", "WMO302", (_H, "Client", "Relatie", "Contact", "ToegewezenProduct")
        ),
        Berichttype("WMO305", "418", "start levering", "WMO306", (_H, "Client", "StartProduct")),
        Berichttype("WMO307", "420", "stop levering", "WMO308", (_H, "Client", "StopProduct")),
        Berichttype("WMO315", "444", "verzoek om toewijzing", "WMO316", (_H, "Client", "AangevraagdProduct")),
        Berichttype(
            "WMO317",
            "480",
            "verzoek om wijziging",
            "WMO318",
            (_H, "Client", "Verzoek", "NieuwProduct", "OngewijzigdProduct", "TeWijzigenProduct"),
        ),
        Berichttype("WMO319", "482", "antwoord op verzoek", "WMO320", (_H, "Antwoord")),
        Berichttype("WMO323", "484", "declaratie", "WMO325", (_H, "Declaratie", "Client", "Prestatie")),
        Berichttype(
            "WMO302",
            "415",
            "retour toewijzing",
            None,
            (_H, "Client", "Relatie", "Contact", "ToegewezenProduct"),
        ),
        Berichttype("WMO306", "419", "retour start levering", None, (_H, "Client", "StartProduct")),
        Berichttype("WMO308", "421", "retour stop levering", None, (_H, "Client", "StopProduct")),
        Berichttype(
            "WMO316", "445", "retour verzoek om toewijzing", None, (_H, "Client", "AangevraagdProduct")
        ),
        Berichttype(
            "WMO318",
            "481",
            "retour verzoek om wijziging",
            None,
            (_H, "Client", "Verzoek", "NieuwProduct", "OngewijzigdProduct", "TeWijzigenProduct"),
        ),
        Berichttype("WMO320", "483", "retour antwoord op verzoek", None, (_H, "Antwoord")),
        Berichttype(
            "WMO325", "485", "declaratie-antwoord", None, (_H, "DeclaratieAntwoord", "Client", "Prestatie")
        ),
    )
}
HEENBERICHTEN = tuple(b for b, t in BERICHTTYPEN.items() if t.retour)
RETOURBERICHTEN = tuple(b for b, t in BERICHTTYPEN.items() if not t.retour)
_PER_NAMESPACE = {t.namespace: t for t in BERICHTTYPEN.values()}


def uit_namespace(ns: str) -> Berichttype | None:
    """The message type whose namespace is ``ns``; ``None`` if it is not an iWmo 3.2 message."""
    return _PER_NAMESPACE.get(ns)
