"""State changes of besluiten: the ondersteuningsplan and the beschikking (issue, correct).

Every step is one transaction: it checks its preconditions (Dutch :class:`Geweigerd` with the reason),
stores, writes the Zaak status event through ``zet_status`` and an audit entry. The indication comes from
the stored :class:`~maatwerk.apps.indicaties.models.Indicatie` the onderzoek refers to (typed, never a
copy); zorgplan and toewijzing are levering's, used through :mod:`maatwerk.apps.levering.services`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import STATUS_UITLEG, TREIN, Status, Zaak
from maatwerk.apps.cases.services import OngeldigeStatusovergang, zet_status
from maatwerk.apps.clients.services import controleer_identiteit
from maatwerk.apps.gemeente import selectors as gemeentegegevens
from maatwerk.apps.indicaties.models import Indicatie
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Leveringsvorm, Zorgplan
from maatwerk.apps.levering.services import Geweigerd, gemeente
from maatwerk.regels.laden import Regelfout

from . import brief as b
from . import goedkeuring
from .models import Beschikking, Besluit, Goedkeuring, Ondersteuningsplan
from .opmaak import hele_minuten
from .render import inhoudshash, render_html, render_pdf

__all__ = [
    "Besluitgegevens",
    "Concept",
    "Geweigerd",
    "beschikkinggegevens",
    "contactgegevens",
    "controleer_configuratie",
    "corrigeer_beschikking",
    "geef_beschikking_af",
    "gemeente",
    "beoordeel_goedkeuring",
    "hash_van_brief",
    "hulpvraag_voor_brief",
    "indicatie_van",
    "maak_concept",
    "maak_correctieconcept",
    "stel_ondersteuningsplan_op",
    "vraag_correctiegoedkeuring",
    "vraag_goedkeuring",
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
        afzender=gemeentegegevens.afzender_op(gemeente(), briefdatum),
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


def hulpvraag_voor_brief(zaak: Zaak) -> str:
    """A B1 summary of the request for "Wat vroeg u?", addressed to the client (never the intake note)."""
    gebieden: list[str] = []
    with contextlib.suppress(Geweigerd):
        gebieden = [g.naam[0].lower() + g.naam[1:] for g in indicatie_van(zaak).engine.resultaatgebieden]
    tekst = "U vroeg om hulp bij het huishouden."
    if gebieden:
        lijst = gebieden[0] if len(gebieden) == 1 else ", ".join(gebieden[:-1]) + " en " + gebieden[-1]
        tekst += f" Het gaat om: {lijst}."
    return tekst


def _is_intakenotitie(zaak: Zaak, gevraagd: str) -> bool:
    vraag = " ".join((zaak.vraag or "").split())
    return bool(vraag) and " ".join(gevraagd.split()) == vraag


def _controleer_besluit(zaak: Zaak, besluit: Besluitgegevens, zorgplan: Zorgplan | None) -> list[str]:
    fouten = []
    if besluit.besluit not in BESLUITEN:
        fouten.append("Besluit: kies toegekend of afgewezen.")
    if not besluit.gevraagd.strip():
        fouten.append("Wat vroeg de cliënt: vul de hulpvraag in.")
    elif _is_intakenotitie(zaak, besluit.gevraagd):
        fouten.append(
            "Wat vroeg de cliënt: dit is de interne notitie van de melding. Schrijf een korte "
            "samenvatting voor de cliënt, in eenvoudige taal en in de u-vorm."
        )
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


@dataclass(frozen=True)
class Concept:
    """The beschikking exactly as it would be stored now (nothing stored), and whether it needs approval."""

    html: str
    concepthash: str
    redenen_goedkeuring: tuple[str, ...]
    goedkeuring: Goedkeuring | None

    @property
    def inhoud(self) -> str:
        begin, einde = self.html.find("<article"), self.html.rfind("</article>")
        return self.html[begin : einde + len("</article>")] if begin >= 0 and einde > begin else ""

    @property
    def goedgekeurd(self) -> bool:
        return self.goedkeuring is not None and self.goedkeuring.akkoord is True

    @property
    def mag_afgeven(self) -> bool:
        return not self.redenen_goedkeuring or self.goedgekeurd


def hash_van_brief(html: str) -> str:
    """SHA-256 of a rendered letter (HTML): binds a concept, its approval and the stored beschikking."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def _goedkeuring_redenen(ind: Indicatie, besluit: Besluitgegevens, briefdatum: dt.date) -> tuple[str, ...]:
    if besluit.besluit != B_TOEGEKEND:
        return ()
    engine = ind.engine
    afwijking = any(a.afgeweken for a in engine.activiteiten)
    regel = goedkeuring.regel_op(gemeente(), briefdatum)
    return tuple(
        goedkeuring.redenen(regel, afwijking=afwijking, minuten_per_week=engine.totaal_minuten_per_week)
    )


