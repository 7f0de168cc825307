"""Every state change of a bezwaar: one function, one transaction, its audit entry in that transaction.

Each function checks the rules of the Awb it enforces and raises :class:`Geweigerd` (Dutch reason)
before anything is stored. Only a jurist changes a bezwaar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.accounts.rollen import Rol, heeft_rol
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.cases.models import Zaak
from maatwerk.regels.laden import Regelfout
from maatwerk.termijnen import KalenderOnbekend, OngeldigeTermijn, bezwaartermijn

from . import koppeling
from .models import (
    HERZIEN,
    Beslissing,
    Bezwaar,
    Hoorzitting,
    Indiener,
    InformeleActie,
    SoortInformeel,
    UitkomstInformeel,
)
from .procedure import procedure_van

WAAROM = "behandeling bezwaar"


class Geweigerd(Exception):
    """The step is not allowed; ``str()`` is the Dutch reason. Nothing was stored."""


def _jurist(user: Any) -> None:
    if not heeft_rol(user, Rol.JURIST):
        raise Geweigerd("Alleen een jurist behandelt bezwaren.")


def _vandaag() -> dt.date:
    return timezone.localdate()


def _niet_in_de_toekomst(datum: dt.date, wat: str) -> None:
    if datum > _vandaag():
        raise Geweigerd(f"{wat}: ligt in de toekomst.")


def _vergrendel(bezwaar: Bezwaar) -> Bezwaar:
    b = Bezwaar.objects.select_for_update(of=("self",)).select_related("zaak__client").get(pk=bezwaar.pk)
    if b.is_afgerond:
        raise Geweigerd(f"Bezwaar {b.kenmerk} is afgerond ({b.stand}); er kan niets meer aan veranderen.")
    return b


def _log(user: Any, bezwaar: Bezwaar, wat: str) -> None:
    log_persoonsgegevens(user, bezwaar.zaak.client, "schrijven", f"bezwaar {bezwaar.kenmerk}: {wat}", WAAROM)


def commissie_ingesteld() -> bool:
    """Whether the gemeente has a bezwaarcommissie (data: ``regels/bezwaarprocedure/``)."""
    try:
        return procedure_van(koppeling.gemeente()).bezwaarcommissie.ingesteld
    except Regelfout as fout:
        raise Geweigerd(f"De bezwaarprocedure van de gemeente is niet te lezen: {fout}") from None


@transaction.atomic
def registreer_bezwaar(
    zaak: Zaak,
    user: Any,
    *,
    ontvangen_op: dt.date,
    indiener: str,
    gronden: str,
    indiener_naam: str = "",
    beschikking: Any = None,
    bekendgemaakt_op: dt.date | None = None,
    over_kwaliteit: bool = False,
) -> Bezwaar:
    """Register a bezwaarschrift; without a beschikking on the zaak it is a premature bezwaar (Awb 6:10)."""
    _jurist(user)
    zaak = Zaak.objects.select_related("client").get(pk=zaak.pk)
    fouten = []
    if ontvangen_op > _vandaag():
        fouten.append("Ontvangen op: ligt in de toekomst.")
    if indiener not in Indiener.values:
        fouten.append("Ingediend door: kies wie bezwaar maakt.")
    elif indiener != Indiener.CLIENT and not indiener_naam.strip():
        fouten.append("Naam indiener: vul de naam van de vertegenwoordiger of belanghebbende in.")
    if not gronden.strip():
        fouten.append("Gronden: vul in waartegen de indiener bezwaar maakt (Awb 6:5).")
    if beschikking is None:
        beschikking = koppeling.geldende_versie(zaak)
    elif beschikking.zaak_id != zaak.pk:
        fouten.append("Beschikking: hoort niet bij deze zaak.")
    if beschikking is not None and bekendgemaakt_op is None:
        bekendgemaakt_op = koppeling.bekendgemaakt_op(beschikking)
    if bekendgemaakt_op is not None:
        try:
            bezwaartermijn(bekendgemaakt_op)
        except KalenderOnbekend as fout:
            fouten.append(str(fout))
    if fouten:
        raise Geweigerd(" ".join(fouten))
    premature = beschikking is None or (bekendgemaakt_op is not None and ontvangen_op < bekendgemaakt_op)
    bezwaar = Bezwaar.objects.create(
        zaak=zaak,
        beschikking=beschikking,
        premature=premature,
        ontvangen_op=ontvangen_op,
        indiener=indiener,
        indiener_naam=indiener_naam.strip()[:200],
        gronden=gronden.strip(),
        over_kwaliteit=over_kwaliteit,
        bekendgemaakt_op=bekendgemaakt_op,
        commissie=commissie_ingesteld(),
        behandelaar=user,
        geregistreerd_door=user,
    )
    bezwaar.kenmerk = f"BZ-{ontvangen_op.year}-{bezwaar.pk:05d}"
    bezwaar.save(update_fields=["kenmerk"])
    _log(user, bezwaar, "geregistreerd" + (" (premature)" if premature else ""))
    return bezwaar


@transaction.atomic
def koppel_besluit(bezwaar: Bezwaar, user: Any) -> Bezwaar:
    """A premature bezwaar gets the beschikking that has since been issued (Awb 6:10)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if bezwaar.beschikking_id is not None:
        raise Geweigerd("Dit bezwaar hoort al bij een beschikking.")
    beschikking = koppeling.geldende_versie(bezwaar.zaak)
    if beschikking is None:
        raise Geweigerd("Er is nog geen beschikking op deze zaak; het bezwaar blijft premature.")
    bezwaar.beschikking = beschikking
    bezwaar.bekendgemaakt_op = koppeling.bekendgemaakt_op(beschikking)
    bezwaar.save(update_fields=["beschikking", "bekendgemaakt_op"])
    _log(user, bezwaar, f"gekoppeld aan beschikking {beschikking.kenmerk} versie {beschikking.versie}")
    return bezwaar


