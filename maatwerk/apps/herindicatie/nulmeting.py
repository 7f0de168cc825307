"""Baseline report (nulmeting): old hours per week x age class at a peildatum. Pure Python.

The shape follows the table the council of Westland got in 2019 (RadarAdvies §5.1), fixed by issue 6:

- hour bands ``0-0,9``, ``1-2``, ``2,1-3``, ``3,1-4``, ``4,1-5``, ``>5`` and ``onbekend``; hours are first
  rounded half-up to one decimal (3,04 -> 3,0 -> ``2,1-3``; 3,05 -> 3,1 -> ``3,1-4``) with
  :class:`~decimal.Decimal`, and a band includes both its bounds;
- age classes ``<30``, ``30-45``, ``46-55``, ``56-65``, ``66-75``, ``76-85``, ``86+`` (whole years on the
  peildatum) and ``PGB``: every PGB client counts in ``PGB`` regardless of age;
- row and column totals (``totaal``).

Who counts: a client whose old indication is valid on the peildatum (``ingangsdatum_oud <= peildatum``
and ``einddatum_oud`` empty or ``>= peildatum``; both dates inclusive) — see :func:`telt_mee`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from maatwerk.opmaak import afgerond
from maatwerk.regeltaal.waarden import leeftijd

# (label, lower bound, upper bound) on hours rounded to one decimal; None = open.
UREN_BANDEN: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("0-0,9", Decimal("0"), Decimal("0.9")),
    ("1-2", Decimal("1.0"), Decimal("2.0")),
    ("2,1-3", Decimal("2.1"), Decimal("3.0")),
    ("3,1-4", Decimal("3.1"), Decimal("4.0")),
    ("4,1-5", Decimal("4.1"), Decimal("5.0")),
    (">5", Decimal("5.1"), None),
)
ONBEKEND = "onbekend"
BAND_LABELS: tuple[str, ...] = (*(b[0] for b in UREN_BANDEN), ONBEKEND)

# (label, lowest age, highest age) in whole years; None = open.
LEEFTIJDSKLASSEN: tuple[tuple[str, int | None, int | None], ...] = (
    ("<30", None, 29),
    ("30-45", 30, 45),
    ("46-55", 46, 55),
    ("56-65", 56, 65),
    ("66-75", 66, 75),
    ("76-85", 76, 85),
    ("86+", 86, None),
)
PGB = "PGB"
TOTAAL = "totaal"
KOLOM_LABELS: tuple[str, ...] = (*(k[0] for k in LEEFTIJDSKLASSEN), PGB)


def rond_af(uren: Decimal | str | int | float) -> Decimal:
    """Round half-up to one decimal. Floats go through ``str`` so 3.05 stays 3.05, not 3.04999..."""
    return afgerond(Decimal(uren) if isinstance(uren, str) else uren, 1)


def uren_band(uren: Decimal | str | int | float | None) -> str:
    """The band label for old hours per week (``onbekend`` when empty)."""
    if uren is None or uren == "":
        return ONBEKEND
    afgerond = rond_af(uren)
    if afgerond < 0:
        raise ValueError(f"uren per week kan niet negatief zijn ({uren})")
    for label, laag, hoog in UREN_BANDEN:
        if (laag is None or afgerond >= laag) and (hoog is None or afgerond <= hoog):
            return label
    raise AssertionError(f"geen band voor {afgerond}")  # pragma: no cover - bands cover every tenth


def leeftijdsklasse(geboortedatum: dt.date, peildatum: dt.date) -> str:
    """Age class label from whole years on the peildatum."""
    jaren = leeftijd(geboortedatum, peildatum)
    for label, laag, hoog in LEEFTIJDSKLASSEN:
        if (laag is None or jaren >= laag) and (hoog is None or jaren <= hoog):
            return label
    raise AssertionError(f"geen leeftijdsklasse voor {jaren}")  # pragma: no cover


def kolom(geboortedatum: dt.date, leveringsvorm: str, peildatum: dt.date) -> str:
    """Column of the report: ``PGB`` for PGB clients, else the age class."""
    return PGB if leveringsvorm.lower() == "pgb" else leeftijdsklasse(geboortedatum, peildatum)


@dataclass(frozen=True)
class Clientregel:
    """What the baseline needs of one caseload row."""

    geboortedatum: dt.date
    uren_per_week_oud: Decimal | None
    leveringsvorm: str
    ingangsdatum_oud: dt.date
    einddatum_oud: dt.date | None


def telt_mee(regel: Clientregel, peildatum: dt.date) -> bool:
    """Whether the old indication is valid on the peildatum (both ends inclusive, no end = open)."""
    return regel.ingangsdatum_oud <= peildatum and (
        regel.einddatum_oud is None or regel.einddatum_oud >= peildatum
    )


@dataclass(frozen=True)
class Nulmeting:
    """Counts per band x column, with totals. ``tabel[band][kolom]``; totals under ``totaal``."""

    peildatum: dt.date
    tabel: dict[str, dict[str, int]]
    niet_meegeteld: int

    @property
    def totaal(self) -> int:
        return self.tabel[TOTAAL][TOTAAL]

    def rijen(self) -> list[list[str | int]]:
        """Rows for CSV/terminal: header ``uren``, columns, ``totaal``; last row ``totaal``."""
        kop: list[str | int] = ["uren", *KOLOM_LABELS, TOTAAL]
        uit = [kop]
        for band in (*BAND_LABELS, TOTAAL):
            uit.append([band, *(self.tabel[band][k] for k in KOLOM_LABELS), self.tabel[band][TOTAAL]])
        return uit


def bereken_nulmeting(regels: Iterable[Clientregel], peildatum: dt.date) -> Nulmeting:
    """Count the clients whose old indication is valid on ``peildatum`` into the report shape."""
    tabel = {band: dict.fromkeys((*KOLOM_LABELS, TOTAAL), 0) for band in (*BAND_LABELS, TOTAAL)}
    buiten = 0
    for regel in regels:
        if not telt_mee(regel, peildatum):
            buiten += 1
            continue
        band = uren_band(regel.uren_per_week_oud)
        k = kolom(regel.geboortedatum, regel.leveringsvorm, peildatum)
        for b in (band, TOTAAL):
            tabel[b][k] += 1
            tabel[b][TOTAAL] += 1
    return Nulmeting(peildatum, tabel, buiten)
