"""``maatwerk demo`` hook: run the exchange once with the simulated provider, so the pages have messages.

Sends the WMO301s of the demo toewijzingen, lets each aanbieder answer in-process (302, 305 for what
has started) and declare last month with one prestatie over the volume, and processes everything.
Only on a fresh demo (no messages yet); the provider's memory in the file drop is reset then.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils import timezone

from maatwerk.apps.berichten import services
from maatwerk.apps.berichten.models import Bericht
from maatwerk.apps.berichten.tarieven import contracttarief
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.apps.levering.services import gemeente
from maatwerk.iwmo.transport.aanbieder import Aanbieder, Fouten


def laad_demo() -> str:
    if Bericht.objects.exists():
        return "iWmo-berichten bestaan al; niets toegevoegd."
    kanaal = services.transport()
    for agb in kanaal.aanbieders():  # a fresh demo database: forget the previous demo's exchange
        for pad in [*Path(kanaal.wortel, agb).rglob("*.xml"), Path(kanaal.wortel, agb, "aanbieder.json")]:
            pad.unlink(missing_ok=True)
    vandaag = timezone.localdate()
    vorige_maand = (vandaag.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    verzonden = services.verstuur_toewijzingen(kanaal, vandaag=vandaag)
    for agb in sorted({b.ontvanger for b in verzonden}):
        sim = Aanbieder(kanaal, agb, Fouten(frozenset({"volume"})))
        sim.tarief = {e: t for e in ("01", "04") if (t := contracttarief(gemeente(), e, vandaag)) is not None}
        sim.tarief_per_toewijzing = {  # the tariff of each toewijzing's own class (its trede)
            t.pk: tarief
            for t in Toewijzing.objects.filter(aanbieder__agb_code=agb)
            if (tarief := contracttarief(gemeente(), t.eenheid, vandaag, t.tariefklasse)) is not None
        }
        sim.ronde(vandaag)
        services.ontvang_alles(kanaal, vandaag=vandaag)
        sim.ronde(vandaag, vorige_maand)
        services.ontvang_alles(kanaal, vandaag=vandaag)
        sim.ronde(vandaag)
    aantal = Bericht.objects.count()
    return f"{aantal} iWmo-berichten uitgewisseld met de gesimuleerde aanbieders ({kanaal.wortel})."
