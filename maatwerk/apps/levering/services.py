"""State changes of levering: zorgplan (draft, change, sign), toewijzing, start/stop, einde recht; WMO301.

Every change is one transaction: it checks its preconditions (Dutch :class:`Geweigerd`, nothing stored),
stores, sets the Zaak status where the step implies one and writes its audit entry. ``besluiten`` calls
:func:`zorgplan_volgt_plan`, :func:`getekend_zorgplan`, :func:`wijs_toe` and :func:`vervang_toewijzing`;
levering itself knows the plan and the beschikking only through the zaak's relations (no import back).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.cases.services import OngeldigeStatusovergang, zet_status
from maatwerk.apps.clients.services import controleer_identiteit
from maatwerk.apps.gemeente import selectors as gemeentegegevens

from .iwmo import (
    IwmoClient,
    Iwmofout,
    IwmoProduct,
    Wmo301Bericht,
    codelijst,
    gemeente_iwmo,
    maak_wmo301,
    product_voor,
    valideer_wmo301,
)
from .models import Leveringsvorm, Notificatie, Toewijzing, Zorgplan

__all__ = [
    "Geweigerd",
    "Iwmofout",
    "beeindig_recht",
    "concept_afspraken",
    "gemeente",
    "getekend_zorgplan",
    "herroep_start",
    "herroep_stop",
    "markeer_gelezen",
    "start_levering",
    "stop_levering",
    "teken_zorgplan",
    "vervang_toewijzing",
    "wijs_later_toe",
    "wijs_toe",
    "wijzig_zorgplan",
    "toegewezen_producten",
    "wmo301",
    "wmo301_bericht",
    "zorgplan_voor",
    "zorgplan_volgt_plan",
]

Afspraak = dict[str, Any]

#: TextChoices members as plain str (without django-stubs mypy types them as (value, label) tuples).
ZIN = str(Leveringsvorm.ZIN)
S_BEEINDIGD = str(Status.BEEINDIGD)
S_BESLUIT = str(Status.BESLUIT)
S_LEVERING_GESTART = str(Status.LEVERING_GESTART)
S_TOEGEWEZEN = str(Status.TOEGEWEZEN)


class Geweigerd(Exception):
    """The step is not allowed now; ``str()`` is the Dutch reason for the user. Nothing was stored."""


def gemeente() -> str:
    naam: str = getattr(settings, "MAATWERK_GEMEENTE", "Voorbeeldstad")
    return naam


# --- zorgplan ------------------------------------------------------------------------------------


def concept_afspraken(activiteiten: list[dict[str, Any]]) -> list[Afspraak]:
    """The zorgplan starts from the same tasks and frequencies as the ondersteuningsplan."""
    return [
        {
            "activiteit": a["id"],
            "taak": a["taak"],
            "frequentie": a["frequentie"],
            "minuten_per_week": int(a["minuten_per_week"]),
            "afspraak": "",
        }
        for a in activiteiten
        if int(a["minuten_per_week"]) > 0
    ]


def zorgplan_volgt_plan(zaak: Zaak, activiteiten: list[dict[str, Any]], user: Any) -> None:
    """Keep an existing zorgplan on the plan's tasks; when they change, the signatures lapse.

    Called by ``besluiten`` inside the transaction that stores the ondersteuningsplan (whose audit entry
    covers this change).
    """
    zorgplan = Zorgplan.objects.filter(zaak=zaak).first()
    if zorgplan is None:
        return
    oud = {a["activiteit"]: a for a in zorgplan.afspraken}
    nieuw = [
        {**a, "afspraak": oud.get(a["activiteit"], {}).get("afspraak", "")}
        for a in concept_afspraken(activiteiten)
    ]
    if nieuw == zorgplan.afspraken:
        return
    Zorgplan.objects.filter(pk=zorgplan.pk).update(
        afspraken=nieuw,
        versie=F("versie") + 1,
        gewijzigd_door=user,
        gewijzigd_op=timezone.now(),
        getekend_client_naam="",
        getekend_client_op=None,
        client_handtekening_vastgelegd_door=None,
        getekend_aanbieder_door=None,
        getekend_aanbieder_op=None,
    )


def zorgplan_voor(zaak: Zaak, user: Any) -> Zorgplan:
    """The zaak's zorgplan; created as a draft for the zaak's aanbieder when there is none yet."""
    with transaction.atomic():
        bestaand: Zorgplan | None = Zorgplan.objects.filter(zaak=zaak).first()
        if bestaand is not None:
            return bestaand
        plan = getattr(zaak, "ondersteuningsplan", None)
        if plan is None:
            raise Geweigerd("De gemeente heeft nog geen ondersteuningsplan vastgesteld voor deze cliënt.")
        if zaak.aanbieder_id is None:
            raise Geweigerd("Er is nog geen aanbieder gekozen voor deze zaak.")
        zorgplan: Zorgplan = Zorgplan.objects.create(
            zaak=zaak,
            aanbieder=zaak.aanbieder,
            afspraken=concept_afspraken(plan.activiteiten),
            gewijzigd_door=user,
        )
        log_persoonsgegevens(
            user, zaak.client, "schrijven", f"concept-zorgplan zaak {zaak.pk}", "zorgplan opstellen"
        )
        return zorgplan


_HANDTEKENINGEN = [
    "getekend_client_naam",
    "getekend_client_op",
    "client_handtekening_vastgelegd_door",
    "getekend_aanbieder_door",
    "getekend_aanbieder_op",
]


def wijzig_zorgplan(
    zorgplan: Zorgplan, user: Any, verwachte_versie: int, afspraken: dict[str, str], toelichting: str
) -> Zorgplan:
    """Save the agreements per task (optimistic locking); signatures lapse when the content changes."""
    with transaction.atomic():
        if zorgplan.zaak.beschikkingen.exists():
            raise Geweigerd(
                "Er is al een beschikking afgegeven op basis van dit zorgplan; het is vastgelegd."
            )
        nieuw = [
            {
                **a,
                "afspraak": afspraken.get(a["activiteit"], a.get("afspraak", ""))
                .replace("\r\n", "\n")
                .strip(),
            }
            for a in zorgplan.afspraken
        ]
        gewijzigd = nieuw != zorgplan.afspraken or toelichting.strip() != zorgplan.toelichting
        zorgplan.afspraken = nieuw
        zorgplan.toelichting = toelichting.strip()
        zorgplan.gewijzigd_door = user
        velden = ["afspraken", "toelichting", "gewijzigd_door", "gewijzigd_op"]
        if gewijzigd:
            zorgplan.opgeslagen += 1  # the version the aanbieder sees counts saves, not signing or locking
            velden.append("opgeslagen")
            zorgplan.getekend_client_naam, zorgplan.getekend_client_op = "", None
            zorgplan.client_handtekening_vastgelegd_door = None
            zorgplan.getekend_aanbieder_door, zorgplan.getekend_aanbieder_op = None, None
            velden += _HANDTEKENINGEN
        zorgplan.opslaan_met_versie(verwachte_versie, velden=velden)
        log_persoonsgegevens(
            user, zorgplan.zaak.client, "schrijven", f"zorgplan zaak {zorgplan.zaak_id}", "zorgplan opstellen"
        )
        return zorgplan


def teken_zorgplan(zorgplan: Zorgplan, user: Any, verwachte_versie: int, client_naam: str) -> Zorgplan:
    """Record both signatures: the provider (this user) and the client (name given, recorded by this user)."""
    with transaction.atomic():
        if not client_naam.strip():
            raise Geweigerd("Vul de naam in van de cliënt (of vertegenwoordiger) die het zorgplan tekende.")
        if not zorgplan.afspraken:
            raise Geweigerd("Het zorgplan heeft geen afspraken; er valt niets te tekenen.")
        nu = timezone.now()
        zorgplan.getekend_client_naam = client_naam.strip()[:200]
        zorgplan.getekend_client_op = nu
        zorgplan.client_handtekening_vastgelegd_door = user
        zorgplan.getekend_aanbieder_door = user
        zorgplan.getekend_aanbieder_op = nu
        zorgplan.gewijzigd_door = user
        zorgplan.opslaan_met_versie(
            verwachte_versie, velden=[*_HANDTEKENINGEN, "gewijzigd_door", "gewijzigd_op"]
        )
        log_persoonsgegevens(
            user,
            zorgplan.zaak.client,
            "schrijven",
            f"zorgplan zaak {zorgplan.zaak_id} getekend",
            "zorgplan ondertekenen",
        )
        zaak = zorgplan.zaak
        if zaak.consulent_id is not None:
            Notificatie.objects.create(
                ontvanger_id=zaak.consulent_id,
                zaak=zaak,
                tekst=f"Zorgplan zaak {zaak.pk} ondertekend door {zorgplan.aanbieder} en de cliënt.",
            )
        return zorgplan


def markeer_gelezen(gebruiker: Any, notificatie_pk: int) -> None:
    """The user has seen one of their notifications (no personal data: the text names only the zaak)."""
    Notificatie.objects.filter(pk=notificatie_pk, ontvanger=gebruiker, gelezen_op=None).update(
        gelezen_op=timezone.now()
    )


def getekend_zorgplan(zaak: Zaak) -> Zorgplan | None:
    """The zaak's zorgplan with what the letter needs (signed or not; ``is_getekend`` tells)."""
    zorgplan: Zorgplan | None = (
        Zorgplan.objects.filter(zaak=zaak).select_related("aanbieder", "getekend_aanbieder_door").first()
    )
    return zorgplan


