"""The overgangsbeleid's criteria for aanvullende ondersteuning use the shared condition grammar."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from maatwerk.apps.herindicatie.overgang import Criterium


def _criterium(als: object) -> Criterium:
    return Criterium.model_validate({"id": "x", "omschrijving": "x", "als": als})


@pytest.mark.parametrize(
    ("kenmerken", "geldt"),
    [
        ({"kamers_in_gebruik": 4}, True),
        ({"kamers_in_gebruik": "4"}, True),  # text from a CSV or the CLI
        ({"kamers_in_gebruik": " 4 "}, True),
        ({"kamers_in_gebruik": 3.5}, True),
        ({"kamers_in_gebruik": 3}, False),  # strictly greater
        ({"kamers_in_gebruik": ""}, False),  # empty: onbekend, so it does not hold
        ({"kamers_in_gebruik": "veel"}, False),  # unreadable: onbekend
        ({"kamers_in_gebruik": True}, False),
        ({}, False),
    ],
)
def test_number_criterion(kenmerken, geldt):
    assert _criterium({"kamers_in_gebruik": {"groter_dan": 3}}).geldt(kenmerken) is geldt


@pytest.mark.parametrize(
    ("waarde", "geldt"),
    [(True, True), ("ja", True), ("J", True), ("x", True), ("1", True), (1, True), ("nee", False),
     (False, False), (0, False), ("", False), (None, False), ("misschien", False)],
)  # fmt: skip
def test_flag_criterion_uses_the_one_yes_no_parser(waarde, geldt):
    assert _criterium({"rolstoel_binnenshuis": True}).geldt({"rolstoel_binnenshuis": waarde}) is geldt


def test_criteria_can_combine_features():
    c = _criterium(
        {"of": [{"bedlegerig": True}, {"personen_in_huishouden": {"minstens": 3}, "niet": {"kind": True}}]}
    )
    assert c.geldt({"bedlegerig": "ja"})
    assert c.geldt({"personen_in_huishouden": "3", "kind": "nee"})
    assert not c.geldt({"personen_in_huishouden": "3", "kind": "ja"})
    assert not c.geldt({"personen_in_huishouden": "3"})  # kind onbekend: not certain, so no
    assert c.als.feiten() == {"bedlegerig", "personen_in_huishouden", "kind"}


@pytest.mark.parametrize(
    ("als", "melding"),
    [
        ({"Kamers": {"groter_dan": 3}}, r"onbekend feit 'Kamers' \(bij als\); bekende feiten: een kenmerk"),
        ({"kamers": {"groter_dan": "drie"}}, r"kamers \(bij als\.kamers\): verwacht een getal"),
        ({"kamers": {"meer_dan": 3}}, "onbekende operator 'meer_dan'"),
        ("kamers", "een voorwaarde is een tabel"),
    ],
)
def test_bad_criterion_is_a_dutch_error(als, melding):
    with pytest.raises(ValidationError, match=melding):
        _criterium(als)
