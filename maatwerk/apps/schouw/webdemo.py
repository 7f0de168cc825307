"""``maatwerk demo`` hook: a few schouwen per provider (sample with a demo percentage), most completed,
one provider below the signal threshold, one calamity. Idempotent: nothing happens when schouwen exist.
Synthetic data only; runs after the beschikkingen demo (toewijzingen with delivery started)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from . import services
from .bronnen import Aanbieder
from .models import Oordeel, Schouw

DEMO_PERCENTAGE = 50  # demo only: enough schouwen per provider to show results (the rule file says 7.5)
DEMO_SEED = 2026
ZWAK = "Schoon & Zorg BV"  # the provider that gets a signal in the demo


def _oordeel(aanbieder: str, i: int) -> tuple[str, str]:
    if aanbieder == ZWAK and i % 3 != 2:
        return Oordeel.ONVOLDOENDE, "Badkamer en keuken niet schoongemaakt; stof op de vensterbanken."
    if i % 7 == 6:
        return Oordeel.NVT, ""
    return Oordeel.VOLDOENDE, ""


def laad_demo() -> str:
    if Schouw.objects.exists():
        return f"{Schouw.objects.count()} schouwen waren al geladen."
    kwaliteit = User.objects.filter(groups__name="kwaliteitsmedewerker").order_by("pk").first()
    if kwaliteit is None:
        return "geen kwaliteitsmedewerker: geen schouwen geladen."
    vandaag = timezone.localdate()
    gepland = afgerond = 0
    with transaction.atomic():
        for aanbieder in Aanbieder.objects.filter(actief=True).order_by("naam"):
            schouwen = services.plan_steekproef(aanbieder, kwaliteit, vandaag, DEMO_SEED, DEMO_PERCENTAGE)
            for n, schouw in enumerate(schouwen):
                gepland += 1
                if n == len(schouwen) - 1 and n > 0 and aanbieder.naam != ZWAK:
                    continue  # the last one stays planned: a visit still to do
                punten = list(schouw.punten.all())
                oordelen = {p.pk: _oordeel(aanbieder.naam, n + i) for i, p in enumerate(punten)}
                datum = vandaag - dt.timedelta(days=3 + 11 * n)
                services.leg_schouw_vast(
                    schouw, kwaliteit, oordelen, "Tevreden over de vaste hulp." if n % 2 else "", datum
                )
                afgerond += 1
                if aanbieder.naam == ZWAK and n == 0:
                    services.registreer_calamiteit(
                        schouw.zaak,
                        kwaliteit,
                        "calamiteit",
                        datum,
                        "Cliënt gevallen tijdens het dweilen; hulp heeft geen hulp ingeroepen.",
                        datum + dt.timedelta(days=1),
                        schouw=schouw,
                    )
    return f"{gepland} schouwen gepland, waarvan {afgerond} afgerond."
