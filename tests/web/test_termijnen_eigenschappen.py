"""Property tests for the deadline arithmetic with opschortingen (pure, no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.apps.cases.models import Opschorting
from maatwerk.apps.cases.termijnen import bereken
from maatwerk.apps.cases.termijnregels import termijnregels_op

START = dt.date(2026, 1, 5)
REGEL = termijnregels_op(START).termijnen["beschikking"]

opschorting = st.builds(
    lambda van, duur, open_: Opschorting(
        van=START + dt.timedelta(days=van),
        tot=None if open_ else START + dt.timedelta(days=van + duur),
        reden="x",
    ),
    st.integers(-10, 60),
    st.integers(0, 30),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(opschorting, max_size=4), st.integers(0, 120))
def test_opschorting_verkort_nooit_en_telt_hoogstens_de_opgeschorte_dagen(opschortingen, dag):
    vandaag = START + dt.timedelta(days=dag)
    basis, _ = bereken(REGEL, START, [], vandaag, None)
    uiterlijk, extra = bereken(REGEL, START, opschortingen, vandaag, None)
    assert basis == START + REGEL.duur
    assert uiterlijk == basis + dt.timedelta(days=extra)
    dagen = {
        o.van + dt.timedelta(days=i)
        for o in opschortingen
        for i in range(((o.tot or vandaag) - o.van).days + 1)
    }
    assert 0 <= extra <= len(dagen)  # overlapping suspensions count once


@settings(max_examples=200, deadline=None)
@given(st.lists(opschorting, max_size=3), opschorting, st.integers(0, 120))
def test_extra_opschorting_schuift_de_termijn_nooit_naar_voren(opschortingen, nog_een, dag):
    vandaag = START + dt.timedelta(days=dag)
    zonder, _ = bereken(REGEL, START, opschortingen, vandaag, None)
    met, _ = bereken(REGEL, START, [*opschortingen, nog_een], vandaag, None)
    assert met >= zonder


def test_overlappende_opschortingen_tellen_een_keer():
    a = Opschorting(van=START + dt.timedelta(days=2), tot=START + dt.timedelta(days=8), reden="x")
    b = Opschorting(van=START + dt.timedelta(days=5), tot=START + dt.timedelta(days=10), reden="y")
    _, extra = bereken(REGEL, START, [a, b], START + dt.timedelta(days=60), None)
    assert extra == 9


@given(st.integers(0, 60), st.integers(0, 30))
def test_opschorting_na_de_termijn_telt_niet(na, duur):
    o = Opschorting(
        van=START + REGEL.duur + dt.timedelta(days=1 + na),
        tot=START + REGEL.duur + dt.timedelta(days=1 + na + duur),
        reden="x",
    )
    uiterlijk, extra = bereken(REGEL, START, [o], START + dt.timedelta(days=200), None)
    assert extra == 0 and uiterlijk == START + REGEL.duur
