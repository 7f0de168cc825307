"""The whole loop over the file drop with the provider as a real second process.

beschikking -> WMO301 in the outbox -> WMO302 -> WMO305 -> levering gestart on the zaak -> WMO323 with
three prestaties, one over the toegewezen volume -> WMO325 with that one rejected (9321), the others
granted. Every message maatwerk writes is checked against its XSD.
"""

# ruff: noqa: F811  (fixtures imported from tests.besluiten.conftest are used as arguments)

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from maatwerk.apps.berichten import services
from maatwerk.apps.berichten.models import Bericht, Berichtstatus, Prestatie
from maatwerk.apps.besluiten import services as besluiten
from maatwerk.apps.cases.models import Status
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.cli.iwmo import iwmo
from maatwerk.iwmo.berichten import NS_BASIS, namespace
from maatwerk.iwmo.lezen import lees
from maatwerk.iwmo.transport.bestandsmap import Bestandsmap
from tests.besluiten.conftest import aanbieders, consulent, maak_zaak, noord, zaak  # noqa: F401
from tests.besluiten.test_beschikking import besluit, getekend_zorgplan

pytestmark = pytest.mark.django_db(transaction=False)

WORTEL = Path(__file__).resolve().parents[2]


def volgende_maand(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def draai_aanbieder(map_: Path, agb: str, vandaag: dt.date, *extra: str) -> str:
    """One round of ``maatwerk iwmo aanbieder`` as a separate process (no database)."""
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "maatwerk",
            "iwmo",
            "aanbieder",
            "--agb",
            agb,
            "--map",
            str(map_),
            "--eenmalig",
            "--vandaag",
            vandaag.isoformat(),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=WORTEL,
    )
    assert uit.returncode == 0, uit.stderr[-2000:]
    return uit.stdout


def alle_bestanden(map_: Path, soort: str) -> list[Path]:
    return sorted(p for p in map_.rglob("*.xml") if p.parent.name in (soort, "verwerkt", "opgehaald"))


@pytest.fixture
def uitwisseling(tmp_path, settings) -> Path:
    settings.MAATWERK_IWMO_MAP = str(tmp_path / "iwmo")
    return tmp_path / "iwmo"


def wijs_toe(zaak, consulent, noord) -> Toewijzing:
    getekend_zorgplan(zaak, consulent, noord)
    b = besluiten.geef_beschikking_af(zaak, consulent, besluit())
    return Toewijzing.objects.get(beschikking=b)


@pytest.fixture
def toegewezen(zaak, consulent, noord, uitwisseling):
    return wijs_toe(zaak, consulent, noord)


@pytest.fixture
def drie_toegewezen(consulent, noord, aanbieders, uitwisseling):
    """Three clients with a toewijzing at the same aanbieder: a monthly 323 has three prestaties."""
    return [wijs_toe(maak_zaak(consulent, aanbieders[0], n), consulent, noord) for n in (1, 2, 3)]


def test_hele_keten_via_bestandsuitwisseling_met_aanbieder_als_tweede_proces(drie_toegewezen, uitwisseling):
    t = drie_toegewezen[0]
    agb = t.aanbieder.agb_code
    ingang = t.ingangsdatum
    kanaal = Bestandsmap(uitwisseling)

    # beschikking -> WMO301 in the outbox (complete set for client + aanbieder)
    verzonden = services.verstuur_toewijzingen(vandaag=ingang)
    assert [b.berichttype for b in verzonden] == ["WMO301"] * 3  # one per client
    outbox = kanaal.lijst(agb, "outbox")
    assert len(outbox) == 3 and all(lees(p).xsd_geldig for p in outbox)
    assert services.verstuur_toewijzingen(vandaag=ingang) == []  # nothing pending any more

    # the provider answers 302 and starts on the ingangsdatum (305)
    log = draai_aanbieder(uitwisseling, agb, ingang)
    assert "WMO302" in log and "WMO305" in log
    uitkomsten = services.ontvang_alles(vandaag=ingang)
    soorten = sorted(o.bericht for _, o in uitkomsten if not isinstance(o, str))
    assert soorten == ["WMO302"] * 3 + ["WMO305"] * 3
    assert {b.status for b in Bericht.objects.filter(berichttype="WMO301")} == {Berichtstatus.GOEDGEKEURD}
    for t in drie_toegewezen:
        t.refresh_from_db()
        assert t.levering_gestart_op == ingang
        assert t.zaak.status == Status.LEVERING_GESTART

    # a month declared with one prestatie over the toegewezen volume
    maand = volgende_maand(ingang)
    dag = volgende_maand(maand)
    draai_aanbieder(uitwisseling, agb, dag, "--declareer", f"{maand:%Y-%m}", "--fout", "volume")
    declaratie = [p for p in kanaal.lijst(agb, "inbox") if "WMO323" in p.name]
    assert len(declaratie) == 1
    resultaat = CliRunner().invoke(
        iwmo, ["ontvang", str(declaratie[0]), "--json", "--vandaag", dag.isoformat()], catch_exceptions=False
    )
    uit = json.loads(resultaat.output)
    assert set(uit) == {"bericht", "identificatie", "verwerkt", "retourcodes", "retourbestand"}
    assert uit["bericht"] == "WMO323" and uit["verwerkt"] is True and uit["identificatie"]
    assert [(r["code"], r["regel"]) for r in uit["retourcodes"]] == [("9321", "TR321")]
    assert all(set(r) == {"element", "code", "regel"} for r in uit["retourcodes"])
    prestaties = list(Prestatie.objects.order_by("pk"))
    assert len(prestaties) == 3
    assert [p.toegekend for p in prestaties] == [True, True, False]
    assert prestaties[2].retourcodes == ["9321"]

    # the WMO325: XSD-valid, only the rejected prestatie listed with 9321, the others granted
    antwoord = Path(uit["retourbestand"])
    assert lees(antwoord).xsd_geldig
    doc = etree.parse(str(antwoord))
    ns = {"a": namespace("WMO325"), "i": NS_BASIS}
    afgewezen = doc.findall(".//a:Prestatie", ns)
    assert len(afgewezen) == 1
    assert afgewezen[0].findtext("a:ProductReferentie/i:ReferentieNummer", namespaces=ns) == (
        prestaties[2].referentienummer
    )
    assert afgewezen[0].findtext("a:RetourCodes/a:RetourCode", namespaces=ns) == "9321"
    ingediend = sum(p.bedrag for p in prestaties)
    toegekend = doc.findtext(".//a:TotaalToegekendBedrag/i:TotaalBedrag", namespaces=ns)
    assert int(toegekend) == ingediend - prestaties[2].bedrag

    # the provider processes the 325
    log = draai_aanbieder(uitwisseling, agb, dag)
    assert "WMO325" in log and "9321" in log

    # every message maatwerk wrote is XSD-valid
    for pad in alle_bestanden(uitwisseling, "outbox"):
        if "outbox" in str(pad):
            assert lees(pad).xsd_geldig, pad.name
