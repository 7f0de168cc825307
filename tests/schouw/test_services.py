"""Schouw services: plan from the indication, the sample, findings, the provider's reaction, calamities."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.schouw import bronnen, services
from maatwerk.apps.schouw.models import Calamiteit, Oordeel, Reden, Schouw, Stand

from .conftest import maak_zaak

pytestmark = pytest.mark.django_db
VANDAAG = dt.date.today


def test_plan_generates_checklist_from_indication(zaak, kwaliteit):
    s = services.plan_schouw(zaak, kwaliteit, Reden.STEEKPROEF, timezone.localdate())
    punten = list(s.punten.all())
    assert [p.taak_id for p in punten] == ["schoon_huis"]
    assert punten[0].frequentie == "1 keer per week" and punten[0].minuten_per_week == 125
    assert s.ruimtes == "3 kamers in gebruik (appartement), 1 niet in gebruik"
    assert s.aanbieder_id == zaak.aanbieder_id
    regel = AuditRegel.objects.filter(client=zaak.client, actie="schrijven").first()
    assert regel is not None and "schouw" in regel.wat


def test_only_kwaliteitsmedewerker_plans(zaak, consulent, noord):
    for user in (consulent, noord):
        with pytest.raises(services.Geweigerd, match="kwaliteitsmedewerker"):
            services.plan_schouw(zaak, user, Reden.STEEKPROEF, timezone.localdate())
    assert not Schouw.objects.exists()


def test_not_twice_planned(zaak, kwaliteit):
    services.plan_schouw(zaak, kwaliteit, Reden.STEEKPROEF, timezone.localdate())
    with pytest.raises(services.Geweigerd, match="al een schouw gepland"):
        services.plan_schouw(zaak, kwaliteit, Reden.KLACHT, timezone.localdate())


def test_findings_complete_the_schouw(zaak, kwaliteit):
    s = services.plan_schouw(zaak, kwaliteit, Reden.STEEKPROEF, timezone.localdate())
    p = s.punten.get()
    with pytest.raises(services.Geweigerd, match="schrijf bij 'onvoldoende'"):
        services.leg_schouw_vast(s, kwaliteit, {p.pk: (Oordeel.ONVOLDOENDE, " ")}, "", timezone.localdate())
    with pytest.raises(services.Geweigerd, match="kies voldoende"):
        services.leg_schouw_vast(s, kwaliteit, {}, "", timezone.localdate())
    s.refresh_from_db()
    assert s.stand == Stand.GEPLAND
    services.leg_schouw_vast(
        s,
        kwaliteit,
        {p.pk: (Oordeel.ONVOLDOENDE, "Badkamer niet gedaan")},
        "Ik ben niet tevreden",
        timezone.localdate(),
    )
    s.refresh_from_db()
    assert s.stand == Stand.AFGEROND and s.aantal_onvoldoende == 1 and s.percentage_voldoende == 0.0
    assert s.oordeel_client == "Ik ben niet tevreden"
    with pytest.raises(services.Geweigerd, match="al afgerond"):
        services.leg_schouw_vast(s, kwaliteit, {p.pk: (Oordeel.VOLDOENDE, "")}, "", timezone.localdate())


def test_provider_reacts_only_on_own_completed_schouw(zaak, kwaliteit, noord, zuid):
    s = services.plan_schouw(zaak, kwaliteit, Reden.STEEKPROEF, timezone.localdate())
    with pytest.raises(services.Geweigerd, match="zodra de schouw is afgerond"):
        services.reageer_als_aanbieder(s, noord, "reactie")
    p = s.punten.get()
    services.leg_schouw_vast(s, kwaliteit, {p.pk: (Oordeel.VOLDOENDE, "")}, "", timezone.localdate())
    with pytest.raises(services.Geweigerd, match="Alleen de aanbieder"):
        services.reageer_als_aanbieder(s, zuid, "niet van ons")
    services.reageer_als_aanbieder(s, noord, "Dank, we houden dit vast.")
    s.refresh_from_db()
    assert s.reactie_aanbieder == "Dank, we houden dit vast." and s.reactie_door == noord


def test_sample_reproducible_plus_quality_complaints(consulent, kwaliteit, aanbieders, monkeypatch):
    noord = aanbieders[0]
    zaken = [maak_zaak(consulent, noord, n) for n in range(1, 6)]
    buiten = maak_zaak(consulent, noord, 9, in_zorg=False)  # indication but no delivery: not in the frame
    monkeypatch.setattr(bronnen, "zaken_met_klacht_of_bezwaar_over_kwaliteit", lambda a: {buiten.pk})
    eerste = services.steekproef(noord, timezone.localdate(), seed=42, percentage=40)
    tweede = services.steekproef(noord, timezone.localdate(), seed=42, percentage=40)
    assert eerste == tweede
    assert eerste.populatie == 5 and len(eerste.steekproef) == 2
    assert set(eerste.steekproef) <= {z.pk for z in zaken}
    assert eerste.klacht_of_bezwaar == [buiten.pk]
    geplande = services.plan_steekproef(noord, kwaliteit, timezone.localdate(), seed=42, percentage=40)
    assert sorted(s.zaak_id for s in geplande) == eerste.te_bezoeken
    assert {s.reden for s in geplande if s.zaak_id == buiten.pk} == {Reden.KLACHT}
    # A second run plans nothing new for zaken that already have a planned schouw.
    assert services.plan_steekproef(noord, kwaliteit, timezone.localdate(), seed=42, percentage=40) == []


def test_default_percentage_from_rules(consulent, aanbieders):
    for n in range(1, 4):
        maak_zaak(consulent, aanbieders[0], n)
    uit = services.steekproef(aanbieders[0], timezone.localdate(), seed=1)
    assert uit.percentage == 7.5 and len(uit.steekproef) == 1  # ceil(3 * 7.5 %) = 1


def test_quality_sources_adapter_without_apps(aanbieders):
    assert bronnen.zaken_met_klacht_of_bezwaar_over_kwaliteit(aanbieders[0]) == set()


def test_calamity_for_toezichthouder(zaak, kwaliteit, consulent):
    with pytest.raises(services.Geweigerd, match="kwaliteitsmedewerker"):
        services.registreer_calamiteit(zaak, consulent, "geweld", timezone.localdate(), "x")
    with pytest.raises(services.Geweigerd, match="vóór het voorval"):
        services.registreer_calamiteit(
            zaak, kwaliteit, "geweld", timezone.localdate(), "x", timezone.localdate() - dt.timedelta(days=1)
        )
    c = services.registreer_calamiteit(zaak, kwaliteit, "geweld", timezone.localdate(), "Cliënt geslagen")
    assert c.aanbieder_id == zaak.aanbieder_id and Calamiteit.objects.count() == 1
    assert AuditRegel.objects.filter(client=zaak.client, wat__contains="geweld").exists()


def test_quality_klacht_about_the_provider_adds_a_visit(zaak, consulent, aanbieders):
    from django.apps import apps

    if not apps.is_installed("maatwerk.apps.klachten"):
        pytest.skip("klachten-app niet geïnstalleerd")
    klacht = apps.get_model("klachten", "Klacht")
    andere = maak_zaak(consulent, aanbieders[0], 5, in_zorg=False)
    klacht.objects.create(
        ontvangen_op=timezone.localdate(),
        klager="x",
        zaak=andere,
        over="aanbieder",
        aanbieder=aanbieders[0],
        omschrijving="Hulp komt niet opdagen",
    )
    klacht.objects.create(  # about the gemeente: not about the quality of the help
        ontvangen_op=timezone.localdate(),
        klager="y",
        zaak=zaak,
        over="gemeente",
        omschrijving="Lang wachten",
    )
    assert bronnen.zaken_met_klacht_of_bezwaar_over_kwaliteit(aanbieders[0]) == {andere.pk}
    assert bronnen.zaken_met_klacht_of_bezwaar_over_kwaliteit(aanbieders[1]) == set()
    uit = services.steekproef(aanbieders[0], timezone.localdate(), seed=3)
    assert uit.klacht_of_bezwaar == [andere.pk] and andere.pk in uit.te_bezoeken


def test_quality_bezwaar_adds_a_visit(zaak, consulent, aanbieders):
    """A bezwaar marked 'over de kwaliteit van de hulp' puts its client in the provider's schouw."""
    from maatwerk.apps.bezwaren.models import Bezwaar

    andere = maak_zaak(consulent, aanbieders[0], 6, in_zorg=False)
    gewoon = dict(ontvangen_op=timezone.localdate(), indiener="client", gronden="Te weinig uren.")
    Bezwaar.objects.create(zaak=zaak, **gewoon)  # about the decision only: no visit
    Bezwaar.objects.create(zaak=andere, over_kwaliteit=True, **gewoon)
    assert bronnen.zaken_met_klacht_of_bezwaar_over_kwaliteit(aanbieders[0]) == {andere.pk}
    uit = services.steekproef(aanbieders[0], timezone.localdate(), seed=3)
    assert uit.klacht_of_bezwaar == [andere.pk] and andere.pk in uit.te_bezoeken
