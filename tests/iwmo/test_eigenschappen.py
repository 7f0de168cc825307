"""Hypothesis properties for the arithmetic in the iWmo checks and the declaratie-antwoord."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from maatwerk.iwmo.controles.niveau2 import elfproef
from maatwerk.iwmo.controles.niveau3 import _maanden, _weken, _zondagen
from maatwerk.iwmo.lezen import Onleesbaar, lees, schema
from maatwerk.iwmo.retour import bouw_wmo325
from maatwerk.iwmo.valideer import valideer
from tests.iwmo.conftest import voorbeeld

datums = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))


def _dagen(begin: dt.date, eind: dt.date) -> list[dt.date]:
    return [begin + dt.timedelta(days=i) for i in range((eind - begin).days + 1)]


@given(datums, st.integers(min_value=0, max_value=400))
def test_weken_telt_de_weeknummers_in_de_periode(begin: dt.date, lengte: int) -> None:
    """IV077: the number of (partial) calendar weeks is the number of distinct ISO weeks touched."""
    eind = begin + dt.timedelta(days=lengte)
    dagen = _dagen(begin, eind)
    assert _weken(begin, eind) == len({d.isocalendar()[:2] for d in dagen})
    assert _zondagen(begin, eind) == sum(d.weekday() == 6 for d in dagen)
    assert _maanden(begin, eind) == len({(d.year, d.month) for d in dagen})


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_elfproef_volgt_de_definitie(bsn: str) -> None:
    som = sum(int(c) * w for c, w in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    assert elfproef(bsn) == (som % 11 == 0 and som != 0)


REFERENTIES = ("RN001", "RN002", "RN003", "RN004")
BEDRAGEN = {"RN001": 5000, "RN002": 24000, "RN003": 5000, "RN004": 24000}


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(REFERENTIES)))
def test_declaratieantwoord_toegekend_plus_afgewezen_is_ingediend(afgewezen: set[str]) -> None:
    """TR342: the rejected prestaties explain the difference; the answer is XSD-valid and passes TR342."""
    resultaat = valideer(voorbeeld("WMO323"))
    xml = bouw_wmo325(resultaat, "A1", dt.date(2023, 5, 8), {r: ["0611"] for r in afgewezen})
    boom = etree.fromstring(xml)
    assert schema("WMO325").validate(boom)
    ns = {
        "w": "http://www.istandaarden.nl/iwmo/3_2/wmo325/schema",
        "i": "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
    }
    toegekend = int(
        boom.findtext("w:DeclaratieAntwoord/w:TotaalToegekendBedrag/i:TotaalBedrag", namespaces=ns)
    )
    assert toegekend == 58000 - sum(BEDRAGEN[r] for r in afgewezen)
    terug = {e.text for e in boom.iterfind(".//w:Prestatie/w:ProductReferentie/i:ReferentieNummer", ns)}
    assert terug == afgewezen
    codes = [e.text for e in boom.iterfind("w:DeclaratieAntwoord/w:RetourCodes/w:RetourCode", ns)]
    assert codes == (["0200"] if afgewezen else ["8001"])
    assert "TR342" not in {o.regel for o in valideer(xml).overtredingen}


def test_externe_entiteiten_worden_niet_opgelost(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A DOCTYPE with an external entity is never resolved (no file or network access)."""
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("999900006")
    xml = (
        voorbeeld("WMO319")
        .decode()
        .replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{geheim}">]>',
        )
    )
    xml = xml.replace(">9003<", ">&e;<")
    with pytest.raises(Onleesbaar, match="DOCTYPE"):
        lees(xml.encode())


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"]),
    st.integers(min_value=0, max_value=10_000),
    st.binary(max_size=8),
)
def test_beschadigd_bericht_geeft_een_rapport_en_nooit_een_crash(
    bericht: str, positie: int, rommel: bytes
) -> None:
    """Any corruption of an example is refused (Onleesbaar) or reported; nothing else escapes."""
    xml = voorbeeld(bericht)
    positie %= len(xml)
    bewerkt = xml[:positie] + rommel + xml[positie + len(rommel) :]
    try:
        resultaat = valideer(bewerkt)
    except Onleesbaar as fout:
        assert str(fout).startswith("invoer: ")
        return
    if bewerkt == xml:
        assert resultaat.geldig
    for item in resultaat.als_lijst():
        assert item["regel"] and item["tekst"]


EXTREME_DATUMS = ["-2023-04-01", "0001-01-01", "9999-12-31", "12023-04-01", "2023-02-28", "2024-02-29"]


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"]),
    st.integers(min_value=0, max_value=50),
    st.sampled_from(EXTREME_DATUMS),
)
def test_extreme_datums_worden_beoordeeld_zonder_crash(bericht: str, welke: int, waarde: str) -> None:
    """xs:date allows years Python cannot represent; every level still answers (levels 2-4, with history)."""
    import re

    from tests.iwmo.test_regels import SCHOON, geschiedenis

    xml = voorbeeld(bericht).decode()
    datums = list(re.finditer(r">(\d{4}-\d{2}-\d{2})<", xml))
    m = datums[welke % len(datums)]
    bewerkt = (xml[: m.start(1)] + waarde + xml[m.end(1) :]).encode()
    resultaat = valideer(bewerkt, SCHOON.get(bericht, geschiedenis()), dt.date(2026, 12, 1))
    for item in resultaat.als_lijst():
        assert item["regel"] and item["tekst"]
