"""Audited reads of zaken and clients: every function that returns personal data logs the read.

Views call these instead of querying and auditing themselves; each lookup starts from
:func:`~maatwerk.apps.cases.zichtbaarheid.zichtbare_zaken`, so another party's id gives ``Zaak.DoesNotExist``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.apps.clients.models import Client
from maatwerk.veilig import geheel_getal, maskeer_nummers

from .models import Status, Zaak
from .termijnen import Termijn, open_termijnen, opschortingen_per_zaak
from .zichtbaarheid import zichtbare_clients, zichtbare_zaken

#: Zaken that have left the access team's worklist (delivery runs or the zaak is closed).
BUITEN_WERKLIJST = (
    Status.BEEINDIGD,
    Status.AFGEWEZEN,
    Status.INGETROKKEN,
    Status.LEVERING_GESTART,
    Status.TOEGEWEZEN,
)


def zaak_inzien(gebruiker: Any, pk: int, wat: str, waarom: str = "behandeling zaak") -> Zaak:
    """The zaak with client, consulent and aanbieder, if the user may see it; the read is logged."""
    zaak: Zaak = (
        zichtbare_zaken(gebruiker)
        .select_related("client", "consulent", "aanbieder")
        .annotate(**_dossier_aanwezig())
        .get(pk=pk)
    )
    log_persoonsgegevens(gebruiker, zaak.client, "lezen", wat, waarom)
    return zaak


def _dossier_aanwezig() -> dict[str, Any]:
    """Whether the zaak has contactmomenten/documents, in the zaak's own query (no extra query when empty)."""
    from django.db.models import Exists, OuterRef

    from maatwerk.apps.dossier.models import Contactmoment, Document

    return {
        "heeft_contactmomenten": Exists(Contactmoment.objects.filter(zaak=OuterRef("pk"))),
        "heeft_documenten": Exists(Document.objects.filter(zaak=OuterRef("pk"))),
    }


def client_inzien(gebruiker: Any, zaak: Zaak, wat: str) -> None:
    """Log that the zaak's client data was shown (e.g. in the edit form)."""
    log_persoonsgegevens(gebruiker, zaak.client, "lezen", wat, f"behandeling zaak {zaak.pk}")


def werklijst(
    gebruiker: Any, vandaag: dt.date, consulent: Any = None, alle: bool = False
) -> list[tuple[Termijn, Zaak]]:
    """Open deadlines (soonest first) of the user's zaken, one consulent's, or the whole team's."""
    qs = zichtbare_zaken(gebruiker).exclude(status__in=BUITEN_WERKLIJST).select_related("client")
    qs = qs.annotate(**_bericht(gebruiker))  # the user's unread notification, in the same query
    if consulent is not None:
        qs = qs.filter(consulent=consulent)
    elif not alle:
        qs = qs.filter(consulent=gebruiker)
    if alle and consulent is None:  # only the whole-team list shows the consulent column
        qs = qs.select_related("consulent")
    zaken = list(qs)
    opschortingen = opschortingen_per_zaak(zaken)
    regels = [(t, zaak) for zaak in zaken for t in open_termijnen(zaak, vandaag, opschortingen[zaak.pk])]
    regels.sort(key=lambda r: (r[0].laatste_dag, r[1].pk))
    log_clientlijst(gebruiker, [z.client for _, z in regels], "werklijst (naam)", "werkvoorraad bewaken")
    return regels


def _bericht(gebruiker: Any) -> dict[str, Any]:
    """Annotations with the user's newest unread notification about each zaak (issue 10.10)."""
    from django.db.models import OuterRef, Subquery

    from maatwerk.apps.levering.models import Notificatie

    ongelezen = Notificatie.objects.filter(
        zaak=OuterRef("pk"), ontvanger_id=getattr(gebruiker, "pk", None), gelezen_op=None
    ).order_by("-aangemaakt_op", "-pk")
    return {
        "bericht_pk": Subquery(ongelezen.values("pk")[:1]),
        "bericht_tekst": Subquery(ongelezen.values("tekst")[:1]),
    }


def zakenlijst(gebruiker: Any, zoek: str, status: str, pagina: Any, per_pagina: int = 25) -> Page:
    """One page of the zaken the user may see, searched by BSN, zaak number or name; logged per client."""
    qs = zichtbare_zaken(gebruiker).select_related("client", "consulent")
    if zoek:
        if (nummer := geheel_getal(zoek)) is not None:
            qs = qs.filter(Q(client__bsn=zoek.strip()) | Q(pk=nummer))
        else:
            qs = qs.filter(Q(client__achternaam__icontains=zoek) | Q(client__voornamen__icontains=zoek))
    if status in Status.values:
        qs = qs.filter(status=status)
    gevonden: Page = Paginator(qs, per_pagina).get_page(pagina)
    log_clientlijst(
        gebruiker,
        [z.client for z in gevonden.object_list],
        "zakenlijst (naam)" + (f", zoekterm '{maskeer_nummers(zoek[:40])}'" if zoek else ""),
        "zaak opzoeken",
    )
    return gevonden


@dataclass(frozen=True)
class MogelijkeDubbel:
    """A known client who may be the person of a new melding, with the open zaken and why it matched."""

    client: Client
    lopende_zaken: tuple[Zaak, ...]
    reden: str


def mogelijke_dubbelen(
    gebruiker: Any, bsn: str, achternaam: str, geboortedatum: dt.date | None, postcode: str
) -> list[MogelijkeDubbel]:
    """Known clients matching a new melding by BSN, or by surname + birth date + postcode (issue 10.4).

    The read of the matches is logged (one row listing their ids).
    """
    zichtbaar = zichtbare_clients(gebruiker)
    voorwaarden = Q(pk__in=[])
    if bsn:
        voorwaarden |= Q(bsn=bsn)
    if achternaam.strip() and geboortedatum is not None and postcode.strip():
        voorwaarden |= Q(
            achternaam__iexact=achternaam.strip(),
            geboortedatum=geboortedatum,
            postcode__in=_postcodevormen(postcode),
        )
    gevonden = list(zichtbaar.filter(voorwaarden).order_by("pk")[:10])
    if not gevonden:
        return []
    open_zaken = (
        zichtbare_zaken(gebruiker)
        .filter(client__in=gevonden)
        .exclude(status__in=(Status.BEEINDIGD, Status.AFGEWEZEN, Status.INGETROKKEN))
        .order_by("-melddatum", "-pk")
    )
    per_client: dict[int, list[Zaak]] = {}
    for zaak in open_zaken:
        per_client.setdefault(zaak.client_id, []).append(zaak)
    log_clientlijst(
        gebruiker, gevonden, "mogelijke dubbele cliënten bij nieuwe melding", "dubbele registratie voorkomen"
    )
    return [
        MogelijkeDubbel(
            client=c,
            lopende_zaken=tuple(per_client.get(c.pk, ())),
            reden="zelfde BSN" if bsn and c.bsn == bsn else "zelfde achternaam, geboortedatum en postcode",
        )
        for c in gevonden
    ]


def _postcodevormen(postcode: str) -> list[str]:
    """A postcode as entered and in its stored form ('1234 AB')."""
    p = postcode.replace(" ", "").upper()
    return [postcode.strip(), p, f"{p[:4]} {p[4:]}"] if len(p) == 6 else [postcode.strip()]


def zaak_van_indiening(indiening: Any) -> Zaak | None:
    """The zaak an earlier submission of the same melding form made (its one-time token), if any."""
    if indiening is None:
        return None
    zaak: Zaak | None = Zaak.objects.filter(indiening=indiening).first()
    return zaak
