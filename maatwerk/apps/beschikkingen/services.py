"""The steps from indication to delivery: ondersteuningsplan, zorgplan, beschikking, toewijzing, levering.

Every step is one transaction: it checks its preconditions (Dutch :class:`Geweigerd` with the reason),
stores, writes the Zaak status event through web-core's ``zet_status`` and an audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import STATUS_UITLEG, TREIN, Status, Zaak
from maatwerk.apps.cases.status import OngeldigeStatusovergang, zet_status
from maatwerk.regels.laden import Regelfout

from . import brief as b
from .iwmo import IwmoClient, IwmoProduct, Wmo301Bericht, maak_wmo301, product_voor, valideer_wmo301
from .models import Beschikking, Besluit, Leveringsvorm, Ondersteuningsplan, Toewijzing, Zorgplan
from .render import inhoudshash, render_html, render_pdf


class Geweigerd(Exception):
    """The step is not allowed now; ``str()`` is the Dutch reason for the user. Nothing was stored."""


def gemeente() -> str:
    return getattr(settings, "MAATWERK_GEMEENTE", "Voorbeeldstad")


def _indicatie_json(zaak: Zaak) -> dict[str, Any]:
    plan = getattr(zaak, "ondersteuningsplan", None)
    if plan is not None:
        return plan.indicatie
    onderzoek = getattr(zaak, "onderzoek", None)
    if onderzoek is None or not onderzoek.indicatie:
        raise Geweigerd("Er is nog geen indicatie: rond eerst het onderzoek (keukentafelgesprek) af.")
    return onderzoek.indicatie


def _ns(d: Any) -> Any:
    """JSON of the engine's ``Indicatie.as_json()`` as attribute objects (the engine's field names)."""
    if isinstance(d, dict):
        return SimpleNamespace(**{k: (v if k == "treden" else _ns(v)) for k, v in d.items()})
    if isinstance(d, list):
        return [_ns(x) for x in d]
    return d


# --- ondersteuningsplan ---------------------------------------------------------------------------


@transaction.atomic
def stel_ondersteuningsplan_op(
    zaak: Zaak, user: Any, doelen: dict[str, str], toelichting: str = ""
) -> Ondersteuningsplan:
    """Create or update the ondersteuningsplan from the onderzoek's indication (not after a beschikking)."""
    if zaak.beschikkingen.exists():
        raise Geweigerd("Er is al een beschikking afgegeven; het ondersteuningsplan hoort daar nu bij.")
    onderzoek = getattr(zaak, "onderzoek", None)
    if onderzoek is None or not onderzoek.indicatie:
        raise Geweigerd("Er is nog geen indicatie: rond eerst het onderzoek (keukentafelgesprek) af.")
    gebieden = {g["id"] for g in onderzoek.indicatie.get("resultaatgebieden", [])}
    onbekend = set(doelen) - gebieden
    if onbekend:
        raise Geweigerd(f"Onbekend resultaatgebied: {', '.join(sorted(onbekend))}.")
    plan, _ = Ondersteuningsplan.objects.update_or_create(
        zaak=zaak,
        defaults={
            "indicatie": onderzoek.indicatie,
            "doelen": {k: v.strip() for k, v in doelen.items()},
            "toelichting": toelichting.strip(),
            "opgesteld_door": user,
        },
    )
    _zorgplan_volgt_plan(plan, user)
    log_persoonsgegevens(
        user, zaak.client, "schrijven", f"ondersteuningsplan zaak {zaak.pk}", "besluitvorming"
    )
    return plan


