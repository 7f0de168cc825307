"""A database of release 0.1.0 upgrades to the current schema with its data intact (SQLite and PostgreSQL).

The test database is taken back to exactly the migrations of 0.1.0 (every app added since goes to
zero), filled through the 0.1.0 historical models, and then upgraded the way an administrator does it:
``maatwerk migrate`` (the ``migrate`` command, post_migrate included). The checks: every JSON copy of an
indication became (or reused) one immutable Indicatie row; the split of ``beschikkingen`` into
``besluiten`` and ``levering`` kept every row and every letter byte for byte; each zaak, onderzoek,
beschikking and toewijzing got its own UUID for the API; the old audit rows form a valid chain; and the
issued beschikkingen and the audit log are protected again afterwards.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.besluiten.conftest import indicatie_json

#: The last migration of every app in release 0.1.0 (the v0.1.0 tree: CHANGELOG ``[0.1.0]``, commit 7975669).
#: These files are released: they stay as they are, so this is the schema of every 0.1.0 database.
RELEASE_0_1: dict[str, str] = {
    "aanbieders": "0001_initial",
    "accounts": "0002_rollen",
    "audit": "0001_initial",
    "beschikkingen": "0001_initial",
    "cases": "0001_initial",
    "clients": "0001_initial",
    "herindicatie": "0001_initial",
    "onderzoek": "0002_tweedemening",
}


def _naar_0_1():  # noqa: ANN202 (historical apps)
    """Take maatwerk's own apps back to 0.1.0 (those that came later to zero); returns the historical apps
    of that state. Django's and third-party apps keep their migrations: theirs, not ours, and unrelated
    to the data that moves."""
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    eigen = sorted(c.label for c in django_apps.get_app_configs() if c.name.startswith("maatwerk."))
    assert set(RELEASE_0_1) <= set(eigen)
    doelen = [(app, RELEASE_0_1.get(app)) for app in eigen if app in {a for a, _ in graph.leaf_nodes()}]
    executor.migrate(doelen, plan=_terug_in_volgorde(executor, doelen))
    staat = [(app, naam) for app, naam in doelen if naam is not None]
    staat += [knoop for knoop in graph.leaf_nodes() if knoop[0] not in eigen]
    return executor.loader.project_state(staat).apps


def _terug_in_volgorde(executor: MigrationExecutor, doelen: list[tuple[str, str | None]]) -> list:
    """Django's plan to go back, unapplied in the reverse of the order of the forward plan.

    Django works out the state each migration is unapplied from along the forward plan, but unapplies in
    the order of its backwards plan, which takes the branches before a merge migration (cases 0002_uuid
    and 0002_zaak_indiening, and likewise in onderzoek, besluiten and levering) one after the other. The
    second branch is then unapplied from a state that still holds the first branch's field: on SQLite its
    table rebuild puts ``cases_zaak.uuid`` back after 0002_uuid dropped it. In the forward plan's reverse
    order every state matches the database.
    """
    vooruit = executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True)
    positie = {(m.app_label, m.name): i for i, (m, _) in enumerate(vooruit)}
    terug = executor.migration_plan(doelen)
    assert all(achteruit for _, achteruit in terug)
    return sorted(terug, key=lambda stap: -positie[stap[0].app_label, stap[0].name])


def _kolommen(tabel: str) -> set[str]:
    with connection.cursor() as cursor:
        return {kolom.name for kolom in connection.introspection.get_table_description(cursor, tabel)}


def _vul_0_1(oud) -> dict:  # noqa: ANN001 (historical apps)
    """0.1.0-shaped data through the historical models; returns what the checks compare against."""
    ind = indicatie_json()
    anders = {**ind, "totaal_minuten_per_week": ind["totaal_minuten_per_week"] + 30}
    nu = timezone.now()
    User = oud.get_model("auth", "User")
    consulent = User.objects.create(username="consulent1", password="!")
    medewerker = User.objects.create(username="noord", password="!")
    aanbieder = oud.get_model("aanbieders", "Aanbieder").objects.create(naam="Noord", agb_code="75750001")
    oud.get_model("accounts", "Profiel").objects.create(user=medewerker, aanbieder=aanbieder)
    Client = oud.get_model("clients", "Client")
    client = Client.objects.create(voornamen="Anna", achternaam="Berg")
    Zaak = oud.get_model("cases", "Zaak")
    zaken = [
        Zaak.objects.create(client=client, consulent=consulent, kanaal="telefoon", vraag=f"hulp {i}")
        for i in range(3)
    ]
    zaak_zonder = Zaak.objects.create(client=client, kanaal="telefoon", vraag="x")
    oud.get_model("cases", "StatusEvent").objects.create(
        zaak=zaken[1], van_status="ontvangen", naar_status="besluit", door=consulent, toelichting="klaar"
    )
    oud.get_model("cases", "Opschorting").objects.create(
        zaak=zaken[2], van=dt.date(2026, 1, 5), tot=dt.date(2026, 1, 9), reden="wacht op info", door=consulent
    )
    Onderzoek = oud.get_model("onderzoek", "Onderzoek")
    for zaak in zaken:
        Onderzoek.objects.create(
            zaak=zaak, situatie={"gemeente": "Voorbeeldstad"}, indicatie=ind, kader=ind["kader"],
            kader_versie=ind["kader_versie"], gewijzigd_door=consulent, verslag=f"verslag {zaak.vraag}",
        )  # fmt: skip
    Onderzoek.objects.create(zaak=zaak_zonder)
    oud.get_model("onderzoek", "TweedeMening").objects.create(
        onderzoek=Onderzoek.objects.get(zaak=zaken[0]), oordeel="eens", toelichting="akkoord", door=consulent
    )
    Plan = oud.get_model("beschikkingen", "Ondersteuningsplan")
    Plan.objects.create(zaak=zaken[0], indicatie=ind)  # same as the onderzoek: reuses its row
    Plan.objects.create(zaak=zaken[1], indicatie=anders)  # differs: a row of its own
    Beschikking = oud.get_model("beschikkingen", "Beschikking")
    brief = dict(html="<p>Beschikking</p>", pdf=b"%PDF-1.7 brief")
    b1 = Beschikking.objects.create(
        zaak=zaken[1], kenmerk="WMO-1", besluit="toegekend", gevraagd="hulp", normenkader="k",
        normenkader_versie="1", inhoudshash=hashlib.sha256(b"1").hexdigest(), afgegeven_op=nu,
        afgegeven_door=consulent, aanbieder=aanbieder, ingangsdatum=dt.date(2026, 1, 1), **brief,
    )  # fmt: skip
    b2 = Beschikking.objects.create(
        zaak=zaken[1], versie=2, vorige=b1, correctie_reden="typfout", kenmerk="WMO-1", besluit="toegekend",
        gevraagd="hulp", normenkader="k", normenkader_versie="1", afgegeven_op=nu,
        inhoudshash=hashlib.sha256(b"2").hexdigest(), aanbieder=aanbieder, ingangsdatum=dt.date(2026, 1, 1),
        **brief,
    )  # fmt: skip
    Beschikking.objects.create(
        zaak=zaken[2], kenmerk="WMO-2", besluit="afgewezen", gevraagd="hulp", normenkader="k",
        normenkader_versie="1", inhoudshash="0" * 64, afgegeven_op=nu, **brief,
    )  # fmt: skip  # no plan: gets its onderzoek's row
    oud.get_model("beschikkingen", "Zorgplan").objects.create(
        zaak=zaken[1], aanbieder=aanbieder, afspraken=[{"taak": "stofzuigen"}],
        getekend_client_naam="A. Berg", getekend_client_op=nu,
    )  # fmt: skip
    oud.get_model("beschikkingen", "Toewijzing").objects.create(
        zaak=zaken[1], beschikking=b2, aanbieder=aanbieder, productcategorie="01", volume=2,
        eenheid="04", frequentie="2", ingangsdatum=dt.date(2026, 1, 1), toegewezen_op=nu,
    )  # fmt: skip
    AuditRegel = oud.get_model("audit", "AuditRegel")
    for i, wat in enumerate(("zaak 1 gelezen", "beschikking afgegeven", "cliënt gewijzigd")):
        AuditRegel.objects.create(
            gebruiker=consulent, gebruikersnaam="consulent1", client=client,
            actie="schrijven" if i else "lezen", wat=wat, waarom="behandeling",
        )  # fmt: skip
    return {
        "ind": ind,
        "anders": anders,
        "zaken": [z.pk for z in zaken] + [zaak_zonder.pk],
        "beschikkingen": {b.pk: b.inhoudshash for b in Beschikking.objects.all()},
        "audit": list(AuditRegel.objects.order_by("pk").values_list("pk", "tijdstip", "wat")),
    }


@pytest.mark.django_db(transaction=True)
def test_database_van_0_1_blijft_heel_na_upgrade() -> None:
    try:
        oud = _naar_0_1()
        # Really the 0.1.0 schema: no API identifiers, no stored Indicatie, no audit chain yet.
        assert "uuid" not in _kolommen("cases_zaak") and "versie" not in _kolommen("clients_client")
        assert "hash" not in _kolommen("audit_auditregel")
        assert "indicaties_indicatie" not in connection.introspection.table_names()
        verwacht = _vul_0_1(oud)
    finally:
        call_command("migrate", verbosity=0)  # the upgrade, as an administrator runs it

    from maatwerk.apps.audit.models import AuditRegel
    from maatwerk.apps.audit.verificatie import verifieer, verifieer_beschikkingen
    from maatwerk.apps.besluiten.models import Beschikking, Ondersteuningsplan
    from maatwerk.apps.cases.models import Opschorting, StatusEvent, Zaak
    from maatwerk.apps.clients.models import Client
    from maatwerk.apps.indicaties.models import Indicatie
    from maatwerk.apps.levering.models import Toewijzing, Zorgplan
    from maatwerk.apps.onderzoek.models import Onderzoek, TweedeMening

    ind, anders = verwacht["ind"], verwacht["anders"]
    zaken = list(Zaak.objects.order_by("pk"))
    assert [z.pk for z in zaken] == verwacht["zaken"]
    assert [z.vraag for z in zaken] == ["hulp 0", "hulp 1", "hulp 2", "x"]
    assert Client.objects.get().versie == 1 and Client.objects.get().achternaam == "Berg"
    assert (
        StatusEvent.objects.get().naar_status == "besluit"
        and Opschorting.objects.get().reden == "wacht op info"
    )

    onderzoeken = list(Onderzoek.objects.order_by("pk"))
    assert [o.indicatie_id is not None for o in onderzoeken] == [True, True, True, False]
    assert all(o.indicatie.resultaat == ind for o in onderzoeken[:3])
    assert onderzoeken[0].indicatie.situatie == {"gemeente": "Voorbeeldstad"}
    assert (
        onderzoeken[0].verslag == "verslag hulp 0" and TweedeMening.objects.get().onderzoek == onderzoeken[0]
    )
    assert Indicatie.objects.count() == 4

    plannen = list(Ondersteuningsplan.objects.order_by("zaak_id"))
    assert plannen[0].indicatie_id == onderzoeken[0].indicatie_id
    assert plannen[1].indicatie.resultaat == anders and plannen[1].indicatie_id != onderzoeken[1].indicatie_id

    beschikkingen = {b.pk: b for b in Beschikking.objects.all()}
    assert {pk: b.inhoudshash for pk, b in beschikkingen.items()} == verwacht["beschikkingen"]
    assert all(
        bytes(b.pdf) == b"%PDF-1.7 brief" and b.html == "<p>Beschikking</p>" for b in beschikkingen.values()
    )
    b1, b2, b3 = (beschikkingen[pk] for pk in sorted(beschikkingen))
    assert b2.vorige == b1 and b1.indicatie_id == b2.indicatie_id == plannen[1].indicatie_id
    assert b3.indicatie_id == onderzoeken[2].indicatie_id
    toewijzing = Toewijzing.objects.get()
    assert toewijzing.beschikking == b2 and toewijzing.indicatie_id == b2.indicatie_id
    assert Zorgplan.objects.get().afspraken == [{"taak": "stofzuigen"}]

    for model, aantal in ((Zaak, 4), (Onderzoek, 4), (Beschikking, 3), (Toewijzing, 1)):
        uuids = set(model.objects.values_list("uuid", flat=True))
        assert len(uuids) == aantal and None not in uuids, model

    # The old audit rows keep their content and form a valid chain, in their old order; the upgrade
    # then seals each issued beschikking in that chain (audit 0004), one row each, after them.
    oud = len(verwacht["audit"])
    regels = list(AuditRegel.objects.order_by("pk"))
    assert [(r.pk, r.tijdstip, r.wat) for r in regels[:oud]] == verwacht["audit"]
    assert [r.volgnummer for r in regels] == list(range(1, oud + len(beschikkingen) + 1))
    assert all(r.zegel and "verzegeld" in r.wat for r in regels[oud:])
    resultaat = verifieer()
    assert resultaat.geldig, resultaat
    zegels = verifieer_beschikkingen()
    assert zegels.geldig and zegels.aantal == len(beschikkingen), zegels

    # And protected again, in the database itself: an issued beschikking and an audit row refuse a change.
    q = connection.ops.quote_name
    for model, kolom in ((Beschikking, "kenmerk"), (AuditRegel, "wat")):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {q(model._meta.db_table)} SET {q(kolom)} = {q(kolom)}")