# --- toewijzing en levering ----------------------------------------------------------------------


def _trede(beschikking: Any, resultaatgebied: str | None) -> str:
    """The trede the beschikking's stored indication gives ``resultaatgebied`` ("" when none)."""
    indicatie = beschikking.indicatie if beschikking.indicatie_id else None
    if indicatie is None or not resultaatgebied:
        return ""
    trede: str = (indicatie.get("treden") or {}).get(resultaatgebied) or ""
    return trede


def _nieuwe_toewijzing(
    zaak: Zaak,
    beschikking: Any,
    user: Any,
    reden_wijziging: str = "",
    vervangt: Toewijzing | None = None,
) -> Toewijzing:
    if beschikking.aanbieder is None or beschikking.ingangsdatum is None:
        raise Geweigerd("Toewijzing: de beschikking noemt geen aanbieder of ingangsdatum.")
    product = gemeentegegevens.product_op(
        gemeente(), beschikking.ingangsdatum, product_voor(gemeente(), beschikking.ingangsdatum, ZIN)
    )
    trede = _trede(beschikking, product.matrix_resultaatgebied)
    toewijzing: Toewijzing = Toewijzing.objects.create(
        zaak=zaak,
        beschikking=beschikking,
        indicatie_id=beschikking.indicatie_id,
        aanbieder=beschikking.aanbieder,
        productcategorie=product.categorie,
        productcode=product.code or "",
        volume=beschikking.totaal_minuten_per_week,
        eenheid=product.eenheid,
        frequentie=product.frequentie,
        trede=trede,
        tariefklasse=product.tariefklasse(trede),
        ingangsdatum=beschikking.ingangsdatum,
        einddatum=beschikking.einddatum,
        toegewezen_op=timezone.now(),
        reden_wijziging=reden_wijziging,
        vervangt=vervangt,
        levering_gestart_op=vervangt.levering_gestart_op if vervangt else None,
    )
    log_persoonsgegevens(
        user,
        zaak.client,
        "schrijven",
        f"toewijzing {toewijzing.pk} aan {toewijzing.aanbieder}",
        "opdracht aan aanbieder",
    )
    return toewijzing


