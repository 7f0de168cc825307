"""The data migrations of this issue keep existing rows: the XML moves into the message archive (and back),
existing toewijzingen get the trede and tariff class of their indication."""

# ruff: noqa: F811  (fixtures imported from tests.besluiten.conftest are used as arguments)

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from maatwerk.apps.berichten import archief, services
from maatwerk.apps.berichten.models import Bericht
from maatwerk.apps.levering.models import Toewijzing
from tests.besluiten.conftest import aanbieders, consulent, noord, zaak  # noqa: F401  (fixtures)
from tests.iwmo.test_berichten_keten import uitwisseling, wijs_toe  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def groepen(transactional_db) -> None:
    """The role groups (made by a data migration): a transactional test before may have flushed them."""
    from django.contrib.auth.models import Group

    from maatwerk.apps.accounts.rollen import Rol

    for rol in Rol.values:
        Group.objects.get_or_create(name=rol)


def _migreer(doel: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    executor.loader.build_graph()
    return executor.loader.project_state(doel).apps


def _naar_het_eind() -> None:
    executor = MigrationExecutor(connection)
    _migreer(executor.loader.graph.leaf_nodes())


def test_xml_gaat_naar_het_archief_en_terug(zaak, consulent, noord, uitwisseling, berichtarchief):
    t = wijs_toe(zaak, consulent, noord)
    (b,) = services.verstuur_toewijzingen(vandaag=t.ingangsdatum)
    xml = b.xml()
    try:
        oud = _migreer([("berichten", "0001_initial")])  # back: the XML into the row again
        rij = oud.get_model("berichten", "Bericht").objects.get(pk=b.pk)
        assert rij.inhoud.encode() == xml
        for bestand in berichtarchief.rglob("*.xml"):  # an archive that is lost is refilled going forward
            bestand.unlink()
    finally:
        _naar_het_eind()
    b = Bericht.objects.get(pk=b.pk)
    assert b.sha256 == hashlib.sha256(xml).hexdigest() and b.grootte == len(xml)
    assert archief.pad(b.sha256).read_bytes() == xml == b.xml()


def test_bestaande_toewijzing_krijgt_trede_en_tariefklasse(zaak, consulent, noord, uitwisseling):
    t = wijs_toe(zaak, consulent, noord)
    (trede,) = t.indicatie.get("treden").values()
    try:
        oud = _migreer([("levering", "0006_merge_notificatie_uuid")])
        assert "trede" not in {f.name for f in oud.get_model("levering", "Toewijzing")._meta.fields}
    finally:
        _naar_het_eind()
    t = Toewijzing.objects.get(pk=t.pk)
    assert t.trede == trede
    assert t.tariefklasse == ("hh2" if trede in ("1", "2") else "hh1")
