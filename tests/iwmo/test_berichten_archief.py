"""The message archive: the XML of every message lives in a file named by its SHA-256, not in the row."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from bench.iwmo import AGB, declaratie
from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.berichten import archief, services
from maatwerk.apps.berichten.models import Bericht, Prestatie, Richting

pytestmark = pytest.mark.django_db


@pytest.fixture
def bench_aanbieder(settings, tmp_path):
    settings.MAATWERK_IWMO_MAP = str(tmp_path / "iwmo")
    return Aanbieder.objects.create(naam="Archief Thuiszorg", agb_code=AGB)


def test_xml_staat_niet_in_de_rij_maar_in_het_archief(bench_aanbieder, tmp_path):
    assert "inhoud" not in {f.name for f in Bericht._meta.concrete_fields}
    pad = tmp_path / "in.xml"
    pad.write_bytes(declaratie(3, 2))
    o = services.ontvang(pad, vandaag=dt.date(2026, 1, 1))
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.sha256 == hashlib.sha256(pad.read_bytes()).hexdigest()
    assert heen.grootte == pad.stat().st_size
    assert archief.pad(heen.sha256).read_bytes() == pad.read_bytes() == heen.xml()
    retour = Bericht.objects.get(richting=Richting.UIT, berichttype="WMO325")
    assert Path(o.retourbestand).read_bytes() == retour.xml()  # the outbox file is the archived one
    assert retour.grootte == Path(o.retourbestand).stat().st_size
    # a changed file is noticed on reading
    archief.pad(heen.sha256).write_bytes(pad.read_bytes().replace(b"BENCH1", b"BENCH2", 1))
    with pytest.raises(archief.Beschadigd, match="gewijzigd of beschadigd"):
        heen.xml()


def test_groot_aantal_retourcodes_niet_allemaal_in_de_rij(bench_aanbieder, tmp_path):
    """600 prestaties on unknown toewijzingen: all rejected; the row keeps 500, the count and the
    prestaties keep all, and the answer (CLI) reports every one."""
    pad = tmp_path / "in.xml"
    pad.write_bytes(declaratie(60, 10))
    o = services.ontvang(pad, vandaag=dt.date(2026, 1, 1))
    heen = Bericht.objects.get(richting=Richting.IN)
    assert len([r for r in o.retourcodes if r["regel"] == "TR338"]) == 600  # no such toewijzing
    assert heen.aantal_retourcodes == len(o.retourcodes) > services.RETOURCODES_OP_BERICHT
    assert len(heen.retourcodes) == services.RETOURCODES_OP_BERICHT
    assert Prestatie.objects.filter(toegekend=False).count() == 600
    assert all("9338" in p.retourcodes for p in Prestatie.objects.all())
    assert archief.pad(heen.sha256).stat().st_size == heen.grootte
