"""Plots for the herindicatie reports (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .nulmeting import BAND_LABELS, KOLOM_LABELS, Nulmeting  # noqa: E402


def heatmap_nulmeting(nulmeting: Nulmeting, pad: Path | str, titel: str | None = None) -> Path:
    """Heat map of old hours per week x age class (PGB separately); PNG or SVG by file extension."""
    pad = Path(pad)
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
    fig.savefig(pad, format=_formaat(pad))
    plt.close(fig)
    return pad


def _formaat(pad: Path) -> str:
    formaat = pad.suffix.lower().lstrip(".")
    if formaat not in {"png", "svg"}:
        raise ValueError(f"onbekend plotformaat {pad.suffix!r}: gebruik .png of .svg")
    return formaat
