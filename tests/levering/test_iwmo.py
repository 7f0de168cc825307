"""iWmo 3.2 WMO301 (toewijzing): mapping, code lists from rules data, validation against the XSD."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from maatwerk.apps.levering.iwmo import (
    IwmoClient,
    Iwmofout,
    IwmoProduct,
    Wmo301Bericht,
    codelijst,
    maak_wmo301,
    omschrijving,
    product_voor,
    valideer_wmo301,
)
from maatwerk.apps.levering.iwmo.wmo301 import (
    NS_IWMO,
    NS_WMO301,
    XSD_MAP,
    splits_achternaam,
    splits_huisnummer,
)

DATA = Path(__file__).parent / "data"
NS = {"w": NS_WMO301, "i": NS_IWMO}


def bericht(**product_anders: object) -> Wmo301Bericht:
    p = product_voor("Voorbeeldstad", dt.date(2026, 12, 1))
    product = IwmoProduct(
        toewijzingnummer=4711,
        categorie=p.categorie,
        code=p.code,
        volume=114,
        eenheid=p.eenheid,
        frequentie=p.frequentie,
        ingangsdatum=dt.date(2026, 12, 1),
        einddatum=dt.date(2027, 11, 30),
        toewijzingsmoment=dt.datetime(2026, 11, 23, 9, 30, 5),
        commentaar="Zie zorgplan",
    )
    client = IwmoClient(
        bsn="999990019",
        geboortedatum=dt.date(1941, 4, 2),
        achternaam="Berg",
        tussenvoegsel="van der",
        voornamen="Anna Maria",
        straat="Dorpsstraat",
        huisnummer="12a",
        postcode="9999 AA",
        woonplaats="Voorbeeldstad",
        telefoon="06-12345678",
    )
    return Wmo301Bericht(
        gemeentecode="9999",
        agb_code="12345678",
        identificatie="T4711",
        dagtekening=dt.date(2026, 11, 23),
        client=client,
        producten=(replace(product, **product_anders),),
    )


def test_officieel_voorbeeldbericht_valideert_tegen_meegeleverde_xsd() -> None:
    valideer_wmo301((DATA / "WMO301.xml").read_bytes())


def test_toewijzing_wordt_geldig_wmo301_met_alle_velden() -> None:
    xml = maak_wmo301(bericht())
    valideer_wmo301(xml)
    doc = etree.fromstring(xml)
    assert doc.findtext("w:Header/w:BerichtCode", namespaces=NS) == "414"
    assert doc.findtext("w:Header/w:Afzender", namespaces=NS) == "9999"
    assert doc.findtext("w:Header/w:Ontvanger", namespaces=NS) == "12345678"
    tp = doc.find("w:Client/w:ToegewezenProducten/w:ToegewezenProduct", namespaces=NS)
    assert tp.findtext("w:ToewijzingNummer", namespaces=NS) == "4711"
    assert tp.findtext("w:Product/i:Categorie", namespaces=NS) == "01"
    assert tp.findtext("w:Product/i:Code", namespaces=NS) == "01A01"
    assert tp.findtext("w:Omvang/i:Volume", namespaces=NS) == "114"
    assert tp.findtext("w:Omvang/i:Eenheid", namespaces=NS) == "01"
    assert tp.findtext("w:Omvang/i:Frequentie", namespaces=NS) == "2"
    assert tp.findtext("w:Ingangsdatum", namespaces=NS) == "2026-12-01"
    assert tp.findtext("w:Einddatum", namespaces=NS) == "2027-11-30"
    assert tp.findtext("w:Toewijzingstijd", namespaces=NS) == "09:30:05"
    naam = doc.find("w:Client/w:Naam", namespaces=NS)
    assert naam.findtext("i:Geslachtsnaam/i:Voorvoegsel", namespaces=NS) == "van der"
    assert naam.findtext("i:Voorletters", namespaces=NS) == "AM"
    huis = doc.find("w:Client/w:Contactgegevens/w:Contact/w:Adres/i:Huis", namespaces=NS)
    assert (huis.findtext("i:Huisnummer", namespaces=NS), huis.findtext("i:Huisletter", namespaces=NS)) == (
        "12",
        "a",
    )


def test_open_einde_en_zonder_adres_valideert() -> None:
    b = bericht(einddatum=None)
    b = replace(
        b, client=replace(b.client, straat="", huisnummer="", postcode="", woonplaats="", telefoon="")
    )
    valideer_wmo301(maak_wmo301(b))


@pytest.mark.parametrize(
    ("anders", "veld"),
    [
        ({"eenheid": "99"}, "eenheid"),
        ({"frequentie": "3"}, "frequentie"),
        ({"categorie": "42"}, "categorie"),
        ({"volume": -1}, "volume"),
        ({"einddatum": dt.date(2026, 1, 1)}, "einddatum"),
    ],
)
def test_ongeldige_product_invoer_geeft_nederlandse_melding(anders: dict, veld: str) -> None:
    with pytest.raises(Iwmofout) as fout:
        maak_wmo301(bericht(**anders))
    assert any(veld in m for m in fout.value.meldingen)


def test_aanbieder_zonder_agb_code_wordt_geweigerd() -> None:
    with pytest.raises(Iwmofout, match="AGB-code"):
        maak_wmo301(replace(bericht(), agb_code=""))


def test_xsd_vangt_wat_de_mapping_niet_kent() -> None:
    xml = maak_wmo301(bericht()).replace(b"<wmo301:BerichtCode>414", b"<wmo301:BerichtCode>415")
    with pytest.raises(Iwmofout, match="BerichtCode"):
        valideer_wmo301(xml)


def test_codes_komen_uit_de_codelijsten_met_bron() -> None:
    assert omschrijving("productcategorie", "01", dt.date(2026, 1, 1)) == "Hulp bij het huishouden"
    assert omschrijving("eenheid", "01", dt.date(2026, 1, 1)) == "Minuut"
    assert omschrijving("frequentie", "2", dt.date(2026, 1, 1)) == "Per week"
    assert codelijst("eenheid", dt.date(2026, 1, 1)).id == "WJ756"
    assert "wj756" in (codelijst("eenheid", dt.date(2026, 1, 1)).bron.verwijzing or "")
    with pytest.raises(ValueError, match="WMO757"):
        omschrijving("frequentie", "3", dt.date(2026, 1, 1))


def test_codelijsten_gelijk_aan_xsd_enumeraties() -> None:
    schema = etree.parse(str(XSD_MAP / "basisschema.xsd"))
    xs = {"xs": "http://www.w3.org/2001/XMLSchema"}
    for lijst, ldt in (
        ("productcategorie", "LDT_ProductCategorie"),
        ("eenheid", "LDT_Eenheid"),
        ("frequentie", "LDT_Frequentie"),
        ("reden_wijziging", "LDT_RedenWijziging"),
        ("geslacht", "LDT_Geslacht"),
    ):
        enum = schema.xpath(f"//xs:simpleType[@name='{ldt}']//xs:enumeration/@value", namespaces=xs)
        assert sorted(enum) == sorted(codelijst(lijst, dt.date(2026, 1, 1)).codes), lijst


def test_pgb_wordt_niet_via_iwmo_toegewezen() -> None:
    with pytest.raises(ValueError, match="pgb"):
        product_voor("Voorbeeldstad", dt.date(2026, 12, 1), "PGB")


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("van der Berg", ("van der", "Berg")),
        ("de Vries", ("de", "Vries")),
        ("Jansen", (None, "Jansen")),
        ("Van den Heuvel", ("Van den", "Heuvel")),
        ("ter Horst", ("ter", "Horst")),
    ],
)
def test_splits_achternaam(naam: str, verwacht: tuple) -> None:
    assert splits_achternaam(naam) == verwacht


def test_splits_huisnummer() -> None:
    assert splits_huisnummer("12") == (12, None, None)
    assert splits_huisnummer("12a") == (12, "a", None)
    assert splits_huisnummer("12-2") == (12, None, "2")
    with pytest.raises(Iwmofout, match="huisnummer"):
        splits_huisnummer("twaalf")


@given(
    volume=st.integers(min_value=0, max_value=99_999_999),
    nummer=st.integers(min_value=0, max_value=999_999_999),
    dagen=st.integers(min_value=0, max_value=3650),
)
def test_elk_geldig_volume_en_nummer_geeft_valide_bericht(volume: int, nummer: int, dagen: int) -> None:
    b = bericht(
        volume=volume, toewijzingnummer=nummer, einddatum=dt.date(2026, 12, 1) + dt.timedelta(days=dagen)
    )
    valideer_wmo301(maak_wmo301(b))
