"""Beschikking PDF render time (target < 0.3 s per letter).

Renders a typical letter (12 tasks with reasons, ondersteuningsplan and signed zorgplan as appendices,
5 A4 pages) N times with WeasyPrint after one warm-up render and prints the median and p95 wall time, and the
median CPU time of the render (``BENCH_BESCHIKKING_N``, default 20).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time

N = int(os.environ.get("BENCH_BESCHIKKING_N", "20"))

# (taak, hoe vaak, keren per week, minuten per keer): a typical household-help letter.
_TAKEN = [
    ("Woonkamer stofzuigen en dweilen", "1 keer per week", 1.0, 30.0),
    ("Keuken schoonmaken", "1 keer per week", 1.0, 25.0),
    ("Sanitair schoonmaken", "1 keer per week", 1.0, 20.0),
    ("Slaapkamer schoonmaken", "1 keer per week", 1.0, 15.0),
    ("Gang en trap schoonmaken", "1 keer per week", 1.0, 10.0),
    ("Bed verschonen", "1 keer per 2 weken", 0.5, 15.0),
    ("Ramen binnenkant wassen", "1 keer per 4 weken", 0.25, 20.0),
    ("Koelkast schoonmaken", "1 keer per 4 weken", 0.25, 15.0),
    ("Wassen", "2 keer per week", 2.0, 10.0),
    ("Strijken", "1 keer per week", 1.0, 15.0),
    ("Boodschappen doen", "1 keer per week", 1.0, 30.0),
    ("Afval wegbrengen", "1 keer per week", 1.0, 5.0),
]


def _gegevens():  # noqa: ANN202 - built after django.setup()
    from maatwerk.apps.besluiten import brief as b

    taken = tuple(
        b.Taakregel(
            taak,
            "schoon_huis",
            vaak,
            per_keer,
            keren * per_keer,
            f"Normtijd {per_keer:g} minuten per keer volgens het normenkader; u kunt dit door uw "
            "beperkingen niet zelf en er is geen huisgenoot die het kan overnemen.",
        )
        for taak, vaak, keren, per_keer in _TAKEN
    )
    totaal = sum(t.minuten_per_week for t in taken)
    return b.Beschikkinggegevens(
        afzender=b.afzender("Voorbeeldstad"),
        client_naam="Anna van der Berg",
        client_adresregels=("Dorpsstraat 12a", "9999 AA Voorbeeldstad"),
        briefdatum=dt.date(2026, 11, 23),
        kenmerk="WMO-2026-000123",
        aanvraagdatum=dt.date(2026, 11, 10),
        gevraagd="Ik kan mijn huis niet meer zelf schoonhouden.",
        besluit="toegekend",
        motivering="",
        resultaatgebieden=(
            b.Resultaatgebiedregel("Schoon en leefbaar huis", "", totaal, "Uw huis is schoon"),
        ),
        treden=(
            b.Trederegel("Hulp bij het huishouden", "Trede 4", "Beperkte ondersteuning", "band 3-4 uur"),
        ),
        taken=taken,
        totaal_minuten_per_week=totaal,
        normenkader="KPMG/HHM normenkader",
        normenkader_versie="2021",
        peildatum=dt.date(2026, 11, 20),
        ingangsdatum=dt.date(2026, 12, 1),
        einddatum=dt.date(2027, 11, 30),
        leveringsvorm="ZIN",
        aanbieder="Thuishulp Voorbeeld",
        bezwaartermijn_weken=6,
        bezwaar_bron="artikel 6:7",
        contactpersoon="Jan Jansen",
        contact_telefoon="14 0999",
        statustrein=(
            b.Statusstap("We hebben uw melding ontvangen.", "klaar", dt.date(2026, 11, 1)),
            b.Statusstap("We hebben een besluit genomen.", "nu", dt.date(2026, 11, 23)),
        ),
        voorbeeld=False,
        zorgplan=b.Zorgplangegevens(
            aanbieder="Thuishulp Voorbeeld",
            afspraken=tuple(
                b.Zorgplanafspraak(t.taak, t.frequentie, t.minuten_per_week, "dinsdag") for t in taken
            ),
            getekend_client="Anna van der Berg",
            getekend_client_op=dt.date(2026, 11, 20),
            getekend_aanbieder="Piet Pieters",
            getekend_aanbieder_op=dt.date(2026, 11, 21),
        ),
    )


def run() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()
    from maatwerk.apps.besluiten.render import render_pdf

    gegevens = _gegevens()
    render_pdf(gegevens)  # warm-up: fonts, stylesheet, template cache
    tijden, cpu = [], []
    for _ in range(N):
        start, start_cpu = time.perf_counter(), time.process_time()
        render_pdf(gegevens)
        tijden.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    p95 = statistics.quantiles(tijden, n=20, method="inclusive")[18]
    print(f"BENCH beschikking_pdf_render {statistics.median(tijden):.3f} s")
    print(f"BENCH beschikking_pdf_render_p95 {p95:.3f} s")
    # CPU time of this process: the render's own cost, less disturbed by other load on a shared machine.
    print(f"BENCH beschikking_pdf_render_cpu {statistics.median(cpu):.3f} s")


if __name__ == "__main__":
    run()
