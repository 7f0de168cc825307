"""Safe handling of untrusted text (pure Python, no Django): numbers, control characters, spreadsheet cells.

Used by forms, GET filters, importers and every CSV/XLSX export::

    geheel_getal("²")            # None: str.isdigit() accepts it, int() does not
    geheel_getal("12", maximum=10)  # None
    besturingstekens("a\\x00b")  # ['U+0000']
    neutraliseer("=1+1")         # "'=1+1": a spreadsheet shows the text, never runs a formula
    maskeer_nummers("123456782") # "*********": a search term that may be a BSN, for the audit log
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: A cell starting with one of these is read as a formula by Excel/LibreOffice (OWASP "CSV injection").
FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
#: Whitespace a multi-line text field may contain; every other control character is refused.
TOEGESTANE_WITRUIMTE = frozenset("\t\n\r")
_GETAL = re.compile(r"[0-9]{1,18}")  # ASCII digits only; 18 digits fit in a 64-bit integer


def geheel_getal(tekst: Any, minimum: int | None = 0, maximum: int | None = None) -> int | None:
    """The non-negative whole number ``tekst`` spells in ASCII digits (surrounding spaces allowed),
    within ``minimum``..``maximum``; None for anything else (``²``, ``١٢``, ``1e9``, 19+ digits)."""
    if not isinstance(tekst, str):
        return None
    tekst = tekst.strip()
    if not _GETAL.fullmatch(tekst):
        return None
    getal = int(tekst)
    if (minimum is not None and getal < minimum) or (maximum is not None and getal > maximum):
        return None
    return getal


def besturingstekens(tekst: str, witruimte: bool = True) -> list[str]:
    """The control and format characters in ``tekst`` (as ``U+XXXX``), in order of first occurrence.

    Tab, newline and carriage return are allowed when ``witruimte`` is true (multi-line text)."""
    gevonden: list[str] = []
    for teken in tekst:
        if witruimte and teken in TOEGESTANE_WITRUIMTE:
            continue
        if unicodedata.category(teken) in ("Cc", "Cs", "Co") or teken in ("\u2028", "\u2029"):
            code = f"U+{ord(teken):04X}"
            if code not in gevonden:
                gevonden.append(code)
    return gevonden


def besturingsmelding(tekens: list[str]) -> str:
    """The Dutch message for refused control characters."""
    return (
        "Dit veld bevat onzichtbare stuurtekens (" + ", ".join(tekens[:3]) + "); "
        "verwijder ze en probeer het opnieuw."
    )


def neutraliseer(waarde: Any) -> Any:
    """A text starting with a formula character gets a leading ``'``; numbers and dates stay."""
    if isinstance(waarde, str) and waarde.startswith(FORMULETEKENS):
        return "'" + waarde
    return waarde


def neutraliseer_rij(rij: Any) -> list[Any]:
    """:func:`neutraliseer` on every cell of a row."""
    return [neutraliseer(w) for w in rij]


def neutraliseer_frame(frame: Any) -> Any:
    """A polars DataFrame with every text column neutralised (for ``write_csv``/``write_excel``)."""
    import polars as pl  # only the exporters that already use polars call this

    tekst = [naam for naam, soort in frame.schema.items() if soort in (pl.Utf8, pl.Categorical)]
    if not tekst:
        return frame
    patroon = "^[" + re.escape("".join(FORMULETEKENS)) + "]"
    return frame.with_columns(
        [
            pl.when(pl.col(n).cast(pl.Utf8).str.contains(patroon))
            .then(pl.lit("'") + pl.col(n).cast(pl.Utf8))
            .otherwise(pl.col(n).cast(pl.Utf8))
            .alias(n)
            for n in tekst
        ]
    )


def maskeer_nummers(tekst: str) -> str:
    """Every digit replaced by ``*``: a search term for the audit log that never holds a BSN."""
    return "".join("*" if t.isdigit() else t for t in tekst)


def prive_bestand(pad: Any) -> Any:
    """Open ``pad`` for writing text, readable and writable by its owner only (mode 0600), also
    when it already existed: for exports with personal data."""
    import os

    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8", newline="")
