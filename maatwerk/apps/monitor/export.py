"""CSV and XLSX of the monitor rows (pure Python; openpyxl). Text cells that a spreadsheet would read
as a formula (starting with = + - @, or a tab / carriage return) get a leading apostrophe."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from maatwerk.veilig import FORMULETEKENS, neutraliseer

KOLOMMEN = (
    "onderdeel",
    "indicator",
    "uitsplitsing",
    "periode",
    "van",
    "tot",
    "waarde",
    "eenheid",
    "toelichting",
)
GEVAARLIJK = FORMULETEKENS  # the shared rule of every export (maatwerk.veilig)
__all__ = ["KOLOMMEN", "GEVAARLIJK", "naar_csv", "naar_xlsx", "neutraliseer"]


def _cel(rij: dict[str, Any], kolom: str) -> Any:
    waarde = rij.get(kolom)
    if waarde is None:
        return ""
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    return neutraliseer(waarde)


def naar_csv(rijen: Sequence[dict[str, Any]]) -> str:
    """Semicolon-separated (Dutch spreadsheets), one header line."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\n")
    schrijver.writerow(KOLOMMEN)
    for rij in rijen:
        schrijver.writerow([_cel(rij, k) for k in KOLOMMEN])
    return buffer.getvalue()


def naar_xlsx(rijen: Sequence[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = "Monitor"
    blad.append(list(KOLOMMEN))
    for rij in rijen:
        blad.append([_cel(rij, k) for k in KOLOMMEN])
    for cel in blad[1]:
        cel.style = "Headline 4"
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
