"""Issue 14: rotating the audit key. A key-change row starts a new chain segment under a new key
id; every row names its key id, so the old segments stay verifiable with the old keys."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from maatwerk.apps.audit import log_persoonsgegevens, services
from maatwerk.apps.audit.keten import SLEUTELWISSEL, bereken_hash
from maatwerk.apps.audit.models import AuditRegel, SleutelwisselGeweigerd
from maatwerk.apps.audit.sleutels import SleutelOntbreekt, lees_sleutels, sleutelring
from maatwerk.apps.audit.verificatie import verifieer
from maatwerk.cli.audit import audit

pytestmark = pytest.mark.django_db
NIEUW = "nieuwe-sleutel-2027-0123456789abcdef"


@pytest.fixture
def ring(settings):
    settings.MAATWERK_AUDIT_SLEUTELS = f"2027:{NIEUW}"
    return settings


def _schrijf(n: int, begin: int = 0) -> None:
    for i in range(begin, begin + n):
        log_persoonsgegevens(None, None, "lezen", f"regel {i}", "test")


def test_wissel_begint_een_nieuw_segment(ring):
    _schrijf(3)
    wissel = services.wissel_sleutel("2027")
    _schrijf(2, 3)
    rijen = list(AuditRegel.objects.order_by("volgnummer"))
    assert [r.sleutel_id for r in rijen] == ["", "", "", "2027", "2027", "2027"]
    assert wissel.wat.startswith(SLEUTELWISSEL) and wissel.vorige_hash == rijen[2].hash
    nieuwste = rijen[-1]  # signed with the new key, not the first one
    assert nieuwste.hash == bereken_hash(NIEUW, nieuwste.ketenvelden(), nieuwste.vorige_hash)
    uitkomst = verifieer()
    assert uitkomst.geldig and uitkomst.aantal == 6
    assert [(s.sleutel_id, s.eerste, s.aantal) for s in uitkomst.segmenten] == [("", 1, 3), ("2027", 4, 3)]
    uit = CliRunner().invoke(audit, ["verifieer"])
    assert uit.exit_code == 0 and "segment sleutel '2027': vanaf volgnummer 4, 3 regels" in uit.output


def test_oude_sleutel_blijft_nodig_voor_de_oude_regels(ring):
    _schrijf(2)
    services.wissel_sleutel("2027")
    eerste = ring.MAATWERK_AUDIT_SLEUTEL
    ring.MAATWERK_AUDIT_SLEUTEL = "een-andere-eerste-sleutel"
    uitkomst = verifieer()
    assert not uitkomst.geldig and uitkomst.aantal == 0  # the first segment no longer verifies
    ring.MAATWERK_AUDIT_SLEUTELS = ""
    ring.MAATWERK_AUDIT_SLEUTEL = eerste
    uitkomst = verifieer()
    assert uitkomst.aantal == 2 and "sleutel '2027' ontbreekt in MAATWERK_AUDIT_SLEUTELS" in uitkomst.breuk


def test_proces_zonder_de_nieuwe_sleutel_schrijft_niets(ring):
    _schrijf(1)
    services.wissel_sleutel("2027")
    ring.MAATWERK_AUDIT_SLEUTELS = ""
    voor = AuditRegel.objects.count()
    with pytest.raises(SleutelOntbreekt, match="sleutel '2027'"):
        _schrijf(1)
    assert AuditRegel.objects.count() == voor


@pytest.mark.parametrize(
    ("sleutel_id", "melding"),
    [("2028", "staat niet in MAATWERK_AUDIT_SLEUTELS"), ("../x", "sleutel-id is 1 tot 20")],
)
def test_wissel_geweigerd(ring, sleutel_id, melding):
    _schrijf(1)
    with pytest.raises(SleutelwisselGeweigerd, match=melding):
        services.wissel_sleutel(sleutel_id)
    assert AuditRegel.objects.count() == 1


def test_een_sleutel_id_keert_niet_terug(ring):
    ring.MAATWERK_AUDIT_SLEUTELS = f"2027:{NIEUW},2028:{NIEUW}-2028"
    services.wissel_sleutel("2027")
    services.wissel_sleutel("2028")
    with pytest.raises(SleutelwisselGeweigerd, match="al eerder gebruikt"):
        services.wissel_sleutel("2027")
    assert verifieer().geldig and AuditRegel.objects.count() == 2


def test_gebroken_keten_wordt_niet_gewisseld(ring):
    from tests.beheer.test_audit_keten import _zonder_triggers

    _schrijf(2)
    eerste = AuditRegel.objects.order_by("volgnummer").first()
    _zonder_triggers("UPDATE audit_auditregel SET wat = %s WHERE id = %s", ["anders", eerste.pk])
    with pytest.raises(SleutelwisselGeweigerd, match="al gebroken"):
        services.wissel_sleutel("2027")
    assert not AuditRegel.objects.filter(sleutel_id="2027").exists()


def test_gelekte_oude_sleutel_kan_na_de_wissel_niets_vervalsen(ring):
    """Rows after the change signed with the old (leaked) key are refused: the old id may not return."""
    from tests.beheer.test_audit_keten import _zonder_triggers

    _schrijf(1)
    services.wissel_sleutel("2027")
    _schrijf(1, 1)
    laatste = AuditRegel.objects.order_by("-volgnummer").first()
    velden = laatste.ketenvelden() | {"wat": "vervalst", "sleutel_id": ""}
    vals = bereken_hash(ring.MAATWERK_AUDIT_SLEUTEL, velden, laatste.vorige_hash)
    _zonder_triggers(
        "UPDATE audit_auditregel SET wat = %s, sleutel_id = '', hash = %s WHERE id = %s",
        ["vervalst", vals, laatste.pk],
    )
    uitkomst = verifieer()
    assert uitkomst.breuk_id == laatste.pk and "zonder sleutelwissel-regel" in uitkomst.breuk


def test_cli_wissel_sleutel(ring):
    _schrijf(1)
    runner = CliRunner()
    goed = runner.invoke(audit, ["wissel-sleutel", "2027"])
    assert goed.exit_code == 0 and "Nieuw ketensegment met sleutel '2027' vanaf volgnummer 2" in goed.output
    fout = runner.invoke(audit, ["wissel-sleutel", "2027"])
    assert (
        fout.exit_code == 2 and "sleutelwissel geweigerd" in fout.output and "niets opgeslagen" in fout.output
    )
    assert AuditRegel.objects.get(sleutel_id="2027").gebruikersnaam  # the operator is named


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("2027", "gebruik ID:SLEUTEL"),
        ("a b:" + "x" * 20, "gebruik ID:SLEUTEL"),
        ("2027:kort", "te kort"),
        (f"2027:{NIEUW},2027:{NIEUW}", "twee keer"),
    ],
)
def test_foute_sleutelring_wordt_geweigerd(waarde, melding):
    with pytest.raises(ImproperlyConfigured, match=melding):
        lees_sleutels(waarde)


def test_sleutelring(ring):
    assert sleutelring() == {"": ring.MAATWERK_AUDIT_SLEUTEL, "2027": NIEUW}
    assert connection.vendor  # the ring itself needs no database
