"""Bezwaar services: registration (in time, late, premature), steps, rules of the Awb, audit, correction."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.bezwaren import services
from maatwerk.apps.bezwaren.models import Beslissing, Bezwaar, Indiener
from maatwerk.termijnen import beslistermijn_bezwaar, bezwaartermijn

from .conftest import geef_af

pytestmark = pytest.mark.django_db
VANDAAG = dt.date.today()


def _registreer(beschikking, jurist, **extra) -> Bezwaar:
    velden = {
        "ontvangen_op": VANDAAG,
        "indiener": Indiener.CLIENT,
        "gronden": "Ik heb meer hulp nodig dan de beschikking geeft.",
    }
    velden.update(extra)
    return services.registreer_bezwaar(beschikking.zaak, jurist, **velden)


def test_registreren_tegen_de_geldende_beschikking(beschikking, jurist):
    b = _registreer(beschikking, jurist)
    assert b.kenmerk == f"BZ-{VANDAAG.year}-{b.pk:05d}"
    assert b.beschikking == beschikking and not b.premature and not b.te_laat
    assert b.bekendgemaakt_op == VANDAAG
    assert b.commissie  # Voorbeeldstad has a bezwaarcommissie (regels/bezwaarprocedure)
    assert b.bezwaartermijn == bezwaartermijn(VANDAAG)
    assert b.beslistermijn == beslistermijn_bezwaar(VANDAAG, commissie=True, ontvangen=VANDAAG)
    regel = AuditRegel.objects.filter(client=beschikking.zaak.client, actie="schrijven").first()
    assert "bezwaar" in regel.wat and regel.waarom == "behandeling bezwaar"


def test_alleen_een_jurist_registreert(beschikking, consulent):
    with pytest.raises(services.Geweigerd, match="Alleen een jurist"):
        _registreer(beschikking, consulent)
    assert not Bezwaar.objects.exists()


def test_foute_invoer_slaat_niets_op(beschikking, jurist):
    with pytest.raises(services.Geweigerd) as fout:
        _registreer(
            beschikking,
            jurist,
            indiener=Indiener.VERTEGENWOORDIGER,
            gronden=" ",
            ontvangen_op=VANDAAG + dt.timedelta(days=1),
        )
    tekst = str(fout.value)
    assert "toekomst" in tekst and "Naam indiener" in tekst and "Gronden" in tekst
    assert not Bezwaar.objects.exists()


def test_te_laat_bezwaar_alleen_ontvankelijk_als_verschoonbaar(beschikking, jurist):
    bekend = VANDAAG - dt.timedelta(days=70)
    b = _registreer(beschikking, jurist, bekendgemaakt_op=bekend)
    assert b.te_laat
    with pytest.raises(services.Geweigerd, match="6:11"):
        services.beoordeel_ontvankelijkheid(b, jurist, ontvankelijk=True)
    with pytest.raises(services.Geweigerd, match="niet-ontvankelijk"):
        services.beoordeel_ontvankelijkheid(b, jurist, ontvankelijk=True, verschoonbaar=False)
    services.beoordeel_ontvankelijkheid(
        b, jurist, ontvankelijk=True, verschoonbaar=True, reden_verschoonbaar="Cliënt lag in het ziekenhuis."
    )
    b.refresh_from_db()
    assert b.ontvankelijk and b.verschoonbaar
    # A late bezwaar: the decision term runs from the day after receipt.
    assert b.beslistermijn.begindatum == VANDAAG + dt.timedelta(days=1)


def test_premature_bezwaar_wacht_op_het_besluit(zaak_zonder_besluit, jurist, consulent):
    b = services.registreer_bezwaar(
        zaak_zonder_besluit, jurist, ontvangen_op=VANDAAG, indiener=Indiener.CLIENT, gronden="Te weinig uren."
    )
    assert b.premature and b.beschikking is None and b.beslistermijn is None and not b.te_laat
    assert b.stand.startswith("premature")
    with pytest.raises(services.Geweigerd, match="premature"):
        services.beoordeel_ontvankelijkheid(b, jurist, ontvankelijk=True)
    with pytest.raises(services.Geweigerd, match="nog geen beschikking"):
        services.koppel_besluit(b, jurist)
    beschikking = geef_af(zaak_zonder_besluit, consulent)
    services.koppel_besluit(b, jurist)
    b.refresh_from_db()
    assert b.beschikking == beschikking and b.bekendgemaakt_op == VANDAAG and b.beslistermijn is not None


def test_hoorzitting_advies_en_beslissing_gegrond_geeft_nieuwe_versie(beschikking, jurist):
    b = _registreer(beschikking, jurist)
    services.leg_informele_actie_vast(
        b,
        jurist,
        soort="driegesprek",
        datum=VANDAAG,
        deelnemers="cliënt, consulent, aanbieder",
        uitkomst="niet_opgelost",
        verslag="Geen overeenstemming.",
    )
    services.beoordeel_ontvankelijkheid(b, jurist, ontvankelijk=True)
    with pytest.raises(services.Geweigerd, match="Awb 7:2"):
        services.beslis(b, jurist, uitkomst=Beslissing.GEGROND, beslist_op=VANDAAG, motivering="x")
    zitting = services.plan_hoorzitting(b, jurist, datum=VANDAAG, uitnodiging_verzonden_op=VANDAAG)
    with pytest.raises(services.Geweigerd, match="Verslag"):
        services.leg_hoorzitting_vast(zitting, jurist, aanwezigen="cliënt", verslag="")
    services.leg_hoorzitting_vast(zitting, jurist, aanwezigen="cliënt, dochter, jurist", verslag="Gehoord.")
    with pytest.raises(services.Geweigerd, match="7:13"):
        services.beslis(b, jurist, uitkomst=Beslissing.GEGROND, beslist_op=VANDAAG, motivering="x")
    services.leg_advies_vast(
        b, jurist, advies=Beslissing.ONGEGROND, advies_op=VANDAAG, toelichting="Ongegrond."
    )
    with pytest.raises(services.Geweigerd, match="7:13 lid 7"):
        services.beslis(b, jurist, uitkomst=Beslissing.GEGROND, beslist_op=VANDAAG, motivering="Meer hulp.")
    services.beslis(
        b,
        jurist,
        uitkomst=Beslissing.GEGROND,
        beslist_op=VANDAAG,
        motivering="De was is niet meegenomen; de cliënt krijgt meer hulp.",
        afwijking_advies="Nieuwe informatie van de huisarts na het advies.",
    )
    b.refresh_from_db()
    nieuw = b.nieuwe_beschikking
    assert nieuw is not None and nieuw.versie == 2 and nieuw.vorige == beschikking
    assert b.kenmerk in nieuw.correctie_reden and "gegrond" in nieuw.correctie_reden
    assert Beschikking.objects.get(pk=beschikking.pk).is_vervangen
    assert b.is_afgerond
    with pytest.raises(services.Geweigerd, match="afgerond"):
        services.trek_in(b, jurist, op=VANDAAG, reden="x")


def test_ongegrond_zonder_hoorzitting_met_reden_en_geen_nieuwe_versie(beschikking, jurist):
    b = _registreer(beschikking, jurist)
    services.beoordeel_ontvankelijkheid(b, jurist, ontvankelijk=True)
    services.leg_advies_vast(
        b, jurist, advies=Beslissing.ONGEGROND, advies_op=VANDAAG, toelichting="Ongegrond."
    )
    services.beslis(
        b,
        jurist,
        uitkomst=Beslissing.ONGEGROND,
        beslist_op=VANDAAG,
        motivering="Het normenkader is juist toegepast.",
        geen_hoorzitting_reden="De indiener ziet af van het recht te worden gehoord (Awb 7:3 onder c).",
    )
    b.refresh_from_db()
    assert b.nieuwe_beschikking is None and Beschikking.objects.filter(zaak=beschikking.zaak).count() == 1


def test_niet_ontvankelijk_moet_ook_zo_beslist(beschikking, jurist):
    b = _registreer(beschikking, jurist)
    services.beoordeel_ontvankelijkheid(b, jurist, ontvankelijk=False, toelichting="Geen belanghebbende.")
    with pytest.raises(services.Geweigerd, match="niet-ontvankelijk verklaard"):
        services.beslis(
            b,
            jurist,
            uitkomst=Beslissing.ONGEGROND,
            beslist_op=VANDAAG,
            motivering="x",
            geen_hoorzitting_reden="7:3",
        )
    services.beslis(
        b,
        jurist,
        uitkomst=Beslissing.NIET_ONTVANKELIJK,
        beslist_op=VANDAAG,
        motivering="De indiener is geen belanghebbende.",
        geen_hoorzitting_reden="Kennelijk niet-ontvankelijk (Awb 7:3 onder a).",
    )


def test_verdagen_een_keer_binnen_de_grens(beschikking, jurist):
    b = _registreer(beschikking, jurist)
    zonder = b.beslistermijn.einddatum
    with pytest.raises(services.Geweigerd, match="1 tot en met 6 weken"):
        services.verdaag(b, jurist, weken=7, reden="Advies commissie duurt langer.", op=VANDAAG)
    services.verdaag(b, jurist, weken=6, reden="Advies commissie duurt langer.", op=VANDAAG)
    b.refresh_from_db()
    assert b.beslistermijn.einddatum > zonder
    with pytest.raises(services.Geweigerd, match="één keer"):
        services.verdaag(b, jurist, weken=1, reden="nog eens", op=VANDAAG)


def test_ingebrekestelling_en_dwangsom(beschikking, jurist):
    bekend = VANDAAG - dt.timedelta(days=200)
    b = _registreer(beschikking, jurist, bekendgemaakt_op=bekend, ontvangen_op=bekend + dt.timedelta(days=10))
    einde = b.beslistermijn.einddatum
    assert einde < VANDAAG - dt.timedelta(days=40)
    services.registreer_ingebrekestelling(b, jurist, op=einde + dt.timedelta(days=1))
    b.refresh_from_db()
    stand = b.dwangsom(VANDAAG)
    assert stand.dagen == 42 and stand.euro == 1442
    with pytest.raises(services.Geweigerd, match="al een ingebrekestelling"):
        services.registreer_ingebrekestelling(b, jurist, op=VANDAAG)


def test_intrekken_na_informeel_gesprek(beschikking, jurist):
    b = _registreer(beschikking, jurist)
    services.leg_informele_actie_vast(
        b,
        jurist,
        soort="gesprek",
        datum=VANDAAG,
        deelnemers="cliënt",
        uitkomst="opgelost",
        verslag="Uitgelegd.",
    )
    services.trek_in(b, jurist, op=VANDAAG, reden="Na het gesprek begrijpt de cliënt het besluit.")
    b.refresh_from_db()
    assert b.stand == "ingetrokken" and b.is_afgerond


def test_termijn_in_onbekend_jaar_wordt_geweigerd(beschikking, jurist):
    with (
        time_machine.travel(dt.datetime(2031, 6, 1, 9, tzinfo=dt.UTC), tick=False),
        pytest.raises(services.Geweigerd, match="gelijkstellingsbesluit"),
    ):
        _registreer(
            beschikking, jurist, ontvangen_op=dt.date(2031, 6, 1), bekendgemaakt_op=dt.date(2031, 5, 1)
        )
    assert not Bezwaar.objects.exists()
