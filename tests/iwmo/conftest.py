"""Shared helpers: the shipped example messages and a way to edit them into violating messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

#: The examples are copied into the repository so the tests do not depend on the shared folder.
VOORBEELDEN = Path(__file__).parent / "data"


def compact(tekst: str) -> str:
    """Whitespace between tags removed (the examples mix CRLF, LF and tabs)."""
    return re.sub(r">\s+<", "><", tekst)


def voorbeeld(bericht: str) -> bytes:
    """The shipped example, compacted (see :func:`compact`)."""
    return compact((VOORBEELDEN / f"{bericht}.xml").read_text(encoding="utf-8")).encode()


def bewerk(bericht: str, *vervangingen: tuple[str, str]) -> bytes:
    """The example ``bericht`` with each (old, new) text replaced once; fails if ``old`` is missing."""
    xml = voorbeeld(bericht)
    for oud, nieuw in vervangingen:
        oud, nieuw = compact(oud), compact(nieuw)
        assert oud.encode() in xml, f"{oud!r} staat niet in {bericht}.xml"
        xml = xml.replace(oud.encode(), nieuw.encode(), 1)
    return xml


@pytest.fixture
def voorbeeldbericht():
    return voorbeeld


@pytest.fixture(autouse=True)
def berichtarchief(tmp_path, settings):
    """Every test its own message archive (``berichten.archief``), never ``var/``."""
    settings.MAATWERK_IWMO_ARCHIEF = str(tmp_path / "iwmo-archief")
    return tmp_path / "iwmo-archief"