def wijs_toe(zaak: Zaak, beschikking: Any, user: Any) -> Toewijzing:
    """Assign the care of ``beschikking`` to its provider (iWmo fields filled); zaak -> 'toegewezen'."""
    controleer_identiteit(zaak.client, Geweigerd, "een toewijzing")
    with transaction.atomic():
        toewijzing = _nieuwe_toewijzing(zaak, beschikking, user)
        zet_status(zaak, S_TOEGEWEZEN, user, f"toewijzing {toewijzing.pk} aan {toewijzing.aanbieder}")
        return toewijzing


def wijs_later_toe(zaak: Zaak, user: Any) -> Toewijzing:
    """Assign the current ZIN beschikking when that did not happen at issuing (once)."""
    with transaction.atomic():
        zaak = Zaak.objects.select_for_update(of=("self",)).select_related("client").get(pk=zaak.pk)
        b = zaak.beschikkingen.filter(correctie__isnull=True).order_by("-versie").first()
        if b is None or b.leveringsvorm != ZIN or b.aanbieder_id is None:
            raise Geweigerd("Er is geen beschikking met zorg in natura en een aanbieder om toe te wijzen.")
        if b.toewijzingen.exists() or zaak.status != S_BESLUIT:
            raise Geweigerd("Deze beschikking is al toegewezen.")
        return wijs_toe(zaak, b, user)


