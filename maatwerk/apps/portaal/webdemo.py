"""Demo data of the portal (``maatwerk demo``): e-mail addresses for the demo inwoners and one machtiging.

The demo provider (``maatwerk.apps.oidc_demo``) logs in ``inwoner`` with BSN 600000060 (the sixth demo
client: help started, with a beschikking) and ``vertegenwoordiger`` with BSN 690000005, who holds a
machtiging for demo client 600000047. Mail goes to files in ``var/mail/`` in development mode.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from maatwerk.apps.clients.models import Client
from maatwerk.apps.onderzoek import services as onderzoek
from maatwerk.apps.onderzoek.models import Onderzoek

from . import services
from .models import Machtiging

#: Must match maatwerk.apps.oidc_demo.inrichting (checked by tests/portaal/test_demo.py).
INWONER, VERTEGENWOORDIGER, WACHTWOORD = "inwoner", "vertegenwoordiger", "demo-inwoner"  # noqa: S105
INWONER_BSN = "600000060"
VERTEGENWOORDIGER_BSN = "690000005"
VERTEGENWOORDIGD_BSN = "600000047"


def laad_demo() -> str:
    with transaction.atomic():
        clients = {c.bsn: c for c in Client.objects.filter(bsn__in=[INWONER_BSN, VERTEGENWOORDIGD_BSN])}
        if INWONER_BSN not in clients:
            return "geen demo-inwoner (laad eerst de demogemeente)"
        for bsn, adres in ((INWONER_BSN, "inwoner@voorbeeldstad.example"), (VERTEGENWOORDIGD_BSN, "")):
            if bsn in clients and adres:
                Client.objects.filter(pk=clients[bsn].pk).update(email=adres)
        # The verslag of the demo inwoner's onderzoek is shared, so there is something to react to.
        for ond in Onderzoek.objects.filter(
            zaak__client=clients[INWONER_BSN], verslag_gedeeld_op__isnull=True
        ).exclude(verslag=""):
            onderzoek.deel_verslag(ond, None)
        if (
            VERTEGENWOORDIGD_BSN in clients
            and not Machtiging.objects.filter(gemachtigde_bsn=VERTEGENWOORDIGER_BSN).exists()
        ):
            services.leg_machtiging_vast(
                clients[VERTEGENWOORDIGD_BSN],
                services.Machtiginggegevens(
                    VERTEGENWOORDIGER_BSN,
                    "Demo-vertegenwoordiger",
                    Machtiging.Soort.SCHRIFTELIJK,
                    dt.date(2025, 1, 1),
                ),
                None,
            )
    return (
        f"inloggen op /portaal/ via de demo-inlogdienst als '{INWONER}' of '{VERTEGENWOORDIGER}' "
        f"(wachtwoord '{WACHTWOORD}'); berichten in var/mail/"
    )
