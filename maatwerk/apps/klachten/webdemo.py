"""``maatwerk demo`` hook: a few klachten (about a provider, about the gemeente beside a bezwaar, handled)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.bezwaren.models import Bezwaar

from . import services
from .models import Klacht


def laad_demo() -> str:
    if Klacht.objects.exists():
        return f"{Klacht.objects.count()} klachten waren al geladen."
    user = User.objects.filter(username="kwaliteit").first()
    aanbieder = Aanbieder.objects.filter(naam="Thuiszorg Voorbeeldstad").first()
    if user is None or aanbieder is None:
        return "geen klachten geladen (demo-gebruiker 'kwaliteit' of aanbieder ontbreekt)."
    vandaag = timezone.localdate()
    zaak = aanbieder.zaken.order_by("pk").first()
    bezwaar = Bezwaar.objects.filter(uitkomst="", beschikking__isnull=False).order_by("pk").first()
    with transaction.atomic():
        services.registreer_klacht(
            user,
            ontvangen_op=vandaag - dt.timedelta(days=12),
            klager=zaak.client.naam if zaak else "Anoniem",
            over="aanbieder",
            aanbieder=aanbieder,
            zaak=zaak,
            omschrijving="De hulp komt vaak later dan afgesproken en er is steeds een andere hulp.",
        )
        if bezwaar is not None:
            services.registreer_klacht(
                user,
                ontvangen_op=bezwaar.ontvangen_op,
                klager=bezwaar.zaak.client.naam,
                over="gemeente",
                bezwaar=bezwaar,
                omschrijving="De consulent heeft tijdens het keukentafelgesprek niet geluisterd.",
            )
        oud = services.registreer_klacht(
            user,
            ontvangen_op=vandaag - dt.timedelta(days=50),
            klager="Anoniem (telefonisch)",
            over="gemeente",
            omschrijving="Lang in de wacht gestaan bij het Wmo-loket.",
        )
        services.handel_af(
            oud,
            user,
            oordeel="gegrond",
            op=vandaag - dt.timedelta(days=20),
            bevindingen="De wachttijd aan de telefoon was in die week te lang door ziekte.",
            maatregelen="Extra bezetting op maandagochtend; terugbelverzoek aangeboden.",
        )
    return f"{Klacht.objects.count()} klachten geladen."
