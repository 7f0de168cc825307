"""Every state change of a klacht: one function, one transaction, its audit entry (when a client is involved).

Only a kwaliteitsmedewerker handles klachten. Checks raise :class:`Geweigerd` before anything is stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from maatwerk.apps.accounts.rollen import Rol, heeft_rol
from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.bezwaren import koppeling
from maatwerk.apps.bezwaren.models import Bezwaar
from maatwerk.apps.bezwaren.procedure import procedure_van
from maatwerk.regels.laden import Regelfout
from maatwerk.termijnen import KalenderOnbekend, OngeldigeTermijn, klachttermijn

from .models import Klacht, Oordeel, Over

WAAROM = "behandeling klacht"


class Geweigerd(Exception):
    """Not allowed; ``str()`` is the Dutch reason. Nothing was stored."""


def _kwaliteit(user: Any) -> None:
    if not heeft_rol(user, Rol.KWALITEITSMEDEWERKER):
        raise Geweigerd("Alleen een kwaliteitsmedewerker behandelt klachten.")


def _vandaag() -> dt.date:
    return timezone.localdate()


def _log(user: Any, klacht: Klacht, wat: str) -> None:
    """Audit only when the klacht concerns a client (personal data); a klacht without zaak names no client."""
    if klacht.zaak_id:
        log_persoonsgegevens(user, klacht.zaak.client, "schrijven", f"klacht {klacht.kenmerk}: {wat}", WAAROM)


def _vergrendel(klacht: Klacht) -> Klacht:
    k = Klacht.objects.select_for_update(of=("self",)).select_related("zaak__client").get(pk=klacht.pk)
    if k.is_afgehandeld:
        raise Geweigerd(f"Klacht {k.kenmerk} is afgehandeld; er kan niets meer aan veranderen.")
    return k


def commissie_ingesteld() -> bool:
    try:
        return procedure_van(koppeling.gemeente()).klachtadviescommissie.ingesteld
    except Regelfout as fout:
        raise Geweigerd(f"De klachtenprocedure van de gemeente is niet te lezen: {fout}") from None


@transaction.atomic
def registreer_klacht(
    user: Any,
    *,
    ontvangen_op: dt.date,
    klager: str,
    over: str,
    omschrijving: str,
    aanbieder: Any = None,
    zaak: Any = None,
    bezwaar: Bezwaar | None = None,
) -> Klacht:
    """Register a klaagschrift (Awb 9:4); the handling term starts the day after receipt (9:11)."""
    _kwaliteit(user)
    fouten = []
    if ontvangen_op > _vandaag():
        fouten.append("Ontvangen op: ligt in de toekomst.")
    if not klager.strip():
        fouten.append("Naam klager: vul in wie klaagt (Awb 9:4 lid 2).")
    if over not in Over.values:
        fouten.append("Klacht over: kies de gemeente of de zorgaanbieder.")
    elif over == Over.AANBIEDER and aanbieder is None:
        fouten.append("Aanbieder: kies over welke aanbieder de klacht gaat.")
    if not omschrijving.strip():
        fouten.append("Omschrijving: vul in over welke gedraging de klacht gaat.")
    if bezwaar is not None and zaak is not None and bezwaar.zaak_id != zaak.pk:
        fouten.append("Bezwaar: hoort niet bij deze zaak.")
    try:
        klachttermijn(ontvangen_op)
    except KalenderOnbekend as fout:
        fouten.append(str(fout))
    if fouten:
        raise Geweigerd(" ".join(fouten))
    klacht = Klacht.objects.create(
        ontvangen_op=ontvangen_op,
        klager=klager.strip()[:200],
        over=over,
        aanbieder=aanbieder if over == Over.AANBIEDER else None,
        omschrijving=omschrijving.strip(),
        zaak=zaak if zaak is not None else (bezwaar.zaak if bezwaar is not None else None),
        bezwaar=bezwaar,
        commissie=commissie_ingesteld(),
        behandelaar=user,
    )
    klacht.kenmerk = f"KL-{ontvangen_op.year}-{klacht.pk:05d}"
    klacht.save(update_fields=["kenmerk"])
    _log(user, klacht, "geregistreerd")
    return klacht


@transaction.atomic
def koppel_bezwaar(klacht: Klacht, user: Any, bezwaar: Bezwaar) -> Klacht:
    """Link a klacht to a bezwaar that runs at the same time (same zaak)."""
    _kwaliteit(user)
    klacht = _vergrendel(klacht)
    if klacht.zaak_id and bezwaar.zaak_id != klacht.zaak_id:
        raise Geweigerd("Het bezwaar hoort bij een andere zaak dan de klacht.")
    klacht.bezwaar, klacht.zaak = bezwaar, bezwaar.zaak
    klacht.save(update_fields=["bezwaar", "zaak"])
    _log(user, klacht, f"gekoppeld aan bezwaar {bezwaar.kenmerk}")
    return klacht


@transaction.atomic
def verdaag_klacht(klacht: Klacht, user: Any, *, weken: int, reden: str, op: dt.date) -> Klacht:
    """Extend the handling once by at most the legal maximum, before the term ends (Awb 9:11 lid 2)."""
    _kwaliteit(user)
    klacht = _vergrendel(klacht)
    if klacht.verdaagd_weken is not None:
        raise Geweigerd("De afhandeling is al verdaagd.")
    termijn = klacht.termijn_zonder_verdaging
    fouten = []
    if not reden.strip():
        fouten.append("Reden: leg uit waarom de afhandeling wordt verdaagd (schriftelijk aan de klager).")
    if op > _vandaag():
        fouten.append("Verdaagd op: ligt in de toekomst.")
    if termijn is not None and op > termijn.einddatum:
        fouten.append(f"Verdagen kan alleen binnen de termijn (tot en met {termijn.einddatum:%d-%m-%Y}).")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    try:
        klachttermijn(klacht.ontvangen_op, commissie=klacht.commissie, verdaagd=True, verdaging_weken=weken)
    except OngeldigeTermijn as fout:
        raise Geweigerd(f"Verdagen: {fout}.") from None
    klacht.verdaagd_weken, klacht.verdaagd_op, klacht.verdaging_reden = weken, op, reden.strip()
    klacht.save(update_fields=["verdaagd_weken", "verdaagd_op", "verdaging_reden"])
    _log(user, klacht, f"afhandeling verdaagd met {weken} weken")
    return klacht


@transaction.atomic
def handel_af(
    klacht: Klacht, user: Any, *, oordeel: str, op: dt.date, bevindingen: str, maatregelen: str = ""
) -> Klacht:
    """Outcome, findings and measures (Awb 9:12: written notice of the findings and conclusions)."""
    _kwaliteit(user)
    klacht = _vergrendel(klacht)
    fouten = []
    if oordeel not in Oordeel.values:
        fouten.append("Oordeel: kies een oordeel.")
    if op > _vandaag() or op < klacht.ontvangen_op:
        fouten.append("Afgehandeld op: kies een datum tussen ontvangst en vandaag.")
    if not bevindingen.strip():
        fouten.append("Bevindingen: vat het onderzoek en de conclusies samen (Awb 9:12).")
    if oordeel in (Oordeel.GEGROND, Oordeel.DEELS_GEGROND) and not maatregelen.strip():
        fouten.append("Maatregelen: een gegronde klacht noemt wat er verandert.")
    if fouten:
        raise Geweigerd(" ".join(fouten))
    klacht.oordeel, klacht.afgehandeld_op = oordeel, op
    klacht.bevindingen, klacht.maatregelen = bevindingen.strip(), maatregelen.strip()
    klacht.save(update_fields=["oordeel", "afgehandeld_op", "bevindingen", "maatregelen"])
    _log(user, klacht, f"afgehandeld: {klacht.get_oordeel_display().lower()}")
    return klacht