def _voorbereid(
    zaak: Zaak, user: Any, besluit: Besluitgegevens, briefdatum: dt.date | None, *, opslaan: bool
) -> tuple[Zaak, Indicatie, Zorgplan | None, Besluitgegevens, dt.date, str, str]:
    """Every check before a first beschikking; with ``opslaan`` the zaak is locked and a missing
    ondersteuningsplan is created (as at issuing)."""
    qs = Zaak.objects.select_related("client", "aanbieder")
    zaak = (qs.select_for_update(of=("self",)) if opslaan else qs).get(pk=zaak.pk)
    if zaak.beschikkingen.exists():
        raise Geweigerd("Er is al een beschikking; maak een correctie (nieuwe versie) als die niet klopt.")
    if zaak.status != S_AANVRAAG:
        raise Geweigerd(
            f"Een beschikking kan alleen op een aanvraag; deze zaak heeft status "
            f"'{Status(zaak.status).label.lower()}'."
        )
    controleer_identiteit(zaak.client, Geweigerd, "een beschikking")
    ind = indicatie_van(zaak)
    zorgplan = levering.getekend_zorgplan(zaak)
    fouten = _controleer_besluit(zaak, besluit, zorgplan)
    if fouten:
        raise Geweigerd(" ".join(fouten))
    briefdatum = briefdatum or timezone.localdate()
    controleer_configuratie([ind.engine.peildatum, briefdatum])
    if opslaan and besluit.besluit == B_TOEGEKEND and getattr(zaak, "ondersteuningsplan", None) is None:
        stel_ondersteuningsplan_op(zaak, user, {})
    if besluit.besluit == B_AFGEWEZEN:
        besluit = replace(
            besluit,
            reden_geen_zorgplan=besluit.reden_geen_zorgplan or "Afwijzing: er wordt geen hulp geleverd.",
        )
    na = S_BESLUIT if besluit.besluit == B_TOEGEKEND else S_AFGEWEZEN
    kenmerk = f"WMO-{briefdatum.year}-{zaak.pk:06d}"
    return zaak, ind, zorgplan, besluit, briefdatum, na, kenmerk


def maak_concept(
    zaak: Zaak, user: Any, besluit: Besluitgegevens, briefdatum: dt.date | None = None
) -> Concept:
    """ "Concept bekijken": the letter as :func:`geef_beschikking_af` would store it today; nothing stored
    (the read of the client's data is audited)."""
    zaak, ind, zorgplan, besluit, briefdatum, na, kenmerk = _voorbereid(
        zaak, user, besluit, briefdatum, opslaan=False
    )
    html = render_html(_gegevens(zaak, user, besluit, zorgplan, kenmerk, 1, briefdatum, na))
    h = hash_van_brief(html)
    log_persoonsgegevens(user, zaak.client, "lezen", f"concept beschikking zaak {zaak.pk}", "besluitvorming")
    return Concept(
        html,
        h,
        _goedkeuring_redenen(ind, besluit, briefdatum),
        zaak.goedkeuringen.filter(concepthash=h).first(),
    )


def vraag_goedkeuring(zaak: Zaak, user: Any, besluit: Besluitgegevens, verwacht: str) -> Goedkeuring:
    """Ask a senior consulent to approve this concept (only when the gemeente's rules require it)."""
    with transaction.atomic():
        concept = maak_concept(zaak, user, besluit)
        return _vraag_goedkeuring_van(
            concept,
            verwacht,
            zaak,
            user,
            _als_json(besluit),
            soort="beschikking",
            wat=f"goedkeuring gevraagd voor beschikking zaak {zaak.pk}",
        )


def _vraag_goedkeuring_van(
    concept: Concept,
    verwacht: str,
    zaak: Zaak,
    user: Any,
    besluitgegevens: dict[str, Any],
    *,
    soort: str,
    wat: str,
) -> Goedkeuring:
    """Store the request for approval of ``concept`` (unchanged since the consulent saw it) and audit it."""
    if concept.concepthash != verwacht:
        raise Geweigerd(VERANDERD)
    if not concept.redenen_goedkeuring:
        raise Geweigerd(f"Deze {soort} heeft geen goedkeuring van een senior consulent nodig.")
    if concept.goedkeuring is not None and concept.goedkeuring.akkoord is None:
        raise Geweigerd("Voor dit concept is al goedkeuring gevraagd.")
    g: Goedkeuring = Goedkeuring.objects.create(
        zaak=zaak,
        besluitgegevens=besluitgegevens,
        concepthash=concept.concepthash,
        html=concept.html,
        redenen="; ".join(concept.redenen_goedkeuring),
        gevraagd_door=user,
    )
    log_persoonsgegevens(user, zaak.client, "schrijven", wat, "besluitvorming")
    return g


