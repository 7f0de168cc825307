"""Finance's decisions that the web page and the CLI must share, so they cannot drift apart.

Finance stores nothing: its figures are computed from a stored simulation (read through
:mod:`maatwerk.apps.herindicatie.selectors`, which logs the read) or from a simulation file.
What is decided here is *which rules* price them: the tariff set and the resultatenmatrix.
An ambiguous choice is refused with :class:`Keuzefout` (the CLI names its option, the page shows
the message) instead of silently taking the first one.

Public API (stable)::

    from maatwerk.apps.finance.services import Keuzefout, kies_matrix, kies_regelset
    kies_regelset("pxq", gekozen=None) -> "voorbeeldstad"      # or Keuzefout when there are several
    kies_matrix(gekozen=None, kader="hhm-2025", peildatum=date) -> matrix id
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .matrix import matrices, matrix_van_kader
from .tarieven import regelsets

Soort = Literal["pxq", "uitmiddelen"]
#: (singular, plural) of what is chosen, for the message.
OMSCHRIJVING: dict[str, tuple[str, str]] = {
    "pxq": ("regelset oude uurtarieven (PxQ)", "regelsets oude uurtarieven (PxQ)"),
    "uitmiddelen": ("regelset uitmiddelen", "regelsets uitmiddelen"),
    "matrix": ("resultatenmatrix", "resultatenmatrices"),
}


class Keuzefout(ValueError):
    """No single set of rules applies: the user must choose one of ``beschikbaar``."""

    def __init__(self, soort: str, beschikbaar: list[str]) -> None:
        self.soort = soort
        self.beschikbaar = beschikbaar
        een, meer = OMSCHRIJVING[soort]
        super().__init__(
            f"er zijn meerdere {meer}: kies er één (beschikbaar: {', '.join(beschikbaar)})"
            if beschikbaar
            else f"er is geen {een}"
        )


def kies_regelset(soort: Soort, gekozen: str | None = None) -> str:
    """The chosen tariff set, else the only one there is; several (or none) without a choice is refused."""
    if gekozen:
        return gekozen
    alle = regelsets(soort)
    if len(alle) != 1:
        raise Keuzefout(soort, alle)
    return alle[0]


def kies_matrix(
    gekozen: str | None = None, kader: str | None = None, peildatum: dt.date | None = None
) -> str:
    """The chosen resultatenmatrix, else the kader's (version on ``peildatum``), else the only one."""
    if gekozen:
        return gekozen
    if kader:
        return matrix_van_kader(kader, peildatum)
    alle = matrices()
    if len(alle) != 1:
        raise Keuzefout("matrix", alle)
    return alle[0]


def export_gelogd(bsns: list[str], wat: str, waarom: str, gebruiker: object = None) -> int:
    """Audit an export with personal data: one row for the export itself (how many clients) and one
    read row per known client in ``bsns`` (one transaction, in chunks); returns the client rows."""
    from django.db import transaction

    from maatwerk.apps.audit import log_clientlijst, log_persoonsgegevens
    from maatwerk.apps.clients.models import Client

    uniek = sorted({b for b in bsns if b})
    aantal = 0
    with transaction.atomic():
        log_persoonsgegevens(gebruiker, None, "lezen", f"{wat} ({len(uniek)} cliënten)", waarom)
        for i in range(0, len(uniek), 2000):
            clients = Client.objects.filter(bsn__in=uniek[i : i + 2000]).only("pk")
            aantal += log_clientlijst(gebruiker, clients, wat, waarom)
    return aantal
