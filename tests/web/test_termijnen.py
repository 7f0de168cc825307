"""Deadlines from the YAML rules: onderzoek 6 weeks, beschikking 2 weeks, spoed, opschorting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from maatwerk.apps.cases.models import Opschorting, Zaak
from maatwerk.apps.cases.termijnen import open_termijnen, termijnen_van
from maatwerk.apps.cases.termijnregels import Termijnregels, alle_versies, termijnregels_op
from maatwerk.regels.laden import Regelfout, laad

from .conftest import maak_zaak

MELD = dt.date(2026, 3, 2)


def _termijn(zaak: Zaak, tid: str, vandaag: dt.date):
    zaak.refresh_from_db()
    return {t.id: t for t in termijnen_van(zaak, vandaag)}.get(tid)


def test_regels_komen_uit_yaml_met_bron():
    regels = termijnregels_op(MELD)
    assert regels.termijnen["onderzoek"].duur == dt.timedelta(weeks=6)
    assert "2.3.2" in regels.termijnen["onderzoek"].bron.titel
    assert "2.3.5" in regels.termijnen["beschikking"].bron.titel
    assert "6:7" in regels.termijnen["bezwaar"].bron.titel
    assert regels.termijnen["spoed_voorlopige_beschikking"].voorbeeld
    assert len(alle_versies()) >= 1


def test_ongeldig_termijnbestand_wordt_geweigerd(tmp_path: Path):
    pad = tmp_path / "2020-01-01.yaml"
    pad.write_text(
        "valid_from: 2020-01-01\nomschrijving: x\ntermijnen:\n  t:\n    naam: T\n    vanaf: melddatum\n"
        "    weken: 2\n    dagen: 3\n    bron: {titel: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(Regelfout, match="precies één van 'weken' of 'dagen'"):
        laad(Termijnregels, pad)
    pad.write_text(
        "valid_from: 2020-01-01\nomschrijving: x\ntermijnen:\n  t:\n    naam: T\n    vanaf: gisteren\n"
        "    weken: 2\n    bron: {titel: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(Regelfout, match=r"2020-01-01.yaml:6: termijnen.t.vanaf"):
        laad(Termijnregels, pad)


@pytest.mark.django_db
def test_onderzoek_zes_weken_en_verlopen(consulent):
    zaak = maak_zaak(consulent, melddatum=MELD)
    t = _termijn(zaak, "onderzoek", MELD + dt.timedelta(days=10))
    assert t.uiterlijk == MELD + dt.timedelta(days=42) and t.stand == "open"
    assert _termijn(zaak, "onderzoek", MELD + dt.timedelta(days=40)).stand == "binnenkort"
    assert _termijn(zaak, "onderzoek", MELD + dt.timedelta(days=43)).stand == "verlopen"
    Zaak.objects.filter(pk=zaak.pk).update(onderzoek_afgerond_op=MELD + dt.timedelta(days=30))
    assert _termijn(zaak, "onderzoek", MELD + dt.timedelta(days=60)).stand == "gehaald"


@pytest.mark.django_db
def test_beschikking_twee_weken_na_aanvraag(consulent):
    zaak = maak_zaak(consulent, melddatum=MELD)
    assert _termijn(zaak, "beschikking", MELD) is None  # no aanvraag yet
    Zaak.objects.filter(pk=zaak.pk).update(aanvraagdatum=dt.date(2026, 4, 1))
    assert _termijn(zaak, "beschikking", dt.date(2026, 4, 2)).uiterlijk == dt.date(2026, 4, 15)
    Zaak.objects.filter(pk=zaak.pk).update(besluitdatum=dt.date(2026, 4, 20))
    t = _termijn(zaak, "beschikking", dt.date(2026, 4, 25))
    assert t.stand == "te_laat"
    assert _termijn(zaak, "bezwaar", dt.date(2026, 4, 25)).uiterlijk == dt.date(2026, 6, 1)


@pytest.mark.django_db
def test_opschorting_verlengt_de_termijn(consulent):
    zaak = maak_zaak(consulent, melddatum=MELD)
    Zaak.objects.filter(pk=zaak.pk).update(aanvraagdatum=dt.date(2026, 4, 1))
    Opschorting.objects.create(
        zaak=zaak, van=dt.date(2026, 4, 5), tot=dt.date(2026, 4, 14), reden="info huisarts"
    )
    t = _termijn(zaak, "beschikking", dt.date(2026, 4, 20))
    assert t.opgeschorte_dagen == 10
    assert t.uiterlijk == dt.date(2026, 4, 25)
    # The onderzoek termijn (melddatum + 42 = 13 april) is also extended by the same 10 days.
    assert _termijn(zaak, "onderzoek", dt.date(2026, 4, 20)).uiterlijk == dt.date(2026, 4, 23)


@pytest.mark.django_db
def test_lopende_opschorting_schuift_mee_met_vandaag(consulent):
    zaak = maak_zaak(consulent, melddatum=MELD)
    Zaak.objects.filter(pk=zaak.pk).update(aanvraagdatum=dt.date(2026, 4, 1))
    Opschorting.objects.create(zaak=zaak, van=dt.date(2026, 4, 10), tot=None, reden="wacht op cliënt")
    for dag in (12, 20, 30):
        vandaag = dt.date(2026, 4, dag)
        t = _termijn(zaak, "beschikking", vandaag)
        assert t.uiterlijk == dt.date(2026, 4, 15) + dt.timedelta(
            days=(vandaag - dt.date(2026, 4, 10)).days + 1
        )
        assert t.stand == "opgeschort"
    # After the suspension ends, the deadline is fixed and the termijn runs again.
    Opschorting.objects.filter(zaak=zaak).update(tot=dt.date(2026, 4, 19))
    t = _termijn(zaak, "beschikking", dt.date(2026, 4, 25))
    assert t.uiterlijk == dt.date(2026, 4, 25) and t.stand == "binnenkort"


@pytest.mark.django_db
def test_opschorting_na_verlopen_termijn_telt_niet(consulent):
    zaak = maak_zaak(consulent, melddatum=MELD)
    Zaak.objects.filter(pk=zaak.pk).update(aanvraagdatum=dt.date(2026, 4, 1))
    Opschorting.objects.create(zaak=zaak, van=dt.date(2026, 4, 20), tot=dt.date(2026, 4, 25), reden="te laat")
    t = _termijn(zaak, "beschikking", dt.date(2026, 4, 30))
    assert t.opgeschorte_dagen == 0 and t.stand == "verlopen"


@pytest.mark.django_db
def test_spoed_voorlopige_beschikking_en_vervolgcontact(consulent):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False):
        zaak = maak_zaak(consulent, melddatum=MELD, spoed=True)
    with time_machine.travel(dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC), tick=False):
        ids = [t.id for t in open_termijnen(Zaak.objects.get(pk=zaak.pk))]
        assert ids[:3] == ["onderzoek", "spoed_voorlopige_beschikking", "spoed_vervolgcontact"]
        assert _termijn(zaak, "spoed_voorlopige_beschikking", dt.date(2026, 3, 3)).stand == "binnenkort"
    with time_machine.travel(dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC), tick=False):
        t = termijnen_van(Zaak.objects.get(pk=zaak.pk))
        stand = {x.id: x for x in t}
        assert stand["spoed_voorlopige_beschikking"].uiterlijk == dt.date(2026, 3, 4)
        assert stand["spoed_voorlopige_beschikking"].stand == "verlopen"
        assert stand["spoed_vervolgcontact"].uiterlijk == dt.date(2026, 3, 9)
    Zaak.objects.filter(pk=zaak.pk).update(
        voorlopige_beschikking_op=dt.date(2026, 3, 3), vervolgcontact_op=dt.date(2026, 3, 8)
    )
    with time_machine.travel(dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC), tick=False):
        stand = {x.id: x for x in termijnen_van(Zaak.objects.get(pk=zaak.pk))}
        assert stand["spoed_voorlopige_beschikking"].stand == "gehaald"
        assert stand["spoed_vervolgcontact"].stand == "gehaald"
        assert [t.id for t in open_termijnen(Zaak.objects.get(pk=zaak.pk))] == ["onderzoek"]


@pytest.mark.django_db
def test_geen_spoedtermijnen_zonder_spoed(consulent):
    zaak = maak_zaak(consulent, melddatum=MELD)
    assert {t.id for t in termijnen_van(zaak, MELD)} == {"onderzoek"}


@pytest.mark.django_db
def test_werklijst_toont_verlopen_eerst(client, consulent):
    oud = maak_zaak(consulent, nummer=1, melddatum=MELD)
    nieuw = maak_zaak(consulent, nummer=2, melddatum=MELD + dt.timedelta(days=30))
    client.force_login(consulent)
    with time_machine.travel(dt.datetime(2026, 4, 20, 9, tzinfo=dt.UTC), tick=False):
        html = client.get("/zaken/werklijst/").content.decode()
    assert html.index(f"Zaak {oud.pk}<") < html.index(f"Zaak {nieuw.pk}<")
    assert "verlopen" in html


@pytest.mark.django_db
def test_werklijst_per_consulent(client, consulent, consulent2):
    van_1 = maak_zaak(consulent, nummer=1)
    van_2 = maak_zaak(consulent2, nummer=2)
    client.force_login(consulent)
    eigen = client.get("/zaken/werklijst/").content.decode()
    assert f"Zaak {van_1.pk}<" in eigen and f"Zaak {van_2.pk}<" not in eigen
    ander = client.get(f"/zaken/werklijst/?consulent={consulent2.pk}").content.decode()
    assert f"Zaak {van_2.pk}<" in ander and f"Zaak {van_1.pk}<" not in ander
    team = client.get("/zaken/werklijst/?wie=alle").content.decode()
    assert f"Zaak {van_1.pk}<" in team and f"Zaak {van_2.pk}<" in team
