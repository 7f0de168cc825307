"""Worked examples of the Awb terms after the Algemene termijnenwet, each with its source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from maatwerk.regels.laden import Regelfout, laad
from maatwerk.termijnen import (
    OngeldigeTermijn,
    atw_van_toepassing,
    beslistermijn_bezwaar,
    bezwaartermijn,
    dwangsom,
    klachttermijn,
    wettelijke_termijn,
)
from maatwerk.termijnen.regels import Awbtermijnen, Feestdagen, awb_op

D = dt.date


def test_bezwaartermijn_zes_weken_vanaf_de_dag_na_bekendmaking():
    # Awb 6:7 and 6:8 lid 1: made known Monday 5 January 2026 -> 6 January up to and including 16 February.
    t = bezwaartermijn(D(2026, 1, 5))
    assert (t.begindatum, t.einddatum, t.verschoven) == (D(2026, 1, 6), D(2026, 2, 16), None)
    assert any("6:7" in g for g in t.grondslag) and any("6:8" in g for g in t.grondslag)


def test_bezwaartermijn_over_hemelvaart_en_brugdag():
    # Atw art. 1 lid 1 and art. 3: 14 May 2026 is Hemelvaartsdag, 15 May equated (Besluit 2026-2028),
    # then the weekend: the last day is Monday 18 May.
    t = bezwaartermijn(D(2026, 4, 2))
    assert t.einddatum == D(2026, 5, 18)
    assert t.verschoven is not None and t.verschoven.van == D(2026, 5, 14)
    assert "Hemelvaartsdag" in t.verschoven.reden and "art. 1 lid 1" in t.verschoven.reden


@pytest.mark.parametrize(
    ("bekendgemaakt", "einde", "reden"),
    [
        (D(2026, 3, 16), D(2026, 4, 28), "Koningsdag"),  # 27 April 2026 is a Monday
        (D(2026, 5, 16), D(2026, 6, 29), "zaterdag"),
        (D(2026, 11, 13), D(2026, 12, 28), "Eerste Kerstdag"),
        (D(2025, 11, 21), D(2026, 1, 5), "gelijkgestelde dag"),  # 2 January 2026
        (D(2026, 2, 20), D(2026, 4, 7), "Goede Vrijdag"),  # 3 April, then weekend and Tweede Paasdag
    ],
)
def test_verschoven_einddata(bekendgemaakt, einde, reden):
    t = bezwaartermijn(bekendgemaakt)
    assert t.einddatum == einde
    assert t.verschoven is not None and reden in t.verschoven.reden


def test_beslistermijn_na_afloop_van_de_bezwaartermijn():
    # Awb 7:10 lid 1: from the day after the bezwaartermijn ended (16 February 2026): 6 weeks -> 30 March.
    t = beslistermijn_bezwaar(D(2026, 1, 5))
    assert (t.begindatum, t.einddatum) == (D(2026, 2, 17), D(2026, 3, 30))
    # With a commissie (7:13): 12 weeks -> 11 May 2026; verdaagd (7:10 lid 3) by 6 weeks -> 22 June 2026.
    assert beslistermijn_bezwaar(D(2026, 1, 5), commissie=True).einddatum == D(2026, 5, 11)
    assert beslistermijn_bezwaar(D(2026, 1, 5), commissie=True, verdaagd=True).einddatum == D(2026, 6, 22)
    assert beslistermijn_bezwaar(D(2026, 1, 5), verdaagd=True, verdaging_weken=2).einddatum == D(2026, 4, 13)


def test_beslistermijn_telt_vanaf_de_verschoven_bezwaartermijn():
    # Bezwaartermijn ends 18 May 2026 (Atw); the decision term starts 19 May and ends 29 June 2026.
    t = beslistermijn_bezwaar(D(2026, 4, 2))
    assert (t.begindatum, t.einddatum) == (D(2026, 5, 19), D(2026, 6, 29))


def test_te_laat_bezwaar_beslistermijn_vanaf_ontvangst():
    t = beslistermijn_bezwaar(D(2026, 1, 5), ontvangen=D(2026, 3, 2))
    assert (t.begindatum, t.einddatum) == (D(2026, 3, 3), D(2026, 4, 13))
    # Received in time: nothing changes.
    assert beslistermijn_bezwaar(D(2026, 1, 5), ontvangen=D(2026, 2, 1)).einddatum == D(2026, 3, 30)


def test_verdaging_binnen_de_wettelijke_grens():
    with pytest.raises(OngeldigeTermijn, match="1 tot en met 6 weken"):
        beslistermijn_bezwaar(D(2026, 1, 5), verdaagd=True, verdaging_weken=7)
    with pytest.raises(OngeldigeTermijn, match="1 tot en met 4 weken"):
        klachttermijn(D(2026, 1, 5), verdaagd=True, verdaging_weken=5)


def test_klachttermijn():
    # Awb 9:11: six weeks after receipt, ten with a klachtadviescommissie (9:14), + at most four weeks.
    assert klachttermijn(D(2026, 1, 5)).einddatum == D(2026, 2, 16)
    assert klachttermijn(D(2026, 1, 5), commissie=True).einddatum == D(2026, 3, 16)
    assert klachttermijn(D(2026, 1, 5), commissie=True, verdaagd=True).einddatum == D(2026, 4, 13)


def test_atw_artikel_4_en_2():
    assert atw_van_toepassing(weken=12) and not atw_van_toepassing(weken=13)
    assert atw_van_toepassing(dagen=90) and not atw_van_toepassing(dagen=91)
    # More than twelve weeks: no Atw; the term may end on a Saturday.
    t = wettelijke_termijn(D(2026, 1, 3), weken=13)
    assert t.einddatum == D(2026, 4, 4) and t.einddatum.weekday() == 5 and t.verschoven is None
    # Art. 2: a 3-day term after 23 December 2026 holds two working days (24 and 28 December).
    t = wettelijke_termijn(D(2026, 12, 23), dagen=3)
    assert t.einddatum == D(2026, 12, 28) and any("art. 2" in g for g in t.grondslag)
    with pytest.raises(OngeldigeTermijn):
        wettelijke_termijn(D(2026, 1, 1))


def test_dwangsom_4_17():
    einde = D(2026, 3, 30)
    assert dwangsom(einde, None, None, D(2026, 6, 1)).euro == 0
    te_vroeg = dwangsom(einde, D(2026, 3, 20), None, D(2026, 6, 1))
    assert te_vroeg.euro == 0 and "te vroeg" in te_vroeg.reden
    # Ingebrekestelling received Wednesday 1 April; two weeks -> 15 April; in default from 16 April.
    s = dwangsom(einde, D(2026, 4, 1), None, D(2026, 4, 20))
    assert s.in_gebreke_vanaf == D(2026, 4, 16) and s.dagen == 5 and s.euro == 5 * 23
    s = dwangsom(einde, D(2026, 4, 1), None, D(2026, 5, 20))
    assert s.dagen == 35 and s.euro == 14 * 23 + 14 * 35 + 7 * 45
    s = dwangsom(einde, D(2026, 4, 1), None, D(2026, 12, 1))
    assert s.dagen == 42 and s.euro == 1442 and "maximum" in s.reden
    s = dwangsom(einde, D(2026, 4, 1), D(2026, 4, 10), D(2026, 12, 1))
    assert s.euro == 0 and "geen dwangsom" in s.reden
    assert "4:17" in s.grondslag


def test_regels_hebben_een_bron_en_worden_gevalideerd(tmp_path: Path):
    regels = awb_op(D(2026, 1, 1))
    assert regels.termijnen["beslissing_op_bezwaar"].weken_met_commissie == 12
    assert "7:10" in regels.termijnen["beslissing_op_bezwaar"].bron.titel
    pad = tmp_path / "2020-01-01.yaml"
    pad.write_text(
        "id: awb-termijnen\nvalid_from: 2020-01-01\nomschrijving: x\ntermijnen:\n"
        "  bezwaar: {naam: B, weken: 6, weken_met_commissie: 4, bron: {titel: x}}\n"
        "dwangsom: {naam: d, ingebreke_na_weken: 2, maximum_dagen: 42,"
        " staffel: [{dagen: 14, euro_per_dag: 1}], bron: {titel: x}}\n",
        encoding="utf-8",
    )
    with pytest.raises(Regelfout) as fout:
        laad(Awbtermijnen, pad)
    tekst = str(fout.value)
    assert "korter" in tekst and "staffel" in tekst
    pad.write_text(
        "id: feestdagen\nvalid_from: 2020-01-01\nomschrijving: x\nvast: []\npasen: []\n"
        "koningsdag: {naam: K, maand: 4, dag: 27, op_zondag_verschuiven: -1, bron: {titel: x}}\n"
        "gelijkgesteld:\n  - {besluit: b, jaren: [2020], dagen: [2021-05-14], bron: {titel: x}}\n",
        encoding="utf-8",
    )
    with pytest.raises(Regelfout, match="buiten de jaren"):
        laad(Feestdagen, pad)
