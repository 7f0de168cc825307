"""herindicatie.services: each campaign step is one function, audited in the same transaction; bad input
is refused in Dutch with nothing stored. selectors: reads for finance and the CLI, logged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.herindicatie import selectors, services
from maatwerk.apps.herindicatie.invoer import CaseloadRij
from maatwerk.apps.herindicatie.models import CaseloadClient, Planning, Registratie, Simulatie
from maatwerk.apps.herindicatie.simulatie import UITVOER_KOLOMMEN

pytestmark = pytest.mark.django_db


def _rij(i: int, aanbieder: str = "Thuiszorg A") -> CaseloadRij:
    return CaseloadRij(
        i + 2,
        maak_bsn(55_000_000 + 7 * i),
        dt.date(1940, 1, 1),
        Decimal("3.5"),
        "hh2",
        "zin",
        aanbieder,
        dt.date(2015, 1, 1),
        None,
    )


@pytest.fixture
def caseload() -> list[CaseloadClient]:
    services.importeer_caseload([_rij(0), _rij(1, "Zorg B")], "test.csv", maak_aanbieders=True)
    return list(CaseloadClient.objects.order_by("pk"))


def _audit_faalt(monkeypatch) -> None:
    def weiger(*args, **kwargs):
        raise RuntimeError("auditlog niet bereikbaar")

    monkeypatch.setattr(services, "log_persoonsgegevens", weiger)


def _uitkomst(ids: list[int]) -> pl.DataFrame:
    leeg = dict.fromkeys(UITVOER_KOLOMMEN)
    rijen = [
        leeg
        | {
            "caseload_id": i,
            "oude_uren_per_week": 3.5,
            "nieuwe_minuten_per_week": 150.0,
            "nieuwe_uren_per_week": 2.5,
            "verschil_uren_per_week": -1.0,
            "trede_hbh": "Basis",
            "situatie_typisch": True,
            "aanvullende_ondersteuning": False,
        }
        for i in ids
    ]
    return pl.DataFrame(rijen)


def test_import_failure_of_the_audit_stores_nothing(monkeypatch):
    _audit_faalt(monkeypatch)
    with pytest.raises(RuntimeError):
        services.importeer_caseload([_rij(0)], "test.csv", maak_aanbieders=True)
    assert CaseloadClient.objects.count() == 0


def test_simulation_is_stored_with_its_audit_in_one_transaction(caseload, monkeypatch):
    ids = [c.pk for c in caseload]
    simulatie = services.sla_simulatie_op(_uitkomst(ids), "test", "", dt.date(2017, 6, 5), {"totaal": {}})
    assert simulatie.uitkomsten.count() == 2
    assert AuditRegel.objects.filter(actie="schrijven", wat__startswith=f"simulatie {simulatie.pk} ").exists()
    _audit_faalt(monkeypatch)
    with pytest.raises(RuntimeError):
        services.sla_simulatie_op(_uitkomst(ids), "test", "", dt.date(2017, 6, 5), {})
    assert Simulatie.objects.count() == 1


def test_planning_refuses_an_empty_caseload_and_stores_a_plan():
    with pytest.raises(services.Herindicatiefout, match="geen cliënten om te plannen"):
        services.sla_planning_op("einddatum", 10, dt.date(2019, 1, 7))
    assert Planning.objects.count() == 0
    services.importeer_caseload([_rij(0), _rij(1)], "test.csv", maak_aanbieders=True)
    planning, plan, aantal = services.sla_planning_op("einddatum", 1, dt.date(2019, 1, 7))
    assert aantal == 2 and len(plan.weken) == 2 and planning.kalender == plan.as_json()
    assert AuditRegel.objects.filter(wat__startswith=f"planning {planning.pk} herindicatie").exists()


def test_registration_refusals_are_dutch_and_store_nothing(caseload):
    with pytest.raises(services.Herindicatiefout, match="uitkomst: verplicht bij een driegesprek"):
        services.registreer(caseload[0], "driegesprek", dt.date(2019, 2, 1))
    with pytest.raises(services.Herindicatiefout, match="tot: verplicht bij tijdelijk terug"):
        services.registreer(caseload[0], "driegesprek", dt.date(2019, 2, 1), uitkomst="tijdelijk_terug")
    assert Registratie.objects.count() == 0
    services.registreer(caseload[0], "bezoek", dt.date(2019, 2, 1))
    assert selectors.voortgang()["bezocht"] == 1


def test_finance_reads_a_simulation_through_the_selector_and_it_is_logged(caseload):
    with pytest.raises(selectors.GeenGegevens, match="nog geen simulatie"):
        selectors.simulatie_voor_financien()
    ids = [c.pk for c in caseload]
    simulatie = services.sla_simulatie_op(_uitkomst(ids), "test", "denhaag-2017", dt.date(2017, 6, 5), {})
    gegevens = selectors.simulatie_voor_financien(waarom="test")
    assert (gegevens.simulatie_id, gegevens.beleid, len(gegevens.rijen)) == (simulatie.pk, "denhaag-2017", 2)
    assert {r["aanbieder"] for r in gegevens.rijen} == {"Thuiszorg A", "Zorg B"}
    assert all("bsn" not in r for r in gegevens.rijen)
    assert AuditRegel.objects.filter(
        actie="lezen", wat__startswith=f"financiën: simulatie {simulatie.pk}"
    ).exists()
    with pytest.raises(selectors.GeenGegevens, match="simulatie 999 bestaat niet"):
        selectors.simulatie_voor_financien(999)


_rijen = st.lists(
    st.tuples(
        st.integers(0, 40),  # which BSN (repeats across examples: updates, not only inserts)
        st.one_of(st.none(), st.decimals(0, 40, places=2)),
        st.sampled_from(["Thuiszorg A", "Zorg B", ""]),
        st.one_of(st.none(), st.dates(dt.date(2016, 1, 1), dt.date(2030, 1, 1))),
    ),
    max_size=8,
    unique_by=lambda r: r[0],
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rijen=_rijen)
def test_import_stores_the_rows_and_a_second_import_changes_nothing(rijen):
    """Property: after an import the caseload holds exactly these values; the same file again is a no-op."""
    invoer = [
        CaseloadRij(
            i + 2,
            maak_bsn(66_000_000 + 7 * n),
            dt.date(1945, 3, 1),
            uren,
            "hh1",
            "zin",
            aanbieder,
            dt.date(2015, 1, 1),
            eind,
        )
        for i, (n, uren, aanbieder, eind) in enumerate(rijen)
    ]
    services.importeer_caseload(invoer, "eigenschap.csv", maak_aanbieders=True)
    opnieuw = services.importeer_caseload(invoer, "eigenschap.csv", maak_aanbieders=True)
    assert (opnieuw.nieuw, opnieuw.gewijzigd, opnieuw.ongewijzigd) == (0, 0, len(invoer))
    for rij in invoer:
        opgeslagen = CaseloadClient.objects.select_related("aanbieder").get(bsn=rij.bsn)
        assert opgeslagen.uren_per_week_oud == rij.uren_per_week_oud
        assert opgeslagen.einddatum_oud == rij.einddatum_oud
        assert (opgeslagen.aanbieder.naam if opgeslagen.aanbieder else "") == rij.aanbieder


def test_simulation_read_records_every_known_client(caseload):
    """Issue 14: the caseload read for a simulation lists the clients it read (the ``clienten`` field)."""
    from maatwerk.apps.clients.models import Client

    bekend = Client.objects.create(
        bsn=caseload[1].bsn,
        voornamen="Test",
        achternaam="Caseload",
        geboortedatum=dt.date(1940, 1, 1),
        straat="Dorpsstraat",
        huisnummer="1",
        postcode="1234AB",
        woonplaats="Voorbeeldstad",
    )
    CaseloadClient.objects.filter(pk=caseload[1].pk).update(client=bekend)
    voor = AuditRegel.objects.count()
    frame = selectors.caseload_frame()
    assert frame.height == 2
    nieuw = list(AuditRegel.objects.order_by("volgnummer")[voor:])
    assert all(r.actie == "lezen" and "caseload herindicatie voor simulatie" in r.wat for r in nieuw)
    lijst = [r for r in nieuw if r.client_ids]
    assert len(lijst) == 1 and lijst[0].client_ids == [bekend.pk] and lijst[0].clienten == f",{bekend.pk},"
