"""Properties of the aggregation (hypothesis): a violation never improves a verdict, and filling in an
unknown fact never turns 'voldoet' into 'onbekend'."""

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from maatwerk.toets import toets_beleid
from maatwerk.toets.oordeel import RANG, Bevinding, aggregeer

HH = ["maatwerk", "algemene_voorziening", "afgeschaft", "onbekend"]
JA_NEE = [True, False, "onbekend"]
# Every field with an 'onbekend' value and its known values: (path, known values).
ONBEKENDE_VELDEN = {
    ("hh1",): HH[:3],
    ("hh2",): HH[:3],
    ("indicatie",): ["uren", "resultaat"],
    ("omvang_bepaald_door",): ["college", "aanbieder"],
    ("normering", "bron"): ["ciz", "eigen", "onafhankelijk_onderzoek", "geen"],
    ("normering", "t_o_v_ciz"): ["gelijk", "lager", "aanzienlijk_lager", "gemengd", "hoger"],
    ("normering", "maatwerk_toeslagen"): [True, False],
    ("inkomens_of_vermogenstoets",): [True, False],
    ("algemene_voorziening", "alleen_particuliere_markt_met_korting"): [True, False],
    ("algemene_voorziening", "financieel_laagdrempelig"): [True, False],
    ("pgb_weigering_bij_gecontracteerde_aanbieder",): [True, False],
}
SCHENDINGEN = [
    {"inkomens_of_vermogenstoets": True},
    {"pgb_weigering_bij_gecontracteerde_aanbieder": True},
    {"hh1": "afgeschaft"},
    {"normering": {"generieke_norm_uren_per_week": 2}},
    {"hh1": "maatwerk", "indicatie": "resultaat"},
    {"hh2": "maatwerk", "omvang_bepaald_door": "aanbieder"},
    {"hh1": "maatwerk", "beschikking_vermeldt": ["resultaat"]},
    {"hh1": "maatwerk", "normering": {"bron": "geen"}},
    {"hh1": "maatwerk", "normering": {"bron": "eigen", "t_o_v_ciz": "aanzienlijk_lager"}},
    {"hh1": "algemene_voorziening", "algemene_voorziening": {"alleen_particuliere_markt_met_korting": True}},
    {"hh2": "algemene_voorziening", "algemene_voorziening": {"financieel_laagdrempelig": False}},
]


GEEN_MAATWERK = {"algemene_voorziening", "afgeschaft"}


def _samenhangend(data: dict) -> bool:
    """A beschikking is only given for a maatwerkvoorziening: a policy describing its beschikking
    cannot have both hh1 and hh2 without maatwerk (the policy model refuses that)."""
    return "beschikking_vermeldt" not in data or not {data.get("hh1"), data.get("hh2")} <= GEEN_MAATWERK


def _zet(data: dict, pad: tuple[str, ...], waarde) -> dict:
    uit = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    if len(pad) == 1:
        uit[pad[0]] = waarde
    else:
        uit.setdefault(pad[0], {})[pad[1]] = waarde
    return uit


def _samenvoegen(basis: dict, extra: dict) -> dict:
    uit = dict(basis)
    for k, v in extra.items():
        uit[k] = {**uit.get(k, {}), **v} if isinstance(v, dict) else v
    return uit


@st.composite
def beleid(draw) -> dict:
    data: dict = {"gemeente": "Proefstad", "peildatum": dt.date(2018, 1, 1)}
    for pad, waarden in ONBEKENDE_VELDEN.items():
        keuze = draw(st.sampled_from([*waarden, "onbekend", None]))  # None = key left out
        if keuze is not None:
            data = _zet(data, pad, keuze)
    vermeldt = draw(
        st.none() | st.lists(st.sampled_from(["resultaat", "taak", "frequentie", "tijd"]), unique=True)
    )
    if vermeldt is not None and _samenhangend({**data, "beschikking_vermeldt": vermeldt}):
        data["beschikking_vermeldt"] = vermeldt
    if draw(st.booleans()):
        data = _zet(data, ("normering", "generieke_norm_uren_per_week"), draw(st.floats(0.5, 10)))
    return data


