"""``maatwerk demo`` hook: the demo jurist and a few bezwaren in every stage (idempotent, synthetic).

Creates (or resets) the login ``jurist`` (password as the other demo logins) and, once, four bezwaren on
demo zaken with a beschikking: one in behandeling with a hoorzitting planned, one decided gegrond (so a
new beschikking version exists), one late and niet-ontvankelijk, and a premature one on an aanvraag.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from maatwerk.apps.accounts.models import Profiel
from maatwerk.apps.accounts.rollen import Rol
from maatwerk.apps.cases.demo import WACHTWOORD
from maatwerk.apps.cases.models import Status, Zaak

from . import services
from .koppeling import Beschikking
from .models import Beslissing, Bezwaar, Indiener

GEBRUIKER = ("jurist", "Eva", "Bos")


def jurist() -> User:
    """The demo jurist (created or reset, like the other demo logins)."""
    naam, voornaam, achternaam = GEBRUIKER
    user, _ = User.objects.get_or_create(username=naam)
    user.first_name, user.last_name, user.is_active = voornaam, achternaam, True
    user.set_password(WACHTWOORD)
    user.save()
    groep, _ = Group.objects.get_or_create(name=Rol.JURIST)
    user.groups.set([groep])
    Profiel.objects.update_or_create(user=user, defaults={"aanbieder": None})
    return user


def _zaken(status: tuple[str, ...], aantal: int) -> list[Zaak]:
    return list(
        Zaak.objects.filter(status__in=status, beschikkingen__isnull=False, besluitdatum__isnull=False)
        .select_related("client")
        .distinct()
        .order_by("pk")[:aantal]
    )


def _bezwaar(zaak: Zaak, user: User, dagen_na: int, gronden: str, **extra: object) -> Bezwaar:
    beschikking = Beschikking.objects.filter(zaak=zaak, correctie__isnull=True).first()
    assert zaak.besluitdatum is not None
    return services.registreer_bezwaar(
        zaak,
        user,
        ontvangen_op=min(timezone.localdate(), zaak.besluitdatum + dt.timedelta(days=dagen_na)),
        indiener=extra.pop("indiener", Indiener.CLIENT),  # type: ignore[arg-type]
        indiener_naam=str(extra.pop("indiener_naam", "")),
        gronden=gronden,
        beschikking=beschikking,
        bekendgemaakt_op=zaak.besluitdatum,
    )


def laad_demo() -> str:
    user = jurist()
    if Bezwaar.objects.exists():
        return f"login 'jurist' bijgewerkt; {Bezwaar.objects.count()} bezwaren waren al geladen."
    vandaag = timezone.localdate()
    lopend = _zaken((Status.LEVERING_GESTART, Status.TOEGEWEZEN), 3)
    afgewezen = _zaken((Status.AFGEWEZEN,), 1)
    aanvraag = Zaak.objects.filter(status=Status.AANVRAAG, beschikkingen__isnull=True).order_by("pk").first()
    aantal = 0
    with transaction.atomic():
        if lopend:
            b = _bezwaar(
                lopend[0],
                user,
                20,
                "Ik krijg minder uren dan vorig jaar, terwijl mijn situatie niet beter is.",
            )
            services.leg_informele_actie_vast(
                b,
                user,
                soort="driegesprek",
                datum=b.ontvangen_op,
                deelnemers="cliënt, consulent, aanbieder",
                uitkomst="niet_opgelost",
                verslag="Uitleg over het normenkader; de cliënt houdt het bezwaar aan.",
            )
            services.beoordeel_ontvankelijkheid(b, user, ontvankelijk=True)
            services.plan_hoorzitting(
                b, user, datum=vandaag + dt.timedelta(days=9), uitnodiging_verzonden_op=vandaag
            )
            aantal += 1
        if len(lopend) > 1:
            b = _bezwaar(
                lopend[1],
                user,
                30,
                "De was en het verschonen van het bed zijn niet meegenomen.",
                indiener=Indiener.VERTEGENWOORDIGER,
                indiener_naam="Dochter, mevrouw S. de Graaf",
            )
            services.beoordeel_ontvankelijkheid(b, user, ontvankelijk=True)
            zitting = services.plan_hoorzitting(
                b, user, datum=b.ontvangen_op, uitnodiging_verzonden_op=b.ontvangen_op
            )
            services.leg_hoorzitting_vast(
                zitting,
                user,
                aanwezigen="dochter, jurist, consulent",
                verslag="De dochter licht toe dat de wasverzorging niet is onderzocht.",
            )
            services.leg_advies_vast(
                b,
                user,
                advies=Beslissing.GEGROND,
                advies_op=b.ontvangen_op,
                toelichting="Wasverzorging niet onderzocht; alsnog indiceren.",
            )
            services.beslis(
                b,
                user,
                uitkomst=Beslissing.GEGROND,
                beslist_op=vandaag,
                motivering="De wasverzorging is alsnog meegenomen in het besluit.",
            )
            aantal += 1
        if afgewezen:
            b = _bezwaar(afgewezen[0], user, 60, "Ik ben het niet eens met de afwijzing.")
            if b.te_laat:
                services.beoordeel_ontvankelijkheid(
                    b,
                    user,
                    ontvankelijk=False,
                    verschoonbaar=False,
                    toelichting="Ontvangen na de bezwaartermijn; geen verschoonbare reden genoemd.",
                )
                services.beslis(
                    b,
                    user,
                    uitkomst=Beslissing.NIET_ONTVANKELIJK,
                    beslist_op=vandaag,
                    motivering="Het bezwaar kwam te laat binnen (Awb 6:7, 6:11).",
                    geen_hoorzitting_reden="Kennelijk niet-ontvankelijk (Awb 7:3 onder a).",
                )
            aantal += 1
        if aanvraag is not None:
            services.registreer_bezwaar(
                aanvraag,
                user,
                ontvangen_op=vandaag,
                indiener=Indiener.CLIENT,
                gronden="Ik verwacht dat ik te weinig hulp krijg (premature bezwaar).",
            )
            aantal += 1
    return f"login 'jurist' (Eva Bos); {aantal} bezwaren geladen."
