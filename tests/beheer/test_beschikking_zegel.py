"""Issue 14: every issued beschikking is sealed in the audit chain; ``maatwerk audit verifieer``
finds a beschikking changed, added or removed outside maatwerk (raw SQL, triggers dropped)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.apps import apps
from django.db import connection
from django.utils import timezone

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.audit.triggers import beschermde_tabellen, maak_triggers, verwijder_triggers
from maatwerk.apps.audit.verificatie import verifieer, verifieer_beschikkingen
from maatwerk.apps.audit.zegel import ZEGELVELDEN, inhoudszegel, lees_zegel, zegel
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.cli.audit import audit
from tests.web.conftest import maak_gebruiker, maak_zaak

pytestmark = pytest.mark.django_db
TABEL = Beschikking._meta.db_table


def _geef_af(zaak, door, versie: int = 1, **anders) -> Beschikking:
    velden = {
        "zaak": zaak,
        "versie": versie,
        "kenmerk": f"WMO-ZEGEL-{zaak.pk}",
        "besluit": "toekenning",
        "gevraagd": "hulp bij het huishouden",
        "normenkader": "hhm",
        "normenkader_versie": "2025-01-01",
        "html": "<p>brief</p>",
        "pdf": b"%PDF-1.7 brief",
        "inhoudshash": "0" * 64,
        "afgegeven_op": timezone.now(),
        "afgegeven_door": door,
    }
    return Beschikking.objects.create(**(velden | anders))


@pytest.fixture
def beschikkingen():
    consulent = maak_gebruiker("zegelaar", "consulent")
    return [_geef_af(maak_zaak(consulent, nummer=n), consulent) for n in (11, 12, 13)]


def _zonder_triggers(sql: str, params: list) -> None:
    """What an attacker with owner rights could do: drop the triggers and change rows."""
    tabellen = beschermde_tabellen(apps)
    verwijder_triggers(connection, tabellen)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        maak_triggers(connection, tabellen)


def _verifieer_cli() -> tuple[int, str]:
    uit = CliRunner().invoke(audit, ["verifieer"])
    return uit.exit_code, uit.output


def test_afgifte_schrijft_een_zegel_in_de_keten(beschikkingen):
    doel = beschikkingen[0]
    regel = AuditRegel.objects.get(zegel__startswith=f"besluiten.beschikking:{doel.pk}:")
    assert regel.client_id == doel.zaak.client_id and regel.gebruikersnaam == "zegelaar"
    velden = Beschikking.objects.filter(pk=doel.pk).values(*ZEGELVELDEN).get()
    assert regel.zegel == zegel(velden) and lees_zegel(regel.zegel) == (doel.pk, inhoudszegel(velden))
    assert verifieer().geldig
    controle = verifieer_beschikkingen()
    assert controle.geldig and controle.aantal == 3
    code, tekst = _verifieer_cli()
    assert code == 0 and "Beschikkingen ongewijzigd: 3" in tekst


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        (f"UPDATE {TABEL} SET motivering = %s WHERE id = %s", ["een andere motivering"]),
        (f"UPDATE {TABEL} SET ingangsdatum = %s WHERE id = %s", ["2030-01-01"]),
        (f"UPDATE {TABEL} SET pdf = %s WHERE id = %s", [b"%PDF-1.7 vervalst"]),
    ],
)
def test_gewijzigde_beschikking_wordt_gevonden(beschikkingen, sql, params):
    doel = beschikkingen[1]
    _zonder_triggers(sql, [*params, doel.pk])
    controle = verifieer_beschikkingen()
    assert not controle.geldig and len(controle.meldingen) == 1
    assert f"beschikking id {doel.pk} (WMO-ZEGEL-{doel.zaak_id} versie 1): GEWIJZIGD" in controle.meldingen[0]
    assert verifieer().geldig  # the chain itself is untouched
    code, tekst = _verifieer_cli()
    assert code == 2 and "Beschikkingen GEWIJZIGD" in tekst and f"beschikking id {doel.pk}" in tekst


def test_herberekende_inhoudshash_helpt_niet(beschikkingen):
    """Whoever changes the letter and recomputes its SHA-256 still breaks the seal."""
    from maatwerk.apps.besluiten.render import inhoudshash

    doel = beschikkingen[0]
    html = "<p>brief met een ander besluit</p>"
    nieuw = inhoudshash(html, bytes(doel.pdf))
    _zonder_triggers(f"UPDATE {TABEL} SET html = %s, inhoudshash = %s WHERE id = %s", [html, nieuw, doel.pk])
    doel.refresh_from_db()
    assert doel.hash_klopt()  # the old check alone is fooled
    assert "GEWIJZIGD" in verifieer_beschikkingen().meldingen[0]


def test_verwijderde_en_toegevoegde_beschikking_worden_gevonden(beschikkingen):
    weg, bron = beschikkingen[2], beschikkingen[0]
    _zonder_triggers(f"DELETE FROM {TABEL} WHERE id = %s", [weg.pk])
    kolommen = [
        f.column for f in Beschikking._meta.concrete_fields if f.column not in ("id", "uuid", "versie")
    ]
    lijst = ", ".join(kolommen)
    with connection.cursor() as cursor:  # INSERT is allowed: the seal is what is missing
        cursor.execute(
            f"INSERT INTO {TABEL} (uuid, versie, {lijst}) SELECT %s, 9, {lijst} FROM {TABEL} WHERE id = %s",
            ["0123456789abcdef0123456789abcdef", bron.pk],
        )
    meldingen = " | ".join(verifieer_beschikkingen().meldingen)
    assert f"beschikking id {weg.pk}: VERWIJDERD" in meldingen
    assert "versie 9): heeft geen zegel in het auditlog" in meldingen


def test_vervalst_zegel_breekt_de_keten(beschikkingen):
    """Rewriting the seal in the audit row to match a changed beschikking breaks the HMAC chain."""
    doel = beschikkingen[0]
    _zonder_triggers(f"UPDATE {TABEL} SET motivering = %s WHERE id = %s", ["vervalst", doel.pk])
    velden = Beschikking.objects.filter(pk=doel.pk).values(*ZEGELVELDEN).get()
    regel = AuditRegel.objects.get(zegel__startswith=f"besluiten.beschikking:{doel.pk}:")
    _zonder_triggers("UPDATE audit_auditregel SET zegel = %s WHERE id = %s", [zegel(velden), regel.pk])
    assert verifieer_beschikkingen().geldig  # the seal now matches ...
    uitkomst = verifieer()  # ... but the chain names the forged row
    assert not uitkomst.geldig and uitkomst.breuk_id == regel.pk
    code, tekst = _verifieer_cli()
    assert code == 2 and f"regel id {regel.pk}" in tekst


def test_afgifte_via_de_dienst_wordt_verzegeld(beschikkingen):
    """A correction (a new version) is sealed too; the old version keeps its own seal."""
    oud = beschikkingen[0]
    nieuw = _geef_af(oud.zaak, oud.afgegeven_door, versie=2, vorige=oud, correctie_reden="typefout")
    assert AuditRegel.objects.filter(zegel__startswith=f"besluiten.beschikking:{nieuw.pk}:").count() == 1
    assert verifieer_beschikkingen().geldig and verifieer().geldig


@pytest.mark.django_db(transaction=True)
def test_migratie_verzegelt_bestaande_beschikkingen():
    """Beschikkingen issued before audit.0004 get their seal when it runs."""
    from django.contrib.auth.models import Group
    from django.db.migrations.executor import MigrationExecutor

    Group.objects.get_or_create(name="consulent")
    consulent = maak_gebruiker("oud", "consulent")
    zaak = maak_zaak(consulent, nummer=21)
    voor = [("audit", "0003_lijstregel_clienten")]
    executor = MigrationExecutor(connection)
    executor.migrate(voor)
    staat = executor.loader.project_state(
        [*voor, ("besluiten", "0007_merge_0005_goedkeuring_0006_uuid_uniek")]
    )
    oud = staat.apps.get_model("besluiten", "Beschikking")
    oud.objects.create(
        zaak_id=zaak.pk,
        versie=1,
        kenmerk="WMO-OUD-1",
        besluit="toekenning",
        gevraagd="hulp",
        normenkader="hhm",
        normenkader_versie="2025-01-01",
        html="<p>oud</p>",
        pdf=b"%PDF oud",
        inhoudshash="0" * 64,
        afgegeven_op=timezone.now(),
        afgegeven_door_id=consulent.pk,
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert AuditRegel.objects.filter(zegel__startswith="besluiten.beschikking:").count() == 1
    assert verifieer().geldig and verifieer_beschikkingen().geldig