def beoordeel_goedkeuring(g: Goedkeuring, user: Any, akkoord: bool, opmerking: str = "") -> Goedkeuring:
    """A senior consulent (not the asker) approves or rejects the concept; a rejection needs a note."""
    from maatwerk.apps.accounts.rollen import Rol, heeft_rol

    with transaction.atomic():
        g = Goedkeuring.objects.select_for_update().select_related("zaak__client").get(pk=g.pk)
        if not heeft_rol(user, str(Rol.SENIOR_CONSULENT)):
            raise Geweigerd("Alleen een senior consulent kan een beschikking goedkeuren.")
        if g.gevraagd_door_id == user.pk:
            raise Geweigerd("U vroeg zelf om goedkeuring: een andere senior consulent moet beoordelen.")
        if g.akkoord is not None:
            raise Geweigerd("Deze goedkeuring is al beoordeeld.")
        if not akkoord and not opmerking.strip():
            raise Geweigerd("Opmerking: schrijf waarom u niet akkoord bent.")
        g.akkoord, g.opmerking = akkoord, opmerking.strip()
        g.beoordeeld_door, g.beoordeeld_op = user, timezone.now()
        g.save(update_fields=["akkoord", "opmerking", "beoordeeld_door", "beoordeeld_op"])
        log_persoonsgegevens(
            user,
            g.zaak.client,
            "schrijven",
            f"goedkeuring beschikking zaak {g.zaak_id}: {g.stand}",
            "besluitvorming",
        )
        return g


def _als_json(besluit: Besluitgegevens) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in asdict(besluit).items()}


VERANDERD = (
    "De brief is veranderd sinds u het concept bekeek (bijvoorbeeld een andere datum of gegevens). "
    "Bekijk het concept opnieuw."
)


def geef_beschikking_af(
    zaak: Zaak,
    user: Any,
    besluit: Besluitgegevens,
    briefdatum: dt.date | None = None,
    *,
    concepthash: str | None = None,
) -> Beschikking:
    """Issue the (first) beschikking: letter stored immutably, status besluit (and toegewezen for ZIN).

    ``concepthash`` (from "Concept bekijken") makes sure the stored letter is exactly the one the
    consulent saw; when the gemeente requires a second approval, an approved :class:`Goedkeuring` of
    exactly this letter must exist.
    """
    with transaction.atomic():
        zaak, ind, zorgplan, besluit, briefdatum, na, kenmerk = _voorbereid(
            zaak, user, besluit, briefdatum, opslaan=True
        )
        gegevens = _gegevens(zaak, user, besluit, zorgplan, kenmerk, 1, briefdatum, na)
        html = render_html(gegevens)
        h = hash_van_brief(html)
        if concepthash is not None and h != concepthash:
            raise Geweigerd(VERANDERD)
        redenen = _goedkeuring_redenen(ind, besluit, briefdatum)
        if redenen and not zaak.goedkeuringen.filter(concepthash=h, akkoord=True).exists():
            raise Geweigerd(
                "Deze beschikking heeft eerst goedkeuring van een senior consulent nodig, omdat "
                + " en ".join(redenen)
                + ". Vraag goedkeuring via 'Concept bekijken'."
            )
        beschikking = _maak(
            zaak, user, besluit, zorgplan, kenmerk, 1, briefdatum, na, ind, gerenderd=(gegevens, html)
        )
        try:
            zet_status(zaak, na, user, f"beschikking {kenmerk} afgegeven")
        except OngeldigeStatusovergang as fout:
            raise Geweigerd(str(fout)) from None
        if besluit.besluit == B_TOEGEKEND and besluit.leveringsvorm == ZIN:
            levering.wijs_toe(zaak, beschikking, user)
        return beschikking


def _gegevens(
    zaak: Zaak,
    user: Any,
    besluit: Besluitgegevens,
    zorgplan: Zorgplan | None,
    kenmerk: str,
    versie: int,
    briefdatum: dt.date,
    na: str,
    vorige: Beschikking | None = None,
    correctie_reden: str = "",
) -> b.Beschikkinggegevens:
    consulent = zaak.consulent or user
    naam = consulent.get_full_name() or consulent.get_username()
    return beschikkinggegevens(
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
    gerenderd: tuple[b.Beschikkinggegevens, str] | None = None,
) -> Beschikking:
    if gerenderd is None:
        gegevens = _gegevens(
            zaak, user, besluit, zorgplan, kenmerk, versie, briefdatum, na, vorige, correctie_reden
        )
        html = render_html(gegevens)
    else:
        gegevens, html = gerenderd
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