def _zorgplan_volgt_plan(plan: Ondersteuningsplan, user: Any) -> None:
    """Keep an existing zorgplan on the plan's tasks; when they change, the signatures lapse."""
    zorgplan = Zorgplan.objects.filter(zaak=plan.zaak).first()
    if zorgplan is None:
        return
    oud = {a["activiteit"]: a for a in zorgplan.afspraken}
    nieuw = [
        {**a, "afspraak": oud.get(a["activiteit"], {}).get("afspraak", "")} for a in concept_afspraken(plan)
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


# --- zorgplan ------------------------------------------------------------------------------------


def concept_afspraken(plan: Ondersteuningsplan) -> list[dict[str, Any]]:
    """The zorgplan starts from the same tasks and frequencies as the ondersteuningsplan."""
    return [
        {
            "activiteit": a["id"],
            "taak": a["taak"],
            "frequentie": a["frequentie"],
            "minuten_per_week": int(a["minuten_per_week"]),
            "afspraak": "",
        }
        for a in plan.activiteiten
        if int(a["minuten_per_week"]) > 0
    ]


@transaction.atomic
def zorgplan_voor(zaak: Zaak, user: Any) -> Zorgplan:
    """The zaak's zorgplan; created as a draft for the zaak's aanbieder when there is none yet."""
    bestaand = Zorgplan.objects.filter(zaak=zaak).first()
    if bestaand is not None:
        return bestaand
    plan = getattr(zaak, "ondersteuningsplan", None)
    if plan is None:
        raise Geweigerd("De gemeente heeft nog geen ondersteuningsplan vastgesteld voor deze cliënt.")
    if zaak.aanbieder_id is None:
        raise Geweigerd("Er is nog geen aanbieder gekozen voor deze zaak.")
    zorgplan = Zorgplan.objects.create(
        zaak=zaak, aanbieder=zaak.aanbieder, afspraken=concept_afspraken(plan), gewijzigd_door=user
    )
    log_persoonsgegevens(
        user, zaak.client, "schrijven", f"concept-zorgplan zaak {zaak.pk}", "zorgplan opstellen"
    )
    return zorgplan


def wijzig_zorgplan(
    zorgplan: Zorgplan, user: Any, verwachte_versie: int, afspraken: dict[str, str], toelichting: str
) -> Zorgplan:
    """Save the agreements per task (optimistic locking); signatures lapse when the content changes."""
    if zorgplan.zaak.beschikkingen.exists():
        raise Geweigerd("Er is al een beschikking afgegeven op basis van dit zorgplan; het is vastgelegd.")
    nieuw = [
        {**a, "afspraak": afspraken.get(a["activiteit"], a.get("afspraak", "")).strip()}
        for a in zorgplan.afspraken
    ]
    gewijzigd = nieuw != zorgplan.afspraken or toelichting.strip() != zorgplan.toelichting
    zorgplan.afspraken = nieuw
    zorgplan.toelichting = toelichting.strip()
    zorgplan.gewijzigd_door = user
    velden = ["afspraken", "toelichting", "gewijzigd_door", "gewijzigd_op"]
    if gewijzigd:
        zorgplan.getekend_client_naam, zorgplan.getekend_client_op = "", None
        zorgplan.client_handtekening_vastgelegd_door = None
        zorgplan.getekend_aanbieder_door, zorgplan.getekend_aanbieder_op = None, None
        velden += [
            "getekend_client_naam",
            "getekend_client_op",
            "client_handtekening_vastgelegd_door",
            "getekend_aanbieder_door",
            "getekend_aanbieder_op",
        ]
    zorgplan.opslaan_met_versie(verwachte_versie, velden=velden)
    log_persoonsgegevens(
        user, zorgplan.zaak.client, "schrijven", f"zorgplan zaak {zorgplan.zaak_id}", "zorgplan opstellen"
    )
    return zorgplan


def teken_zorgplan(zorgplan: Zorgplan, user: Any, verwachte_versie: int, client_naam: str) -> Zorgplan:
    """Record both signatures: the provider (this user) and the client (name given, recorded by this user)."""
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
        verwachte_versie,
        velden=[
            "getekend_client_naam",
            "getekend_client_op",
            "client_handtekening_vastgelegd_door",
            "getekend_aanbieder_door",
            "getekend_aanbieder_op",
            "gewijzigd_door",
            "gewijzigd_op",
        ],
    )
    log_persoonsgegevens(
        user,
        zorgplan.zaak.client,
        "schrijven",
        f"zorgplan zaak {zorgplan.zaak_id} getekend",
        "zorgplan ondertekenen",
    )
    return zorgplan


# --- beschikking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Besluitgegevens:
    """What the consulent decides on top of the indication."""

    besluit: str
    ingangsdatum: dt.date | None
    einddatum: dt.date | None
    leveringsvorm: str
    gevraagd: str
    motivering: str = ""
    reden_geen_zorgplan: str = ""


