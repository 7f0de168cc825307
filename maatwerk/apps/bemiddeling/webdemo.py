"""``maatwerk demo`` hook: a driegesprek and a tweede mening on a few demo zaken (idempotent, synthetic)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.utils import timezone

from . import services
from .bronnen import Zaak
from .models import Bemiddeling


def laad_demo() -> str:
    if Bemiddeling.objects.exists():
        return f"{Bemiddeling.objects.count()} informele afhandelingen waren al geladen."
    senior = User.objects.filter(groups__name="senior_consulent").order_by("pk").first()
    zaken = list(
        Zaak.objects.filter(aanbieder__isnull=False, consulent__isnull=False, status="levering_gestart")
        .exclude(consulent=senior)
        .select_related("client", "consulent", "aanbieder")
        .order_by("pk")[:3]
    )
    aantal = 0
    for i, zaak in enumerate(zaken):
        datum = max(zaak.melddatum, timezone.localdate() - dt.timedelta(days=10 + i))
        services.registreer_driegesprek(
            zaak,
            zaak.consulent,
            datum=datum,
            uitkomst="oplossing_met_aanbieder" if i % 2 == 0 else "overeenstemming",
            toelichting="Cliënt vond de hulp te kort; afgesproken dat de hulp de badkamer wekelijks doet.",
            deelnemers="cliënt, dochter, consulent, wijkhulp van de aanbieder",
        )
        aantal += 1
        if senior is not None and i == 0:
            services.registreer_tweede_mening(
                zaak,
                senior,
                datum=datum,
                uitkomst="eens",
                toelichting="De indicatie volgt het normenkader; het maatwerk voor de trap is terecht.",
            )
            aantal += 1
    return f"{aantal} informele afhandelingen (driegesprek, tweede mening) geladen."