def vervang_toewijzing(oud: Any, nieuw: Any, user: Any) -> Toewijzing | None:
    """After a correction (ZIN): the current toewijzing of ``oud`` is replaced by one for ``nieuw``."""
    huidige = Toewijzing.objects.filter(beschikking=oud, vervangen_door__isnull=True).first()
    if huidige is None or nieuw.leveringsvorm != ZIN:
        return None
    return _nieuwe_toewijzing(nieuw.zaak, nieuw, user, reden_wijziging="14", vervangt=huidige)


def _vergrendeld(toewijzing: Toewijzing) -> Toewijzing:
    t: Toewijzing = (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("zaak", "zaak__client")
        .get(pk=toewijzing.pk)
    )
    return t


def start_levering(toewijzing: Toewijzing, user: Any, datum: dt.date) -> Toewijzing:
    """The aanbieder records the start of delivery (or its restart after a temporary stop, reason 20)."""
    with transaction.atomic():
        toewijzing = _vergrendeld(toewijzing)
        hervat = toewijzing.levering_gestopt_op is not None and toewijzing.reden_beeindiging == "20"
        if hervat and datum <= toewijzing.levering_gestopt_op:
            raise Geweigerd("Startdatum: ligt niet na de tijdelijke stop; de levering hervat daarna.")
        if toewijzing.levering_gestart_op is not None and not hervat:
            raise Geweigerd(f"De levering is al gestart op {toewijzing.levering_gestart_op:%d-%m-%Y}.")
        if datum < toewijzing.ingangsdatum:
            raise Geweigerd(
                "Startdatum: ligt vóór de ingangsdatum van de toewijzing "
                f"({toewijzing.ingangsdatum:%d-%m-%Y})."
            )
        if toewijzing.einddatum and datum > toewijzing.einddatum:
            raise Geweigerd("Startdatum: ligt na de einddatum van de toewijzing.")
        toewijzing.levering_gestart_op = datum
        toewijzing.start_vastgelegd_door = user
        # After a temporary stop (WMO588 reden 20) a new start resumes the delivery.
        toewijzing.levering_gestopt_op, toewijzing.reden_beeindiging = None, ""
        toewijzing.save(
            update_fields=[
                "levering_gestart_op",
                "start_vastgelegd_door",
                "levering_gestopt_op",
                "reden_beeindiging",
            ]
        )
        if toewijzing.zaak.status == S_TOEGEWEZEN:
            zet_status(toewijzing.zaak, S_LEVERING_GESTART, user, f"levering gestart op {datum:%d-%m-%Y}")
        log_persoonsgegevens(
            user,
            toewijzing.zaak.client,
            "schrijven",
            f"start levering toewijzing {toewijzing.pk}",
            "levering registreren",
        )
        return toewijzing


def stop_levering(toewijzing: Toewijzing, user: Any, datum: dt.date, reden: str) -> Toewijzing:
    """The aanbieder records the end of delivery with an iWmo reason (WMO588)."""
    with transaction.atomic():
        toewijzing = _vergrendeld(toewijzing)
        if toewijzing.levering_gestart_op is None:
            raise Geweigerd("De levering is nog niet gestart; registreer eerst de start.")
        if toewijzing.levering_gestopt_op is not None:
            raise Geweigerd(f"De levering is al gestopt op {toewijzing.levering_gestopt_op:%d-%m-%Y}.")
        if datum < toewijzing.levering_gestart_op:
            raise Geweigerd("Stopdatum: ligt vóór de start van de levering.")
        if reden not in codelijst("reden_beeindiging", datum).codes:
            raise Geweigerd("Reden beëindiging: kies een reden uit de lijst.")
        toewijzing.levering_gestopt_op = datum
        toewijzing.reden_beeindiging = reden
        toewijzing.stop_vastgelegd_door = user
        toewijzing.save(update_fields=["levering_gestopt_op", "reden_beeindiging", "stop_vastgelegd_door"])
        if toewijzing.zaak.status in (S_TOEGEWEZEN, S_LEVERING_GESTART) and reden != "20":
            zet_status(toewijzing.zaak, S_BEEINDIGD, user, f"levering gestopt op {datum:%d-%m-%Y}")
        log_persoonsgegevens(
            user,
            toewijzing.zaak.client,
            "schrijven",
            f"stop levering toewijzing {toewijzing.pk}",
            "levering registreren",
        )
        return toewijzing


