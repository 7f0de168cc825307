"""finance.services decides which tariff set and matrix price the figures (web and CLI share it)."""

from __future__ import annotations

import pytest

from maatwerk.apps.finance import services
from maatwerk.apps.finance.services import Keuzefout, kies_matrix, kies_regelset


def test_the_only_set_is_chosen_and_an_explicit_choice_wins(monkeypatch):
    monkeypatch.setattr(services, "regelsets", lambda soort: ["voorbeeldstad"])
    assert kies_regelset("pxq") == "voorbeeldstad"
    assert kies_regelset("uitmiddelen", "westland") == "westland"


@pytest.mark.parametrize(
    ("sets", "melding"),
    [
        ([], "er is geen regelset oude uurtarieven"),
        (
            ["a", "b"],
            r"er zijn meerdere regelsets oude uurtarieven \(PxQ\): kies er één \(beschikbaar: a, b\)",
        ),
    ],
)
def test_none_or_several_sets_without_a_choice_are_refused(monkeypatch, sets, melding):
    monkeypatch.setattr(services, "regelsets", lambda soort: sets)
    with pytest.raises(Keuzefout, match=melding) as fout:
        kies_regelset("pxq")
    assert fout.value.beschikbaar == sets


def test_matrix_from_choice_kader_or_the_only_one(monkeypatch):
    monkeypatch.setattr(services, "matrices", lambda: ["m1", "m2"])
    monkeypatch.setattr(services, "matrix_van_kader", lambda kader, peildatum: f"van-{kader}")
    assert kies_matrix("m2") == "m2"
    assert kies_matrix(kader="k") == "van-k"
    with pytest.raises(Keuzefout, match=r"meerdere resultatenmatrices: kies er één \(beschikbaar: m1, m2\)"):
        kies_matrix()
