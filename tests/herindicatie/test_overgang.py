"""Hand-checked cases for every transition rule, including the 3 h / 6 h / 80-year boundaries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.herindicatie.overgang import (
    Afwijkingsbesluit,
    beleid_ids,
    bepaal_overgang,
    laad_beleid,
    leeftijd,
    plus_maanden,
    versies,
)
from maatwerk.regels.laden import Regelfout

PEIL = dt.date(2017, 6, 5)
JONG = dt.date(1950, 1, 1)  # 67 on the peildatum


@pytest.fixture(scope="module")
def denhaag():
    return laad_beleid("denhaag-2017", PEIL)


@pytest.fixture(scope="module")
def westland():
    return laad_beleid("westland-2019", dt.date(2019, 9, 2))


def test_shipped_policies_load_without_overlap():
    assert {"denhaag-2017", "westland-2019"} <= set(beleid_ids())
    assert [v.valid_from for v in versies("westland-2019")] == [dt.date(2019, 1, 1), dt.date(2019, 8, 1)]
    # The version valid in spring 2019 has no aanvullende ondersteuning yet (introduced 1 August 2019).
    assert laad_beleid("westland-2019", dt.date(2019, 3, 1)).aanvullende_ondersteuning is None


def test_policy_not_valid_before_it_started():
    with pytest.raises(Regelfout, match="geldt niet op 2017-06-04"):
        laad_beleid("denhaag-2017", dt.date(2017, 6, 4))


def test_unknown_policy_names_the_shipped_ones():
    with pytest.raises(Regelfout, match="beschikbaar: denhaag-2017"):
        laad_beleid("bestaat-niet")


@pytest.mark.parametrize(
    ("oude_uren", "nieuw", "intensiteit", "regel"),
    [
        ("3.0", "basis", "basis", "denhaag-2017/geen"),  # exactly 3 h is not "meer dan 3"
        ("3.01", "basis", "plus", "denhaag-2017/meer-dan-3-uur"),
        ("4.5", "basis", "plus", "denhaag-2017/meer-dan-3-uur"),
        ("4.5", "plus", "plus", "denhaag-2017/geen"),  # already Plus: nothing to soften
        ("6.0", "basis", "plus", "denhaag-2017/meer-dan-3-uur"),  # exactly 6 h is not "meer dan 6"
        ("6.01", "basis", "intensief", "denhaag-2017/meer-dan-6-uur"),
        ("6.01", "plus", "intensief", "denhaag-2017/meer-dan-6-uur"),
        ("7", "intensief", "intensief", "denhaag-2017/geen"),
        ("1", "basis", "basis", "denhaag-2017/geen"),
        ("4", "geen", "plus", "denhaag-2017/meer-dan-3-uur"),  # no help at all is lower than Basis
        ("2", "geen", "geen", "denhaag-2017/geen"),
    ],
)
def test_denhaag_thresholds(denhaag, oude_uren, nieuw, intensiteit, regel):
    uit = bepaal_overgang(
        denhaag, oude_uren=oude_uren, geboortedatum=JONG, peildatum=PEIL, nieuwe_intensiteit=nieuw
    )
    assert (uit.overgang_intensiteit, uit.regel) == (intensiteit, regel)
    if regel.endswith("geen"):
        assert uit.overgang_tot is None
    else:
        assert uit.overgang_tot == dt.date(2018, 6, 5)  # one year after the peildatum
        assert "5 juni 2018" in uit.toelichting


def test_issue_example_81_years_is_permanent(denhaag):
    uit = bepaal_overgang(
        denhaag, oude_uren=4.5, geboortedatum=dt.date(1936, 5, 1), peildatum=PEIL, nieuwe_intensiteit="basis"
    )
    assert uit.as_json() | {"toelichting": ""} == {
        "overgang_intensiteit": "plus",
        "overgang_tot": "permanent",
        "regel": "denhaag-2017/meer-dan-3-uur",
        "toelichting": "",
        "aanvullende_ondersteuning": False,
        "aanvullende_redenen": [],
    }
    assert "blijvend" in uit.toelichting


def test_age_80_on_the_peildatum_is_permanent(denhaag):
    jarig = bepaal_overgang(
        denhaag, oude_uren=7, geboortedatum=dt.date(1937, 6, 5), peildatum=PEIL, nieuwe_intensiteit="basis"
    )
    assert (jarig.overgang_intensiteit, jarig.overgang_tot) == ("intensief", "permanent")


def test_turning_80_the_day_after_is_one_year(denhaag):
    morgen = bepaal_overgang(
        denhaag, oude_uren=7, geboortedatum=dt.date(1937, 6, 6), peildatum=PEIL, nieuwe_intensiteit="basis"
    )
    assert (morgen.overgang_intensiteit, morgen.overgang_tot) == ("intensief", dt.date(2018, 6, 5))


def test_unknown_old_hours_is_left_to_the_consulent(denhaag):
    uit = bepaal_overgang(
        denhaag, oude_uren=None, geboortedatum=JONG, peildatum=PEIL, nieuwe_intensiteit="basis"
    )
    assert uit.regel == "denhaag-2017/oude-uren-onbekend"
    assert uit.overgang_intensiteit == "basis"


def test_unknown_intensity_is_a_dutch_error(denhaag):
    with pytest.raises(
        Regelfout, match="onbekende intensiteit 'licht'; toegestaan: geen, basis, plus, intensief"
    ):
        bepaal_overgang(denhaag, oude_uren=4, geboortedatum=JONG, peildatum=PEIL, nieuwe_intensiteit="licht")


def test_consulent_may_deviate_only_with_motivation(denhaag):
    with pytest.raises(Regelfout, match="motivering"):
        bepaal_overgang(
            denhaag,
            oude_uren=4,
            geboortedatum=JONG,
            peildatum=PEIL,
            nieuwe_intensiteit="basis",
            afwijking=Afwijkingsbesluit(motivatie="  ", tot=dt.date(2019, 6, 5)),
        )
    uit = bepaal_overgang(
        denhaag,
        oude_uren=4,
        geboortedatum=JONG,
        peildatum=PEIL,
        nieuwe_intensiteit="basis",
        afwijking=Afwijkingsbesluit(
            motivatie="partner ernstig ziek", tot=dt.date(2019, 6, 5), intensiteit="plus"
        ),
    )
    assert (uit.overgang_intensiteit, uit.overgang_tot, uit.regel) == (
        "plus",
        dt.date(2019, 6, 5),
        "denhaag-2017/afwijking-consulent",
    )
    assert "partner ernstig ziek" in uit.toelichting


@pytest.mark.parametrize(
    ("oud", "nieuw", "wenperiode"),
    [
        ("4", "3", False),  # 25% less: not MORE than 25%
        ("4", "2.99", True),
        ("2", "1.5", False),  # exactly 25%
        ("2", "1.49", True),
        ("2", "3", False),  # more hours: no wenperiode
    ],
)
def test_wenperiode_threshold(westland, oud, nieuw, wenperiode):
    uit = bepaal_overgang(
        westland, oude_uren=oud, nieuwe_uren=nieuw, geboortedatum=JONG, peildatum=dt.date(2019, 9, 2)
    )
    if wenperiode:
        assert (uit.overgang_intensiteit, uit.overgang_tot, uit.regel) == (
            "oude_indicatie",
            dt.date(2019, 12, 2),
            "westland-2019/wenperiode",
        )
    else:
        assert uit.regel == "westland-2019/geen"


def test_wenperiode_needs_new_hours(westland):
    with pytest.raises(Regelfout, match="nieuwe_uren"):
        bepaal_overgang(westland, oude_uren=4, geboortedatum=JONG, peildatum=dt.date(2019, 9, 2))


@pytest.mark.parametrize(
    ("kenmerken", "redenen"),
    [
        ({}, []),
        ({"personen_in_huishouden": 1, "kamers_in_gebruik": 3}, []),  # boundaries: not more than
        ({"personen_in_huishouden": 2}, ["meerpersoonshuishouden"]),
        ({"kamers_in_gebruik": 4}, ["meer dan drie kamers noodzakelijk in gebruik"]),
        ({"rolstoel_binnenshuis": "ja"}, ["rolstoelgebruik binnenshuis"]),
        ({"rolstoel_binnenshuis": "nee"}, []),
        (
            {"specialist_extra_schoonmaak": True},
            ["door een specialist vastgesteld dat meer keren per week schoongemaakt moet worden"],
        ),
        (
            {"overmatige_transpiratie": 1, "bedlegerig": 1, "incontinentie": 1},
            [
                "extra bewassing door overmatige transpiratie",
                "extra bewassing door bedlegerigheid",
                "extra bewassing door incontinentie",
            ],
        ),
    ],
)
def test_aanvullende_ondersteuning_criteria(westland, kenmerken, redenen):
    uit = bepaal_overgang(
        westland,
        oude_uren=2,
        nieuwe_uren=2,
        geboortedatum=JONG,
        peildatum=dt.date(2019, 9, 2),
        kenmerken=kenmerken,
    )
    assert list(uit.aanvullende_redenen) == redenen
    assert uit.aanvullende_ondersteuning is bool(redenen)


def test_driegesprek_outcomes(westland):
    peil = dt.date(2019, 9, 2)
    terug = bepaal_overgang(
        westland,
        oude_uren=5,
        nieuwe_uren=2,
        geboortedatum=JONG,
        peildatum=peil,
        driegesprek="tijdelijk_terug",
        driegesprek_tot=dt.date(2019, 11, 1),
    )
    assert (terug.overgang_intensiteit, terug.overgang_tot, terug.regel) == (
        "oude_indicatie",
        dt.date(2019, 11, 1),
        "westland-2019/driegesprek-tijdelijk_terug",
    )
    aanvullend = bepaal_overgang(
        westland,
        oude_uren=5,
        nieuwe_uren=2,
        geboortedatum=JONG,
        peildatum=peil,
        driegesprek="aanvullende_ondersteuning",
    )
    assert aanvullend.aanvullende_ondersteuning and aanvullend.overgang_tot is None
    for uitkomst in ("geen_actie", "oplossing_met_aanbieder"):
        uit = bepaal_overgang(
            westland, oude_uren=5, nieuwe_uren=2, geboortedatum=JONG, peildatum=peil, driegesprek=uitkomst
        )
        assert uit.regel == f"westland-2019/driegesprek-{uitkomst}" and not uit.aanvullende_ondersteuning
    verlopen = bepaal_overgang(
        westland,
        oude_uren=5,
        nieuwe_uren=2,
        geboortedatum=JONG,
        peildatum=peil,
        driegesprek="tijdelijk_terug",
        driegesprek_tot=peil,
    )
    assert verlopen.regel == "westland-2019/wenperiode"  # the temporary return ended: rules apply again
    with pytest.raises(Regelfout, match="einddatum"):
        bepaal_overgang(
            westland,
            oude_uren=5,
            nieuwe_uren=2,
            geboortedatum=JONG,
            peildatum=peil,
            driegesprek="tijdelijk_terug",
        )


def test_denhaag_has_no_driegesprek_rules(denhaag):
    with pytest.raises(Regelfout, match="kent geen driegesprek"):
        bepaal_overgang(
            denhaag,
            oude_uren=5,
            geboortedatum=JONG,
            peildatum=PEIL,
            nieuwe_intensiteit="basis",
            driegesprek="geen_actie",
        )


def test_intensity_from_minutes_uses_example_mapping(denhaag):
    assert denhaag.intensiteit_voor("plus", 10) == "plus"
    assert denhaag.intensiteit_voor("Intensief", 10) == "intensief"  # matrix label instead of code
    assert denhaag.intensiteit_voor("trede 2", 150) == "basis"
    assert denhaag.intensiteit_voor("trede 2", Decimal("150.5")) == "plus"
    assert denhaag.intensiteit_voor(None, 301) == "intensief"
    assert denhaag.intensiteit_voor(None, 0) == "geen"  # no household help at all
    assert denhaag.voorbeeldwaarden


def test_leap_day_birthday_and_month_arithmetic():
    assert leeftijd(dt.date(1936, 2, 29), dt.date(2016, 2, 28)) == 79
    assert leeftijd(dt.date(1936, 2, 29), dt.date(2016, 2, 29)) == 80
    assert plus_maanden(dt.date(2019, 11, 30), 3) == dt.date(2020, 2, 29)
    assert plus_maanden(dt.date(2017, 6, 5), 12) == dt.date(2018, 6, 5)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_age_increases_exactly_on_birthday(geboren, peil):
    if peil < geboren:
        return
    jaren = leeftijd(geboren, peil)
    assert plus_maanden(geboren, 12 * jaren) <= peil
    assert peil < plus_maanden(geboren, 12 * (jaren + 1)) or (geboren.month, geboren.day) == (2, 29)


def test_voorbeeldstad_combines_every_kind_of_rule():
    beleid = laad_beleid("voorbeeldstad", dt.date(2021, 3, 1))
    peil = dt.date(2021, 3, 1)
    # Matrix labels are accepted in any case; Trede 5 is the lightest, Trede 1 the heaviest.
    meer3 = bepaal_overgang(
        beleid, oude_uren=4, nieuwe_uren=1.5, geboortedatum=JONG, peildatum=peil, nieuwe_intensiteit="Trede 4"
    )
    assert (meer3.overgang_intensiteit, meer3.overgang_tot) == ("trede 3", dt.date(2022, 3, 1))
    # Already at Trede 3: the minimum rule does not apply, but the wenperiode does (2 h is 50% less than 4 h).
    wennen = bepaal_overgang(
        beleid,
        oude_uren=4,
        nieuwe_uren=2,
        geboortedatum=JONG,
        peildatum=peil,
        nieuwe_intensiteit="trede 3",
        kenmerken={"bedlegerig": True},
    )
    assert (wennen.regel, wennen.overgang_tot) == ("voorbeeldstad/wenperiode", dt.date(2021, 6, 1))
    assert wennen.aanvullende_redenen == ("extra bewassing door bedlegerigheid",)
    assert beleid.intensiteit_voor("Trede 2", 10) == "trede 2"
    assert beleid.intensiteit_voor(None, 120) == "trede 4"