def _zet_status_als_mogelijk(zaak: Zaak, naar: str, user: Any, toelichting: str) -> None:
    """Move the status train back where the train allows it; otherwise the zaak keeps its status."""
    with contextlib.suppress(OngeldigeStatusovergang):
        zet_status(zaak, naar, user, toelichting)


def herroep_start(toewijzing: Toewijzing, user: Any) -> Toewijzing:
    """A start reported in error is deleted (iWmo status aanlevering 3, OP033): as if never sent."""
    with transaction.atomic():
        toewijzing = _vergrendeld(toewijzing)
        if toewijzing.levering_gestart_op is None:
            raise Geweigerd("Er is geen start geregistreerd om te verwijderen.")
        if toewijzing.levering_gestopt_op is not None:
            raise Geweigerd("De levering is al beëindigd; de start kan niet meer worden verwijderd (OP033).")
        toewijzing.levering_gestart_op = None
        toewijzing.start_vastgelegd_door = None
        toewijzing.save(update_fields=["levering_gestart_op", "start_vastgelegd_door"])
        if toewijzing.zaak.status == S_LEVERING_GESTART:
            _zet_status_als_mogelijk(toewijzing.zaak, S_TOEGEWEZEN, user, "start levering verwijderd (OP033)")
        log_persoonsgegevens(
            user,
            toewijzing.zaak.client,
            "schrijven",
            f"start levering toewijzing {toewijzing.pk} verwijderd",
            "levering registreren",
        )
        return toewijzing


def herroep_stop(toewijzing: Toewijzing, user: Any) -> Toewijzing:
    """A stop reported in error is deleted (status aanlevering 3, OP033); delivery runs again."""
    with transaction.atomic():
        toewijzing = _vergrendeld(toewijzing)
        if toewijzing.levering_gestopt_op is None:
            raise Geweigerd("Er is geen stop geregistreerd om te verwijderen.")
        tijdelijk = toewijzing.reden_beeindiging == "20"
        toewijzing.levering_gestopt_op = None
        toewijzing.reden_beeindiging = ""
        toewijzing.stop_vastgelegd_door = None
        toewijzing.save(update_fields=["levering_gestopt_op", "reden_beeindiging", "stop_vastgelegd_door"])
        if toewijzing.zaak.status == S_BEEINDIGD and not tijdelijk:
            _zet_status_als_mogelijk(
                toewijzing.zaak, S_LEVERING_GESTART, user, "stop levering verwijderd (OP033)"
            )
        log_persoonsgegevens(
            user,
            toewijzing.zaak.client,
            "schrijven",
            f"stop levering toewijzing {toewijzing.pk} verwijderd",
            "levering registreren",
        )
        return toewijzing


def beeindig_recht(toewijzing: Toewijzing, user: Any, datum: dt.date, reden: str) -> Toewijzing:
    """End of entitlement recorded by the gemeente (e.g. moving away, death, end date reached)."""
    with transaction.atomic():
        toewijzing = _vergrendeld(toewijzing)
        if not reden.strip():
            raise Geweigerd("Reden einde recht: vul een reden in.")
        if datum < toewijzing.ingangsdatum:
            raise Geweigerd("Einde recht: ligt vóór de ingangsdatum van de toewijzing.")
        toewijzing.einde_recht = datum
        toewijzing.einde_recht_reden = reden.strip()[:300]
        toewijzing.save(update_fields=["einde_recht", "einde_recht_reden"])
        if toewijzing.zaak.status in (S_BESLUIT, S_TOEGEWEZEN, S_LEVERING_GESTART):
            zet_status(toewijzing.zaak, S_BEEINDIGD, user, f"einde recht per {datum:%d-%m-%Y}: {reden[:100]}")
        log_persoonsgegevens(
            user,
            toewijzing.zaak.client,
            "schrijven",
            f"einde recht toewijzing {toewijzing.pk}",
            "einde recht",
        )
        return toewijzing


