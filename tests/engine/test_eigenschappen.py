"""Hypothesis properties of the engine over random situations and every shipped normenkader."""

from __future__ import annotations

import datetime as dt
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.engine import Situatie, indiceer
from maatwerk.engine.berekening import rond_af
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN

PEIL = dt.date(2026, 3, 1)
NIVEAUS = ("zelf", "deels", "niet")
KADERS = st.sampled_from(
    [
        ("kpmg-hbel", "Voorbeeldstad"),
        ("ciz-protocol", "Voorbeeldstad"),
        ("h4", "Westland"),
        ("h4", "Delft"),
        ("denhaag-mwa", "Den Haag"),
        ("ho-2025", "Voorbeeldstad"),
    ]
)


def _datum(min_jaren: int, max_jaren: int):
    return st.integers(min_value=min_jaren * 366, max_value=max_jaren * 365).map(
        lambda d: (PEIL - dt.timedelta(days=d)).isoformat()
    )


lid = st.fixed_dictionaries(
    {
        "rol": st.sampled_from(["partner", "kind", "huisgenoot"]),
        "geboortedatum": _datum(0, 90),
        "kan_meedoen": st.sampled_from(["volledig", "deels", "niet"]),
    }
)

situaties = st.fixed_dictionaries(
    {
        "peildatum": st.just(PEIL.isoformat()),
        "client": st.fixed_dictionaries({"geboortedatum": _datum(18, 100)}),
        "huishouden": st.lists(lid, max_size=3),
        "woning": st.fixed_dictionaries(
            {
                "kamers_in_gebruik": st.integers(0, 8),
                "kamers_niet_in_gebruik": st.integers(0, 3),
                "trap": st.booleans(),
            }
        ),
        "beperkingen": st.fixed_dictionaries({c: st.sampled_from(NIVEAUS) for c in CATEGORIEEN}),
        "omstandigheden": st.fixed_dictionaries({o: st.booleans() for o in OMSTANDIGHEDEN}),
        "netwerk": st.lists(
            st.fixed_dictionaries(
                {
                    "wie": st.just("buur"),
                    "taak": st.sampled_from(CATEGORIEEN),
                    "minuten_per_week": st.integers(1, 200),
                }
            ),
            max_size=2,
        ),
        "algemene_voorzieningen": st.lists(
            st.sampled_from(
                [
                    "was_en_strijkservice",
                    "maaltijdvoorziening",
                    "boodschappendienst",
                    "huishoudelijke_hulp_toelage",
                ]
            ),
            unique=True,
            max_size=2,
        ).flatmap(
            lambda namen: st.tuples(
                *(
                    st.one_of(
                        st.just(n),  # the old form: in use, not assessed
                        st.fixed_dictionaries(
                            {
                                "voorziening": st.just(n),
                                "passend": st.sampled_from(["ja", "nee", None]),
                                "financieel_toegankelijk": st.sampled_from(["ja", "nee", None]),
                            }
                        ),
                    )
                    for n in namen
                )
            ).map(list)
        ),
        "veel_eigen_kracht": st.booleans(),
    }
)

INSTELLING = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ind(data: dict, kader: tuple[str, str]):
    return indiceer(Situatie.model_validate({**data, "gemeente": kader[1]}), kader=kader[0])


@INSTELLING
@given(
    data=situaties,
    kader=KADERS,
    categorie=st.sampled_from(CATEGORIEEN),
    omstandigheid=st.sampled_from(OMSTANDIGHEDEN),
)
def test_meer_beperkingen_nooit_minder_minuten(data, kader, categorie, omstandigheid):
    basis = _ind(data, kader).totaal_minuten_per_week
    niveau = data["beperkingen"][categorie]
    if niveau != "niet":
        hoger = NIVEAUS[NIVEAUS.index(niveau) + 1]
        zwaarder = {**data, "beperkingen": {**data["beperkingen"], categorie: hoger}}
        assert _ind(zwaarder, kader).totaal_minuten_per_week >= basis
    if not data["omstandigheden"][omstandigheid]:
        meer = {**data, "omstandigheden": {**data["omstandigheden"], omstandigheid: True}}
        assert _ind(meer, kader).totaal_minuten_per_week >= basis


@INSTELLING
@given(data=situaties, kader=KADERS, leeftijd=st.integers(18, 90))
def test_capabele_volwassen_partner_verhoogt_nooit(data, kader, leeftijd):
    data = {**data, "omstandigheden": {**data["omstandigheden"], "overbelaste_mantelzorger": False}}
    zonder = _ind(data, kader).totaal_minuten_per_week
    partner = {
        "rol": "partner",
        "geboortedatum": dt.date(PEIL.year - leeftijd, 1, 1).isoformat(),
        "kan_meedoen": "volledig",
    }
    met = _ind({**data, "huishouden": [*data["huishouden"], partner]}, kader)
    assert met.totaal_minuten_per_week <= zonder


@INSTELLING
@given(data=situaties, kader=KADERS)
def test_totalen_zijn_de_som_van_de_delen(data, kader):
    ind = _ind(data, kader)
    # pure and deterministic, and the JSON form is plain JSON
    assert json.loads(json.dumps(ind.as_json())) == _ind(data, kader).as_json()
    assert ind.totaal_minuten_per_week == sum(a.minuten_per_week for a in ind.activiteiten)
    assert ind.totaal_minuten_per_week == sum(g.minuten_per_week for g in ind.resultaatgebieden)
    for g in ind.resultaatgebieden:
        assert g.minuten_per_week == sum(
            a.minuten_per_week for a in ind.activiteiten if a.resultaatgebied == g.id
        )
    assert ind.uren_per_week == round(ind.totaal_minuten_per_week / 60, 2)
    assert ind.uren_per_jaar == round(ind.totaal_minuten_per_week * 52 / 60, 2)
    for a in ind.activiteiten:
        # the trace explains every minute: the effects add up to the result
        assert math.isclose(sum(s.effect_minuten for s in a.trace), a.minuten_per_week, abs_tol=1e-6)
        assert all(s.kader == ind.kader and s.versie == ind.kader_versie and s.bron for s in a.trace)


@INSTELLING
@given(data=situaties, kader=KADERS)
def test_afronding_omhoog_op_hele_minuten(data, kader):
    for a in _ind(data, kader).activiteiten:
        voor_afronding = sum(s.effect_minuten for s in a.trace if not s.regel.endswith(".afronding"))
        assert a.minuten_per_week == math.ceil(round(voor_afronding, 6))
        assert 0 <= a.minuten_per_week - voor_afronding < 1 + 1e-9


@given(
    x=st.floats(min_value=0, max_value=10_000, allow_nan=False),
    stap=st.sampled_from([1, 5, 15, 30]),
    richting=st.sampled_from(["omhoog", "dichtstbij", "omlaag"]),
)
def test_rond_af(x, stap, richting):
    y = rond_af(x, stap, richting)
    assert y % stap == 0
    assert abs(y - x) <= stap
    if richting == "omhoog":
        assert y >= round(x, 6)
    elif richting == "omlaag":
        assert y <= round(x, 6)
    else:
        assert abs(y - x) <= stap / 2 + 1e-6


@INSTELLING
@given(data=situaties, kader=KADERS)
def test_voorbeeldvlag_volgt_de_trace(data, kader):
    ind = _ind(data, kader)
    if any(s.voorbeeld for a in ind.activiteiten for s in a.trace):
        assert ind.voorbeeldwaarden
    if ind.voorbeeldwaarden:
        assert "VOORBEELD" in ind.uitleg
