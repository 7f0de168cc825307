"""State changes of besluiten: the ondersteuningsplan and the beschikking (issue, correct).

Every step is one transaction: it checks its preconditions (Dutch :class:`Geweigerd` with the reason),
stores, writes the Zaak status event through ``zet_status`` and an audit entry. The indication comes from
the stored :class:`~maatwerk.apps.indicaties.models.Indicatie` the onderzoek refers to (typed, never a
copy); zorgplan and toewijzing are levering's, used through :mod:`maatwerk.apps.levering.services`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import STATUS_UITLEG, TREIN, Status, Zaak
from maatwerk.apps.cases.services import OngeldigeStatusovergang, zet_status
from maatwerk.apps.indicaties.models import Indicatie
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Leveringsvorm, Zorgplan
from maatwerk.apps.levering.services import Geweigerd, gemeente
from maatwerk.regels.laden import Regelfout

from . import brief as b
from .models import Beschikking, Besluit, Ondersteuningsplan
from .opmaak import hele_minuten
from .render import inhoudshash, render_html, render_pdf

__all__ = [
    "Besluitgegevens",
    "Geweigerd",
    "beschikkinggegevens",
    "contactgegevens",
    "controleer_configuratie",
    "corrigeer_beschikking",
    "geef_beschikking_af",
    "gemeente",
    "indicatie_van",
    "stel_ondersteuningsplan_op",
]


#: TextChoices members as plain str (without django-stubs mypy types them as (value, label) tuples).
B_AFGEWEZEN = str(Besluit.AFGEWEZEN)
B_TOEGEKEND = str(Besluit.TOEGEKEND)
ZIN = str(Leveringsvorm.ZIN)
S_AANVRAAG = str(Status.AANVRAAG)
S_AFGEWEZEN = str(Status.AFGEWEZEN)
S_BESLUIT = str(Status.BESLUIT)
BESLUITEN: tuple[str, ...] = tuple(map(str, Besluit.values))
LEVERINGSVORMEN: tuple[str, ...] = tuple(map(str, Leveringsvorm.values))


def indicatie_van(zaak: Zaak) -> Indicatie:
    """The stored indication the besluit rests on: the plan's, else the onderzoek's."""
    plan = getattr(zaak, "ondersteuningsplan", None)
    if plan is not None:
        indicatie: Indicatie = plan.indicatie
        return indicatie
    onderzoek = getattr(zaak, "onderzoek", None)
    if onderzoek is None or onderzoek.indicatie is None:
        raise Geweigerd("Er is nog geen indicatie: rond eerst het onderzoek (keukentafelgesprek) af.")
    vastgelegd: Indicatie = onderzoek.indicatie
    return vastgelegd


# --- ondersteuningsplan ---------------------------------------------------------------------------


def stel_ondersteuningsplan_op(
    zaak: Zaak, user: Any, doelen: dict[str, str], toelichting: str = ""
) -> Ondersteuningsplan:
    """Create or update the ondersteuningsplan from the onderzoek's indication (not after a beschikking).

    An existing zorgplan follows the plan's tasks (its signatures lapse when they change).
    """
    with transaction.atomic():
        if zaak.beschikkingen.exists():
            raise Geweigerd("Er is al een beschikking afgegeven; het ondersteuningsplan hoort daar nu bij.")
        onderzoek = getattr(zaak, "onderzoek", None)
        if onderzoek is None or onderzoek.indicatie is None:
            raise Geweigerd("Er is nog geen indicatie: rond eerst het onderzoek (keukentafelgesprek) af.")
        indicatie: Indicatie = onderzoek.indicatie
        gebieden = {g["id"] for g in indicatie.get("resultaatgebieden", [])}
        onbekend = set(doelen) - gebieden
        if onbekend:
            raise Geweigerd(f"Onbekend resultaatgebied: {', '.join(sorted(onbekend))}.")
        plan: Ondersteuningsplan
        plan, _ = Ondersteuningsplan.objects.update_or_create(
            zaak=zaak,
            defaults={
                "indicatie": indicatie,
                "doelen": {k: v.strip() for k, v in doelen.items()},
                "toelichting": toelichting.strip(),
                "opgesteld_door": user,
            },
        )
        levering.zorgplan_volgt_plan(zaak, plan.activiteiten, user)
        log_persoonsgegevens(
            user, zaak.client, "schrijven", f"ondersteuningsplan zaak {zaak.pk}", "besluitvorming"
        )
        return plan


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
    data: dict[str, dt.date] = {}
    for e in zaak.statusevents.all():
        data.setdefault(e.naar_status, timezone.localdate(e.tijdstip))
    vandaag = timezone.localdate()
    data.setdefault(na_besluit, vandaag)
    trein = [s for s in TREIN[:3] if s in data] + [S_AFGEWEZEN] if na_besluit == S_AFGEWEZEN else list(TREIN)
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

    ind = indicatie_van(zaak).engine
    plan = getattr(zaak, "ondersteuningsplan", None)
    doelen = plan.doelen if plan is not None else {}
    client = zaak.client
    bezwaar = termijnregels_op(briefdatum).termijnen["bezwaar"]
    if bezwaar.weken is None:
        raise Geweigerd("De bezwaartermijn in de termijnregels moet in weken zijn opgegeven.")
    toegekend = besluit.besluit == B_TOEGEKEND
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
        peildatum=ind.peildatum,
        ingangsdatum=besluit.ingangsdatum,
        einddatum=besluit.einddatum,
        leveringsvorm="PGB" if besluit.leveringsvorm == "PGB" else "ZIN",
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
    if besluit.besluit not in BESLUITEN:
        fouten.append("Besluit: kies toegekend of afgewezen.")
    if not besluit.gevraagd.strip():
        fouten.append("Wat vroeg de cliënt: vul de hulpvraag in.")
    if besluit.besluit == B_TOEGEKEND:
        if besluit.ingangsdatum is None:
            fouten.append("Ingangsdatum: vul een datum in.")
        if besluit.einddatum and besluit.ingangsdatum and besluit.einddatum < besluit.ingangsdatum:
            fouten.append("Einddatum: ligt vóór de ingangsdatum.")
        if besluit.leveringsvorm not in LEVERINGSVORMEN:
            fouten.append("Leveringsvorm: kies zorg in natura of pgb.")
        if besluit.leveringsvorm == ZIN and zaak.aanbieder_id is None:
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


def geef_beschikking_af(
    zaak: Zaak, user: Any, besluit: Besluitgegevens, briefdatum: dt.date | None = None
) -> Beschikking:
    """Issue the (first) beschikking: letter stored immutably, status besluit (and toegewezen for ZIN)."""
    with transaction.atomic():
        zaak = (
            Zaak.objects.select_for_update(of=("self",)).select_related("client", "aanbieder").get(pk=zaak.pk)
        )
        if zaak.beschikkingen.exists():
            raise Geweigerd(
                "Er is al een beschikking; maak een correctie (nieuwe versie) als die niet klopt."
            )
        if zaak.status != S_AANVRAAG:
            raise Geweigerd(
                f"Een beschikking kan alleen op een aanvraag; deze zaak heeft status "
                f"'{Status(zaak.status).label.lower()}'."
            )
        ind = indicatie_van(zaak)
        zorgplan = levering.getekend_zorgplan(zaak)
        fouten = _controleer_besluit(zaak, besluit, zorgplan)
        if fouten:
            raise Geweigerd(" ".join(fouten))
        briefdatum = briefdatum or timezone.localdate()
        controleer_configuratie([ind.engine.peildatum, briefdatum])
        if besluit.besluit == B_TOEGEKEND and getattr(zaak, "ondersteuningsplan", None) is None:
            stel_ondersteuningsplan_op(zaak, user, {})
        if besluit.besluit == B_AFGEWEZEN:
            besluit = replace(
                besluit,
                reden_geen_zorgplan=besluit.reden_geen_zorgplan or "Afwijzing: er wordt geen hulp geleverd.",
            )
        na = S_BESLUIT if besluit.besluit == B_TOEGEKEND else S_AFGEWEZEN
        kenmerk = f"WMO-{briefdatum.year}-{zaak.pk:06d}"
        beschikking = _maak(zaak, user, besluit, zorgplan, kenmerk, 1, briefdatum, na, ind)
        try:
            zet_status(zaak, na, user, f"beschikking {kenmerk} afgegeven")
        except OngeldigeStatusovergang as fout:
            raise Geweigerd(str(fout)) from None
        if besluit.besluit == B_TOEGEKEND and besluit.leveringsvorm == ZIN:
            levering.wijs_toe(zaak, beschikking, user)
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
    ind: Indicatie,
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
        leveringsvorm=besluit.leveringsvorm if besluit.besluit == B_TOEGEKEND else "",
        aanbieder=zaak.aanbieder if besluit.leveringsvorm == ZIN else None,
        totaal_minuten_per_week=hele_minuten(gegevens.totaal_minuten_per_week),
        indicatie=ind,
        normenkader=ind.engine.kader_naam,
        normenkader_versie=ind.engine.kader_versie,
        voorbeeld=ind.engine.voorbeeldwaarden,
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


def corrigeer_beschikking(oud: Beschikking, user: Any, reden: str, besluit: Besluitgegevens) -> Beschikking:
    """A correction: a new version referring to the old one; the old one stays unchanged."""
    with transaction.atomic():
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
        zorgplan = levering.getekend_zorgplan(zaak)
        besluit = replace(besluit, reden_geen_zorgplan=besluit.reden_geen_zorgplan or oud.reden_geen_zorgplan)
        fouten = _controleer_besluit(zaak, besluit, zorgplan)
        if fouten:
            raise Geweigerd(" ".join(fouten))
        briefdatum = timezone.localdate()
        ind = indicatie_van(zaak)
        controleer_configuratie([ind.engine.peildatum, briefdatum])
        na = zaak.status if zaak.status in TREIN or zaak.status == S_AFGEWEZEN else S_BESLUIT
        nieuw = _maak(
            zaak,
            user,
            besluit,
            zorgplan,
            oud.kenmerk,
            oud.versie + 1,
            briefdatum,
            na,
            ind,
            oud,
            reden.strip(),
        )
        levering.vervang_toewijzing(oud, nieuw, user)
        return nieuw


def contactgegevens() -> b.Afzender:
    """The gemeente's contact details (``afzenders/<gemeente>.yaml``), e.g. for the inwonerportaal."""
    return b.afzender(gemeente())
