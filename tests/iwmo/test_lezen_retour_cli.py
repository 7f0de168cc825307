"""Level 1 (XSD, unreadable input), every shipped example valid, XSD-valid retour messages, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from maatwerk.iwmo.berichten import BERICHTTYPEN, HEENBERICHTEN
from maatwerk.iwmo.geschiedenis import GeheugenGeschiedenis
from maatwerk.iwmo.lezen import Onleesbaar, lees, schema
from maatwerk.iwmo.retour import GeenRetour, bouw_retour, bouw_wmo325
from maatwerk.iwmo.valideer import valideer
from maatwerk.iwmo.xsd.afleiden import AFGELEID, RETOUREN, afleiden
from tests.iwmo.conftest import VOORBEELDEN, bewerk, voorbeeld

SHARED_IJW = Path("/work/shared/iwmo/referentie/ijw-3.2/xsd")


@pytest.mark.parametrize("bericht", HEENBERICHTEN)
def test_elk_voorbeeld_is_geldig_op_alle_niveaus(bericht: str) -> None:
    resultaat = valideer(
        VOORBEELDEN / f"{bericht}.xml", GeheugenGeschiedenis() if bericht == "WMO319" else None
    )
    assert resultaat.geldig, resultaat.als_lijst()


@pytest.mark.parametrize("bericht", HEENBERICHTEN)
def test_retourbericht_voldoet_aan_afgeleid_xsd(bericht: str) -> None:
    resultaat = valideer(voorbeeld(bericht))
    if bericht == "WMO323":
        xml = bouw_wmo325(resultaat, "R1", dt.date(2026, 1, 5), {"RN001": ["9321"]})
    else:
        xml = bouw_retour(resultaat, "R1", dt.date(2026, 1, 5))
    retour = BERICHTTYPEN[bericht].retour
    assert retour and schema(retour).validate(etree.fromstring(xml))
    assert valideer(xml).xsd_fouten == []


def test_retour_met_fout_op_client_kopieert_de_client_met_retourcodes() -> None:
    resultaat = valideer(voorbeeld("WMO305"), GeheugenGeschiedenis())  # TR019: no toewijzing -> 9019 on both
    retour = etree.fromstring(bouw_retour(resultaat, "R2", dt.date(2026, 1, 5)))
    codes = [e.text for e in retour.iter("{*}RetourCode")]
    assert codes == ["0200", "9019", "9019", "0200"]


def test_technische_afkeur_geeft_alleen_header_met_0001() -> None:
    xml = bewerk("WMO305", ("999900006", "999900007"))  # CS002
    retour = etree.fromstring(bouw_retour(valideer(xml), "R3", dt.date(2026, 1, 5)))
    assert [e.text for e in retour.iter("{*}RetourCode")] == ["0001"]
    assert retour.find("{*}Client") is None


def test_xsd_fout_geeft_geen_retour_maar_een_nederlands_rapport() -> None:
    xml = bewerk(
        "WMO323", ("<wmo323:Bsn>999900006", "<wmo323:Bsn>12"), ("<wmo323:Eenheid>04", "<wmo323:Eenheid>99")
    )
    resultaat = valideer(xml)
    assert not resultaat.geldig and len(resultaat.xsd_fouten) == 2
    assert {f.element for f in resultaat.xsd_fouten} == {"Bsn", "Eenheid"}
    assert all(f.regelnummer >= 1 and "waarde" in f.tekst for f in resultaat.xsd_fouten)
    with pytest.raises(GeenRetour):
        bouw_wmo325(resultaat, "R4", dt.date(2026, 1, 5))


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"dit is geen xml", "geen geldige XML"),
        (b"", "leeg"),
        (voorbeeld("WMO301").replace(b"iwmo/3_2/wmo301", b"ijw/3_2/jw301"), "geen iWmo 3.2-bericht"),
        (voorbeeld("WMO301")[:-30], "geen geldige XML"),
    ],
)
def test_onleesbare_invoer(inhoud: bytes, melding: str) -> None:
    with pytest.raises(Onleesbaar, match=melding):
        lees(inhoud)


def test_bestand_boven_25_mb_wordt_geweigerd(tmp_path: Path) -> None:
    groot = tmp_path / "groot.xml"
    with groot.open("wb") as f:
        f.truncate(30 * 1024 * 1024)
    with pytest.raises(Onleesbaar, match="hoogstens 25 MB"):
        lees(groot)


def test_afgeleide_xsds_zijn_reproduceerbaar() -> None:
    if not SHARED_IJW.is_dir():
        pytest.skip("shared/iwmo/referentie niet aanwezig")
    for wmo, (ijw, code_ijw, code_wmo) in RETOUREN.items():
        assert (
            afleiden((SHARED_IJW / f"{ijw}.xsd").read_bytes(), ijw, wmo, code_ijw, code_wmo)
            == (AFGELEID / f"{wmo}.xsd").read_bytes()
        )


def test_afgeleid_retour_is_heenbericht_plus_retourcodes() -> None:
    """Each derived retour type has the same elements as the official heen type, plus RetourCodes."""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    for heen in HEENBERICHTEN:
        retour = BERICHTTYPEN[heen].retour
        if retour == "WMO325":
            continue
        typen = {}
        for naam in (heen, retour):
            boom = etree.parse(str(BERICHTTYPEN[naam].xsd))
            typen[naam] = {
                ct.get("name"): [e.get("name") for e in ct.iter(f"{xs}element")]
                for ct in boom.getroot().iter(f"{xs}complexType")
            }
        for naam, elementen in typen[heen].items():
            extra = {
                "RetourCodes",
                "IdentificatieRetour",
                "DagtekeningRetour",
                "XsltVersie",
                "XsdVersieRetour",
            }
            assert [e for e in typen[retour][naam] if e not in extra] == elementen, (heen, naam)


def test_cli_valideer_json_en_exitcodes(tmp_path: Path) -> None:
    from maatwerk.cli.iwmo import iwmo

    runner = CliRunner()
    goed = runner.invoke(iwmo, ["valideer", str(VOORBEELDEN / "WMO323.xml"), "--json", "--zonder-database"])
    assert goed.exit_code == 0 and json.loads(goed.output) == []
    fout = tmp_path / "fout.xml"
    fout.write_bytes(bewerk("WMO323", ("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>1")))
    slecht = runner.invoke(iwmo, ["valideer", str(fout), "--json", "--zonder-database"])
    assert slecht.exit_code == 1
    assert [(i["code"], i["regel"]) for i in json.loads(slecht.output)] == [("0001", "TR358")]
    assert set(json.loads(slecht.output)[0]) >= {"element", "code", "regel", "tekst"}
    kapot = tmp_path / "kapot.xml"
    kapot.write_text("geen xml")
    assert runner.invoke(iwmo, ["valideer", str(kapot), "--zonder-database"]).exit_code == 2


def test_pakket_importeert_geen_django() -> None:
    code = (
        "import sys, maatwerk.iwmo.valideer, maatwerk.iwmo.retour; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_elke_retourcode_staat_in_de_xsd_enumeratie() -> None:
    """Every retourcode the catalogue uses is in LDT_RetourCode of the official basisschema."""
    from maatwerk.iwmo.berichten import XSD
    from maatwerk.iwmo.catalogus import catalogus
    from maatwerk.iwmo.retour import GEEN_OPMERKING, NIET_BEOORDEELD, TECHNISCH_AFGEKEURD, VOLLEDIG_TOEGEWEZEN

    xs = "{http://www.w3.org/2001/XMLSchema}"
    boom = etree.parse(str(XSD / "officieel" / "basisschema.xsd"))
    type_ = next(t for t in boom.getroot().iter(f"{xs}simpleType") if t.get("name") == "LDT_RetourCode")
    toegestaan = {e.get("value") for e in type_.iter(f"{xs}enumeration")}
    gebruikt = {r.retourcode for r in catalogus().regels.values() if r.retourcode}
    assert (
        gebruikt | {GEEN_OPMERKING, NIET_BEOORDEELD, TECHNISCH_AFGEKEURD, VOLLEDIG_TOEGEWEZEN} <= toegestaan
    )


def test_wmo325_met_veel_afgewezen_clienten_stuk_voor_stuk_opgebouwd() -> None:
    """The 325 is serialised client by client: one set of namespace declarations, every rejected
    prestatie copied in order with its fields and retourcode, XSD-valid."""
    from bench.iwmo import declaratie

    resultaat = valideer(declaratie(3, 2), GeheugenGeschiedenis(), dt.date(2026, 1, 1))  # no toewijzingen
    xml = bouw_wmo325(resultaat, "R9", dt.date(2026, 1, 5))
    assert xml.count(b"xmlns:wmo325=") == 1 and b"<!--" not in xml
    assert schema("WMO325").validate(etree.fromstring(xml))
    root = etree.fromstring(xml)
    clienten = root.findall("{*}DeclaratieAntwoord/{*}Clienten/{*}Client")
    assert [c.findtext("{*}Bsn") for c in clienten] == [
        resultaat.gelezen.klassen[0].kind_klassen[i].get("Bsn") for i in range(3)
    ]
    referenties = [
        p.findtext("{*}ProductReferentie/{*}ReferentieNummer")
        for c in clienten
        for p in c.iter("{*}Prestatie")
    ]
    assert referenties == ["R0-0", "R0-1", "R1-0", "R1-1", "R2-0", "R2-1"]
    prestatie = clienten[0].find("{*}Prestaties/{*}Prestatie")
    assert prestatie is not None and prestatie.findtext("{*}ProductPeriode/{*}Einddatum") == "2023-04-30"
    assert prestatie.findtext("{*}RetourCodes/{*}RetourCode") not in (None, "0200")