def controleer_configuratie(peildata: list[dt.date]) -> None:
    """The beleidstoets guard: refuse under a configuration that gives ``voldoet_niet``."""
    from maatwerk.toets.bewaking import ConfiguratieAfgekeurd
    from maatwerk.toets.bewaking import controleer_configuratie as toets

    for peildatum in dict.fromkeys(peildata):
        try:
            toets(gemeente(), peildatum)
        except ConfiguratieAfgekeurd as afgekeurd:
            raise Geweigerd(f"Geen beschikking afgegeven: {afgekeurd.reden}") from None
        except Regelfout as fout:
            raise Geweigerd(
                f"Geen beschikking afgegeven: de configuratie van gemeente {gemeente()} "
                f"is niet te toetsen. {fout}"
            ) from None


def _statustrein(zaak: Zaak, na_besluit: str) -> tuple[b.Statusstap, ...]:
    data = {}
    for e in zaak.statusevents.all():
        data.setdefault(e.naar_status, timezone.localdate(e.tijdstip))
    vandaag = timezone.localdate()
    data.setdefault(na_besluit, vandaag)
    if na_besluit == Status.AFGEWEZEN:
        trein = [s for s in TREIN[:3] if s in data] + [Status.AFGEWEZEN]
    else:
        trein = list(TREIN)
    huidig = trein.index(na_besluit)
    return tuple(
        b.Statusstap(
            STATUS_UITLEG[s],
            "klaar" if i < huidig else "nu" if i == huidig else "straks",
            data.get(s) if i <= huidig else None,
        )
        for i, s in enumerate(trein)
    )


def beschikkinggegevens(
    zaak: Zaak,
    besluit: Besluitgegevens,
    *,
    zorgplan: Zorgplan | None,
    kenmerk: str,
    versie: int,
    briefdatum: dt.date,
    consulent_naam: str,
    na_besluit: str,
    vervangt: Beschikking | None = None,
    correctie_reden: str = "",
) -> b.Beschikkinggegevens:
    """The letter context for ``zaak`` (pure data; nothing stored)."""
    from maatwerk.apps.cases.termijnregels import termijnregels_op

    ind = _ns(_indicatie_json(zaak))
    plan = getattr(zaak, "ondersteuningsplan", None)
    doelen = plan.doelen if plan is not None else {}
    client = zaak.client
    bezwaar = termijnregels_op(briefdatum).termijnen["bezwaar"]
    if bezwaar.weken is None:
        raise Geweigerd("De bezwaartermijn in de termijnregels moet in weken zijn opgegeven.")
    toegekend = besluit.besluit == Besluit.TOEGEKEND
    if zorgplan is not None and zorgplan.is_getekend:
        zp = b.Zorgplangegevens(
            aanbieder=zorgplan.aanbieder.naam,
            afspraken=tuple(
                b.Zorgplanafspraak(a["taak"], a["frequentie"], a["minuten_per_week"], a["afspraak"])
                for a in zorgplan.afspraken
            ),
            toelichting=zorgplan.toelichting,
            getekend_client=zorgplan.getekend_client_naam,
            getekend_client_op=timezone.localdate(zorgplan.getekend_client_op),
            getekend_aanbieder=(
                zorgplan.getekend_aanbieder_door.get_full_name()
                or zorgplan.getekend_aanbieder_door.get_username()
            )
            + f", {zorgplan.aanbieder.naam}",
            getekend_aanbieder_op=timezone.localdate(zorgplan.getekend_aanbieder_op),
        )
    else:
        zp = b.Zorgplangegevens(reden_geen_zorgplan=besluit.reden_geen_zorgplan)
    adres = tuple(
        r
        for r in (
            " ".join(x for x in (client.straat, client.huisnummer) if x),
            " ".join(x for x in (client.postcode, client.woonplaats) if x),
        )
        if r
    )
    return b.Beschikkinggegevens(
        afzender=b.afzender(gemeente()),
        client_naam=client.naam,
        client_adresregels=adres,
        briefdatum=briefdatum,
        kenmerk=kenmerk,
        aanvraagdatum=zaak.aanvraagdatum,
        gevraagd=besluit.gevraagd,
        besluit="toegekend" if toegekend else "afgewezen",
        motivering=besluit.motivering,
        resultaatgebieden=b.resultaatgebieden_uit_indicatie(ind, doelen),
        treden=b.treden_uit_indicatie(ind) if toegekend else (),
        taken=b.taken_uit_indicatie(ind) if toegekend else (),
        totaal_minuten_per_week=float(ind.totaal_minuten_per_week) if toegekend else 0.0,
        normenkader=ind.kader_naam,
        normenkader_versie=ind.kader_versie,
        peildatum=dt.date.fromisoformat(ind.peildatum),
        ingangsdatum=besluit.ingangsdatum,
        einddatum=besluit.einddatum,
        leveringsvorm=besluit.leveringsvorm or "ZIN",
        aanbieder=zaak.aanbieder.naam if zaak.aanbieder_id else "",
        bezwaartermijn_weken=bezwaar.weken,
        bezwaar_bron=bezwaar.bron.titel,
        contactpersoon=consulent_naam,
        contact_telefoon="",
        statustrein=_statustrein(zaak, na_besluit),
        voorbeeld=bool(ind.voorbeeldwaarden),
        zorgplan=zp,
        versie=versie,
        vervangt_kenmerk=f"{vervangt.kenmerk} (versie {vervangt.versie})" if vervangt else "",
        correctie_reden=correctie_reden,
    )


