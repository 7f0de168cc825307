"""Plots for providers and the council (matplotlib, Agg backend; PNG or SVG by file extension)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import polars as pl  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

KLEUR_OUD, KLEUR_NIEUW, KLEUR_OVERGANG, KLEUR_SIGNAAL = "#8c9eb5", "#154273", "#e17000", "#d52b1e"


def _formaat(pad: Path) -> str:
    formaat = pad.suffix.lower().lstrip(".")
    if formaat not in {"png", "svg"}:
        raise ValueError(f"onbekend plotformaat {pad.suffix!r}: gebruik .png of .svg")
    return formaat


def _euro_as(ax: plt.Axes, as_: str = "y") -> None:
    def fmt(waarde: float, _: int) -> str:
        if abs(waarde) >= 1_000_000:
            return f"€ {waarde / 1_000_000:.1f} mln".replace(".", ",")
        if abs(waarde) >= 1_000:
            return f"€ {waarde / 1_000:.0f} k"
        return f"€ {waarde:.0f}"

    (ax.yaxis if as_ == "y" else ax.xaxis).set_major_formatter(FuncFormatter(fmt))


def _bewaar(fig: plt.Figure, pad: Path | str | BinaryIO) -> Path | BinaryIO:
    """Save as PNG/SVG by extension; a binary stream (web) gets SVG."""
    if hasattr(pad, "write"):
        fig.tight_layout()
        fig.savefig(pad, format="svg")
        plt.close(fig)
        return pad
    pad = Path(pad)
    formaat = _formaat(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(pad, format=formaat, dpi=110)
    plt.close(fig)
    return pad


def begroting_plot(
    begroting: pl.DataFrame, pad: Path | str | BinaryIO, titel: str = "Begrotingseffect herindicatie"
) -> Path | BinaryIO:
    """Bars per year: cost without and with the campaign (transition share hatched), difference on top."""
    jaren = begroting["jaar"].to_list()
    zonder = begroting["kosten_zonder_campagne_cent"].to_numpy() / 100
    met = begroting["kosten_met_campagne_cent"].to_numpy() / 100
    overgang = begroting["waarvan_overgang_cent"].to_numpy() / 100
    x = np.arange(len(jaren))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.bar(x - 0.2, zonder, 0.4, color=KLEUR_OUD, label="zonder herindicatie (oude uren x uurtarief)")
    ax.bar(x + 0.2, met - overgang, 0.4, color=KLEUR_NIEUW, label="met herindicatie")
    ax.bar(
        x + 0.2,
        overgang,
        0.4,
        bottom=met - overgang,
        color=KLEUR_OVERGANG,
        hatch="//",
        label="waarvan overgangsbeleid",
    )
    for i, (z, m) in enumerate(zip(zonder, met, strict=True)):
        verschil = m - z
        tekst = f"{'+' if verschil >= 0 else '−'}€ {abs(verschil):,.0f}".replace(",", ".")
        ax.annotate(
            tekst,
            (x[i] + 0.2, m),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 3),
            textcoords="offset points",
        )
    ax.set_xticks(x, labels=[str(j) for j in jaren])
    _euro_as(ax)
    ax.set_ylabel("kosten per jaar")
    ax.set_title(titel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _bewaar(fig, pad)


def uitmiddelen_plot(
    per_aanbieder: pl.DataFrame, drempel: float, pad: Path | str | BinaryIO
) -> Path | BinaryIO:
    """Mean position in the band per provider, threshold line, flagged providers in red."""
    rijen = per_aanbieder.sort("gemiddelde_positie", nulls_last=True)
    namen = rijen["aanbieder"].to_list()
    posities = rijen["gemiddelde_positie"].fill_null(0).to_numpy()
    kleuren = [KLEUR_SIGNAAL if s else KLEUR_NIEUW for s in rijen["signaal"].to_list()]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(namen) + 1.6))
    ax.barh(namen, posities, color=kleuren)
    ax.axvline(drempel, color=KLEUR_SIGNAAL, linestyle="--", label=f"bovenkant band vanaf {drempel:g}")
    ax.set_xlim(0, 1)
    ax.set_xlabel(
        "gemiddelde positie van de cliënten in de band van hun trede (0 = onderkant, 1 = bovenkant)"
    )
    ax.set_title("Uitmiddelen: waar zit het klantenbestand van elke aanbieder in de band?")
    ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _bewaar(fig, pad)


def herstel_plot(
    rapport: pl.DataFrame, budget_cent: int | None, pad: Path | str | BinaryIO
) -> Path | BinaryIO:
    """Compensation per provider (cumulative against the budget when one is given)."""
    namen = rapport["aanbieder"].to_list()
    bedragen = rapport["compensatie_cent"].to_numpy() / 100
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(namen) + 1.6))
    ax.barh(namen, bedragen, color=KLEUR_NIEUW)
    if budget_cent is not None:
        ax.axvline(
            budget_cent / 100,
            color=KLEUR_SIGNAAL,
            linestyle="--",
            label=f"budget (totaal compensatie € {bedragen.sum():,.0f})".replace(",", "."),
        )
        ax.legend(loc="lower right", fontsize=8)
    _euro_as(ax, "x")
    ax.set_title("Herstelactie: compensatie per aanbieder")
    ax.spines[["top", "right"]].set_visible(False)
    return _bewaar(fig, pad)


def inkomsten_plot(per_aanbieder: pl.DataFrame, pad: Path | str | BinaryIO) -> Path | BinaryIO:
    """Income per provider, old system vs new, over the whole range."""
    namen = per_aanbieder["aanbieder"].to_list()
    oud = per_aanbieder["inkomsten_oud_cent"].to_numpy() / 100
    nieuw = per_aanbieder["inkomsten_nieuw_cent"].to_numpy() / 100
    y = np.arange(len(namen))
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(namen) + 1.6))
    ax.barh(y + 0.2, oud, 0.4, color=KLEUR_OUD, label="oud: uren x uurtarief (PxQ)")
    ax.barh(y - 0.2, nieuw, 0.4, color=KLEUR_NIEUW, label="nieuw: tarief per trede per periode")
    ax.set_yticks(y, labels=namen)
    _euro_as(ax, "x")
    ax.set_title("Inkomsten per aanbieder: oud vs nieuw")
    ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _bewaar(fig, pad)
