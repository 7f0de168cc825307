"""Synthetic demo municipality Voorbeeldstad: users per role, aanbieders, ~200 clients in every status.

Idempotent: users and aanbieders are created or reset; clients and cases are only created when the
first demo client does not exist yet. All people are invented; BSNs pass the 11-proef but come from a
fixed synthetic range. Other apps add their own demo data through ``maatwerk/apps/<app>/webdemo.py``
with a function ``laad_demo() -> str`` (called by ``maatwerk demo`` after this module; idempotent).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.accounts.rollen import Rol
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client

from .models import Kanaal, Opschorting, SoortMelding, Status, StatusEvent, Zaak

WACHTWOORD = "maatwerk-demo"
BSN_BASIS = 60_000_000  # synthetic range for demo BSNs

AANBIEDERS = [
    ("Thuiszorg Voorbeeldstad", "75750001"),
    ("Huishoudhulp De Linde", "75750002"),
    ("Schoon & Zorg BV", "75750003"),
    ("Zorggroep Het Anker", "75750004"),
]


@dataclass(frozen=True)
class DemoGebruiker:
    gebruikersnaam: str
    naam: str
    rol: str
    aanbieder: str | None = None


GEBRUIKERS = [
    DemoGebruiker("consulent", "Fatima Yilmaz", Rol.CONSULENT),
    DemoGebruiker("consulent2", "Jeroen de Vries", Rol.CONSULENT),
    DemoGebruiker("consulent3", "Sanne Bakker", Rol.CONSULENT),
    DemoGebruiker("senior", "Marieke Jansen", Rol.SENIOR_CONSULENT),
    DemoGebruiker("beleid", "Ahmed El Amrani", Rol.BELEIDSMEDEWERKER),
    DemoGebruiker("kwaliteit", "Linda Visser", Rol.KWALITEITSMEDEWERKER),
    DemoGebruiker("beheer", "Peter Smit", Rol.FUNCTIONEEL_BEHEERDER),
    DemoGebruiker("aanbieder", "Kim de Boer", Rol.AANBIEDER, AANBIEDERS[0][0]),
    DemoGebruiker("aanbieder2", "Tom Mulder", Rol.AANBIEDER, AANBIEDERS[1][0]),
]

VOORNAMEN = [
    "Johanna",
    "Cornelis",
    "Maria",
    "Hendrik",
    "Anna",
    "Willem",
    "Geertruida",
    "Jan",
    "Elisabeth",
    "Pieter",
    "Wilhelmina",
    "Gerrit",
    "Hendrika",
    "Dirk",
    "Catharina",
    "Fatma",
    "Mohamed",
    "Aaltje",
    "Klaas",
    "Grietje",
    "Ingrid",
    "Ahmet",
    "Priya",
    "Rudi",
    "Truus",
    "Bep",
    "Kees",
    "Riet",
    "Sjaak",
]
ACHTERNAMEN = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kaya",
    "Yildiz",
    "Pinas",
    "Ramdin",
    "Kok",
]
STRATEN = [
    "Dorpsstraat",
    "Kerkweg",
    "Lindelaan",
    "Molenstraat",
    "Schoolstraat",
    "Beukenlaan",
    "Havenkade",
    "Julianastraat",
    "Stationsweg",
    "Marktplein",
]
VRAGEN = [
    "Ik kan het huishouden niet meer zelf doen sinds mijn heupoperatie.",
    "Mijn vader redt het niet meer met schoonmaken en de was.",
    "Na een beroerte lukt stofzuigen en bedden verschonen niet meer.",
    "Ik ben slechtziend en krijg het huis niet meer schoon.",
    "Mijn partner zorgde voor het huishouden maar is opgenomen in het ziekenhuis.",
    "Door COPD ben ik snel buiten adem; zwaar huishoudelijk werk gaat niet.",
]

# Status distribution of the ~200 cases (weights) and how far back their melding lies (days).
VERDELING = [
    (Status.ONTVANGEN, 30, (0, 50)),
    (Status.IN_ONDERZOEK, 45, (3, 45)),
    (Status.AANVRAAG, 30, (15, 45)),
    (Status.BESLUIT, 15, (40, 100)),
    (Status.TOEGEWEZEN, 15, (50, 150)),
    (Status.LEVERING_GESTART, 40, (60, 400)),
    (Status.BEEINDIGD, 10, (200, 700)),
    (Status.AFGEWEZEN, 8, (40, 200)),
    (Status.INGETROKKEN, 7, (10, 200)),
]
PAD = {
    Status.ONTVANGEN: [],
    Status.IN_ONDERZOEK: [Status.IN_ONDERZOEK],
    Status.AANVRAAG: [Status.IN_ONDERZOEK, Status.AANVRAAG],
    Status.BESLUIT: [Status.IN_ONDERZOEK, Status.AANVRAAG, Status.BESLUIT],
    Status.TOEGEWEZEN: [Status.IN_ONDERZOEK, Status.AANVRAAG, Status.BESLUIT, Status.TOEGEWEZEN],
    Status.LEVERING_GESTART: [
        Status.IN_ONDERZOEK,
        Status.AANVRAAG,
        Status.BESLUIT,
        Status.TOEGEWEZEN,
        Status.LEVERING_GESTART,
    ],
    Status.BEEINDIGD: [
        Status.IN_ONDERZOEK,
        Status.AANVRAAG,
        Status.BESLUIT,
        Status.TOEGEWEZEN,
        Status.LEVERING_GESTART,
        Status.BEEINDIGD,
    ],
    Status.AFGEWEZEN: [Status.IN_ONDERZOEK, Status.AANVRAAG, Status.AFGEWEZEN],
    Status.INGETROKKEN: [Status.IN_ONDERZOEK, Status.INGETROKKEN],
}


def gebruikers_en_aanbieders() -> list[DemoGebruiker]:
    """Create or reset the demo aanbieders and the demo login per role."""
    aanbieders = {}
    for naam, agb in AANBIEDERS:
        aanbieders[naam], _ = Aanbieder.objects.update_or_create(naam=naam, defaults={"agb_code": agb})
    for g in GEBRUIKERS:
        voornaam, _, achternaam = g.naam.partition(" ")
        user, _ = User.objects.get_or_create(username=g.gebruikersnaam)
        user.first_name, user.last_name, user.is_active = voornaam, achternaam, True
        user.set_password(WACHTWOORD)
        user.save()
        user.groups.set([Group.objects.get(name=str(g.rol))])
        Profiel.objects.update_or_create(
            user=user, defaults={"aanbieder": aanbieders[g.aanbieder] if g.aanbieder else None}
        )
    return GEBRUIKERS


def _situatie(rng: random.Random, geboortedatum: dt.date, peildatum: dt.date) -> dict:
    niveau = ["zelf", "deels", "niet"]
    beperkt = rng.choice(["deels", "niet"])
    huishouden = []
    if rng.random() < 0.35:
        huishouden.append(
            {
                "rol": "partner",
                "geboortedatum": (geboortedatum + dt.timedelta(days=rng.randint(-1500, 1500))).isoformat(),
                "kan_meedoen": rng.choice(["deels", "niet", "volledig"]),
            }
        )
    return {
        "peildatum": peildatum.isoformat(),
        "gemeente": "Voorbeeldstad",
        "client": {"geboortedatum": geboortedatum.isoformat()},
        "huishouden": huishouden,
        "woning": {
            "type": rng.choice(["appartement", "eengezinswoning", "aanleunwoning"]),
            "kamers_in_gebruik": rng.randint(2, 5),
            "kamers_niet_in_gebruik": rng.choice([0, 0, 1]),
            "trap": rng.random() < 0.3,
        },
        "beperkingen": {
            "licht_huishoudelijk_werk": beperkt,
            "zwaar_huishoudelijk_werk": "niet",
            "wasverzorging": rng.choice(niveau),
            "boodschappen": rng.choice(niveau),
            "maaltijden": "zelf",
            "regie_huishouden": rng.choice(["zelf", "zelf", "deels"]),
            "verzorging_kinderen": "zelf",
        },
        "omstandigheden": {
            "copd_astma_allergie": rng.random() < 0.15,
            "incontinentie": rng.random() < 0.1,
            "huisdieren": rng.random() < 0.2,
        },
    }


def _tijdstip(datum: dt.date, rng: random.Random) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time(9 + rng.randint(0, 7), rng.randint(0, 59))))


def clienten_en_zaken(
    aantal: int = 200, seed: int = 2026, voortgang: Callable[[], None] | None = None
) -> int:
    """Create ``aantal`` synthetic clients with one case each (skipped when already loaded)."""
    from maatwerk.apps.onderzoek import services as onderzoek_services
    from maatwerk.apps.onderzoek.engine import bereken

    if Client.objects.filter(bsn=maak_bsn(BSN_BASIS)).exists():
        return 0
    rng = random.Random(seed)
    vandaag = timezone.localdate()
    consulenten = list(User.objects.filter(username__in=["consulent", "consulent2", "consulent3", "senior"]))
    consulenten.sort(key=lambda u: u.username)
    aanbieders = list(Aanbieder.objects.filter(naam__in=[a for a, _ in AANBIEDERS]).order_by("naam"))
    statussen = [s for s, _, _ in VERDELING]
    gewichten = [w for _, w, _ in VERDELING]
    bereik = {s: b for s, _, b in VERDELING}
    bsn_n = BSN_BASIS
    for i in range(aantal):
        status = statussen[i] if i < len(statussen) else rng.choices(statussen, gewichten)[0]
        bsn = maak_bsn(bsn_n)
        bsn_n = int(bsn[:8]) + 1
        leeftijd = rng.choice([rng.randint(68, 95)] * 9 + [rng.randint(25, 67)])
        geboortedatum = vandaag - dt.timedelta(days=int(leeftijd * 365.25) + rng.randint(0, 364))
        vormvrij = status == Status.ONTVANGEN and rng.random() < 0.3
        client = Client.objects.create(
            bsn=None if vormvrij else bsn,
            voornamen=rng.choice(VOORNAMEN),
            achternaam=rng.choice(ACHTERNAMEN),
            geboortedatum=geboortedatum,
            straat=rng.choice(STRATEN),
            huisnummer=str(rng.randint(1, 180)),
            postcode=f"{rng.randint(2000, 2099)} {rng.choice('ABCDEGHJKL')}{rng.choice('ABCDEGHJKL')}",
            woonplaats="Voorbeeldstad",
            telefoon=f"06-{rng.randint(10_000_000, 99_999_999)}",
        )
        melddatum = vandaag - dt.timedelta(days=rng.randint(*bereik[status]))
        spoed = rng.random() < 0.06
        consulent = consulenten[i % len(consulenten)] if consulenten else None
        zaak = Zaak.objects.create(
            client=client,
            consulent=consulent,
            melddatum=melddatum,
            kanaal=rng.choice(Kanaal.values),
            soort_melding=SoortMelding.VORMVRIJ if vormvrij else SoortMelding.VOLLEDIG,
            vraag=rng.choice(VRAGEN),
            spoed=spoed,
        )
        events = [
            StatusEvent(
                zaak=zaak,
                van_status="",
                naar_status=Status.ONTVANGEN,
                tijdstip=_tijdstip(melddatum, rng),
                door=consulent,
                toelichting="melding geregistreerd",
            )
        ]
        datum = melddatum
        velden: dict = {"status": status}
        if spoed and rng.random() < 0.8:
            velden["voorlopige_beschikking_op"] = melddatum + dt.timedelta(days=rng.randint(0, 3))
            if (vandaag - melddatum).days > 7 or rng.random() < 0.5:
                velden["vervolgcontact_op"] = melddatum + dt.timedelta(days=rng.randint(3, 8))
        vorige = Status.ONTVANGEN
        for stap in PAD[status]:
            ruimte = max(
                0,
                min(
                    (vandaag - datum).days,
                    {Status.IN_ONDERZOEK: 5, Status.AANVRAAG: 30, Status.BESLUIT: 16}.get(stap, 30),
                ),
            )
            datum = min(vandaag, datum + dt.timedelta(days=rng.randint(min(1, ruimte), ruimte)))
            if stap == Status.AANVRAAG:
                velden["aanvraagdatum"] = datum
                velden["onderzoek_afgerond_op"] = datum
            if stap in (Status.BESLUIT, Status.AFGEWEZEN):
                velden["besluitdatum"] = datum
            events.append(
                StatusEvent(
                    zaak=zaak,
                    van_status=vorige,
                    naar_status=stap,
                    tijdstip=_tijdstip(datum, rng),
                    door=consulent,
                    toelichting="" if stap != Status.INGETROKKEN else "cliënt trekt melding in",
                )
            )
            vorige = stap
        if status in (Status.BESLUIT, Status.TOEGEWEZEN, Status.LEVERING_GESTART, Status.BEEINDIGD) or (
            status == Status.AANVRAAG and rng.random() < 0.5
        ):
            velden["aanbieder"] = aanbieders[i % len(aanbieders)] if aanbieders else None
        Zaak.objects.filter(pk=zaak.pk).update(**velden)
        StatusEvent.objects.bulk_create(events)
        if status != Status.ONTVANGEN and status != Status.INGETROKKEN:
            gesprek = melddatum + dt.timedelta(
                days=min(rng.randint(5, 30), max(0, (vandaag - melddatum).days))
            )
            uitkomst = bereken(_situatie(rng, geboortedatum, gesprek))
            klaar = "onderzoek_afgerond_op" in velden
            onderzoek_services.importeer_onderzoek(
                zaak,
                consulent,
                onderzoek_services.Gesprek(
                    gespreksdatum=gesprek,
                    locatie="bij de cliënt thuis",
                    gewezen_op_clientondersteuning=True,
                    mantelzorger=rng.choice(["", "", "dochter", "zoon", "buurvrouw"]),
                    verslag="Keukentafelgesprek gevoerd bij de cliënt thuis. Besproken: wat lukt nog zelf, "
                    "wat doet het netwerk, welke algemene voorzieningen zijn er."
                    if klaar
                    else "",
                ),
                uitkomst.situatie,
                uitkomst.indicatie,
                afgerond_op=_tijdstip(velden["onderzoek_afgerond_op"], rng) if klaar else None,
            )
        if status in (Status.IN_ONDERZOEK, Status.AANVRAAG) and rng.random() < 0.12:
            van = melddatum + dt.timedelta(days=rng.randint(3, 20))
            if van <= vandaag:
                tot = van + dt.timedelta(days=rng.randint(5, 14))
                Opschorting.objects.create(
                    zaak=zaak,
                    van=van,
                    tot=tot if tot < vandaag else None,
                    reden="Wachten op medische informatie van de huisarts.",
                    door=consulent,
                )
        if voortgang:
            voortgang()
    return aantal


def laad_demo(
    aantal: int = 200, voortgang: Callable[[], None] | None = None
) -> tuple[list[DemoGebruiker], int]:
    """Load everything in one transaction: users, aanbieders, clients and cases."""
    with transaction.atomic():
        gebruikers = gebruikers_en_aanbieders()
        nieuw = clienten_en_zaken(aantal, voortgang=voortgang)
    return gebruikers, nieuw