def _controleer_besluit(zaak: Zaak, besluit: Besluitgegevens, zorgplan: Zorgplan | None) -> list[str]:
    fouten = []
    if besluit.besluit not in Besluit.values:
        fouten.append("Besluit: kies toegekend of afgewezen.")
    if not besluit.gevraagd.strip():
        fouten.append("Wat vroeg de cliënt: vul de hulpvraag in.")
    if besluit.besluit == Besluit.TOEGEKEND:
        if besluit.ingangsdatum is None:
            fouten.append("Ingangsdatum: vul een datum in.")
        if besluit.einddatum and besluit.ingangsdatum and besluit.einddatum < besluit.ingangsdatum:
            fouten.append("Einddatum: ligt vóór de ingangsdatum.")
        if besluit.leveringsvorm not in Leveringsvorm.values:
            fouten.append("Leveringsvorm: kies zorg in natura of pgb.")
        if besluit.leveringsvorm == Leveringsvorm.ZIN and zaak.aanbieder_id is None:
            fouten.append("Aanbieder: kies eerst een aanbieder bij de zaak (zorg in natura).")
        if (
            zorgplan is not None
            and zorgplan.is_getekend
            and zaak.aanbieder_id != zorgplan.aanbieder_id
            and not besluit.reden_geen_zorgplan.strip()
        ):
            fouten.append(
                f"Zorgplan: het ondertekende zorgplan is van {zorgplan.aanbieder}, niet van de "
                f"aanbieder van deze zaak ({zaak.aanbieder or 'geen'})."
            )
        elif not (zorgplan is not None and zorgplan.is_getekend) and not besluit.reden_geen_zorgplan.strip():
            fouten.append(
                "Zorgplan: er is geen door cliënt én aanbieder ondertekend zorgplan. "
                "Wacht op de handtekeningen of leg vast waarom er geen zorgplan is."
            )
    elif not besluit.motivering.strip():
        fouten.append("Motivering: leg uit waarom de cliënt geen hulp krijgt.")
    return fouten


