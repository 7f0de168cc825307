"""From ondersteuningsplan to delivery: zorgplan signing, issuing, immutability, correction, toewijzing."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from django.test import override_settings

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten import services
from maatwerk.apps.besluiten.models import Beschikking, BeschikkingOnveranderlijk, Ondersteuningsplan
from maatwerk.apps.cases.models import Status, Zaak
from maatwerk.apps.indicaties.models import Indicatie
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.iwmo import valideer_wmo301
from maatwerk.apps.levering.models import Toewijzing, Zorgplan

pytestmark = pytest.mark.django_db

INGANG = dt.date.today() + dt.timedelta(days=7)


def besluit(**anders: object) -> services.Besluitgegevens:
    velden = {
        "besluit": "toegekend",
        "ingangsdatum": INGANG,
        "einddatum": INGANG + dt.timedelta(days=364),
        "leveringsvorm": "ZIN",
        "gevraagd": "Hulp bij het schoonmaken van mijn huis.",
    }
    return services.Besluitgegevens(**{**velden, **anders})


def getekend_zorgplan(zaak: Zaak, consulent, aanbieder_user) -> Zorgplan:
    services.stel_ondersteuningsplan_op(zaak, consulent, {"schoon_huis": "Uw huis is schoon en leefbaar"})
    zaak.refresh_from_db()
    zorgplan = levering.zorgplan_voor(zaak, aanbieder_user)
    afspraken = {a["activiteit"]: "Dinsdagochtend, vaste hulp" for a in zorgplan.afspraken}
    levering.wijzig_zorgplan(zorgplan, aanbieder_user, zorgplan.versie, afspraken, "Start na kennismaking")
    return levering.teken_zorgplan(zorgplan, aanbieder_user, zorgplan.versie, "Anna van der Berg1")


def pdftekst(pdf: bytes) -> str:
    uit = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    return uit.decode("utf-8")


def test_volledige_keten_van_plan_tot_einde_levering(zaak, consulent, noord) -> None:
    zorgplan = getekend_zorgplan(zaak, consulent, noord)
    assert zorgplan.is_getekend and zorgplan.getekend_aanbieder_door == noord
    assert zorgplan.getekend_client_naam == "Anna van der Berg1"

    b = services.geef_beschikking_af(zaak, consulent, besluit())
    zaak.refresh_from_db()
    assert zaak.status == Status.TOEGEWEZEN
    naar = list(zaak.statusevents.values_list("naar_status", flat=True))
    assert naar[-2:] == [Status.BESLUIT, Status.TOEGEWEZEN]

    tekst = pdftekst(bytes(b.pdf))
    platte = " ".join(tekst.split())
    ind = zaak.ondersteuningsplan.indicatie
    for a in ind["activiteiten"]:
        assert any(
            f"{a['minuten_per_week']} minuten per week" in r for r in tekst.splitlines() if a["taak"] in r
        )
    assert "bezwaar maken binnen 6 weken" in platte
    assert "Thuiszorg Noord" in platte and "Bijlage 2. Zorgplan" in platte and "Dinsdagochtend" in platte
    assert ("VOORBEELD — niet voor gebruik" in platte) == ind["voorbeeldwaarden"]
    assert b.hash_klopt()

    t = Toewijzing.objects.get(beschikking=b)
    assert (t.productcategorie, t.eenheid, t.frequentie, t.volume) == (
        "01",
        "01",
        "2",
        ind["totaal_minuten_per_week"],
    )
    valideer_wmo301(levering.wmo301(t))

    levering.start_levering(t, noord, INGANG)
    zaak.refresh_from_db()
    assert zaak.status == Status.LEVERING_GESTART
    levering.stop_levering(t, noord, INGANG + dt.timedelta(days=30), "19")
    zaak.refresh_from_db()
    assert zaak.status == Status.BEEINDIGD


def test_geweigerd_zonder_getekend_zorgplan_en_niets_opgeslagen(zaak, consulent, noord) -> None:
    services.stel_ondersteuningsplan_op(zaak, consulent, {})
    levering.zorgplan_voor(Zaak.objects.get(pk=zaak.pk), noord)  # concept, not signed
    with pytest.raises(services.Geweigerd, match="ondertekend zorgplan"):
        services.geef_beschikking_af(zaak, consulent, besluit())
    zaak.refresh_from_db()
    assert zaak.status == Status.AANVRAAG
    assert not Beschikking.objects.exists() and not Toewijzing.objects.exists()


def test_met_vastgelegde_reden_zonder_zorgplan_wel_afgegeven(zaak, consulent) -> None:
    b = services.geef_beschikking_af(
        zaak, consulent, besluit(reden_geen_zorgplan="Spoed: hulp start direct.")
    )
    assert b.reden_geen_zorgplan == "Spoed: hulp start direct."
    assert "Spoed: hulp start direct." in " ".join(pdftekst(bytes(b.pdf)).split())
    assert Ondersteuningsplan.objects.filter(zaak=zaak).exists()


@override_settings(MAATWERK_GEMEENTE="Resultaatdorp")
def test_geweigerd_bij_configuratie_die_niet_voldoet(zaak, consulent) -> None:
    with pytest.raises(services.Geweigerd, match="voldoet niet"):
        services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    zaak.refresh_from_db()
    assert zaak.status == Status.AANVRAAG
    assert not Beschikking.objects.exists()


def test_afgegeven_beschikking_is_onveranderlijk(zaak, consulent) -> None:
    b = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    b.motivering = "gewijzigd"
    with pytest.raises(BeschikkingOnveranderlijk):
        b.save()
    with pytest.raises(BeschikkingOnveranderlijk):
        b.delete()
    with pytest.raises(BeschikkingOnveranderlijk):
        Beschikking.objects.filter(pk=b.pk).update(motivering="x")
    with pytest.raises(BeschikkingOnveranderlijk):
        Beschikking.objects.filter(pk=b.pk).delete()
    opgeslagen = Beschikking.objects.get(pk=b.pk)
    assert opgeslagen.motivering == "" and opgeslagen.hash_klopt()
    assert len(opgeslagen.inhoudshash) == 64
    opgeslagen.html = opgeslagen.html.replace("6 weken", "2 weken")
    assert not opgeslagen.hash_klopt()


def test_correctie_is_nieuwe_versie_die_naar_de_oude_verwijst(zaak, consulent) -> None:
    v1 = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    hash_v1 = v1.inhoudshash
    nieuwe_eind = INGANG + dt.timedelta(days=180)
    v2 = services.corrigeer_beschikking(
        v1, consulent, "De einddatum was onjuist.", besluit(einddatum=nieuwe_eind)
    )
    assert (v2.versie, v2.vorige_id, v2.kenmerk) == (2, v1.pk, v1.kenmerk)
    v1 = Beschikking.objects.get(pk=v1.pk)
    assert v1.is_vervangen and v1.inhoudshash == hash_v1 and v1.hash_klopt()
    assert "vervangt de brief met kenmerk" in " ".join(pdftekst(bytes(v2.pdf)).split())
    nieuw = Toewijzing.objects.get(beschikking=v2)
    assert nieuw.reden_wijziging == "14" and nieuw.vervangt.beschikking_id == v1.pk
    assert nieuw.einddatum == nieuwe_eind
    with pytest.raises(services.Geweigerd, match="al vervangen"):
        services.corrigeer_beschikking(v1, consulent, "nog eens", besluit())
    with pytest.raises(services.Geweigerd, match="Reden van de correctie"):
        services.corrigeer_beschikking(v2, consulent, "  ", besluit())


def test_afwijzing_zonder_zorgplan_en_zonder_toewijzing(zaak, consulent) -> None:
    b = services.geef_beschikking_af(
        zaak, consulent, besluit(besluit="afgewezen", motivering="Uw partner kan dit.")
    )
    zaak.refresh_from_db()
    assert zaak.status == Status.AFGEWEZEN
    assert not Toewijzing.objects.exists()
    assert "U krijgt geen hulp bij het huishouden" in " ".join(pdftekst(bytes(b.pdf)).split())


def test_tweede_beschikking_en_verkeerde_status_geweigerd(zaak, consulent) -> None:
    services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    with pytest.raises(services.Geweigerd, match="al een beschikking"):
        services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))


def test_zorgplan_handtekeningen_vervallen_bij_wijziging(zaak, consulent, noord) -> None:
    zorgplan = getekend_zorgplan(zaak, consulent, noord)
    afspraken = {a["activiteit"]: "Donderdag" for a in zorgplan.afspraken}
    zorgplan = levering.wijzig_zorgplan(zorgplan, noord, zorgplan.versie, afspraken, "")
    assert not zorgplan.is_getekend


def test_levering_start_voor_ingangsdatum_geweigerd(zaak, consulent, noord) -> None:
    b = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    t = b.toewijzingen.get()
    with pytest.raises(services.Geweigerd, match="ingangsdatum"):
        levering.start_levering(t, noord, INGANG - dt.timedelta(days=1))
    with pytest.raises(services.Geweigerd, match="nog niet gestart"):
        levering.stop_levering(t, noord, INGANG, "19")
    t.refresh_from_db()
    assert t.levering_gestart_op is None


def test_einde_recht_beeindigt_zaak_en_wordt_gelogd(zaak, consulent) -> None:
    b = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    t = levering.beeindig_recht(b.toewijzingen.get(), consulent, INGANG + dt.timedelta(days=10), "Verhuisd")
    zaak.refresh_from_db()
    assert zaak.status == Status.BEEINDIGD and t.einde_recht_reden == "Verhuisd"
    assert AuditRegel.objects.filter(client=zaak.client, wat__startswith="einde recht").exists()


def test_bezwaartermijn_komt_uit_de_termijnregels(zaak, consulent, monkeypatch) -> None:
    from maatwerk.apps.cases import termijnregels

    echt = termijnregels.termijnregels_op

    def langer(peildatum: dt.date):
        regels = echt(peildatum)
        bezwaar = regels.termijnen["bezwaar"].model_copy(update={"weken": 8})
        return regels.model_copy(update={"termijnen": {**regels.termijnen, "bezwaar": bezwaar}})

    monkeypatch.setattr(termijnregels, "termijnregels_op", langer)
    b = services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    platte = " ".join(pdftekst(bytes(b.pdf)).split())
    assert "bezwaar maken binnen 8 weken" in platte
    uiterlijk = b.afgegeven_op.date() + dt.timedelta(weeks=8)
    assert str(uiterlijk.year) in platte


def test_nieuw_plan_zet_zorgplan_op_dezelfde_taken_en_handtekeningen_vervallen(
    zaak, consulent, noord
) -> None:
    zorgplan = getekend_zorgplan(zaak, consulent, noord)
    onderzoek = zaak.onderzoek
    ind = dict(onderzoek.indicatie.resultaat)
    ind["activiteiten"] = [{**a, "minuten_per_week": a["minuten_per_week"] + 30} for a in ind["activiteiten"]]
    # A new save of the onderzoek stores a new Indicatie (the old one is never changed).
    onderzoek.indicatie = Indicatie.objects.create(
        zaak=zaak, situatie={}, resultaat=ind, kader=ind["kader"], kader_versie=ind["kader_versie"]
    )
    onderzoek.save()
    services.stel_ondersteuningsplan_op(Zaak.objects.get(pk=zaak.pk), consulent, {})
    nieuw = Zorgplan.objects.get(pk=zorgplan.pk)
    assert not nieuw.is_getekend and nieuw.versie == zorgplan.versie + 1
    assert [a["minuten_per_week"] for a in nieuw.afspraken] == [
        a["minuten_per_week"] for a in ind["activiteiten"] if a["minuten_per_week"] > 0
    ]
    assert nieuw.afspraken[0]["afspraak"] == "Dinsdagochtend, vaste hulp"


def test_zorgplan_van_andere_aanbieder_telt_niet(zaak, consulent, noord, aanbieders) -> None:
    getekend_zorgplan(zaak, consulent, noord)
    Zaak.objects.filter(pk=zaak.pk).update(aanbieder=aanbieders[1])
    with pytest.raises(services.Geweigerd, match="niet van de aanbieder"):
        services.geef_beschikking_af(Zaak.objects.get(pk=zaak.pk), consulent, besluit())


@override_settings(MAATWERK_GEMEENTE="Nergensdorp")
def test_gemeente_zonder_configuratie_geeft_nette_weigering(zaak, consulent) -> None:
    with pytest.raises(services.Geweigerd, match="niet te toetsen"):
        services.geef_beschikking_af(zaak, consulent, besluit(reden_geen_zorgplan="Spoed."))
    assert not Beschikking.objects.exists()
