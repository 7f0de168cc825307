"""levering never imports besluiten: the dependency between the two apps runs one way only."""

from __future__ import annotations

import ast
from pathlib import Path

LEVERING = Path(__file__).resolve().parents[2] / "maatwerk" / "apps" / "levering"


def _imports(bron: str) -> set[str]:
    uit: set[str] = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            uit |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            uit.add(knoop.module)
    return uit


def test_check_vindt_een_import() -> None:
    assert "maatwerk.apps.besluiten.models" in _imports(
        "def f():\n    from maatwerk.apps.besluiten.models import Beschikking\n"
    )


def test_levering_importeert_besluiten_niet() -> None:
    bestanden = sorted(LEVERING.rglob("*.py"))
    assert bestanden
    fout = [
        f"{p.relative_to(LEVERING)}: {m}"
        for p in bestanden
        for m in _imports(p.read_text(encoding="utf-8"))
        if m == "maatwerk.apps.besluiten" or m.startswith("maatwerk.apps.besluiten.")
    ]
    assert not fout, fout
