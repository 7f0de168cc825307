"""Monitor plots (matplotlib, Agg backend; SVG for the page, PNG/SVG by extension for files)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

KLEUR, KLEUR_2 = "#154273", "#e17000"


def _reeks(rijen: list[dict[str, Any]], indicator: str) -> dict[str, float | None]:
    """Values per period of one indicator (suppressed or missing values are None)."""
    return {
        r["periode"]: (r["waarde"] if isinstance(r["waarde"], int | float) else None)
        for r in rijen
        if r["indicator"] == indicator and not r["uitsplitsing"]
    }


def monitor_plot(rijen: list[dict[str, Any]], doel: Path | str | io.BytesIO) -> None:
    """Meldingen per period (bars) and the share decided within the legal term (lines)."""
    meldingen = _reeks(rijen, "meldingen")
    perioden = list(meldingen)
    fig, (links, rechts) = plt.subplots(1, 2, figsize=(10, 3.8))
    links.bar(perioden, [meldingen[p] or 0 for p in perioden], color=KLEUR)
    links.set_title("Meldingen per periode")
    links.set_ylabel("aantal")
    for kleur, naam in ((KLEUR, "melding tot onderzoek afgerond"), (KLEUR_2, "aanvraag tot beschikking")):
        reeks = next(
            (
                _reeks(rijen, r["indicator"])
                for r in rijen
                if r["indicator"].startswith(f"{naam}: binnen de wettelijke termijn")
            ),
            {},
        )
        if reeks:
            rechts.plot(perioden, [reeks.get(p) for p in perioden], marker="o", color=kleur, label=naam)
    rechts.set_ylim(0, 105)
    rechts.set_title("Binnen de wettelijke termijn")
    rechts.set_ylabel("procent")
    if rechts.get_legend_handles_labels()[0]:
        rechts.legend(loc="lower left", fontsize=8)
    for ax in (links, rechts):
        ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    fig.tight_layout()
    if isinstance(doel, io.BytesIO):
        fig.savefig(doel, format="svg")
    else:
        pad = Path(doel)
        fig.savefig(pad, format=pad.suffix.lstrip(".").lower() or "png", dpi=110)
    plt.close(fig)
