"""Every implemented rule (levels 2-4) with a message that violates it, built by editing a shipped example.

Each case names the rule, the example, the edits and (for level 3) the history; the test asserts that
exactly that rule fires with its WJ001 retourcode and that the unedited example does not violate it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from maatwerk.iwmo.catalogus import catalogus
from maatwerk.iwmo.controles import CONTROLES
from maatwerk.iwmo.geschiedenis import (
    EerdereLevering,
    EerderePrestatie,
    GeheugenGeschiedenis,
    ToegewezenProduct,
)
from maatwerk.iwmo.valideer import valideer
from tests.iwmo.conftest import bewerk, voorbeeld

AGB = "65656055"
AGB_315 = "42420001"  # the aanbieder of the example WMO315
VANDAAG = dt.date(2026, 12, 1)


def _toewijzing(nummer: int, bsn: str, code: str | None, **anders: object) -> ToegewezenProduct:
    velden: dict[str, object] = dict(
        toewijzingnummer=nummer,
        bsn=bsn,
        agb=AGB,
        categorie="01",
        code=code,
        ingangsdatum=dt.date(2023, 1, 1),
        einddatum=dt.date(2023, 12, 31),
        volume=20,
        eenheid="04",
        frequentie="4",
    )
    velden.update(anders)
    return ToegewezenProduct(**velden)  # type: ignore[arg-type]


def geschiedenis(**anders_20072: object) -> GeheugenGeschiedenis:
    """The toewijzingen the example WMO323 (and WMO305/307/317) declare on."""
    return GeheugenGeschiedenis(
        toegewezen=[
            _toewijzing(20072, "999900006", anders_20072.pop("code", "01A03"), **anders_20072),  # type: ignore[arg-type]
            _toewijzing(200730, "999900006", "01A04"),
            _toewijzing(20074, "999900018", "01A03"),
            _toewijzing(20073, "999900018", "01A04"),
            _toewijzing(300201, "999900006", "01A11", ingangsdatum=dt.date(2025, 4, 1), einddatum=None),
            _toewijzing(300202, "999900006", "01A12", ingangsdatum=dt.date(2025, 4, 1), einddatum=None),
            _toewijzing(
                10071, "999900006", None, ingangsdatum=dt.date(2023, 1, 1), einddatum=dt.date(2023, 12, 31)
            ),
            _toewijzing(
                10072, "999900006", None, ingangsdatum=dt.date(2023, 1, 1), einddatum=dt.date(2023, 12, 31)
            ),
        ]
    )


def dubbel_product(bericht: str, klasse: str, *vervangingen: tuple[str, str]) -> bytes:
    """The example with its first ``klasse`` block duplicated; the copy gets ``vervangingen``."""
    xml = voorbeeld(bericht).decode()
    prefix = bericht.lower()
    m = re.search(rf"<{prefix}:{klasse}>.*?</{prefix}:{klasse}>", xml, re.S)
    assert m
    kopie = m.group(0)
    for oud, nieuw in vervangingen:
        assert oud in kopie
        kopie = kopie.replace(oud, nieuw, 1)
    return (xml[: m.end()] + kopie + xml[m.end() :]).encode()


#: The client of the example WMO317 has exactly the two toewijzingen that verzoek names.
GEWIJZIGD_317 = GeheugenGeschiedenis(
    toegewezen=[
        _toewijzing(10071, "999900006", None, categorie="02"),
        _toewijzing(10072, "999900006", None, categorie="03", ingangsdatum=dt.date(2023, 4, 2)),
    ]
)


def _levering(soort: str, nummer: int, begin: dt.date, code: str, **anders: object) -> EerdereLevering:
    return EerdereLevering(soort, AGB, "999900006", nummer, begin, categorie="01", code=code, **anders)  # type: ignore[arg-type]


STARTS_307 = [
    _levering("start", 300201, dt.date(2025, 4, 3), "01A11"),
    _levering("start", 300202, dt.date(2025, 4, 15), "01A12"),
]


def met_leveringen(*leveringen: EerdereLevering, starts: bool = True) -> GeheugenGeschiedenis:
    """The toewijzingen of :func:`geschiedenis` plus earlier starts and stops (by default those of WMO307)."""
    return GeheugenGeschiedenis(
        toegewezen=geschiedenis().toegewezen,
        eerdere_leveringen=[*(STARTS_307 if starts else []), *leveringen],
    )


#: The history under which each unedited example is valid on level 3.
SCHOON = {"WMO317": GEWIJZIGD_317, "WMO307": met_leveringen()}


def laatste(bericht: str, oud: str, nieuw: str) -> bytes:
    """The example with the last occurrence of ``oud`` replaced (the client's own Contact in WMO301)."""
    xml = voorbeeld(bericht).decode()
    voor, gevonden, na = xml.rpartition(oud)
    assert gevonden, oud
    return (voor + nieuw + na).encode()


KLANT_CONTACT = (
    "<iwmo:Postcode>9999XX</iwmo:Postcode><iwmo:Straatnaam>Straatweg</iwmo:Straatnaam>"
    "<iwmo:Plaatsnaam>Plaats</iwmo:Plaatsnaam><iwmo:LandCode>AD</iwmo:LandCode>"
)
OMVANG_301 = (
    "<wmo301:Omvang><iwmo:Volume>10</iwmo:Volume><iwmo:Eenheid>01</iwmo:Eenheid>"
    "<iwmo:Frequentie>1</iwmo:Frequentie></wmo301:Omvang>"
)
EERSTE_PERIODE = (
    "<iwmo:Begindatum>2023-04-01</iwmo:Begindatum><iwmo:Einddatum>2023-04-30</iwmo:Einddatum>"
    "</wmo323:ProductPeriode>"
)
TE_WIJZIGEN_EIND = "<wmo317:Einddatum>2023-12-31</wmo317:Einddatum></wmo317:TeWijzigenProduct>"
OMVANG_317 = (
    "<wmo317:Omvang><iwmo:Volume>5</iwmo:Volume><iwmo:Eenheid>14</iwmo:Eenheid>"
    "<iwmo:Frequentie>4</iwmo:Frequentie></wmo317:Omvang>"
)
VERWIJZER = "<iwmo:Naam>Verwijzer Naam</iwmo:Naam>"
W = "wmo301"
GEVALLEN: list[tuple[str, str, object]] = [
    # (rule, example, violating message as bytes or (bytes, history))
    ("TR002", "WMO301", bewerk("WMO301", ("<iwmo:Datum>1967-08-13", "<iwmo:Datum>1900-08-13"))),
    (
        "TR006",
        "WMO301",
        b"".join(voorbeeld("WMO301").rpartition(b"<iwmo:Postcode>9999XX</iwmo:Postcode>")[::2]),
    ),
    ("TR018", "WMO307", bewerk("WMO307", ("<wmo307:Einddatum>2025-07-18", "<wmo307:Einddatum>2025-04-01"))),
    (
        "TR061",
        "WMO301",
        bewerk("WMO301", *[(f"<{W}:Soort>01</{W}:Soort>", f"<{W}:Soort>04</{W}:Soort>")] * 3),
    ),
    ("TR101", "WMO323", bewerk("WMO323", ("RN002", "RN001"))),
    (
        "TR137",
        "WMO323",
        bewerk(
            "WMO323", ("<wmo323:DeclaratieDagtekening>2023-05-06", "<wmo323:DeclaratieDagtekening>2023-03-06")
        ),
    ),
    ("TR302", "WMO301", dubbel_product("WMO301", "ToegewezenProduct", (">101<", ">102<"))),
    ("TR315", "WMO323", None),  # built below (needs credit lines)
    ("TR316", "WMO323", None),
    ("TR335", "WMO323", None),
    ("TR352", "WMO317", None),
    ("TR353", "WMO317", None),
    ("TR358", "WMO323", bewerk("WMO323", ("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>58001"))),
    (
        "TR383",
        "WMO315",
        bewerk("WMO315", ("<wmo315:ReferentieAanbieder>42420002", "<wmo315:ReferentieAanbieder>42420001")),
    ),
    ("TR386", "WMO315", None),
    ("TR410", "WMO317", None),
    ("TR416", "WMO323", bewerk("WMO323", (">200730<", ">20072<"), ("01A04", "01A03"))),
    ("CS002", "WMO305", bewerk("WMO305", ("999900006", "999900007"))),
    ("CS058", "WMO305", bewerk("WMO305", ("<wmo305:StatusAanlevering>1", "<wmo305:StatusAanlevering>2"))),
    ("CS100", "WMO323", None),
    (
        "CS337",
        "WMO323",
        bewerk(
            "WMO323",
            (
                "<iwmo:Einddatum>2023-04-30</iwmo:Einddatum>\n\t\t\t\t\t\t</wmo323:ProductPeriode>",
                "<iwmo:Einddatum>2023-05-02</iwmo:Einddatum>\n\t\t\t\t\t\t</wmo323:ProductPeriode>",
            ),
        ),
    ),
    ("CS340", "WMO323", bewerk("WMO323", ("<iwmo:Begindatum>2023-04-01", "<iwmo:Begindatum>2023-04-02"))),
    ("CS339", "WMO323", None),
    ("CS325", "WMO323", None),
    ("CD060", "WMO323", None),
    ("CD087", "WMO323", bewerk("WMO323", ("<wmo323:ProductTarief>1250</wmo323:ProductTarief>", ""))),
    (
        "CD085",
        "WMO319",
        bewerk("WMO319", ("<wmo319:RedenAfwijzingVerzoek>7</wmo319:RedenAfwijzingVerzoek>", "")),
    ),
    ("CD086", "WMO319", bewerk("WMO319", ("<wmo319:VerzoekAntwoord>1", "<wmo319:VerzoekAntwoord>2"))),
    ("CS335", "WMO301", None),
    ("CS336", "WMO301", None),
    ("CD041", "WMO315", None),
    ("CD078", "WMO301", None),
    ("TR342", "WMO325", None),
    ("CS003", "WMO301", bewerk("WMO301", ("<wmo301:Einddatum>2023-12-31", "<wmo301:Einddatum>2022-12-31"))),
    ("CD005", "WMO301", laatste("WMO301", "<iwmo:LandCode>AD</iwmo:LandCode>", "")),
    (
        "CD009",
        "WMO301",
        laatste(
            "WMO301",
            "<wmo301:Emailadres>1@er.com</wmo301:Emailadres>",
            "<wmo301:Emailadres>1@er.com</wmo301:Emailadres><wmo301:Periode><iwmo:Begindatum>2023-01-01</iwmo:Begindatum></wmo301:Periode>",
        ),
    ),
    (
        "CD025",
        "WMO301",
        laatste(
            "WMO301",
            "<iwmo:Huis><iwmo:Huisnummer>100</iwmo:Huisnummer><iwmo:Huisletter>C</iwmo:Huisletter><iwmo:HuisnummerToevoeging>BAL</iwmo:HuisnummerToevoeging><iwmo:AanduidingWoonadres>AB</iwmo:AanduidingWoonadres></iwmo:Huis>"
            + KLANT_CONTACT,
            KLANT_CONTACT.replace(">AD<", ">NL<"),
        ),
    ),
    ("CD034", "WMO301", laatste("WMO301", "<iwmo:Postcode>9999XX</iwmo:Postcode>", "")),
    (
        "CS089",
        "WMO301",
        laatste("WMO301", KLANT_CONTACT, KLANT_CONTACT.replace(">AD<", ">NL<").replace("9999XX", "0999 X")),
    ),
    ("CS318", "WMO301", bewerk("WMO301", ("NaamGebruik>4<", "NaamGebruik>6<"))),
    (
        "CD075",
        "WMO301",
        bewerk(
            "WMO301",
            ("<wmo301:Einddatum>2023-12-31</wmo301:Einddatum>", ""),
            (OMVANG_301, "<wmo301:Budget>100</wmo301:Budget>"),
        ),
    ),
    (
        "CD076",
        "WMO301",
        bewerk(
            "WMO301",
            ("<wmo301:Einddatum>2023-12-31</wmo301:Einddatum>", ""),
            ("<iwmo:Frequentie>1<", "<iwmo:Frequentie>2<"),
        ),
    ),
    ("CD077", "WMO301", bewerk("WMO301", (OMVANG_301, OMVANG_301 + "<wmo301:Budget>100</wmo301:Budget>"))),
    (
        "CD079",
        "WMO301",
        bewerk(
            "WMO301",
            (
                "<wmo301:Product><iwmo:Categorie>01</iwmo:Categorie><iwmo:Code>01A01</iwmo:Code></wmo301:Product>",
                "",
            ),
        ),
    ),
    ("CD080", "WMO301", bewerk("WMO301", ("<iwmo:Code>01A01</iwmo:Code>", ""))),
    ("CD095", "WMO315", bewerk("WMO315", ("<iwmo:Code>ABCDE</iwmo:Code>", ""))),
    ("CD096", "WMO317", bewerk("WMO317", ("<iwmo:Code>01A12</iwmo:Code>", ""))),
    (
        "CS338",
        "WMO301",
        bewerk(
            "WMO301",
            (
                "<iwmo:Eenheid>01</iwmo:Eenheid><iwmo:Frequentie>1<",
                "<iwmo:Eenheid>14</iwmo:Eenheid><iwmo:Frequentie>1<",
            ),
        ),
    ),
    ("CS343", "WMO315", bewerk("WMO315", ("<iwmo:Frequentie>4<", "<iwmo:Frequentie>1<"))),
    ("CD007", "WMO301", bewerk("WMO301", ("<iwmo:Taal>Deens</iwmo:Taal>", ""))),
    (
        "CD043",
        "WMO315",
        bewerk("WMO315", ("<wmo315:BeschikkingIngangsdatum>2023-06-01</wmo315:BeschikkingIngangsdatum>", "")),
    ),
    (
        "CD066",
        "WMO315",
        bewerk("WMO315", (VERWIJZER, VERWIJZER + "<iwmo:ZorgverlenerCode>12345678</iwmo:ZorgverlenerCode>")),
    ),
    ("CD067", "WMO315", bewerk("WMO315", ("<iwmo:Naam>Verwijzer Naam</iwmo:Naam>", ""))),
    (
        "CD068",
        "WMO315",
        bewerk(
            "WMO315",
            (
                "<iwmo:Type>04</iwmo:Type>" + VERWIJZER,
                "<iwmo:Type>01</iwmo:Type>"
                + VERWIJZER
                + "<iwmo:ZorgverlenerCode>12345678</iwmo:ZorgverlenerCode>",
            ),
        ),
    ),
    (
        "CS050",
        "WMO301",
        bewerk(
            "WMO301",
            (
                "<iwmo:Partnernaam><iwmo:Achternaam>Jansen</iwmo:Achternaam><iwmo:Voorvoegsel>van</iwmo:Voorvoegsel></iwmo:Partnernaam>",
                "",
            ),
        ),
    ),
    # level 3
    (
        "TR319",
        "WMO323",
        (
            bewerk(
                "WMO323",
                (EERSTE_PERIODE, EERSTE_PERIODE.replace("-04-01", "-05-01").replace("-04-30", "-05-31")),
            ),
            geschiedenis(),
        ),
    ),
    (
        "TR387",
        "WMO323",
        (bewerk("WMO323", (EERSTE_PERIODE, EERSTE_PERIODE.replace("-04-01", "-04-02"))), geschiedenis()),
    ),
    (
        "TR388",
        "WMO323",
        (bewerk("WMO323", (EERSTE_PERIODE, EERSTE_PERIODE.replace("-04-30", "-04-29"))), geschiedenis()),
    ),
    (
        "TR389",
        "WMO323",
        (
            voorbeeld("WMO323"),
            GeheugenGeschiedenis(
                toegewezen=geschiedenis().toegewezen,
                eerdere_prestaties=[
                    EerderePrestatie("RN000", AGB, 20072, dt.date(2023, 4, 1), dt.date(2023, 4, 30), 4, "04")
                ],
            ),
        ),
    ),
    (
        "TR390",
        "WMO323",
        (
            bewerk(
                "WMO323",
                (
                    "<iwmo:ReferentieNummer>RN001</iwmo:ReferentieNummer>",
                    "<iwmo:ReferentieNummer>RN001</iwmo:ReferentieNummer><iwmo:VorigReferentieNummer>RN000</iwmo:VorigReferentieNummer>",
                ),
                (
                    "<iwmo:Bedrag>5000</iwmo:Bedrag><iwmo:DebetCredit>D",
                    "<iwmo:Bedrag>5000</iwmo:Bedrag><iwmo:DebetCredit>C",
                ),
                ("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>48000"),
            ),
            GeheugenGeschiedenis(
                toegewezen=geschiedenis().toegewezen,
                eerdere_prestaties=[
                    EerderePrestatie("RN000", AGB, 20072, dt.date(2023, 3, 1), dt.date(2023, 3, 31), 4, "04"),
                    EerderePrestatie(
                        "RN00C",
                        AGB,
                        20072,
                        dt.date(2023, 3, 1),
                        dt.date(2023, 3, 31),
                        4,
                        "04",
                        debet=False,
                        vorig_referentienummer="RN000",
                    ),
                ],
            ),
        ),
    ),
    ("TR369", "WMO323", (voorbeeld("WMO323"), geschiedenis(volume=None, budget=3))),
    (
        "TR357",
        "WMO317",
        (
            bewerk(
                "WMO317",
                (
                    "<wmo317:GewensteIngangsdatum>2023-04-02</wmo317:GewensteIngangsdatum><wmo317:Einddatum>2023-12-31</wmo317:Einddatum></wmo317:TeWijzigenProduct>",
                    "<wmo317:GewensteIngangsdatum>2023-03-01</wmo317:GewensteIngangsdatum><wmo317:Einddatum>2023-12-31</wmo317:Einddatum></wmo317:TeWijzigenProduct>",
                ),
            ),
            GEWIJZIGD_317,
        ),
    ),
    (
        "TR373",
        "WMO317",
        (
            bewerk(
                "WMO317",
                (
                    TE_WIJZIGEN_EIND,
                    TE_WIJZIGEN_EIND.replace(
                        "</wmo317:Einddatum>", "</wmo317:Einddatum><wmo317:Budget>500</wmo317:Budget>"
                    ),
                ),
            ),
            GeheugenGeschiedenis(
                toegewezen=[
                    _toewijzing(10071, "999900006", None),
                    _toewijzing(10072, "999900006", None, budget=400, volume=None),
                ]
            ),
        ),
    ),
    (
        "TR411",
        "WMO317",
        (
            voorbeeld("WMO317"),
            GeheugenGeschiedenis(
                toegewezen=[
                    _toewijzing(10071, "999900006", None),
                    _toewijzing(10072, "999900006", "01A12", ingangsdatum=dt.date(2023, 4, 2)),
                ]
            ),
        ),
    ),
    (
        "TR412",
        "WMO317",
        (
            bewerk(
                "WMO317",
                (
                    TE_WIJZIGEN_EIND,
                    TE_WIJZIGEN_EIND.replace("</wmo317:Einddatum>", "</wmo317:Einddatum>" + OMVANG_317),
                ),
            ),
            GEWIJZIGD_317,
        ),
    ),
    (
        "TR056",
        "WMO323",
        (voorbeeld("WMO323"), GeheugenGeschiedenis(berichten={("WMO323", AGB, "765432198")})),
    ),
    ("TR019", "WMO305", (bewerk("WMO305", (">300201<", ">399999<")), geschiedenis())),
    ("TR338", "WMO323", (bewerk("WMO323", (">20072<", ">29999<")), geschiedenis())),
    ("TR304", "WMO323", (bewerk("WMO323", (">20072<", ">20074<")), geschiedenis())),
    ("TR307", "WMO323", (voorbeeld("WMO323"), geschiedenis(ingangsdatum=dt.date(2023, 4, 10)))),
    ("TR308", "WMO323", (voorbeeld("WMO323"), geschiedenis(einddatum=dt.date(2023, 4, 20)))),
    ("TR339", "WMO323", (voorbeeld("WMO323"), geschiedenis(categorie="02"))),
    ("TR340", "WMO323", (voorbeeld("WMO323"), geschiedenis(code="01A09"))),
    ("TR341", "WMO323", (voorbeeld("WMO323"), geschiedenis(eenheid="14"))),
    ("TR321", "WMO323", (voorbeeld("WMO323"), geschiedenis(volume=3))),
    (
        "TR322",
        "WMO323",
        (
            voorbeeld("WMO323"),
            GeheugenGeschiedenis(
                toegewezen=geschiedenis(frequentie="6", volume=5).toegewezen,
                eerdere_prestaties=[
                    EerderePrestatie("RN000", AGB, 20072, dt.date(2023, 3, 1), dt.date(2023, 3, 31), 4, "04")
                ],
            ),
        ),
    ),
    ("TR314", "WMO323", None),
    ("TR323", "WMO323", None),
    (
        "TR333",
        "WMO323",
        (
            voorbeeld("WMO323"),
            GeheugenGeschiedenis(toegewezen=geschiedenis().toegewezen, declaratienummers={(AGB, "DN001")}),
        ),
    ),
    ("TR384", "WMO323", (voorbeeld("WMO323"), geschiedenis(reden_wijziging="13"))),
    ("TR349", "WMO317", None),
    ("TR350", "WMO317", (bewerk("WMO317", (">10071<", ">10079<")), GEWIJZIGD_317)),
    ("TR351", "WMO317", (bewerk("WMO317", (">10072<", ">10079<")), GEWIJZIGD_317)),
    (
        "TR063",
        "WMO305",
        (bewerk("WMO305", ("<wmo305:StatusAanlevering>1", "<wmo305:StatusAanlevering>3")), geschiedenis()),
    ),
    (
        "TR074",
        "WMO305",
        (
            voorbeeld("WMO305"),
            met_leveringen(_levering("start", 300201, dt.date(2025, 4, 3), "01A11"), starts=False),
        ),
    ),
    (
        "TR326",
        "WMO305",
        (
            voorbeeld("WMO305"),
            met_leveringen(_levering("start", 300201, dt.date(2025, 3, 1), "01A11"), starts=False),
        ),
    ),
    (
        "TR071",
        "WMO305",
        (
            bewerk("WMO305", ("<wmo305:StatusAanlevering>1", "<wmo305:StatusAanlevering>3")),
            met_leveringen(
                _levering("start", 300201, dt.date(2025, 4, 3), "01A11"),
                _levering(
                    "stop",
                    300201,
                    dt.date(2025, 4, 3),
                    "01A11",
                    einddatum=dt.date(2025, 5, 1),
                    reden_beeindiging="31",
                ),
                starts=False,
            ),
        ),
    ),
    (
        "TR382",
        "WMO307",
        (
            bewerk("WMO307", ("<wmo307:Begindatum>2025-04-03", "<wmo307:Begindatum>2025-04-02")),
            met_leveringen(),
        ),
    ),
    (
        "TR413",
        "WMO307",
        (
            bewerk("WMO307", ("<wmo307:RedenBeeindiging>31", "<wmo307:RedenBeeindiging>20")),
            met_leveringen(
                _levering(
                    "stop",
                    300201,
                    dt.date(2025, 4, 3),
                    "01A11",
                    einddatum=dt.date(2025, 5, 1),
                    reden_beeindiging="20",
                )
            ),
        ),
    ),
    (
        "TR414",
        "WMO307",
        (
            bewerk("WMO307", ("<wmo307:RedenBeeindiging>31", "<wmo307:RedenBeeindiging>20")),
            met_leveringen(
                _levering(
                    "stop",
                    300201,
                    dt.date(2025, 4, 3),
                    "01A11",
                    einddatum=dt.date(2025, 8, 1),
                    reden_beeindiging="20",
                )
            ),
        ),
    ),
    (
        "TR415",
        "WMO307",
        (
            voorbeeld("WMO307"),
            met_leveringen(
                _levering(
                    "stop",
                    300201,
                    dt.date(2025, 4, 3),
                    "01A11",
                    einddatum=dt.date(2025, 6, 1),
                    reden_beeindiging="31",
                )
            ),
        ),
    ),
    (
        "TR361",
        "WMO317",
        (
            voorbeeld("WMO317"),
            GeheugenGeschiedenis(
                toegewezen=[_toewijzing(10071, "999900006", "01A12"), GEWIJZIGD_317.toegewezen[1]]
            ),
        ),
    ),
    (
        "TR347",
        "WMO315",
        (voorbeeld("WMO315"), GeheugenGeschiedenis(referenties_aanbieder={(AGB_315, "42420002")})),
    ),
    (
        "TR374",
        "WMO317",
        (
            voorbeeld("WMO317"),
            GeheugenGeschiedenis(
                toegewezen=GEWIJZIGD_317.toegewezen, onderhanden_verzoeken={(AGB, "999900006")}
            ),
        ),
    ),
    # level 4
    ("TR135", "WMO319", bewerk("WMO319", ("<iwmo:Dagtekening>2023-04-02", "<iwmo:Dagtekening>2027-04-02"))),
    ("TR378", "WMO323", bewerk("WMO323", ("<wmo323:Ontvanger>0384", "<wmo323:Ontvanger>0001"))),
    ("TR381", "WMO323", bewerk("WMO323", ("<wmo323:Ontvanger>0384", "<wmo323:Ontvanger>9999"))),
]

CREDIT = (
    "<iwmo:ReferentieNummer>RN002</iwmo:ReferentieNummer>",
    "<iwmo:ReferentieNummer>RN002</iwmo:ReferentieNummer><iwmo:VorigReferentieNummer>RN009</iwmo:VorigReferentieNummer>",
)


def _wmo325(toegekend: str = "34000") -> bytes:
    """A declaratie-antwoord on the example 323 with RN002 rejected; ``toegekend`` overrides the total."""
    from maatwerk.iwmo.retour import bouw_wmo325

    xml = bouw_wmo325(valideer(voorbeeld("WMO323")), "A1", dt.date(2023, 5, 8), {"RN002": ["0611"]})
    return xml.replace(b"<iwmo:TotaalBedrag>34000<", f"<iwmo:TotaalBedrag>{toegekend}<".encode())


NIEUW = {
    "TR342": _wmo325("35000"),
    "TR315": bewerk(
        "WMO323",
        CREDIT,
        (
            "<iwmo:ReferentieNummer>RN004</iwmo:ReferentieNummer>",
            "<iwmo:ReferentieNummer>RN004</iwmo:ReferentieNummer><iwmo:VorigReferentieNummer>RN009</iwmo:VorigReferentieNummer>",
        ),
    ),
    "TR316": bewerk("WMO323", (CREDIT[0], CREDIT[1].replace("RN009", "RN001"))),
    "TR335": bewerk(
        "WMO323", ("<wmo323:DeclaratieDagtekening>2023-05-06", "<wmo323:DeclaratieDagtekening>2029-05-06")
    ),
    "TR352": bewerk(
        "WMO317",
        (
            re.search(
                r"<wmo317:OngewijzigdeProducten>.*?</wmo317:TeWijzigenProducten>",
                voorbeeld("WMO317").decode(),
                re.S,
            ).group(0),
            "",
        ),
    ),  # type: ignore[union-attr]
    "TR353": bewerk(
        "WMO317",
        (
            re.search(
                r"<wmo317:TeWijzigenProducten>.*?</wmo317:NieuweProducten>",
                voorbeeld("WMO317").decode(),
                re.S,
            ).group(0),
            "",
        ),
    ),  # type: ignore[union-attr]
    "TR386": bewerk(
        "WMO315",
        (
            "<iwmo:Categorie>02</iwmo:Categorie>\n\t\t\t\t\t<iwmo:Code>BCDEF",
            "<iwmo:Categorie>01</iwmo:Categorie>\n\t\t\t\t\t<iwmo:Code>ABCDE",
        ),
    ),
    "TR410": dubbel_product("WMO317", "NieuwProduct"),
    "CS100": bewerk("WMO323", ("<iwmo:Begindatum>2023-04-01", "<iwmo:Begindatum>2020-04-01")),
    "CS339": bewerk(
        "WMO323",
        (
            "<wmo323:Eenheid>04</wmo323:Eenheid>\n\t\t\t\t\t\t<wmo323:ProductTarief>1250</wmo323:ProductTarief>",
            "<wmo323:Eenheid>83</wmo323:Eenheid>",
        ),
    ),
    "CS325": bewerk(
        "WMO323",
        (
            "<iwmo:Bedrag>5000</iwmo:Bedrag>\n\t\t\t\t\t\t\t<iwmo:DebetCredit>D",
            "<iwmo:Bedrag>0</iwmo:Bedrag>\n\t\t\t\t\t\t\t<iwmo:DebetCredit>C",
        ),
    ),
    "CD060": bewerk("WMO323", CREDIT),
    "CS335": bewerk(
        "WMO301",
        (
            "<wmo301:Einddatum>2023-12-31</wmo301:Einddatum>",
            "<wmo301:Einddatum>2023-12-31</wmo301:Einddatum><wmo301:RedenWijziging>13</wmo301:RedenWijziging>",
        ),
    ),
    "CS336": bewerk(
        "WMO301",
        (
            "<wmo301:Einddatum>2023-12-31</wmo301:Einddatum>",
            "<wmo301:Einddatum>2023-12-31</wmo301:Einddatum><wmo301:RedenWijziging>01</wmo301:RedenWijziging>",
        ),
    ),
    "CD041": bewerk(
        "WMO315",
        (re.search(r"<wmo315:Omvang>.*?</wmo315:Omvang>", voorbeeld("WMO315").decode(), re.S).group(0), ""),
    ),  # type: ignore[union-attr]
    "CD078": bewerk("WMO301", ("</wmo301:Omvang>", "</wmo301:Omvang><wmo301:Budget>100</wmo301:Budget>")),
    "TR314": (
        voorbeeld("WMO323"),
        GeheugenGeschiedenis(
            toegewezen=geschiedenis().toegewezen,
            eerdere_prestaties=[
                EerderePrestatie("RN003", AGB, 20074, dt.date(2023, 3, 1), dt.date(2023, 3, 31), 4, "04")
            ],
        ),
    ),
    "TR323": (
        bewerk(
            "WMO323",
            CREDIT,
            (
                "<iwmo:Bedrag>24000</iwmo:Bedrag>\n\t\t\t\t\t\t\t<iwmo:DebetCredit>D",
                "<iwmo:Bedrag>24000</iwmo:Bedrag>\n\t\t\t\t\t\t\t<iwmo:DebetCredit>C",
            ),
            ("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>10000"),
        ),
        geschiedenis(),
    ),
    "TR349": (
        voorbeeld("WMO317"),
        GeheugenGeschiedenis(toegewezen=[*GEWIJZIGD_317.toegewezen, _toewijzing(10073, "999900006", None)]),
    ),
}


def _geval(code: str, bericht: str, xml: object) -> tuple[bytes, GeheugenGeschiedenis | None]:
    xml = NIEUW[code] if xml is None else xml
    return xml if isinstance(xml, tuple) else (xml, None)  # type: ignore[return-value]


@pytest.mark.parametrize(("code", "bericht", "xml"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_regel_vangt_een_overtredend_bericht(code: str, bericht: str, xml: object) -> None:
    inhoud, historie = _geval(code, bericht, xml)
    if catalogus().regels[code].niveau == 3 and historie is None:
        historie = geschiedenis()
    schone_historie = SCHOON.get(bericht, geschiedenis()) if historie is not None else None
    schoon = valideer(_wmo325() if bericht == "WMO325" else voorbeeld(bericht), schone_historie, VANDAAG)
    assert code not in {o.regel for o in schoon.overtredingen}, schoon.als_lijst()
    resultaat = valideer(inhoud, historie, VANDAAG)
    assert resultaat.xsd_geldig if hasattr(resultaat, "xsd_geldig") else not resultaat.xsd_fouten, (
        resultaat.als_lijst()
    )
    gevonden = [o for o in resultaat.overtredingen if o.regel == code]
    assert gevonden, resultaat.als_lijst()
    assert all(o.retourcode == catalogus().regels[code].retourcode for o in gevonden)
    assert all(o.tekst for o in gevonden)


def test_elke_geimplementeerde_regel_heeft_een_test() -> None:
    getest = {g[0] for g in GEVALLEN}
    assert set(CONTROLES) - getest == set()


def test_catalogus_status_klopt_met_de_code() -> None:
    regels = catalogus().regels
    assert set(CONTROLES) <= set(regels)
    for code, regel in regels.items():
        assert (regel.status == "geimplementeerd") == (code in CONTROLES), code
        assert regel.status == "geimplementeerd" or regel.toelichting, f"{code}: zeg waarom (nog) niet"
        assert regel.bron.verwijzing and regel.definitie


def test_docs_noemen_elke_regel() -> None:
    """docs/iwmo.md lists every rule of the catalogue under the right heading."""
    tekst = (Path(__file__).resolve().parents[2] / "docs" / "iwmo.md").read_text(encoding="utf-8")
    niet = tekst.split("### Nog niet geïmplementeerd", 1)
    assert len(niet) == 2
    for code, regel in catalogus().regels.items():
        deel = niet[0] if regel.status == "geimplementeerd" else niet[1]
        assert f"| {code} |" in deel, code


def test_9321_op_de_prestatie_boven_het_toegewezen_volume() -> None:
    """Three prestaties, one over the toegewezen volume: only that one gets 9321 (TR321, IV077)."""
    historie = geschiedenis()
    xml = bewerk("WMO323", ("<wmo323:GeleverdVolume>16", "<wmo323:GeleverdVolume>21"))
    resultaat = valideer(xml, historie, VANDAAG)
    assert [
        (o.klasse.get("ProductReferentie/ReferentieNummer"), o.retourcode) for o in resultaat.overtredingen
    ] == [("RN002", "9321")]


def test_hbh_per_week_mag_zesmaal_het_weekvolume() -> None:
    """IV077: category 01 with frequency per week: at most 6 x the weekly volume per productperiode."""
    xml = bewerk("WMO323", ("<wmo323:GeleverdVolume>4<", "<wmo323:GeleverdVolume>18<"))
    binnen = valideer(xml, geschiedenis(frequentie="2", volume=3), VANDAAG)
    assert "TR321" not in {o.regel for o in binnen.overtredingen}
    xml = bewerk("WMO323", ("<wmo323:GeleverdVolume>4<", "<wmo323:GeleverdVolume>19<"))
    buiten = valideer(xml, geschiedenis(frequentie="2", volume=3), VANDAAG)
    assert "TR321" in {o.regel for o in buiten.overtredingen}


class AlleenToewijzingen:
    """A Berichtgeschiedenis without ``leveringen`` (like a database adapter that has no start/stop yet)."""

    def __init__(self) -> None:
        self._g = geschiedenis()

    def __getattr__(self, naam: str) -> object:
        if naam == "leveringen":
            raise AttributeError(naam)
        return getattr(self._g, naam)


def test_start_stop_regels_vragen_een_leveringsgeschiedenis() -> None:
    xml = bewerk("WMO305", ("<wmo305:StatusAanlevering>1", "<wmo305:StatusAanlevering>3"))
    resultaat = valideer(xml, AlleenToewijzingen(), VANDAAG)  # type: ignore[arg-type]
    assert "TR063" not in {o.regel for o in resultaat.overtredingen}
    assert "TR063" in resultaat.niet_gecontroleerd[3]
    assert "TR063" in {o.regel for o in valideer(xml, geschiedenis(), VANDAAG).overtredingen}


def test_zonder_geschiedenis_wordt_niveau_3_niet_gecontroleerd() -> None:
    resultaat = valideer(voorbeeld("WMO323"), None, VANDAAG)
    assert 3 in resultaat.niet_gecontroleerd and resultaat.geldig
