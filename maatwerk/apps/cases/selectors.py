"""Audited reads of zaken and clients: every function that returns personal data logs the read.

Views call these instead of querying and auditing themselves; each lookup starts from
:func:`~maatwerk.apps.cases.zichtbaarheid.zichtbare_zaken`, so another party's id gives ``Zaak.DoesNotExist``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q

from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
from maatwerk.veilig import geheel_getal, maskeer_nummers

from .models import Status, Zaak
from .termijnen import Termijn, open_termijnen, opschortingen_per_zaak
from .zichtbaarheid import zichtbare_zaken

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
    zaak: Zaak = zichtbare_zaken(gebruiker).select_related("client", "consulent", "aanbieder").get(pk=pk)
    log_persoonsgegevens(gebruiker, zaak.client, "lezen", wat, waarom)
    return zaak


def client_inzien(gebruiker: Any, zaak: Zaak, wat: str) -> None:
    """Log that the zaak's client data was shown (e.g. in the edit form)."""
    log_persoonsgegevens(gebruiker, zaak.client, "lezen", wat, f"behandeling zaak {zaak.pk}")


def werklijst(
    gebruiker: Any, vandaag: dt.date, consulent: Any = None, alle: bool = False
) -> list[tuple[Termijn, Zaak]]:
    """Open deadlines (soonest first) of the user's zaken, one consulent's, or the whole team's."""
    qs = zichtbare_zaken(gebruiker).exclude(status__in=BUITEN_WERKLIJST).select_related("client")
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