@transaction.atomic
def geef_beschikking_af(
    zaak: Zaak, user: Any, besluit: Besluitgegevens, briefdatum: dt.date | None = None
) -> Beschikking:
    """Issue the (first) beschikking: letter stored immutably, status besluit (and toegewezen for ZIN)."""
    zaak = Zaak.objects.select_for_update(of=("self",)).select_related("client", "aanbieder").get(pk=zaak.pk)
    if zaak.beschikkingen.exists():
        raise Geweigerd("Er is al een beschikking; maak een correctie (nieuwe versie) als die niet klopt.")
    if zaak.status != Status.AANVRAAG:
        raise Geweigerd(
            f"Een beschikking kan alleen op een aanvraag; deze zaak heeft status "
            f"'{Status(zaak.status).label.lower()}'."
        )
    ind = _indicatie_json(zaak)
    zorgplan = (
        Zorgplan.objects.filter(zaak=zaak).select_related("aanbieder", "getekend_aanbieder_door").first()
    )
    fouten = _controleer_besluit(zaak, besluit, zorgplan)
    if fouten:
        raise Geweigerd(" ".join(fouten))
    briefdatum = briefdatum or timezone.localdate()
    controleer_configuratie([dt.date.fromisoformat(ind["peildatum"]), briefdatum])
    if besluit.besluit == Besluit.TOEGEKEND and getattr(zaak, "ondersteuningsplan", None) is None:
        stel_ondersteuningsplan_op(zaak, user, {})
    if besluit.besluit == Besluit.AFGEWEZEN:
        besluit = Besluitgegevens(
            **{
                **besluit.__dict__,
                "reden_geen_zorgplan": besluit.reden_geen_zorgplan
                or "Afwijzing: er wordt geen hulp geleverd.",
            }
        )
    na = Status.BESLUIT if besluit.besluit == Besluit.TOEGEKEND else Status.AFGEWEZEN
    kenmerk = f"WMO-{briefdatum.year}-{zaak.pk:06d}"
    beschikking = _maak(zaak, user, besluit, zorgplan, kenmerk, 1, briefdatum, na, ind)
    try:
        zet_status(zaak, na, user, f"beschikking {kenmerk} afgegeven")
    except OngeldigeStatusovergang as fout:
        raise Geweigerd(str(fout)) from None
    if besluit.besluit == Besluit.TOEGEKEND and besluit.leveringsvorm == Leveringsvorm.ZIN:
        wijs_toe(zaak, beschikking, user)
    return beschikking


def _maak(
    zaak: Zaak,
    user: Any,
    besluit: Besluitgegevens,
    zorgplan: Zorgplan | None,
    kenmerk: str,
    versie: int,
    briefdatum: dt.date,
    na: str,
    ind: dict[str, Any],
    vorige: Beschikking | None = None,
    correctie_reden: str = "",
) -> Beschikking:
    consulent = zaak.consulent or user
    naam = consulent.get_full_name() or consulent.get_username()
    gegevens = beschikkinggegevens(
        zaak,
        besluit,
        zorgplan=zorgplan,
        kenmerk=kenmerk,
        versie=versie,
        briefdatum=briefdatum,
        consulent_naam=naam,
        na_besluit=na,
        vervangt=vorige,
        correctie_reden=correctie_reden,
    )
    html = render_html(gegevens)
    pdf = render_pdf(gegevens)
    beschikking = Beschikking(
        zaak=zaak,
        versie=versie,
        vorige=vorige,
        kenmerk=kenmerk,
        besluit=besluit.besluit,
        gevraagd=besluit.gevraagd.strip(),
        motivering=besluit.motivering.strip(),
        ingangsdatum=besluit.ingangsdatum,
        einddatum=besluit.einddatum,
        leveringsvorm=besluit.leveringsvorm if besluit.besluit == Besluit.TOEGEKEND else "",
        aanbieder=zaak.aanbieder if besluit.leveringsvorm == Leveringsvorm.ZIN else None,
        totaal_minuten_per_week=b.hele_minuten(gegevens.totaal_minuten_per_week),
        normenkader=ind["kader_naam"],
        normenkader_versie=ind["kader_versie"],
        voorbeeld=bool(ind.get("voorbeeldwaarden")),
        reden_geen_zorgplan=besluit.reden_geen_zorgplan.strip(),
        correctie_reden=correctie_reden,
        html=html,
        pdf=pdf,
        inhoudshash=inhoudshash(html, pdf),
        afgegeven_op=timezone.now(),
        afgegeven_door=user,
    )
    beschikking.save()
    log_persoonsgegevens(
        user,
        zaak.client,
        "schrijven",
        f"beschikking {kenmerk} versie {versie} afgegeven",
        "besluit op aanvraag",
    )
    return beschikking