def _iwmo_product(t: Toewijzing, vandaag: dt.date) -> IwmoProduct:
    """``t`` as a ToegewezenProduct in its current state; a replaced or ended toewijzing carries its end."""
    einddatum, reden = t.einde_recht or t.einddatum, t.reden_wijziging or None
    opvolger = getattr(t, "vervangen_door", None)
    if opvolger is not None:
        if t.levering_gestart_op is None:
            einddatum, reden = t.ingangsdatum, "13"  # WMO002 13: sent in error, considered not sent
        else:
            einddatum, reden = max(t.ingangsdatum, opvolger.ingangsdatum - dt.timedelta(days=1)), "05"
    elif t.einde_recht is not None and (t.einddatum is None or t.einde_recht < t.einddatum):
        reden = reden or "05"  # WMO002 05: shortened (herbeoordeling: verkorting toewijzing)
    return IwmoProduct(
        toewijzingnummer=t.pk,
        categorie=t.productcategorie,
        code=t.productcode or None,
        volume=t.volume,
        eenheid=t.eenheid,
        frequentie=t.frequentie,
        ingangsdatum=t.ingangsdatum,
        einddatum=einddatum,
        toewijzingsmoment=timezone.localtime(t.toegewezen_op),
        reden_wijziging=reden,
    )


def toegewezen_producten(client: Any, aanbieder: Any, vandaag: dt.date) -> list[tuple[IwmoProduct, bool]]:
    """Every toewijzing of ``client`` at ``aanbieder`` as a WMO301 product, with whether it is current.

    Current: not replaced and its (effective) einddatum not before ``vandaag``. The caller decides which
    non-current ones were changed since the last WMO301 (those are sent once more, with their end).
    """
    uit = []
    for t in (
        Toewijzing.objects.filter(zaak__client=client, aanbieder=aanbieder)
        .select_related("vervangen_door")
        .order_by("pk")
    ):
        p = _iwmo_product(t, vandaag)
        actueel = getattr(t, "vervangen_door", None) is None and (
            p.einddatum is None or p.einddatum >= vandaag
        )
        uit.append((p, actueel))
    return uit


def wmo301_bericht(
    client: Any, aanbieder: Any, producten: tuple[IwmoProduct, ...], identificatie: str, dagtekening: dt.date
) -> bytes:
    """A validated WMO301 for ``client`` at ``aanbieder`` with exactly ``producten``."""
    if not client.bsn or client.geboortedatum is None:
        raise Geweigerd("Voor een iWmo-toewijzing zijn BSN en geboortedatum van de cliënt nodig.")
    bericht = Wmo301Bericht(
        gemeentecode=gemeente_iwmo(gemeente(), dagtekening).gemeentecode.waarde,
        agb_code=aanbieder.agb_code,
        identificatie=identificatie[:12],
        dagtekening=dagtekening,
        client=IwmoClient(
            bsn=client.bsn,
            geboortedatum=client.geboortedatum,
            achternaam=client.achternaam,
            voornamen=client.voornamen,
            tussenvoegsel=client.tussenvoegsel,
            straat=client.straat,
            huisnummer=client.huisnummer,
            postcode=client.postcode,
            woonplaats=client.woonplaats,
            telefoon=client.telefoon,
        ),
        producten=producten,
    )
    xml = maak_wmo301(bericht)
    valideer_wmo301(xml)
    return xml


def wmo301(toewijzing: Toewijzing) -> bytes:
    """The toewijzing as a validated iWmo WMO301 message (all current toewijzingen for client + aanbieder)."""
    zaak = toewijzing.zaak
    lopend = Toewijzing.objects.filter(
        zaak__client=zaak.client,
        aanbieder=toewijzing.aanbieder,
        vervangen_door__isnull=True,
        levering_gestopt_op__isnull=True,
    )
    vandaag = timezone.localdate()
    producten = tuple(_iwmo_product(t, vandaag) for t in lopend.order_by("pk"))
    return wmo301_bericht(zaak.client, toewijzing.aanbieder, producten, f"T{toewijzing.pk}", vandaag)
