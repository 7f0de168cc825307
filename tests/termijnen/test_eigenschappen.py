"""Hypothesis properties of the deadline arithmetic (pure, no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.termijnen import (
    beslistermijn_bezwaar,
    bezwaartermijn,
    is_werkdag,
    klachttermijn,
    werkdagen_na,
    wettelijke_termijn,
)

# Years 2026-2028 are covered by the Besluit gelijkstelling; leave room for 18 weeks + a few days.
datum = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2028, 6, 30))
INSTELLINGEN = settings(max_examples=300, deadline=None)


@INSTELLINGEN
@given(datum, st.booleans(), st.booleans())
def test_een_termijn_eindigt_nooit_op_een_weekend_of_feestdag(d, commissie, verdaagd):
    dag_erna = d + dt.timedelta(days=1)
    bezwaar = bezwaartermijn(d)
    beslis = beslistermijn_bezwaar(d, commissie=commissie, verdaagd=verdaagd)
    klacht = klachttermijn(d, commissie=commissie, verdaagd=verdaagd)
    for t in (bezwaar, beslis, klacht):
        assert is_werkdag(t.einddatum)
        assert t.begindatum <= t.einddatum
    assert bezwaar.begindatum == klacht.begindatum == dag_erna
    assert beslis.begindatum == bezwaar.einddatum + dt.timedelta(days=1)


@INSTELLINGEN
@given(datum, st.integers(1, 12), st.integers(0, 6))
def test_atw_verlengt_alleen_en_hoogstens_tot_de_eerstvolgende_werkdag(d, weken, dagen):
    t = wettelijke_termijn(d, weken=weken, dagen=dagen)
    berekend = d + dt.timedelta(weeks=weken, days=dagen)
    assert t.einddatum >= berekend
    assert all(not is_werkdag(berekend + dt.timedelta(days=i)) for i in range((t.einddatum - berekend).days))
    assert (t.verschoven is None) == (t.einddatum == berekend)


@INSTELLINGEN
@given(datum, st.booleans(), st.integers(1, 6))
def test_verdagen_verkort_nooit(d, commissie, weken):
    zonder = beslistermijn_bezwaar(d, commissie=commissie)
    met = beslistermijn_bezwaar(d, commissie=commissie, verdaagd=True, verdaging_weken=weken)
    assert met.einddatum > zonder.einddatum
    assert met.begindatum == zonder.begindatum
    kort = klachttermijn(d, commissie=commissie)
    lang = klachttermijn(d, commissie=commissie, verdaagd=True, verdaging_weken=min(weken, 4))
    assert lang.einddatum > kort.einddatum


@INSTELLINGEN
@given(datum, st.booleans())
def test_een_commissie_verkort_nooit(d, verdaagd):
    assert (
        beslistermijn_bezwaar(d, commissie=True, verdaagd=verdaagd).einddatum
        >= beslistermijn_bezwaar(d, verdaagd=verdaagd).einddatum
    )
    assert (
        klachttermijn(d, commissie=True, verdaagd=verdaagd).einddatum
        >= klachttermijn(d, verdaagd=verdaagd).einddatum
    )


@INSTELLINGEN
@given(datum, datum)
def test_later_bekendgemaakt_eindigt_nooit_eerder(a, b):
    a, b = min(a, b), max(a, b)
    assert bezwaartermijn(a).einddatum <= bezwaartermijn(b).einddatum
    assert beslistermijn_bezwaar(a).einddatum <= beslistermijn_bezwaar(b).einddatum


@INSTELLINGEN
@given(datum, st.integers(0, 40))
def test_werkdagen_na(d, n):
    uit = werkdagen_na(d, n)
    assert uit >= d
    if n:
        assert is_werkdag(uit)
        assert werkdagen_na(d, n + 1) > uit
        telling = sum(is_werkdag(d + dt.timedelta(days=i)) for i in range(1, (uit - d).days + 1))
        assert telling == n