@transaction.atomic
def corrigeer_beschikking(oud: Beschikking, user: Any, reden: str, besluit: Besluitgegevens) -> Beschikking:
    """A correction: a new version referring to the old one; the old one stays unchanged."""
    oud = Beschikking.objects.select_for_update().select_related("zaak").get(pk=oud.pk)
    if oud.is_vervangen:
        raise Geweigerd("Deze versie is al vervangen; corrigeer de nieuwste versie.")
    if not reden.strip():
        raise Geweigerd("Reden van de correctie: vul in wat er niet klopte.")
    if besluit.besluit != oud.besluit:
        raise Geweigerd(
            "Een correctie verandert het besluit niet (toekenning of afwijzing); "
            "neem daarvoor een nieuw besluit via bezwaar of een nieuwe aanvraag."
        )
    zaak = Zaak.objects.select_related("client", "aanbieder").get(pk=oud.zaak_id)
    zorgplan = (
        Zorgplan.objects.filter(zaak=zaak).select_related("aanbieder", "getekend_aanbieder_door").first()
    )
    besluit = Besluitgegevens(
        **{**besluit.__dict__, "reden_geen_zorgplan": besluit.reden_geen_zorgplan or oud.reden_geen_zorgplan}
    )
    fouten = _controleer_besluit(zaak, besluit, zorgplan)
    if fouten:
        raise Geweigerd(" ".join(fouten))
    briefdatum = timezone.localdate()
    ind = _indicatie_json(zaak)
    controleer_configuratie([dt.date.fromisoformat(ind["peildatum"]), briefdatum])
    na = zaak.status if zaak.status in TREIN or zaak.status == Status.AFGEWEZEN else Status.BESLUIT
    nieuw = _maak(
        zaak, user, besluit, zorgplan, oud.kenmerk, oud.versie + 1, briefdatum, na, ind, oud, reden.strip()
    )
    oude_toewijzing = oud.toewijzingen.filter(vervangen_door__isnull=True).first()
    if oude_toewijzing is not None and besluit.leveringsvorm == Leveringsvorm.ZIN:
        _nieuwe_toewijzing(zaak, nieuw, user, reden_wijziging="14", vervangt=oude_toewijzing)
    return nieuw


# --- toewijzing en levering ----------------------------------------------------------------------