def _voorbereid_correctie(
    oud: Beschikking, reden: str, besluit: Besluitgegevens, *, opslaan: bool
) -> tuple[Beschikking, Zaak, Indicatie, Zorgplan | None, Besluitgegevens, dt.date, str]:
    qs = Beschikking.objects.select_related("zaak")
    oud = (qs.select_for_update() if opslaan else qs).get(pk=oud.pk)
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
    return oud, zaak, ind, zorgplan, besluit, briefdatum, na


def maak_correctieconcept(oud: Beschikking, user: Any, reden: str, besluit: Besluitgegevens) -> Concept:
    """The correction letter (new version) exactly as :func:`corrigeer_beschikking` would store it, with
    the gemeente's second-approval rule applied to it as to a first beschikking."""
    oud, zaak, ind, zorgplan, besluit, briefdatum, na = _voorbereid_correctie(
        oud, reden, besluit, opslaan=False
    )
    gegevens = _gegevens(
        zaak, user, besluit, zorgplan, oud.kenmerk, oud.versie + 1, briefdatum, na, oud, reden.strip()
    )
    html = render_html(gegevens)
    h = hash_van_brief(html)
    log_persoonsgegevens(
        user, zaak.client, "lezen", f"concept correctie beschikking {oud.kenmerk}", "besluitvorming"
    )
    return Concept(
        html,
        h,
        _goedkeuring_redenen(ind, besluit, briefdatum),
        zaak.goedkeuringen.filter(concepthash=h).first(),
    )


def vraag_correctiegoedkeuring(
    oud: Beschikking, user: Any, reden: str, besluit: Besluitgegevens, verwacht: str
) -> Goedkeuring:
    """Ask a senior consulent to approve this correction's concept (same rule as a first beschikking).

    The request keeps which version it corrects and why (``besluitgegevens``), so the approved concept
    can be reopened without typing it again; the approval is bound to the concept's hash.
    """
    with transaction.atomic():
        concept = maak_correctieconcept(oud, user, reden, besluit)
        return _vraag_goedkeuring_van(
            concept,
            verwacht,
            oud.zaak,
            user,
            {**_als_json(besluit), "correctie_van": oud.pk, "correctie_reden": reden.strip()},
            soort="correctie",
            wat=f"goedkeuring gevraagd voor correctie beschikking {oud.kenmerk} (versie {oud.versie + 1})",
        )


def corrigeer_beschikking(
    oud: Beschikking, user: Any, reden: str, besluit: Besluitgegevens, *, concepthash: str | None = None
) -> Beschikking:
    """A correction: a new version referring to the old one; the old one stays unchanged.

    ``concepthash`` (from the correction's concept) refuses a letter that differs from the one seen.
    The gemeente's second-approval rule (``goedkeuring/<gemeente>.yaml``) applies to the corrected
    letter exactly as to a first beschikking: an approved :class:`Goedkeuring` of this letter must exist.
    """
    with transaction.atomic():
        oud, zaak, ind, zorgplan, besluit, briefdatum, na = _voorbereid_correctie(
            oud, reden, besluit, opslaan=True
        )
        gegevens = _gegevens(
            zaak, user, besluit, zorgplan, oud.kenmerk, oud.versie + 1, briefdatum, na, oud, reden.strip()
        )
        html = render_html(gegevens)
        h = hash_van_brief(html)
        if concepthash is not None and h != concepthash:
            raise Geweigerd(VERANDERD)
        redenen = _goedkeuring_redenen(ind, besluit, briefdatum)
        if redenen and not zaak.goedkeuringen.filter(concepthash=h, akkoord=True).exists():
            raise Geweigerd(
                "Deze correctie heeft eerst goedkeuring van een senior consulent nodig, omdat "
                + " en ".join(redenen)
                + ". Vraag goedkeuring via 'Concept van de correctie bekijken'."
            )
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
            gerenderd=(gegevens, html),
        )
        levering.vervang_toewijzing(oud, nieuw, user)
        return nieuw


def contactgegevens(datum: dt.date | None = None) -> b.Afzender:
    """The gemeente's contact details on ``datum`` (default today): the version a functioneel beheerder
    recorded in the admin, else ``afzenders/<gemeente>.yaml``; e.g. for the inwonerportaal."""
    return gemeentegegevens.afzender_op(gemeente(), datum or timezone.localdate())
