"""Test helpers: a complete letter context with several tasks (no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from maatwerk.apps.besluiten.brief import (
    Beschikkinggegevens,
    Resultaatgebiedregel,
    Statusstap,
    Taakregel,
    Trederegel,
    Zorgplanafspraak,
    Zorgplangegevens,
    afzender,
)

TAKEN = (
    Taakregel(
        "Woonkamer schoonmaken",
        "schoon_huis",
        "1 keer per week",
        30.0,
        30.0,
        "Norm 30 minuten; u kunt niet stofzuigen door uw rugklachten.",
    ),
    Taakregel(
        "Keuken schoonmaken",
        "schoon_huis",
        "1 keer per week",
        22.5,
        22.5,
        "Norm 22,5 minuten; uw partner kan dit niet overnemen.",
    ),
    Taakregel("Sanitair schoonmaken", "schoon_huis", "1 keer per week", 20.0, 20.0, "Norm 20 minuten."),
    Taakregel("Bed verschonen", "schone_was", "1 keer per 2 weken", 15.0, 7.5, "Norm 15 minuten per keer."),
    Taakregel(
        "Wassen en strijken",
        "schone_was",
        "2 keer per week",
        17.0,
        34.0,
        "Meer was door incontinentie (+10 minuten).",
    ),
)


def gegevens(**anders: object) -> Beschikkinggegevens:
    b = Beschikkinggegevens(
        afzender=afzender("Voorbeeldstad"),
        client_naam="Anna van der Berg",
        client_adresregels=("Dorpsstraat 12a", "9999 AA Voorbeeldstad"),
        briefdatum=dt.date(2026, 11, 23),
        kenmerk="WMO-2026-000123",
        aanvraagdatum=dt.date(2026, 11, 10),
        gevraagd="Ik kan mijn huis niet meer zelf schoonhouden.",
        besluit="toegekend",
        motivering="U kunt door uw rugklachten het zware huishoudelijke werk niet meer zelf doen.",
        resultaatgebieden=(
            Resultaatgebiedregel("Schoon en leefbaar huis", "", 72.5, "Uw huis is schoon"),
            Resultaatgebiedregel("Schone was", "", 41.5, "U heeft schone kleding"),
        ),
        treden=(
            Trederegel("Hulp bij het huishouden", "Trede 3", "Matige ondersteuning", "1,9 uur per week"),
        ),
        taken=TAKEN,
        totaal_minuten_per_week=sum(t.minuten_per_week for t in TAKEN),
        normenkader="KPMG/HHM normenkader schoon en leefbaar huis (HBEL)",
        normenkader_versie="2021",
        peildatum=dt.date(2026, 11, 20),
        ingangsdatum=dt.date(2026, 12, 1),
        einddatum=dt.date(2027, 11, 30),
        leveringsvorm="ZIN",
        aanbieder="Thuishulp Voorbeeld",
        bezwaartermijn_weken=6,
        bezwaar_bron="Algemene wet bestuursrecht, artikel 6:7",
        contactpersoon="Jan Jansen",
        contact_telefoon="14 0999",
        statustrein=(
            Statusstap("We hebben uw melding ontvangen.", "klaar", dt.date(2026, 11, 1)),
            Statusstap("We hebben een besluit genomen.", "nu", dt.date(2026, 11, 23)),
            Statusstap("De zorgaanbieder begint met de hulp.", "straks"),
        ),
        voorbeeld=False,
        zorgplan=Zorgplangegevens(
            aanbieder="Thuishulp Voorbeeld",
            afspraken=tuple(
                Zorgplanafspraak(t.taak, t.frequentie, t.minuten_per_week, "dinsdagochtend") for t in TAKEN
            ),
            getekend_client="Anna van der Berg",
            getekend_client_op=dt.date(2026, 11, 20),
            getekend_aanbieder="Piet Pieters",
            getekend_aanbieder_op=dt.date(2026, 11, 21),
        ),
    )
    return replace(b, **anders) if anders else b
