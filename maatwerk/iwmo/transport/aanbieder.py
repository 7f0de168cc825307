"""A provider that answers: the other end of the file drop, run as ``maatwerk iwmo aanbieder``.

Each round it fetches its outbox (WMO301 -> answers WMO302 and remembers the toewijzingen; WMO319 ->
WMO320; the gemeente's retour messages and WMO325 are recorded), sends a WMO305 for every toewijzing
whose ingangsdatum (the zorgplan's start) has come, a WMO307 when a toewijzing ended, and on request a
monthly WMO323. Switches inject faults the gemeente must catch. Its memory is a JSON file next to its
folders; it knows nothing of the gemeente's database. Pure Python, no Django.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maatwerk.iwmo.lezen import Klasse, Onleesbaar, lees
from maatwerk.iwmo.retour import GeenRetour, bouw_retour
from maatwerk.iwmo.transport.bestandsmap import Bestandsmap, bestandsnaam
from maatwerk.iwmo.transport.opbouw import Clientgegevens, Gedeclareerd, Levering, wmo305, wmo307, wmo323
from maatwerk.iwmo.valideer import controleer

FOUTSOORTEN = ("productcode", "volume", "onbekende-start", "dubbel")
ONBEKEND_NUMMER = 99999999
#: Volume factor of the injected "volume over de toewijzing" (above the 6x week volume of TR321/IV077).
OVERVOLUME_WEKEN = 7


@dataclass
class Fouten:
    """Which faults to inject (``--fout``)."""

    soorten: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        onbekend = set(self.soorten) - set(FOUTSOORTEN)
        if onbekend:
            raise ValueError(f"onbekende fout {sorted(onbekend)[0]!r}; kies uit {', '.join(FOUTSOORTEN)}")

    def __contains__(self, soort: str) -> bool:
        return soort in self.soorten


@dataclass
class Aanbieder:
    """One simulated provider on a :class:`Bestandsmap`."""

    map: Bestandsmap
    agb: str
    fouten: Fouten = field(default_factory=Fouten)
    tarief: dict[str, int] = field(default_factory=dict)
    #: The provider's own contract administration: a tariff agreed for one toewijzing (e.g. its HH class),
    #: before ``tarief`` per unit.
    tarief_per_toewijzing: dict[int, int] = field(default_factory=dict)
    staat: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.staatbestand = self.map.wortel / self.agb / "aanbieder.json"
        if self.staatbestand.exists():
            self.staat = json.loads(self.staatbestand.read_text("utf-8"))
        for sleutel in ("toewijzingen", "clienten", "gestart", "gestopt", "antwoorden", "gedeclareerd"):
            self.staat.setdefault(sleutel, {} if sleutel != "antwoorden" else [])
        self.staat.setdefault("volgnummer", 0)
        self.staat.setdefault("gemeente", "")

    # --- helpers -----------------------------------------------------------------------------------

    def _volgend(self, prefix: str) -> str:
        self.staat["volgnummer"] += 1
        return f"{prefix}{self.staat['volgnummer']}"

    def _stuur(self, bericht: str, identificatie: str, xml: bytes, log: list[str]) -> None:
        naam = bestandsnaam(bericht, identificatie)
        self.map.schrijf(self.agb, "inbox", naam, xml)
        log.append(f"{bericht} {identificatie} verstuurd ({naam})")
        if bericht in ("WMO305", "WMO323") and "dubbel" in self:
            kopie = bestandsnaam(bericht, identificatie)
            self.map.schrijf(self.agb, "inbox", kopie, xml)
            log.append(f"{bericht} {identificatie} nogmaals verstuurd ({kopie}; fout 'dubbel')")
            self.fouten = Fouten(self.fouten.soorten - {"dubbel"})

    def __contains__(self, fout: str) -> bool:
        return fout in self.fouten

    def bewaar(self) -> None:
        self.staatbestand.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = self.staatbestand.with_suffix(".tmp")
        tijdelijk.write_text(json.dumps(self.staat, indent=1, sort_keys=True), "utf-8")
        tijdelijk.replace(self.staatbestand)

    # --- one round ---------------------------------------------------------------------------------

    def ronde(self, vandaag: dt.date, declareer: str | None = None) -> list[str]:
        """Fetch and answer, start and stop what is due, declare ``declareer`` (``JJJJ-MM``) if given."""
        log: list[str] = []
        self._ophalen(vandaag, log)
        self._starten(vandaag, log)
        self._stoppen(vandaag, log)
        if declareer:
            self._declareren(declareer, vandaag, log)
        self.bewaar()
        return log

    def _ophalen(self, vandaag: dt.date, log: list[str]) -> None:
        for pad in self.map.lijst(self.agb, "outbox"):
            try:
                gelezen = lees(pad)
            except Onleesbaar as exc:
                log.append(f"{pad.name}: onleesbaar ({exc})")
                self.map.archiveer(pad)
                continue
            soort = gelezen.type.naam
            header = gelezen.header
            ident = header.get("BerichtIdentificatie/Identificatie") if header else "?"
            if soort in ("WMO301", "WMO319"):
                resultaat = controleer(gelezen, None, vandaag)
                try:
                    retour = bouw_retour(resultaat, self._volgend("R"), vandaag)
                    self._stuur(gelezen.type.retour or "", f"R{self.staat['volgnummer']}", retour, log)
                except GeenRetour as exc:
                    log.append(f"{soort} {ident}: {exc}")
                if soort == "WMO301" and resultaat.geldig:
                    self._onthoud_toewijzingen(gelezen.klassen, header)
                log.append(f"{soort} {ident} ontvangen ({'geldig' if resultaat.geldig else 'met fouten'})")
            else:
                codes = sorted(
                    {
                        str(w)
                        for k in _alle_klassen(gelezen)
                        for s, p, w in k.items
                        if s == "veld" and p.endswith("RetourCode")
                    }
                )
                self.staat["antwoorden"].append(
                    {"bericht": soort, "identificatie": ident, "retourcodes": codes}
                )
                if soort == "WMO325":
                    self._declaratie_antwoord(gelezen.klassen)
                log.append(f"{soort} {ident} ontvangen: retourcodes {', '.join(codes) or '-'}")
            self.map.archiveer(pad)

    def _onthoud_toewijzingen(self, klassen: list[Klasse], header: Klasse | None) -> None:
        if header is not None:
            self.staat["gemeente"] = header.get("Afzender") or ""
        for client in (k for k in klassen if k.naam == "Client"):
            bsn = client.get("Bsn") or ""
            self.staat["clienten"][bsn] = {
                k: v
                for k, v in client.velden.items()
                if k
                in (
                    "Bsn",
                    "Geboortedatum/Datum",
                    "Geslacht",
                    "Naam/Geslachtsnaam/Achternaam",
                    "Naam/Geslachtsnaam/Voorvoegsel",
                    "Naam/Voorletters",
                )
            }
            for p in _alle(client, "ToegewezenProduct"):
                self.staat["toewijzingen"][p.get("ToewijzingNummer") or ""] = {
                    "bsn": bsn,
                    "categorie": p.get("Product/Categorie"),
                    "code": p.get("Product/Code"),
                    "ingangsdatum": p.get("Ingangsdatum"),
                    "einddatum": p.get("Einddatum"),
                    "reden_wijziging": p.get("RedenWijziging"),
                    "volume": int(p.get("Omvang/Volume") or 0),
                    "eenheid": p.get("Omvang/Eenheid"),
                    "frequentie": p.get("Omvang/Frequentie"),
                }

    def _declaratie_antwoord(self, klassen: list[Klasse]) -> None:
        for k in klassen:
            for p in _alle(k, "Prestatie"):
                ref = p.get("ProductReferentie/ReferentieNummer") or ""
                if ref in self.staat["gedeclareerd"]:
                    self.staat["gedeclareerd"][ref]["afgewezen"] = True

    def _levering(self, nummer: str, t: dict[str, Any], begindatum: dt.date, **anders: Any) -> Levering:
        return Levering(
            toewijzingnummer=int(nummer),
            categorie=t["categorie"],
            code=t["code"],
            toewijzing_ingangsdatum=dt.date.fromisoformat(t["ingangsdatum"]),
            begindatum=begindatum,
            **anders,
        )

    def _client(self, bsn: str) -> Clientgegevens:
        return Clientgegevens.uit_velden(self.staat["clienten"][bsn])

    def _starten(self, vandaag: dt.date, log: list[str]) -> None:
        per_client: dict[str, list[Levering]] = {}
        for nummer, t in sorted(self.staat["toewijzingen"].items()):
            ingang = dt.date.fromisoformat(t["ingangsdatum"])
            if nummer in self.staat["gestart"] or t["reden_wijziging"] == "13" or ingang > vandaag:
                continue
            per_client.setdefault(t["bsn"], []).append(self._levering(nummer, t, ingang))
            self.staat["gestart"][nummer] = ingang.isoformat()
        for bsn, starts in per_client.items():
            if "onbekende-start" in self:
                eerste = starts[0]
                starts.append(
                    Levering(
                        ONBEKEND_NUMMER,
                        eerste.categorie,
                        eerste.code,
                        eerste.toewijzing_ingangsdatum,
                        eerste.begindatum,
                    )
                )
            ident = self._volgend("S")
            xml = wmo305(self.agb, self.staat["gemeente"], ident, vandaag, self._client(bsn), starts)
            self._stuur("WMO305", ident, xml, log)

    def _stoppen(self, vandaag: dt.date, log: list[str]) -> None:
        per_client: dict[str, list[Levering]] = {}
        for nummer, t in sorted(self.staat["toewijzingen"].items()):
            eind = dt.date.fromisoformat(t["einddatum"]) if t["einddatum"] else None
            if (
                nummer not in self.staat["gestart"]
                or nummer in self.staat["gestopt"]
                or eind is None
                or eind >= vandaag
            ):
                continue
            begin = dt.date.fromisoformat(self.staat["gestart"][nummer])
            reden = "19" if t["reden_wijziging"] in (None, "") else "36"  # WMO588: volgens plan / gemeente
            per_client.setdefault(t["bsn"], []).append(
                self._levering(nummer, t, begin, einddatum=max(eind, begin), reden_beeindiging=reden)
            )
            self.staat["gestopt"][nummer] = eind.isoformat()
        for bsn, stops in per_client.items():
            ident = self._volgend("E")
            xml = wmo307(self.agb, self.staat["gemeente"], ident, vandaag, self._client(bsn), stops)
            self._stuur("WMO307", ident, xml, log)

    def _declareren(self, maand: str, vandaag: dt.date, log: list[str]) -> None:
        jaar, mnd = (int(x) for x in maand.split("-"))
        laatste = calendar.monthrange(jaar, mnd)[1]
        prestaties: list[Gedeclareerd] = []
        for nummer, t in sorted(self.staat["toewijzingen"].items()):
            if nummer not in self.staat["gestart"]:
                continue
            ingang = dt.date.fromisoformat(t["ingangsdatum"])
            eind_toewijzing = dt.date.fromisoformat(t["einddatum"]) if t["einddatum"] else None
            # TR387/TR388: one prestatie per toewijzing per calendar month, clipped to the toewijzing
            begin = max(dt.date(jaar, mnd, 1), ingang)
            eind = dt.date(jaar, mnd, laatste)
            if eind_toewijzing is not None:
                eind = min(eind, eind_toewijzing)
            if eind < begin:
                continue
            dagen = (eind - begin).days + 1
            volume = round(t["volume"] * dagen / 7) if t["frequentie"] == "2" else t["volume"]
            prestaties.append(
                Gedeclareerd(
                    referentienummer=self._volgend("P"),
                    bsn=t["bsn"],
                    toewijzingnummer=int(nummer),
                    categorie=t["categorie"],
                    code=t["code"],
                    begindatum=begin,
                    einddatum=eind,
                    volume=max(volume, 1),
                    eenheid=t["eenheid"],
                    tarief=self.tarief_per_toewijzing.get(int(nummer), self.tarief.get(t["eenheid"], 0)),
                )
            )
        if not prestaties:
            log.append(f"niets te declareren over {maand}")
            return
        if "productcode" in self:
            p = prestaties[0]
            prestaties[0] = Gedeclareerd(**{**vars(p), "code": "ZZ999"})
        if "volume" in self:
            p = prestaties[-1]
            t = self.staat["toewijzingen"][str(p.toewijzingnummer)]
            prestaties[-1] = Gedeclareerd(**{**vars(p), "volume": t["volume"] * OVERVOLUME_WEKEN + 1})
        for p in prestaties:
            self.staat["gedeclareerd"][p.referentienummer] = {
                "toewijzing": p.toewijzingnummer,
                "volume": p.volume,
            }
        ident = self._volgend("D")
        periode = (dt.date(jaar, mnd, 1), dt.date(jaar, mnd, laatste))
        xml = wmo323(
            self.agb,
            self.staat["gemeente"],
            ident,
            vandaag,
            f"{jaar}{mnd:02d}{ident}"[:12],
            periode,
            prestaties,
        )
        self._stuur("WMO323", ident, xml, log)


def _alle(klasse: Klasse, naam: str) -> list[Klasse]:
    uit: list[Klasse] = []
    for kind in klasse.kinderen():
        if kind.naam == naam:
            uit.append(kind)
        uit.extend(_alle(kind, naam))
    return uit


def _alle_klassen(gelezen: Any) -> list[Klasse]:
    uit: list[Klasse] = [gelezen.header] if gelezen.header is not None else []
    stapel = list(gelezen.klassen)
    while stapel:
        k = stapel.pop()
        uit.append(k)
        stapel.extend(k.kinderen())
    return uit


def staatbestand(wortel: Path, agb: str) -> Path:
    return Path(wortel) / agb / "aanbieder.json"
