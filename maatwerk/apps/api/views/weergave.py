"""Models as the API's JSON (see :mod:`maatwerk.apps.api.schemas`); reads only what the selectors loaded."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from maatwerk.apps.cases.models import STATUS_UITLEG, Status
from maatwerk.apps.cases.termijnen import termijnen_van

BASIS = "/api/v1"


def aanbieder(a: Any) -> dict[str, Any] | None:
    return None if a is None else {"naam": a.naam, "agbCode": a.agb_code or None}


def zaak_samenvatting(z: Any) -> dict[str, Any]:
    return {
        "uuid": z.uuid,
        "url": f"{BASIS}/zaken/{z.uuid}",
        "status": z.status,
        "statusOmschrijving": Status(z.status).label,
        "soortMelding": z.soort_melding,
        "kanaal": z.kanaal,
        "melddatum": z.melddatum,
        "spoed": z.spoed,
        "aanbieder": aanbieder(z.aanbieder),
    }


def zaak(z: Any) -> dict[str, Any]:
    c = z.client
    termijnen = termijnen_van(z, timezone.localdate())
    return zaak_samenvatting(z) | {
        "statusUitleg": STATUS_UITLEG[z.status],
        "aanvraagdatum": z.aanvraagdatum,
        "besluitdatum": z.besluitdatum,
        "client": {"bsn": c.bsn, "naam": c.naam, "geboortedatum": c.geboortedatum, "adres": c.adres},
        "statusgeschiedenis": [
            {
                "van": e.van_status or None,
                "naar": e.naar_status,
                "tijdstip": e.tijdstip,
                "toelichting": e.toelichting,
            }
            for e in z.statusevents.all()
        ],
        "termijnen": [
            {
                "id": t.id,
                "naam": t.naam,
                "start": t.start,
                "uiterlijk": t.uiterlijk,
                "laatsteDag": t.laatste_dag,
                "opgeschorteDagen": t.opgeschorte_dagen,
                "gehaaldOp": t.gehaald_op,
                "stand": t.stand,
            }
            for t in termijnen
        ],
    }


def onderzoek(o: Any) -> dict[str, Any]:
    i = o.indicatie
    return {
        "uuid": o.uuid,
        "url": f"{BASIS}/onderzoeken/{o.uuid}",
        "zaak": o.zaak.uuid,
        "gespreksdatum": o.gespreksdatum,
        "verslagGedeeldOp": o.verslag_gedeeld_op,
        "afgerondOp": o.afgerond_op,
        "indicatie": None
        if i is None
        else {
            "kader": i.kader,
            "kaderVersie": i.kader_versie,
            "regelbestandSha256": i.regelbestand_sha256,
            "urenPerWeek": i.get("uren_per_week"),
            "vastgelegdOp": i.aangemaakt_op,
            "situatie": i.situatie,
            "resultaat": i.resultaat,
        },
    }


def beschikking(b: Any) -> dict[str, Any]:
    return {
        "uuid": b.uuid,
        "url": f"{BASIS}/beschikkingen/{b.uuid}",
        "pdf": f"{BASIS}/beschikkingen/{b.uuid}/pdf",
        "zaak": b.zaak.uuid,
        "kenmerk": b.kenmerk,
        "versie": b.versie,
        "besluit": b.besluit,
        "ingangsdatum": b.ingangsdatum,
        "einddatum": b.einddatum,
        "leveringsvorm": b.leveringsvorm,
        "aanbieder": aanbieder(b.aanbieder),
        "minutenPerWeek": b.totaal_minuten_per_week,
        "normenkader": b.normenkader,
        "normenkaderVersie": b.normenkader_versie,
        "inhoudshash": b.inhoudshash,
        "afgegevenOp": b.afgegeven_op,
        "vervangen": b.is_vervangen,
    }


def toewijzing(t: Any) -> dict[str, Any]:
    return {
        "uuid": t.uuid,
        "url": f"{BASIS}/toewijzingen/{t.uuid}",
        "zaak": t.zaak.uuid,
        "beschikking": t.beschikking.uuid,
        "aanbieder": aanbieder(t.aanbieder),
        "productcategorie": t.productcategorie,
        "productcode": t.productcode,
        "volume": t.volume,
        "eenheid": t.eenheid,
        "frequentie": t.frequentie,
        "ingangsdatum": t.ingangsdatum,
        "einddatum": t.einddatum,
        "toegewezenOp": t.toegewezen_op,
        "leveringGestartOp": t.levering_gestart_op,
        "leveringGestoptOp": t.levering_gestopt_op,
        "eindeRecht": t.einde_recht,
        "stand": t.stand,
    }


def bericht(r: Any) -> dict[str, Any]:
    """A :class:`~maatwerk.apps.api.selectors.Berichtregel` (the message with its public UUIDs)."""
    b = r.bericht
    return {
        "uuid": r.uuid,
        "url": f"{BASIS}/berichten/{r.uuid}",
        "richting": b.richting,
        "berichttype": b.berichttype,
        "identificatie": b.identificatie,
        "dagtekening": b.dagtekening,
        "afzender": b.afzender,
        "ontvanger": b.ontvanger,
        "aanbieder": aanbieder(b.aanbieder),
        "zaken": [z.uuid for z in b.zaken.all()],
        "status": b.status,
        "statusOmschrijving": b.get_status_display(),
        "retourcodes": b.retourcodes,
        "kenmerk": b.kenmerk,
        "heen": r.heen,
        "tijdstip": b.tijdstip,
        "uiterlijkAntwoord": b.uiterlijk_antwoord,
        "beantwoordOp": b.beantwoord_op,
    }


def lijst(pagina: Any, nummer: int, grootte: int, weergave: Any) -> dict[str, Any]:
    return {
        "aantal": pagina.totaal,
        "pagina": nummer,
        "paginaGrootte": grootte,
        "resultaten": [weergave(x) for x in pagina.items],
    }
