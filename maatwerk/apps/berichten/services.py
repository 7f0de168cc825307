"""State changes of the iWmo exchange: receive a message, send pending toewijzingen, decide a verzoek.

Each function is one transaction that stores the messages, applies what they mean (start and stop of
delivery through :mod:`maatwerk.apps.levering.services`, verzoeken, declared prestaties), writes the
answer to the transport and writes its audit entries. Validation itself is :mod:`maatwerk.iwmo`.
Nothing here knows whether the aanbieder is real or the simulator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.besluiten import services as besluiten
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.clients.models import Client
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.iwmo.geschiedenis import DatabaseGeschiedenis
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.iwmo.lezen import Gelezen, Klasse, Onleesbaar, lees
from maatwerk.iwmo.retour import bouw_retour, schrijf_wmo325, valideer_retourbestand
from maatwerk.iwmo.transport import Transport
from maatwerk.iwmo.transport.bestandsmap import Bestandsmap, bestandsnaam
from maatwerk.iwmo.transport.opbouw import wmo319
from maatwerk.iwmo.valideer import Validatieresultaat, controleer

from . import archief
from .models import Bericht, Berichtstatus, Prestatie, Richting, Verzoek, Verzoeksoort, Verzoekstatus
from .tarieven import contracttarief
from .termijnen import Soort, uiterlijk

__all__ = [
    "Onverwerkbaar",
    "Ontvangst",
    "beslis_verzoek",
    "ontvang",
    "ontvang_alles",
    "transport",
    "verstuur_toewijzingen",
]

ONTVANGBAAR = ("WMO302", "WMO305", "WMO307", "WMO315", "WMO317", "WMO320", "WMO323")
GEEN_OPMERKING = "0200"
TR418, TR346 = "0611", "9346"  # WJ001 retourcodes of the tariff checks done here


class Onverwerkbaar(ValueError):
    """The message cannot be processed at all (Dutch reason); nothing was stored or sent."""


def transport() -> Bestandsmap:
    """The configured file drop (``MAATWERK_IWMO_MAP``, default ``<DATA_DIR>/iwmo``, i.e. ``var/iwmo``)."""
    wortel = getattr(settings, "MAATWERK_IWMO_MAP", None) or Path(settings.DATA_DIR) / "iwmo"
    return Bestandsmap(wortel)


@dataclass
class Ontvangst:
    """The outcome of :func:`ontvang`; :meth:`als_dict` is the ``--json`` of ``maatwerk iwmo ontvang``."""

    bericht: str
    identificatie: str | None
    verwerkt: bool
    retourcodes: list[dict[str, Any]] = field(default_factory=list)
    retourbestand: str | None = None
    meldingen: list[str] = field(default_factory=list)
    status: str = ""

    def als_dict(self) -> dict[str, Any]:
        return {
            "bericht": self.bericht,
            "identificatie": self.identificatie,
            "verwerkt": self.verwerkt,
            "retourcodes": [
                {"element": r["element"], "code": r["code"], "regel": r["regel"]} for r in self.retourcodes
            ],
            "retourbestand": self.retourbestand,
        }


# --- helpers ---------------------------------------------------------------------------------------


def _alle(klasse: Klasse, naam: str) -> Iterator[Klasse]:
    for kind in klasse.kinderen():
        if kind.naam == naam:
            yield kind
        yield from _alle(kind, naam)


def _datum(tekst: str | None) -> dt.date | None:
    return dt.date.fromisoformat(tekst) if tekst else None


def _codes_per_klasse(resultaat: Validatieresultaat) -> dict[int, list[str]]:
    codes: dict[int, list[str]] = {}
    for o in resultaat.overtredingen:
        if o.retourcode:
            codes.setdefault(id(o.klasse), []).append(o.retourcode)
    return codes


def _retourcodes_in(gelezen: Gelezen) -> list[dict[str, Any]]:
    """Every RetourCode in a received retour message, with the berichtklasse it sits on."""
    uit: list[dict[str, Any]] = []

    def loop(k: Klasse) -> None:
        for soort, pad, waarde in k.items:
            if soort == "veld" and pad.endswith("RetourCode"):
                uit.append({"element": k.pad, "code": waarde, "regel": "retour"})
            elif soort == "klasse":
                loop(waarde)  # type: ignore[arg-type]

    if gelezen.header is not None:
        loop(gelezen.header)
    for k in gelezen.klassen:
        loop(k)
    return uit


#: Retourcodes kept on a message row; the rest is in the retour message itself and, for a declaratie,
#: on each Prestatie row (a 25 MB declaratie can carry tens of thousands: not one JSON value).
RETOURCODES_OP_BERICHT = 500


def _zet_retourcodes(b: Bericht, codes: list[dict[str, Any]]) -> None:
    b.retourcodes = codes[:RETOURCODES_OP_BERICHT]
    b.aantal_retourcodes = len(codes)


def _nieuw_uit(
    berichttype: str, aanbieder: Aanbieder, afzender: str, dagtekening: dt.date, **velden: Any
) -> Bericht:
    """An outgoing message row; its identificatie is its primary key (unique per type for the gemeente)."""
    b: Bericht = Bericht.objects.create(
        richting=Richting.UIT,
        berichttype=berichttype,
        identificatie="-",
        dagtekening=dagtekening,
        afzender=afzender,
        ontvanger=aanbieder.agb_code,
        aanbieder=aanbieder,
        sha256="",
        **velden,
    )
    b.identificatie = str(b.pk)
    return b


def _verstuur(b: Bericht, xml: bytes | Path, kanaal: Transport) -> None:
    """Archive the message (bytes, or a file written with :func:`archief.nieuw_bestand`, which is moved)
    and hand it to the transport; the row keeps its hash and size, never the XML itself."""
    assert b.aanbieder is not None
    naam = bestandsnaam(b.berichttype, b.identificatie)
    if isinstance(xml, Path):
        b.sha256, b.grootte = archief.bewaar_tijdelijk(xml)
        b.bestand = kanaal.verstuur_bestand(b.aanbieder.agb_code, naam, archief.pad(b.sha256))
    else:
        b.sha256, b.grootte = archief.bewaar(xml)
        b.bestand = kanaal.verstuur(b.aanbieder.agb_code, naam, xml)
    b.save(update_fields=_VELDEN)


def _log(user: Any, clients: list[Client], wat: str, waarom: str) -> None:
    for client in dict.fromkeys(clients):
        log_persoonsgegevens(user, client, "schrijven", wat, waarom)


def _gemeentecode(dagtekening: dt.date) -> str:
    from maatwerk.iwmo.codes import gemeente_iwmo

    return gemeente_iwmo(levering.gemeente(), dagtekening).gemeentecode.waarde


# --- receiving -------------------------------------------------------------------------------------


def ontvang(
    bron: Path | bytes, kanaal: Transport | None = None, user: Any = None, vandaag: dt.date | None = None
) -> Ontvangst:
    """Process one incoming message and send its retour message(s); see the module docstring.

    Raises :class:`~maatwerk.iwmo.lezen.Onleesbaar` (not XML, not iWmo 3.2, over 25 MB) or
    :class:`Onverwerkbaar` (a message the gemeente does not receive, an unknown aanbieder): then
    nothing is stored or sent. A message that fails the XSD is reported, not stored, and gets no
    retour message (IV028).
    """
    kanaal = kanaal or transport()
    vandaag = vandaag or timezone.localdate()
    gelezen = lees(bron)  # size checked before anything is read; streaming
    soort = gelezen.type.naam
    if soort not in ONTVANGBAAR:
        raise Onverwerkbaar(f"een {soort} ontvangt de gemeente niet; de gemeente verstuurt dit bericht zelf")
    if not gelezen.xsd_geldig or gelezen.header is None:
        lijst = [
            {"element": f.element, "code": None, "regel": "XSD", "tekst": f.tekst} for f in gelezen.xsd_fouten
        ]
        return Ontvangst(soort, None, False, lijst, status="voldoet niet aan het XSD; geen retourbericht")
    header = gelezen.header
    # A retour message copies the header of the message it answers: the aanbieder is its Ontvanger.
    agb = header.get("Ontvanger" if soort in ("WMO302", "WMO320") else "Afzender") or ""
    aanbieder = Aanbieder.objects.filter(agb_code=agb).first()
    if aanbieder is None:
        raise Onverwerkbaar(f"afzender {agb} is geen bekende aanbieder van de gemeente; niets verwerkt")
    with transaction.atomic():
        geschiedenis = DatabaseGeschiedenis()
        geschiedenis.vooraf(agb, _toewijzingnummers(gelezen))
        resultaat = controleer(gelezen, geschiedenis, vandaag)
        # the message byte for byte into the archive (copied in blocks), the row keeps its hash
        sha, grootte = archief.bewaar(bron) if isinstance(bron, bytes) else archief.bewaar_bestand(Path(bron))
        eerder = Bericht.objects.filter(richting=Richting.IN, sha256=sha).exists()
        heen: Bericht = Bericht.objects.create(
            richting=Richting.IN,
            berichttype=soort,
            identificatie=(header.get("BerichtIdentificatie/Identificatie") or "")[:12],
            dagtekening=_datum(header.get("BerichtIdentificatie/Dagtekening")) or vandaag,
            afzender=agb,
            ontvanger=header.get("Afzender" if soort in ("WMO302", "WMO320") else "Ontvanger") or "",
            aanbieder=aanbieder,
            status=Berichtstatus.VERWERKT,
            sha256=sha,
            grootte=grootte,
            bestand=str(bron) if not isinstance(bron, bytes) else "",
        )
        # stored with the final save (a 25 MB declaratie can carry tens of thousands of codes)
        heen.retourcodes = [o.als_dict() for o in resultaat.overtredingen]
        if soort in ("WMO302", "WMO320"):
            return _retour_ontvangen(heen, gelezen, user)
        return _heen_ontvangen(heen, gelezen, resultaat, aanbieder, kanaal, user, vandaag, eerder)


def _toewijzingnummers(gelezen: Gelezen) -> set[int]:
    return {
        int(v)
        for k in gelezen.klassen
        for kind in [k, *_alle_klassen(k)]
        if (v := kind.get("ToewijzingNummer")) and v.isdigit()
    }


def _delen(waarden: set[Any], grootte: int = 500) -> Iterator[list[Any]]:
    """Sorted chunks (SQLite limits the number of parameters per query)."""
    lijst = sorted(waarden)
    for i in range(0, len(lijst), grootte):
        yield lijst[i : i + grootte]


def _zaken_voor(aanbieder: Aanbieder, bsns: set[str], nummers: set[int]) -> list[Zaak]:
    zaken: dict[int, Zaak] = {}
    for deel in _delen(nummers):
        rijen = Zaak.objects.filter(toewijzingen__pk__in=deel, toewijzingen__aanbieder=aanbieder)
        zaken.update((z.pk, z) for z in rijen.select_related("client"))
    for deel in _delen(bsns):
        rijen = Zaak.objects.filter(client__bsn__in=deel, aanbieder=aanbieder)
        zaken.update((z.pk, z) for z in rijen.select_related("client"))
    return [zaken[pk] for pk in sorted(zaken)]


def _heen_ontvangen(
    heen: Bericht,
    gelezen: Gelezen,
    resultaat: Validatieresultaat,
    aanbieder: Aanbieder,
    kanaal: Transport,
    user: Any,
    vandaag: dt.date,
    eerder: bool,
) -> Ontvangst:
    soort = gelezen.type.naam
    header = gelezen.header
    assert header is not None
    codes = _codes_per_klasse(resultaat)
    bsns = {
        c.get("Bsn") or ""
        for k in gelezen.klassen
        for c in ([k] if k.naam == "Client" else _alle(k, "Client"))
    }
    nummers = _toewijzingnummers(gelezen)
    zaken = _zaken_voor(aanbieder, bsns, nummers)
    heen.zaken.set(zaken)
    heen.client_bsn = next(iter(bsns)) if len(bsns) == 1 else ""
    dubbel = any(o.regel == "TR056" for o in resultaat.overtredingen)
    afwijzingen: dict[str, list[str]] = {}
    extra: list[dict[str, Any]] = []
    if dubbel:
        heen.status = Berichtstatus.DUBBEL if eerder else Berichtstatus.AFGEKEURD
    elif resultaat.technisch_afgekeurd or id(header) in codes:
        heen.status = Berichtstatus.AFGEKEURD
    else:
        match soort:
            case "WMO305":
                _starts(heen, gelezen, codes, aanbieder, user)
            case "WMO307":
                _stops(heen, gelezen, codes, aanbieder, user)
            case "WMO315" | "WMO317":
                _verzoeken(heen, gelezen, codes, aanbieder, zaken, vandaag)
            case "WMO323":
                afwijzingen, extra = _declaratie(heen, gelezen, codes, aanbieder)
    retour_type = gelezen.type.retour
    assert retour_type is not None
    retour = _nieuw_uit(
        retour_type, aanbieder, header.get("Ontvanger") or "", vandaag, heen=heen, status=Berichtstatus.RETOUR
    )
    retour.client_bsn = heen.client_bsn
    termijn: Soort
    xml: bytes | Path
    if soort == "WMO323":
        # written element by element to a file (a 325 on a 25 MB declaratie is as large), then checked
        xml = archief.nieuw_bestand()
        try:
            with xml.open("wb") as f:
                schrijf_wmo325(resultaat, retour.identificatie, vandaag, f, afwijzingen)
            valideer_retourbestand(xml, "WMO325")
        except BaseException:
            xml.unlink(missing_ok=True)
            raise
        termijn = "declaratie_antwoord"
    else:
        xml = bouw_retour(resultaat, retour.identificatie, vandaag)
        termijn = "retour"
    alle = heen.retourcodes + extra
    _zet_retourcodes(retour, alle)
    # the klassen of a 25 MB message are no longer needed: freed before its answer is stored
    gelezen.klassen.clear()
    resultaat.overtredingen.clear()
    codes.clear()
    _verstuur(retour, xml, kanaal)
    del xml
    retour.zaken.set(zaken)
    _zet_retourcodes(heen, alle)
    heen.uiterlijk_antwoord = uiterlijk(termijn, vandaag)
    heen.beantwoord_op = timezone.now()
    heen.save(update_fields=_VELDEN)
    _log(
        user,
        [z.client for z in zaken],
        f"iWmo {soort} {heen.identificatie} van {aanbieder.agb_code} ontvangen, {retour_type} verzonden",
        "iWmo-berichtenverkeer",
    )
    verwerkt = heen.status == Berichtstatus.VERWERKT
    return Ontvangst(
        soort,
        heen.identificatie,
        verwerkt,
        alle,
        retour.bestand,
        heen.meldingen,
        heen.get_status_display(),
    )


#: Every field of a Bericht that processing may change after it was created.
_VELDEN = [f.name for f in Bericht._meta.concrete_fields if not f.primary_key and f.name != "tijdstip"]


def _alle_klassen(klasse: Klasse) -> Iterator[Klasse]:
    for kind in klasse.kinderen():
        yield kind
        yield from _alle_klassen(kind)


def _goed(klasse: Klasse, codes: dict[int, list[str]]) -> bool:
    """No rule violated on this klasse nor on a klasse above it."""
    k: Klasse | None = klasse
    while k is not None:
        if id(k) in codes:
            return False
        k = k.ouder
    return True


def _toewijzing(aanbieder: Aanbieder, nummer: str | None) -> Toewijzing | None:
    if not nummer:
        return None
    t: Toewijzing | None = Toewijzing.objects.filter(pk=int(nummer), aanbieder=aanbieder).first()
    return t


def _starts(
    heen: Bericht, gelezen: Gelezen, codes: dict[int, list[str]], aanbieder: Aanbieder, user: Any
) -> None:
    for k in gelezen.klassen:
        for p in _alle(k, "StartProduct"):
            t = _toewijzing(aanbieder, p.get("ToewijzingNummer"))
            begin = _datum(p.get("Begindatum"))
            if t is None or begin is None or not _goed(p, codes):
                continue
            try:
                if p.get("StatusAanlevering") == "3":
                    levering.herroep_start(t, user)
                elif t.levering_gestart_op != begin:
                    levering.start_levering(t, user, begin)
            except levering.Geweigerd as exc:
                heen.meldingen.append(f"toewijzing {t.pk}: {exc}")


def _stops(
    heen: Bericht, gelezen: Gelezen, codes: dict[int, list[str]], aanbieder: Aanbieder, user: Any
) -> None:
    for k in gelezen.klassen:
        for p in _alle(k, "StopProduct"):
            t = _toewijzing(aanbieder, p.get("ToewijzingNummer"))
            eind = _datum(p.get("Einddatum"))
            if t is None or eind is None or not _goed(p, codes):
                continue
            try:
                if p.get("StatusAanlevering") == "3":
                    levering.herroep_stop(t, user)
                elif t.levering_gestopt_op != eind:
                    levering.stop_levering(t, user, eind, p.get("RedenBeeindiging") or "")
            except levering.Geweigerd as exc:
                heen.meldingen.append(f"toewijzing {t.pk}: {exc}")


def _gevraagd(p: Klasse) -> dict[str, Any]:
    return {
        "soort": p.naam,
        "toewijzingnummer": p.get("ToewijzingNummer"),
        "categorie": p.get("Product/Categorie"),
        "code": p.get("Product/Code"),
        "ingangsdatum": p.get("ToewijzingIngangsdatum") or p.get("GewensteIngangsdatum"),
        "einddatum": p.get("ToewijzingEinddatum") or p.get("Einddatum"),
        "volume": p.get("Omvang/Volume"),
        "eenheid": p.get("Omvang/Eenheid"),
        "frequentie": p.get("Omvang/Frequentie"),
    }


def _verzoeken(
    heen: Bericht,
    gelezen: Gelezen,
    codes: dict[int, list[str]],
    aanbieder: Aanbieder,
    zaken: list[Zaak],
    vandaag: dt.date,
) -> None:
    """315: one Verzoek per AangevraagdProduct (judged separately); 317: one Verzoek for the whole."""
    termijn = uiterlijk("verzoek_antwoord", vandaag)
    for client in (k for k in gelezen.klassen if k.naam == "Client"):
        bsn = client.get("Bsn") or ""
        zaak = next((z for z in zaken if z.client.bsn == bsn), None)
        if heen.berichttype == "WMO315":
            delen = [
                (p.get("ReferentieAanbieder") or "", [_gevraagd(p)], p)
                for p in _alle(client, "AangevraagdProduct")
            ]
            soort = Verzoeksoort.TOEWIJZING
        else:
            delen = [
                (v.get("ReferentieAanbieder") or "", [_gevraagd(p) for p in _alle_klassen(v)], v)
                for v in client.kinderen("Verzoek")
            ]
            soort = Verzoeksoort.WIJZIGING
        for referentie, producten, klasse in delen:
            if not _goed(klasse, codes) or any(id(k) in codes for k in _alle_klassen(klasse)):
                continue
            Verzoek.objects.create(
                bericht=heen,
                soort=soort,
                aanbieder=aanbieder,
                zaak=zaak,
                bsn=bsn,
                referentie_aanbieder=referentie,
                producten=producten,
                uiterlijk=termijn,
            )


def _declaratie(
    heen: Bericht, gelezen: Gelezen, codes: dict[int, list[str]], aanbieder: Aanbieder
) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """Check tariffs (TR418, TR346), store every prestatie with its outcome; returns extra rejections."""
    afwijzingen: dict[str, list[str]] = {}
    extra: list[dict[str, Any]] = []
    gemeente = levering.gemeente()
    klasse: dict[int, str] = {}  # toewijzingnummer -> the toewijzing's own tariff class (its trede)
    for deel in _delen(_toewijzingnummers(gelezen)):
        qs = Toewijzing.objects.filter(pk__in=deel, aanbieder=aanbieder)
        klasse.update(qs.values_list("pk", "tariefklasse"))
    rijen: list[Prestatie] = []
    for d in gelezen.klassen:
        heen.kenmerk = (d.get("DeclaratieNummer") or "")[:12]
        for client in d.kinderen("Client") if d.naam == "Declaratie" else ():
            for p in _alle(client, "Prestatie"):
                ref = p.get("ProductReferentie/ReferentieNummer") or ""
                volume, tarief = int(p.get("GeleverdVolume") or 0), int(p.get("ProductTarief") or 0)
                bedrag = int(p.get("IngediendBedrag/Bedrag") or 0)
                begin = _datum(p.get("ProductPeriode/Begindatum")) or heen.dagtekening
                eenheid = p.get("Eenheid") or ""
                nummer = int(p.get("ToewijzingNummer") or 0)
                eigen: list[tuple[str, str, str, str]] = []
                # the contract tariff of the toewijzing's own trede; no toewijzing: TR019/TR338 reject it
                verwacht = (
                    _contracttarief(gemeente, eenheid, begin, klasse[nummer]) if nummer in klasse else None
                )
                if verwacht is not None and tarief != verwacht:
                    tekst = f"tarief {tarief}, contracttarief {verwacht} ({klasse[nummer]})"
                    eigen.append((TR418, "TR418", "ProductTarief", tekst))
                if eenheid != "83" and bedrag != volume * tarief:
                    tekst = f"bedrag {bedrag} is niet {volume} x {tarief}"
                    eigen.append((TR346, "TR346", "IngediendBedrag", tekst))
                for code, regel, element, tekst in eigen:
                    afwijzingen.setdefault(ref, []).append(code)
                    extra.append(
                        {"element": f"{p.pad}/{element}", "code": code, "regel": regel, "tekst": tekst}
                    )
                rijen.append(
                    Prestatie(
                        bericht=heen,
                        aanbieder=aanbieder,
                        toewijzing_id=nummer if nummer in klasse else None,
                        referentienummer=ref,
                        vorig_referentienummer=p.get("ProductReferentie/VorigReferentieNummer") or "",
                        toewijzingnummer=nummer,
                        bsn=client.get("Bsn") or "",
                        productcategorie=p.get("ProductCategorie") or "",
                        productcode=p.get("ProductCode") or "",
                        begindatum=begin,
                        einddatum=_datum(p.get("ProductPeriode/Einddatum")) or begin,
                        volume=volume,
                        eenheid=eenheid,
                        tarief=tarief,
                        bedrag=bedrag,
                        debet=p.get("IngediendBedrag/DebetCredit") != "C",
                        toegekend=_goed(p, codes) and ref not in afwijzingen,
                        retourcodes=codes.get(id(p), []) + afwijzingen.get(ref, []),
                    )
                )
                if len(rijen) >= 2000:  # a 25 MB declaratie: never all rows in memory at once
                    Prestatie.objects.bulk_create(rijen)
                    rijen = []
    Prestatie.objects.bulk_create(rijen)
    return afwijzingen, extra


@lru_cache(maxsize=256)
def _contracttarief(gemeente: str, eenheid: str, datum: dt.date, klasse: str) -> int | None:
    return contracttarief(gemeente, eenheid, datum, klasse)


def _retour_ontvangen(heen: Bericht, gelezen: Gelezen, user: Any) -> Ontvangst:
    """A 302 or 320 on a message the gemeente sent: find it, record the outcome and the codes."""
    header = gelezen.header
    assert header is not None
    origineel_type = {"WMO302": "WMO301", "WMO320": "WMO319"}[heen.berichttype]
    origineel: Bericht | None = Bericht.objects.filter(
        richting=Richting.UIT,
        berichttype=origineel_type,
        identificatie=header.get("BerichtIdentificatie/Identificatie") or "",
        ontvanger=heen.afzender,
    ).first()
    codes = _retourcodes_in(gelezen)
    _zet_retourcodes(heen, codes)
    heen.identificatie = (header.get("IdentificatieRetour") or heen.identificatie)[:12]
    if origineel is None:
        heen.status = Berichtstatus.AFGEKEURD
        heen.meldingen = [f"geen verzonden {origineel_type} met deze identificatie gevonden"]
        heen.save()
        return Ontvangst(heen.berichttype, heen.identificatie, False, codes, status=heen.get_status_display())
    goed = all(c["code"] == GEEN_OPMERKING for c in codes)
    origineel.status = Berichtstatus.GOEDGEKEURD if goed else Berichtstatus.FOUTEN
    _zet_retourcodes(origineel, codes)
    origineel.beantwoord_op = timezone.now()
    origineel.save(update_fields=["status", "retourcodes", "aantal_retourcodes", "beantwoord_op"])
    heen.heen = origineel
    heen.save()
    heen.zaken.set(origineel.zaken.all())
    _log(
        user,
        [z.client for z in origineel.zaken.select_related("client")],
        f"iWmo {heen.berichttype} op {origineel_type} {origineel.identificatie} ontvangen",
        "iWmo-berichtenverkeer",
    )
    return Ontvangst(heen.berichttype, heen.identificatie, True, codes, status=heen.get_status_display())


def ontvang_alles(
    kanaal: Bestandsmap | None = None, user: Any = None, vandaag: dt.date | None = None
) -> list[tuple[str, Ontvangst | str]]:
    """Process every waiting inbox file; each is archived afterwards (an unreadable one with its reason)."""
    kanaal = kanaal or transport()
    uit: list[tuple[str, Ontvangst | str]] = []
    for binnen in list(kanaal.binnengekomen()):
        try:
            uit.append((binnen.naam, ontvang(binnen.pad, kanaal, user, vandaag)))
        except (Onleesbaar, Onverwerkbaar) as exc:
            uit.append((binnen.naam, str(exc)))
        kanaal.afgehandeld(binnen)
    return uit


# --- sending toewijzingen --------------------------------------------------------------------------


def _vingerafdruk(product: Any) -> str:
    velden = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in vars(product).items()}
    velden.pop("toewijzingsmoment", None)
    return hashlib.sha256(json.dumps(velden, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _laatst_verzonden(client_bsn: str, aanbieder: Aanbieder) -> dict[str, str]:
    laatste = (
        Bericht.objects.filter(
            richting=Richting.UIT, berichttype="WMO301", aanbieder=aanbieder, client_bsn=client_bsn
        )
        .order_by("-pk")
        .first()
    )
    return dict(laatste.toestand) if laatste else {}


def verstuur_toewijzingen(
    kanaal: Transport | None = None, user: Any = None, vandaag: dt.date | None = None
) -> list[Bericht]:
    """Send a WMO301 for every client and aanbieder whose toewijzingen changed since the last one.

    The message carries the complete set of current toewijzingen plus the ones changed since (ended,
    replaced, deleted), each in its current state. Returns the messages sent.
    """
    kanaal = kanaal or transport()
    vandaag = vandaag or timezone.localdate()
    verzonden: list[Bericht] = []
    paren = (
        Toewijzing.objects.values_list("zaak__client", "aanbieder")
        .distinct()
        .order_by("zaak__client", "aanbieder")
    )
    for client_id, aanbieder_id in paren:
        with transaction.atomic():
            client = Client.objects.get(pk=client_id)
            aanbieder = Aanbieder.objects.get(pk=aanbieder_id)
            vorige = _laatst_verzonden(client.bsn or "", aanbieder)
            producten = levering.toegewezen_producten(client, aanbieder, vandaag)
            mee = [
                p
                for p, actueel in producten
                if actueel or vorige.get(str(p.toewijzingnummer)) not in (None, _vingerafdruk(p))
            ]
            if not mee or all(vorige.get(str(p.toewijzingnummer)) == _vingerafdruk(p) for p in mee):
                continue
            bericht = _nieuw_uit(
                "WMO301",
                aanbieder,
                _gemeentecode(vandaag),
                vandaag,
                status=Berichtstatus.VERZONDEN,
                client_bsn=client.bsn or "",
                uiterlijk_antwoord=uiterlijk("retour", vandaag),
            )
            bericht.toestand = {**vorige, **{str(p.toewijzingnummer): _vingerafdruk(p) for p in mee}}
            xml = levering.wmo301_bericht(client, aanbieder, tuple(mee), bericht.identificatie, vandaag)
            _verstuur(bericht, xml, kanaal)
            zaken = list(
                Zaak.objects.filter(toewijzingen__pk__in=[p.toewijzingnummer for p in mee]).distinct()
            )
            bericht.zaken.set(zaken)
            _sluit_verzoeken(client.bsn or "", aanbieder, bericht)
            log_persoonsgegevens(
                user,
                client,
                "schrijven",
                f"iWmo WMO301 {bericht.identificatie} aan {aanbieder.agb_code}",
                "toewijzing versturen",
            )
            verzonden.append(bericht)
    return verzonden


def _sluit_verzoeken(bsn: str, aanbieder: Aanbieder, bericht: Bericht) -> None:
    """A 301 answers the granted verzoeken of this client at this aanbieder (Processen: 315/317 -> 301)."""
    Verzoek.objects.filter(
        bsn=bsn, aanbieder=aanbieder, status=Verzoekstatus.TOEGEKEND, antwoord__isnull=True
    ).update(antwoord=bericht)


# --- deciding a verzoek ----------------------------------------------------------------------------

#: TextChoices members as plain str (without django-stubs mypy types them as (value, label) tuples).
V_TOEGEKEND = str(Verzoekstatus.TOEGEKEND)
V_AFGEWEZEN = str(Verzoekstatus.AFGEWEZEN)
V_IN_ONDERZOEK = str(Verzoekstatus.IN_ONDERZOEK)
REDENEN_AFWIJZING = ("1", "2", "3", "4", "5", "6", "7", "8", "9")  # WJ759


def beslis_verzoek(
    verzoek: Verzoek,
    user: Any,
    besluit: str,
    reden_afwijzing: str = "",
    toelichting: str = "",
    kanaal: Transport | None = None,
    vandaag: dt.date | None = None,
) -> Verzoek:
    """The consulent decides a verzoek: ``toegekend``, ``afgewezen`` (WJ759 reason, WMO319 with
    VerzoekAntwoord 1) or ``in_onderzoek`` (WMO319 with VerzoekAntwoord 2).

    ``toegekend`` issues the beschikking in the same transaction (:func:`_beschikking_op_verzoek`,
    through the besluiten services, which also make the toewijzing); the next WMO301 answers the
    verzoek. When the beschikking cannot be issued (no zaak, no indication, approval needed, ...) the
    reason is raised as :class:`Geweigerd` and nothing changes, the verzoek stays open."""
    kanaal = kanaal or transport()
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        verzoek = (
            Verzoek.objects.select_for_update(of=("self",))
            .select_related("aanbieder", "zaak__client")
            .get(pk=verzoek.pk)
        )
        if verzoek.status in (V_TOEGEKEND, V_AFGEWEZEN):
            raise levering.Geweigerd(
                f"Over dit verzoek is al beslist ({verzoek.get_status_display().lower()})."
            )
        if besluit not in (V_TOEGEKEND, V_AFGEWEZEN, V_IN_ONDERZOEK):
            raise levering.Geweigerd("Besluit: kies toekennen, afwijzen of in onderzoek nemen.")
        if besluit == V_AFGEWEZEN and reden_afwijzing not in REDENEN_AFWIJZING:
            raise levering.Geweigerd("Reden afwijzing: kies een reden uit de lijst (verplicht bij afwijzen).")
        if besluit == V_IN_ONDERZOEK and verzoek.status == V_IN_ONDERZOEK:
            raise levering.Geweigerd("Dit verzoek is al in onderzoek.")
        verzoek.status = besluit
        verzoek.reden_afwijzing = reden_afwijzing if besluit == V_AFGEWEZEN else ""
        verzoek.toelichting = toelichting.strip()
        verzoek.beslist_door = user
        verzoek.beslist_op = timezone.now()
        if besluit == V_TOEGEKEND:
            verzoek.beschikking = _beschikking_op_verzoek(verzoek, user)
        else:
            antwoord = _nieuw_uit(
                "WMO319",
                verzoek.aanbieder,
                _gemeentecode(vandaag),
                vandaag,
                heen=verzoek.bericht,
                status=Berichtstatus.VERZONDEN,
                client_bsn=verzoek.bsn,
                uiterlijk_antwoord=uiterlijk("retour", vandaag),
            )
            xml = wmo319(
                antwoord.afzender,
                verzoek.aanbieder.agb_code,
                antwoord.identificatie,
                vandaag,
                verzoek.referentie_aanbieder,
                "1" if besluit == V_AFGEWEZEN else "2",
                verzoek.reden_afwijzing or None,
            )
            _verstuur(antwoord, xml, kanaal)
            if verzoek.zaak is not None:
                antwoord.zaken.set([verzoek.zaak])
            verzoek.antwoord = antwoord
        verzoek.save()
        client = verzoek.zaak.client if verzoek.zaak else Client.objects.filter(bsn=verzoek.bsn).first()
        log_persoonsgegevens(
            user,
            client,
            "schrijven",
            f"verzoek {verzoek.pk} van {verzoek.aanbieder.agb_code}: {besluit}",
            "verzoek beoordelen",
        )
        return verzoek


def _ingang_en_einde(verzoek: Verzoek) -> tuple[dt.date | None, dt.date | None]:
    """The period the verzoek asks for: the earliest ingangsdatum and the latest einddatum of its
    products (no einddatum when one of them is open-ended)."""
    ingang = [d for p in verzoek.producten if (d := _datum(p.get("ingangsdatum")))]
    einde = [_datum(p.get("einddatum")) for p in verzoek.producten]
    return (min(ingang) if ingang else None), (None if not einde or None in einde else max(einde))  # type: ignore[type-var]


def _beschikking_op_verzoek(verzoek: Verzoek, user: Any) -> Any:
    """The beschikking for a granted verzoek, through the usual besluiten services: a first beschikking
    (:func:`~maatwerk.apps.besluiten.services.geef_beschikking_af`) on a zaak that has none, otherwise
    a new version of the current one (:func:`~maatwerk.apps.besluiten.services.corrigeer_beschikking`)
    with the period asked for. Both store the letter, write the audit entry and make the toewijzing
    (and its replacement) for the aanbieder; the caller's transaction holds it all together."""
    zaak = verzoek.zaak
    if zaak is None:
        raise levering.Geweigerd(
            f"Er is geen zaak van cliënt {verzoek.bsn} bij {verzoek.aanbieder}: leg eerst de aanvraag "
            "vast (melding en onderzoek), of wijs het verzoek af."
        )
    ingang, einde = _ingang_en_einde(verzoek)
    soort = (
        "verzoek om toewijzing (WMO315)"
        if verzoek.soort == Verzoeksoort.TOEWIJZING
        else ("verzoek om wijziging (WMO317)")
    )
    waarom = f"{verzoek.aanbieder} vroeg om deze toewijzing ({soort} {verzoek.referentie_aanbieder})."
    huidige = zaak.beschikkingen.filter(correctie__isnull=True).order_by("-versie").first()
    if huidige is None:
        besluit = besluiten.Besluitgegevens(
            besluit=besluiten.B_TOEGEKEND,
            ingangsdatum=ingang,
            einddatum=einde,
            leveringsvorm=besluiten.ZIN,
            gevraagd=besluiten.hulpvraag_voor_brief(zaak),
            motivering=verzoek.toelichting.strip(),
            reden_geen_zorgplan=f"Het zorgplan volgt: {waarom}",
        )
        return besluiten.geef_beschikking_af(zaak, user, besluit)
    besluit = besluiten.Besluitgegevens(
        besluit=huidige.besluit,
        ingangsdatum=ingang or huidige.ingangsdatum,
        einddatum=einde,
        leveringsvorm=huidige.leveringsvorm or besluiten.ZIN,
        gevraagd=huidige.gevraagd,
        motivering=huidige.motivering,
        reden_geen_zorgplan=huidige.reden_geen_zorgplan,
    )
    return besluiten.corrigeer_beschikking(huidige, user, f"Toegekend {soort}: {waarom}", besluit)