def _onbekende_velden(data: dict) -> list[tuple[tuple[str, ...], list]]:
    uit = []
    for pad, waarden in ONBEKENDE_VELDEN.items():
        waarde = data.get(pad[0]) if len(pad) == 1 else data.get(pad[0], {}).get(pad[1])
        if waarde in (None, "onbekend"):
            uit.append((pad, waarden))
    if "beschikking_vermeldt" not in data:
        uit.append((("beschikking_vermeldt",), [["tijd"], ["resultaat"], ["taak", "frequentie", "tijd"]]))
    # only fillings that keep the policy consistent (see _samenhangend)
    uit = [(pad, [w for w in waarden if _samenhangend(_zet(data, pad, w))]) for pad, waarden in uit]
    return [(pad, waarden) for pad, waarden in uit if waarden]


@settings(max_examples=300, deadline=None)
@given(beleid(), st.sampled_from(SCHENDINGEN))
def test_adding_a_violation_never_improves_the_verdict(data, schending):
    assume(_samenhangend(_samenvoegen(data, schending)))
    voor = toets_beleid(data)
    na = toets_beleid(_samenvoegen(data, schending))
    assert na.oordeel == "voldoet_niet"
    assert RANG[na.oordeel] <= RANG[voor.oordeel]


@settings(max_examples=300, deadline=None)
@given(beleid(), st.data())
def test_filling_in_an_unknown_never_turns_voldoet_into_onbekend(data, extra):
    voor = toets_beleid(data)
    open_ = _onbekende_velden(data)
    if voor.oordeel != "voldoet" or not open_:
        return
    pad, waarden = extra.draw(st.sampled_from(open_))
    na = toets_beleid(_zet(data, pad, extra.draw(st.sampled_from(waarden))))
    assert na.oordeel != "onbekend"


@settings(max_examples=200, deadline=None)
@given(beleid(), st.data())
def test_filling_in_unknowns_keeps_every_decided_finding(data, extra):
    voor = toets_beleid(data)
    na_data = data
    for pad, _ in _onbekende_velden(data):
        waarden = dict(_onbekende_velden(na_data)).get(pad)  # consistent with what is filled in so far
        if waarden and extra.draw(st.booleans()):
            na_data = _zet(na_data, pad, extra.draw(st.sampled_from(waarden)))
    na = toets_beleid(na_data)
    for b_voor, b_na in zip(voor.bevindingen, na.bevindingen, strict=True):
        if b_voor.oordeel != "onbekend":
            assert b_na.oordeel == b_voor.oordeel, b_voor.criterium


OORDELEN = ["voldoet", "voldoet_niet", "onbekend", "niet_van_toepassing"]
bevinding = st.builds(
    lambda i, o, e: Bevinding(f"c{i}", "t", "s", o, "g", "x", {}, e, None, ("f",) if o == "onbekend" else ()),
    st.integers(0, 9),
    st.sampled_from(OORDELEN),
    st.booleans(),
)


@given(st.lists(bevinding, max_size=8), st.booleans())
def test_aggregeer_adding_a_violating_finding_never_improves(bevindingen, essentieel):
    voor, _, _ = aggregeer(bevindingen)
    na, voorwaarden, _ = aggregeer(
        [*bevindingen, Bevinding("x", "t", "s", "voldoet_niet", "g", "x", {}, essentieel)]
    )
    assert na == "voldoet_niet" and voorwaarden == ()
    assert RANG[na] <= RANG[voor]


@given(st.lists(bevinding, max_size=8))
def test_aggregeer_onbekend_only_from_essential_findings(bevindingen):
    oordeel, _, ontbrekend = aggregeer(bevindingen)
    if oordeel == "onbekend":
        assert any(b.oordeel == "onbekend" and b.essentieel for b in bevindingen)
        assert ontbrekend