@transaction.atomic
def beoordeel_ontvankelijkheid(
    bezwaar: Bezwaar,
    user: Any,
    *,
    ontvankelijk: bool,
    toelichting: str = "",
    verschoonbaar: bool | None = None,
    reden_verschoonbaar: str = "",
) -> Bezwaar:
    """Record ontvankelijkheid; a late bezwaar is only ontvankelijk when the delay is excusable (Awb 6:11)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if bezwaar.beschikking_id is None:
        raise Geweigerd("Een premature bezwaar wacht op het besluit; koppel eerst de beschikking.")
    fouten = []
    if bezwaar.te_laat:
        if verschoonbaar is None:
            fouten.append(
                "Het bezwaar kwam na de bezwaartermijn: geef aan of dat verschoonbaar is (Awb 6:11)."
            )
        elif verschoonbaar and not reden_verschoonbaar.strip():
            fouten.append("Reden verschoonbaarheid: leg uit waarom de te late indiening verschoonbaar is.")
        elif ontvankelijk and not verschoonbaar:
            fouten.append(
                "Een te laat bezwaar zonder verschoonbare reden is niet-ontvankelijk (Awb 6:11 en 6:7)."
            )
    else:
        verschoonbaar, reden_verschoonbaar = None, ""
    if not ontvankelijk and not toelichting.strip():
        fouten.append("Toelichting: leg uit waarom het bezwaar niet-ontvankelijk is.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    bezwaar.ontvankelijk = ontvankelijk
    bezwaar.ontvankelijkheid_toelichting = toelichting.strip()
    bezwaar.verschoonbaar = verschoonbaar
    bezwaar.reden_verschoonbaar = reden_verschoonbaar.strip()
    bezwaar.beoordeeld_op = _vandaag()
    bezwaar.behandelaar = user
    bezwaar.save(
        update_fields=[
            "ontvankelijk",
            "ontvankelijkheid_toelichting",
            "verschoonbaar",
            "reden_verschoonbaar",
            "beoordeeld_op",
            "behandelaar",
        ]
    )
    _log(user, bezwaar, "ontvankelijk" if ontvankelijk else "niet-ontvankelijk")
    return bezwaar


@transaction.atomic
def leg_informele_actie_vast(
    bezwaar: Bezwaar, user: Any, *, soort: str, datum: dt.date, deelnemers: str, uitkomst: str, verslag: str
) -> InformeleActie:
    """A conversation, driegesprek or mediation before the formal procedure."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    fouten = []
    if soort not in SoortInformeel.values:
        fouten.append("Soort: kies gesprek, driegesprek of mediation.")
    if uitkomst not in UitkomstInformeel.values:
        fouten.append("Uitkomst: kies een uitkomst.")
    if datum > _vandaag():
        fouten.append("Datum: ligt in de toekomst.")
    if datum < bezwaar.ontvangen_op:
        fouten.append("Datum: ligt vóór de ontvangst van het bezwaar.")
    if not deelnemers.strip():
        fouten.append("Deelnemers: vul in wie er waren.")
    if not verslag.strip():
        fouten.append("Verslag: vat het gesprek samen.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    actie = InformeleActie.objects.create(
        bezwaar=bezwaar,
        soort=soort,
        datum=datum,
        deelnemers=deelnemers.strip()[:500],
        uitkomst=uitkomst,
        verslag=verslag.strip(),
        door=user,
    )
    _log(user, bezwaar, f"{actie.get_soort_display().lower()} vastgelegd")
    return actie


