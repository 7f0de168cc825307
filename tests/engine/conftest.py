"""Shared helpers for the engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from maatwerk.engine import Situatie

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples" / "situaties"


def situatie(**velden) -> Situatie:
    """A valid situation: a single older person in Voorbeeldstad on 2026-03-01, overridden by ``velden``."""
    data = {"peildatum": "2026-03-01", "gemeente": "Voorbeeldstad", "client": {"geboortedatum": "1941-05-12"}}
    data.update(velden)
    return Situatie.model_validate(data)


@pytest.fixture
def voorbeelden() -> Path:
    return VOORBEELDEN