def _nieuwe_toewijzing(
    zaak: Zaak,
    beschikking: Beschikking,
    user: Any,
    reden_wijziging: str = "",
    vervangt: Toewijzing | None = None,
) -> Toewijzing:
    if beschikking.aanbieder is None or beschikking.ingangsdatum is None:
        raise Geweigerd("Toewijzing: de beschikking noemt geen aanbieder of ingangsdatum.")
    product = product_voor(gemeente(), beschikking.ingangsdatum, Leveringsvorm.ZIN)
    toewijzing = Toewijzing.objects.create(
        zaak=zaak,
        beschikking=beschikking,
        aanbieder=beschikking.aanbieder,
        productcategorie=product.categorie,
        productcode=product.code or "",
        volume=beschikking.totaal_minuten_per_week,
        eenheid=product.eenheid,
        frequentie=product.frequentie,
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


def wijs_toe(zaak: Zaak, beschikking: Beschikking, user: Any) -> Toewijzing:
    """Assign the care to the provider (iWmo fields filled) and move the zaak to 'toegewezen'."""
    toewijzing = _nieuwe_toewijzing(zaak, beschikking, user)
    zet_status(zaak, Status.TOEGEWEZEN, user, f"toewijzing {toewijzing.pk} aan {toewijzing.aanbieder}")
    return toewijzing


@transaction.atomic
def start_levering(toewijzing: Toewijzing, user: Any, datum: dt.date) -> Toewijzing:
    toewijzing = (
        Toewijzing.objects.select_for_update().select_related("zaak", "zaak__client").get(pk=toewijzing.pk)
    )
    if toewijzing.levering_gestart_op is not None:
        raise Geweigerd(f"De levering is al gestart op {toewijzing.levering_gestart_op:%d-%m-%Y}.")
    if datum < toewijzing.ingangsdatum:
        raise Geweigerd(
            f"Startdatum: ligt vóór de ingangsdatum van de toewijzing ({toewijzing.ingangsdatum:%d-%m-%Y})."
        )
    if toewijzing.einddatum and datum > toewijzing.einddatum:
        raise Geweigerd("Startdatum: ligt na de einddatum van de toewijzing.")
    toewijzing.levering_gestart_op = datum
    toewijzing.start_vastgelegd_door = user
    toewijzing.save(update_fields=["levering_gestart_op", "start_vastgelegd_door"])
    if toewijzing.zaak.status == Status.TOEGEWEZEN:
        zet_status(toewijzing.zaak, Status.LEVERING_GESTART, user, f"levering gestart op {datum:%d-%m-%Y}")
    log_persoonsgegevens(
        user,
        toewijzing.zaak.client,
        "schrijven",
        f"start levering toewijzing {toewijzing.pk}",
        "levering registreren",
    )
    return toewijzing


@transaction.atomic
def stop_levering(toewijzing: Toewijzing, user: Any, datum: dt.date, reden: str) -> Toewijzing:
    from .iwmo import codelijst

    toewijzing = (
        Toewijzing.objects.select_for_update().select_related("zaak", "zaak__client").get(pk=toewijzing.pk)
    )
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
    if toewijzing.zaak.status in (Status.TOEGEWEZEN, Status.LEVERING_GESTART) and reden != "20":
        zet_status(toewijzing.zaak, Status.BEEINDIGD, user, f"levering gestopt op {datum:%d-%m-%Y}")
    log_persoonsgegevens(
        user,
        toewijzing.zaak.client,
        "schrijven",
        f"stop levering toewijzing {toewijzing.pk}",
        "levering registreren",
    )
    return toewijzing


@transaction.atomic
def beeindig_recht(toewijzing: Toewijzing, user: Any, datum: dt.date, reden: str) -> Toewijzing:
    """End of entitlement recorded by the gemeente (e.g. moving away, death, end date reached)."""
    toewijzing = (
        Toewijzing.objects.select_for_update().select_related("zaak", "zaak__client").get(pk=toewijzing.pk)
    )
    if not reden.strip():
        raise Geweigerd("Reden einde recht: vul een reden in.")
    if datum < toewijzing.ingangsdatum:
        raise Geweigerd("Einde recht: ligt vóór de ingangsdatum van de toewijzing.")
    toewijzing.einde_recht = datum
    toewijzing.einde_recht_reden = reden.strip()[:300]
    toewijzing.save(update_fields=["einde_recht", "einde_recht_reden"])
    if toewijzing.zaak.status in (Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART):
        zet_status(
            toewijzing.zaak, Status.BEEINDIGD, user, f"einde recht per {datum:%d-%m-%Y}: {reden[:100]}"
        )
    log_persoonsgegevens(
        user, toewijzing.zaak.client, "schrijven", f"einde recht toewijzing {toewijzing.pk}", "einde recht"
    )
    return toewijzing


def wmo301(toewijzing: Toewijzing) -> bytes:
    """The toewijzing as a validated iWmo WMO301 message (all current toewijzingen for client + aanbieder)."""
    from .iwmo import gemeente_iwmo

    zaak = toewijzing.zaak
    client = zaak.client
    if not client.bsn or client.geboortedatum is None:
        raise Geweigerd("Voor een iWmo-toewijzing zijn BSN en geboortedatum van de cliënt nodig.")
    lopend = Toewijzing.objects.filter(
        zaak__client=client,
        aanbieder=toewijzing.aanbieder,
        vervangen_door__isnull=True,
        levering_gestopt_op__isnull=True,
    )
    producten = tuple(
        IwmoProduct(
            toewijzingnummer=t.pk,
            categorie=t.productcategorie,
            code=t.productcode or None,
            volume=t.volume,
            eenheid=t.eenheid,
            frequentie=t.frequentie,
            ingangsdatum=t.ingangsdatum,
            einddatum=t.einde_recht or t.einddatum,
            toewijzingsmoment=timezone.localtime(t.toegewezen_op),
            reden_wijziging=t.reden_wijziging or None,
        )
        for t in lopend.order_by("pk")
    )
    vandaag = timezone.localdate()
    bericht = Wmo301Bericht(
        gemeentecode=gemeente_iwmo(gemeente(), vandaag).gemeentecode.waarde,
        agb_code=toewijzing.aanbieder.agb_code,
        identificatie=f"T{toewijzing.pk}"[:12],
        dagtekening=vandaag,
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
