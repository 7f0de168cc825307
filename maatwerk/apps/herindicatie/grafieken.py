"""Plots for the herindicatie reports (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

from .nulmeting import BAND_LABELS, KOLOM_LABELS, Nulmeting  # noqa: E402


def heatmap_nulmeting(
    nulmeting: Nulmeting, pad: Path | str | BinaryIO, titel: str | None = None, formaat: str | None = None
) -> Path | BinaryIO:
    """Heat map of old hours per week x age class (PGB separately); PNG or SVG by extension or ``formaat``."""
    if isinstance(pad, str):
        pad = Path(pad)
    formaat = formaat or _formaat(pad) if isinstance(pad, Path) else formaat or "svg"
    waarden = np.array([[nulmeting.tabel[b][k] for k in KOLOM_LABELS] for b in BAND_LABELS])
    fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=100)
    beeld = ax.imshow(waarden, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(KOLOM_LABELS)), labels=KOLOM_LABELS)
    ax.set_yticks(range(len(BAND_LABELS)), labels=BAND_LABELS)
    ax.set_xlabel("leeftijd op de peildatum (PGB: alle leeftijden)")
    ax.set_ylabel("oude indicatie, uren per week")
    drempel = waarden.max() / 2 if waarden.size and waarden.max() else 1
    for i in range(waarden.shape[0]):
        for j in range(waarden.shape[1]):
            if waarden[i, j]:
                kleur = "white" if waarden[i, j] > drempel else "black"
                ax.text(j, i, str(waarden[i, j]), ha="center", va="center", color=kleur, fontsize=8)
    ax.set_title(titel or f"Nulmeting {nulmeting.peildatum:%d-%m-%Y}: {nulmeting.totaal} cliënten")
    fig.colorbar(beeld, ax=ax, label="aantal cliënten")
    fig.tight_layout()
    fig.savefig(pad, format=formaat)
    plt.close(fig)
    return pad


def _formaat(pad: Path) -> str:
    formaat = pad.suffix.lower().lstrip(".")
    if formaat not in {"png", "svg"}:
        raise ValueError(f"onbekend plotformaat {pad.suffix!r}: gebruik .png of .svg")
    return formaat


def plot_simulatie(uitkomst: pl.DataFrame, pad: Path | str) -> Path:
    """Two panels: distribution of the difference in hours, and up/same/down per age class."""
    pad = Path(pad)
    fig, (links, rechts) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    verschil = uitkomst["verschil_uren_per_week"].drop_nulls().to_numpy()
    links.hist(verschil, bins=np.arange(-8, 8.5, 0.5), color="#2a6ebb", edgecolor="white")
    links.axvline(0, color="black", linewidth=0.8)
    links.set_xlabel("nieuw min oud, uren per week")
    links.set_ylabel("aantal cliënten")
    links.set_title("Verschil met de oude indicatie")
    klassen = [k for k in KOLOM_LABELS if k != "PGB"]
    telling = {r: [0] * len(klassen) for r in ("omlaag", "gelijk", "omhoog", "onbekend")}
    for rij in uitkomst.group_by("leeftijdsklasse", "richting").len().iter_rows():
        if rij[0] in klassen:
            telling[rij[1]][klassen.index(rij[0])] = rij[2]
    onder = np.zeros(len(klassen))
    kleuren = {"omlaag": "#c0392b", "gelijk": "#95a5a6", "omhoog": "#27ae60", "onbekend": "#f1c40f"}
    for richting, aantallen in telling.items():
        rechts.bar(klassen, aantallen, bottom=onder, label=richting, color=kleuren[richting])
        onder += np.array(aantallen)
    rechts.set_xlabel("leeftijd op de peildatum")
    rechts.set_title("Omhoog, gelijk, omlaag per leeftijdsklasse")
    rechts.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(pad, format=_formaat(pad))
    plt.close(fig)
    return pad
