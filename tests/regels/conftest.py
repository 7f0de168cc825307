"""Fixtures: a rules directory in tmp_path, activated with MAATWERK_REGELS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from maatwerk.regels.zoekpad import OMGEVING, PAKKET

KPMG = PAKKET / "normenkaders" / "kpmg-hbel" / "2021-01-01.yaml"

TESTDORP = """gemeente: Testdorp
synthetisch: true
configuraties:
  - valid_from: 2024-01-01
    normenkader: testdorp
"""


BELEID = """    beleid:
      hh1: maatwerk
      hh2: maatwerk
      indicatie: uren
      omvang_bepaald_door: college
      beschikking_vermeldt: [resultaat, taak, frequentie, tijd]
      normering: {bron: onafhankelijk_onderzoek, maatwerk_toeslagen: true}
      inkomens_of_vermogenstoets: false
      pgb_weigering_bij_gecontracteerde_aanbieder: false
"""
TESTDORP_MET_BELEID = TESTDORP + BELEID
"""Testdorp with the policy facts the beleidstoets needs before beschikkingen may be issued."""


def kader_testdorp() -> str:
    """The KPMG kader as Testdorp's own kader (id testdorp, from 2024, the Voorbeeldstad matrix)."""
    return (
        KPMG.read_text("utf-8")
        .replace("id: kpmg-hbel", "id: testdorp")
        .replace("valid_from: 2021-01-01", "valid_from: 2024-01-01")
        .replace("naam: ", "naam: Testdorp — ", 1)
    )


@pytest.fixture
def regelmap(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write files (relative path -> text) into a fresh rules directory and return it."""
    teller = iter(range(100))

    def maak(bestanden: dict[str, str]) -> Path:
        map_ = tmp_path / f"regels{next(teller)}"
        for rel, tekst in bestanden.items():
            (map_ / rel).parent.mkdir(parents=True, exist_ok=True)
            (map_ / rel).write_text(tekst, "utf-8")
        map_.mkdir(exist_ok=True)
        return map_

    return maak


@pytest.fixture
def activeer(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Set MAATWERK_REGELS to the given directories (in override order)."""

    def zet(*mappen: Path) -> None:
        monkeypatch.setenv(OMGEVING, ":".join(str(m) for m in mappen))

    return zet