@transaction.atomic
def plan_hoorzitting(
    bezwaar: Bezwaar, user: Any, *, datum: dt.date, uitnodiging_verzonden_op: dt.date
) -> Hoorzitting:
    """Invite the parties to a hoorzitting (Awb 7:2)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if bezwaar.beschikking_id is None:
        raise Geweigerd("Een premature bezwaar wacht op het besluit; koppel eerst de beschikking.")
    if uitnodiging_verzonden_op > datum:
        raise Geweigerd("Uitnodiging: moet vóór de hoorzitting zijn verstuurd.")
    if uitnodiging_verzonden_op > _vandaag():
        raise Geweigerd("Uitnodiging verzonden op: ligt in de toekomst.")
    if bezwaar.hoorzittingen.filter(gehouden=False).exists():
        raise Geweigerd("Er is al een geplande hoorzitting; leg die eerst vast.")
    zitting = Hoorzitting.objects.create(
        bezwaar=bezwaar, datum=datum, uitnodiging_verzonden_op=uitnodiging_verzonden_op, door=user
    )
    _log(user, bezwaar, f"hoorzitting gepland op {datum:%d-%m-%Y}")
    return zitting


@transaction.atomic
def leg_hoorzitting_vast(zitting: Hoorzitting, user: Any, *, aanwezigen: str, verslag: str) -> Hoorzitting:
    """Who attended and the verslag; the hoorzitting is then held."""
    _jurist(user)
    _vergrendel(zitting.bezwaar)
    zitting = (
        Hoorzitting.objects.select_for_update().select_related("bezwaar__zaak__client").get(pk=zitting.pk)
    )
    if zitting.gehouden:
        raise Geweigerd("Deze hoorzitting is al vastgelegd.")
    if zitting.datum > _vandaag():
        raise Geweigerd(f"De hoorzitting is pas op {zitting.datum:%d-%m-%Y}.")
    fouten = []
    if not aanwezigen.strip():
        fouten.append("Aanwezig: vul in wie er waren (ook als de indiener niet kwam).")
    if not verslag.strip():
        fouten.append("Verslag: vat de hoorzitting samen.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    zitting.gehouden = True
    zitting.aanwezigen = aanwezigen.strip()
    zitting.verslag = verslag.strip()
    zitting.save(update_fields=["gehouden", "aanwezigen", "verslag"])
    _log(user, zitting.bezwaar, "verslag hoorzitting vastgelegd")
    return zitting


@transaction.atomic
def leg_advies_vast(
    bezwaar: Bezwaar, user: Any, *, advies: str, advies_op: dt.date, toelichting: str
) -> Bezwaar:
    """The advice of the bezwaarcommissie (Awb 7:13)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if not bezwaar.commissie:
        raise Geweigerd("De gemeente heeft geen bezwaarcommissie voor dit bezwaar.")
    fouten = []
    if advies not in Beslissing.values:
        fouten.append("Advies: kies gegrond, deels gegrond, ongegrond of niet-ontvankelijk.")
    if advies_op > _vandaag():
        fouten.append("Advies uitgebracht op: ligt in de toekomst.")
    if not toelichting.strip():
        fouten.append("Advies: vat het advies van de commissie samen.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    bezwaar.advies, bezwaar.advies_op, bezwaar.advies_toelichting = advies, advies_op, toelichting.strip()
    bezwaar.save(update_fields=["advies", "advies_op", "advies_toelichting"])
    _log(user, bezwaar, f"advies commissie: {bezwaar.get_advies_display().lower()}")
    return bezwaar


@transaction.atomic
def verdaag(bezwaar: Bezwaar, user: Any, *, weken: int, reden: str, op: dt.date) -> Bezwaar:
    """Extend the decision term once, by at most the legal maximum, before it ends (Awb 7:10 lid 3)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if bezwaar.verdaagd_weken is not None:
        raise Geweigerd("De beslissing is al eens verdaagd; verdagen kan één keer (Awb 7:10 lid 3).")
    termijn = bezwaar.beslistermijn_zonder_verdaging
    if termijn is None:
        raise Geweigerd("Er loopt nog geen beslistermijn (premature bezwaar zonder besluit).")
    fouten = []
    if not reden.strip():
        fouten.append("Reden: leg uit waarom de beslissing wordt verdaagd.")
    if op > _vandaag():
        fouten.append("Verdaagd op: ligt in de toekomst.")
    if op > termijn.einddatum:
        fouten.append(
            f"Verdagen kan alleen binnen de beslistermijn (tot en met {termijn.einddatum:%d-%m-%Y})."
        )
    if fouten:
        raise Geweigerd(" ".join(fouten))
    bezwaar.verdaagd_weken = weken
    try:
        nieuw = bezwaar.beslistermijn
    except OngeldigeTermijn as fout:
        raise Geweigerd(f"Verdagen: {fout}.") from None
    bezwaar.verdaagd_op, bezwaar.verdaging_reden = op, reden.strip()
    bezwaar.save(update_fields=["verdaagd_weken", "verdaagd_op", "verdaging_reden"])
    tot = f" tot en met {nieuw.einddatum:%d-%m-%Y}" if nieuw else ""
    _log(user, bezwaar, f"beslissing verdaagd met {weken} weken{tot}")
    return bezwaar


@transaction.atomic
def beslis(
    bezwaar: Bezwaar,
    user: Any,
    *,
    uitkomst: str,
    beslist_op: dt.date,
    motivering: str,
    geen_hoorzitting_reden: str = "",
    afwijking_advies: str = "",
    ingangsdatum: dt.date | None = None,
    einddatum: dt.date | None = None,
) -> Bezwaar:
    """The beslissing op bezwaar; gegrond or deels gegrond gives a new beschikking version (correction)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    fouten = []
    if uitkomst not in Beslissing.values:
        raise Geweigerd("Beslissing: kies gegrond, deels gegrond, ongegrond of niet-ontvankelijk.")
    if bezwaar.beschikking_id is None:
        fouten.append("Een premature bezwaar wacht op het besluit; koppel eerst de beschikking.")
    if bezwaar.ontvankelijk is None:
        fouten.append("Beoordeel eerst of het bezwaar ontvankelijk is.")
    elif not bezwaar.ontvankelijk and uitkomst != Beslissing.NIET_ONTVANKELIJK:
        fouten.append("Het bezwaar is niet-ontvankelijk verklaard; de beslissing is dan niet-ontvankelijk.")
    elif bezwaar.ontvankelijk and uitkomst == Beslissing.NIET_ONTVANKELIJK:
        fouten.append("Het bezwaar is ontvankelijk verklaard; beslis gegrond, deels gegrond of ongegrond.")
    gehoord = bezwaar.hoorzittingen.filter(gehouden=True).exists()
    if not gehoord and not geen_hoorzitting_reden.strip():
        fouten.append(
            "Hoorzitting: hoor de indiener eerst, of leg vast waarom daarvan wordt afgezien (Awb 7:2 en 7:3)."
        )
    if bezwaar.commissie and bezwaar.ontvankelijk and not bezwaar.advies:
        fouten.append("Advies: leg eerst het advies van de bezwaarcommissie vast (Awb 7:13).")
    elif bezwaar.advies and bezwaar.advies != uitkomst and not afwijking_advies.strip():
        fouten.append("Afwijken van het advies: motiveer waarom (Awb 7:13 lid 7).")
    if not motivering.strip():
        fouten.append("Motivering: leg de beslissing uit.")
    if beslist_op > _vandaag():
        fouten.append("Beslist op: ligt in de toekomst.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    bezwaar.uitkomst, bezwaar.beslist_op = uitkomst, beslist_op
    bezwaar.motivering = motivering.strip()
    bezwaar.afwijking_advies = afwijking_advies.strip()
    bezwaar.geen_hoorzitting_reden = "" if gehoord else geen_hoorzitting_reden.strip()
    if uitkomst in HERZIEN:
        label = Beslissing(uitkomst).label.lower()
        try:
            bezwaar.nieuwe_beschikking = koppeling.corrigeer_na_bezwaar(
                bezwaar.beschikking,
                user,
                f"Bezwaar {bezwaar.kenmerk} {label} verklaard op {beslist_op:%d-%m-%Y}: {motivering.strip()}",
                motivering=motivering,
                ingangsdatum=ingangsdatum,
                einddatum=einddatum,
            )
        except koppeling.Geweigerd as fout:
            raise Geweigerd(f"De nieuwe versie van de beschikking kan niet worden gemaakt: {fout}") from None
    bezwaar.save(
        update_fields=[
            "uitkomst",
            "beslist_op",
            "motivering",
            "afwijking_advies",
            "geen_hoorzitting_reden",
            "nieuwe_beschikking",
        ]
    )
    _log(user, bezwaar, f"beslissing op bezwaar: {bezwaar.get_uitkomst_display().lower()}")
    return bezwaar


@transaction.atomic
def trek_in(bezwaar: Bezwaar, user: Any, *, op: dt.date, reden: str) -> Bezwaar:
    """The indiener withdraws the bezwaar (e.g. after an informal conversation)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if op > _vandaag() or op < bezwaar.ontvangen_op:
        raise Geweigerd("Ingetrokken op: kies een datum tussen ontvangst en vandaag.")
    if not reden.strip():
        raise Geweigerd("Reden: vul in waarom het bezwaar is ingetrokken.")
    bezwaar.ingetrokken_op, bezwaar.intrekking_reden = op, reden.strip()
    bezwaar.save(update_fields=["ingetrokken_op", "intrekking_reden"])
    _log(user, bezwaar, "ingetrokken")
    return bezwaar


@transaction.atomic
def registreer_ingebrekestelling(bezwaar: Bezwaar, user: Any, *, op: dt.date) -> Bezwaar:
    """The indiener's written ingebrekestelling for a late decision; the dwangsom follows (Awb 4:17)."""
    _jurist(user)
    bezwaar = _vergrendel(bezwaar)
    if bezwaar.ingebrekestelling_op is not None:
        raise Geweigerd("Er is al een ingebrekestelling vastgelegd.")
    _niet_in_de_toekomst(op, "Ingebrekestelling ontvangen op")
    termijn = bezwaar.beslistermijn
    if termijn is None:
        raise Geweigerd("Er loopt nog geen beslistermijn; een ingebrekestelling kan dan niet.")
    bezwaar.ingebrekestelling_op = op
    bezwaar.save(update_fields=["ingebrekestelling_op"])
    _log(user, bezwaar, f"ingebrekestelling ontvangen op {op:%d-%m-%Y}")
    return bezwaar
