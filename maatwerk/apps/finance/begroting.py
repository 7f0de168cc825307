"""Budget impact of a herindicatie campaign per calendar year, for the council.

Two scenarios over the same clients and days:

* **nulvariant** (no campaign): every client keeps its old indication, priced PxQ (hours x hourly
  tariff of its klasse and leveringsvorm).
* **campagne**: the old indication until the client's herindicatiedatum (the planned visit; without a
  plan the campaign start), then the transition intensity (``overgang_intensiteit``) until
  ``overgang_tot`` (a date, or ``permanent``), then the new trede; priced per period from the
  resultatenmatrix (``tarief x dagen / periode_dagen``). ``overgang_tot`` is the first day of the
  new trede (exclusive, as the herindicatie module defines it); a transition ``oude_indicatie`` is
  priced PxQ at the old hours.

Clients whose old hours are unknown cannot be compared and are counted, not priced. PGB budgets are
priced like ZIN in the campaign scenario (the matrix tariff); the old PGB hourly tariffs come from the
PxQ rules. Lines are rounded half-up to cents once; totals are sums of lines.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from maatwerk.apps.finance.inkomsten import periode_bedragen, pxq_bedragen
from maatwerk.apps.finance.perioden import jaren
from maatwerk.apps.herindicatie.overgang import OUDE_INDICATIE, PERMANENT

GELDIG = ("seg_van", "seg_tot")

BEGIN = dt.date(1900, 1, 1)


def _overgang_einde() -> pl.Expr:
    """Last day of the transition: ``overgang_tot`` is the first day of the new intensity (exclusive)."""
    tekst = pl.col("overgang_tot").cast(pl.String).str.strip_chars()
    return (
        pl.when(tekst == PERMANENT)
        .then(None)
        .otherwise(tekst.str.to_date("%Y-%m-%d", strict=False) - pl.duration(days=1))
    )


def segmenten(
    uitkomst: pl.DataFrame,
    campagnestart: dt.date,
    intensiteit_trede: dict[str, str] | None = None,
    peildatum_simulatie: dt.date | None = None,
) -> dict[str, pl.DataFrame]:
    """Split each client (with known old hours) into dated segments, each priced one way.

    ``oud``: PxQ until the day before the herindicatiedatum; ``overgang_oud``: PxQ during a transition
    at the old level (``oude_indicatie``); ``overgang``: the transition intensity from the matrix;
    ``regulier``: the new trede from the end of the transition (or the herindicatiedatum) onwards.
    Columns ``seg_van``/``seg_tot`` (inclusive, null = open) and ``seg_trede`` for matrix segments.
    A client has a transition when ``overgang_tot`` holds a date or ``permanent``; ``intensiteit_trede``
    maps transition intensities that are not a trede of the matrix (see ``matrix.intensiteit_naar_trede``).
    The simulation dates a transition from its own peildatum; given ``peildatum_simulatie`` the
    transition is moved to start on the client's herindicatiedatum (same length in days).
    """
    frame = uitkomst.filter(pl.col("uren_per_week_oud").is_not_null())
    if "herindicatiedatum" not in frame.columns:
        frame = frame.with_columns(herindicatiedatum=pl.lit(campagnestart))
    for kolom in ("overgang_intensiteit", "overgang_tot"):
        if kolom not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(kolom))
    intensiteit = pl.col("overgang_intensiteit").cast(pl.String).str.strip_chars()
    frame = frame.with_columns(
        pl.col("herindicatiedatum").cast(pl.Date).fill_null(campagnestart),
        overgang_intensiteit=pl.when(intensiteit == "").then(None).otherwise(intensiteit),
        overgang_einde=_overgang_einde()
        + (
            pl.col("herindicatiedatum").cast(pl.Date).fill_null(campagnestart) - pl.lit(peildatum_simulatie)
            if peildatum_simulatie is not None
            else pl.duration(days=0)
        ),
        permanent=(pl.col("overgang_tot").cast(pl.String).str.strip_chars() == PERMANENT).fill_null(False),
    ).with_columns(
        heeft_overgang=pl.col("overgang_intensiteit").is_not_null()
        & (pl.col("permanent") | pl.col("overgang_einde").is_not_null())
    )
    tot_tekst = pl.col("overgang_tot").cast(pl.String).str.strip_chars()
    fout = frame.filter(
        tot_tekst.is_not_null()
        & (tot_tekst != "")
        & ~pl.col("permanent")
        & pl.col("overgang_einde").is_null()
    )
    if fout.height:
        waarde = fout["overgang_tot"][0]
        raise ValueError(f"overgang_tot {waarde!r} is geen datum (JJJJ-MM-DD) en geen 'permanent'")
    oud = frame.with_columns(seg_van=pl.lit(BEGIN), seg_tot=pl.col("herindicatiedatum") - pl.duration(days=1))
    overgang = frame.filter(pl.col("heeft_overgang")).with_columns(
        seg_trede=pl.col("overgang_intensiteit").replace(intensiteit_trede or {}),
        seg_van=pl.col("herindicatiedatum"),
        seg_tot=pl.col("overgang_einde"),
    )
    regulier = frame.filter(~(pl.col("heeft_overgang") & pl.col("permanent"))).with_columns(
        seg_trede=pl.col("trede"),
        seg_van=pl.when(pl.col("heeft_overgang"))
        .then(pl.max_horizontal(pl.col("overgang_einde") + pl.duration(days=1), pl.col("herindicatiedatum")))
        .otherwise(pl.col("herindicatiedatum")),
        seg_tot=pl.lit(None, dtype=pl.Date),
    )
    op_oud_niveau = pl.col("seg_trede") == OUDE_INDICATIE
    return {
        "oud": oud,
        "overgang_oud": overgang.filter(op_oud_niveau),
        "overgang": overgang.filter(~op_oud_niveau),
        "regulier": regulier.filter(pl.col("seg_trede").is_not_null()),  # no trede: no minutes, no cost
    }


def begroting_per_jaar(
    uitkomst: pl.DataFrame,
    pxq: pl.DataFrame,
    tarieven: pl.DataFrame,
    campagnestart: dt.date,
    van_jaar: int,
    tot_jaar: int,
    intensiteit_trede: dict[str, str] | None = None,
    peildatum_simulatie: dt.date | None = None,
) -> pl.DataFrame:
    """Per year: cost without campaign, cost with campaign (of which transition), difference (cents)."""
    reeks = jaren(van_jaar, tot_jaar).rename({"jaar": "periode"})
    seg = segmenten(uitkomst, campagnestart, intensiteit_trede, peildatum_simulatie)
    altijd_oud = seg["oud"].with_columns(seg_van=pl.lit(BEGIN), seg_tot=pl.lit(None, dtype=pl.Date))
    delen = {
        "kosten_zonder_campagne_cent": pxq_bedragen(
            altijd_oud, pxq, reeks, geldig=GELDIG, uit="bedrag", met_kenmerken=False
        ),
        "oud_deel_cent": pxq_bedragen(
            seg["oud"], pxq, reeks, geldig=GELDIG, uit="bedrag", met_kenmerken=False
        ),
        "overgang_oud_cent": pxq_bedragen(
            seg["overgang_oud"], pxq, reeks, geldig=GELDIG, uit="bedrag", met_kenmerken=False
        ),
        "overgang_trede_cent": periode_bedragen(
            seg["overgang"], tarieven, reeks, "seg_trede", GELDIG, "bedrag", met_kenmerken=False
        ),
        "regulier_cent": periode_bedragen(
            seg["regulier"], tarieven, reeks, "seg_trede", GELDIG, "bedrag", met_kenmerken=False
        ),
    }
    uit = reeks.select(jaar=pl.col("periode"))
    for naam, regels in delen.items():
        totaal = regels.group_by(jaar="periode").agg(pl.col("bedrag").sum().alias(naam))
        uit = uit.join(totaal, on="jaar", how="left")
    return (
        uit.with_columns(pl.all().exclude("jaar").fill_null(0))
        .with_columns(waarvan_overgang_cent=pl.col("overgang_oud_cent") + pl.col("overgang_trede_cent"))
        .with_columns(
            kosten_met_campagne_cent=pl.col("oud_deel_cent")
            + pl.col("waarvan_overgang_cent")
            + pl.col("regulier_cent")
        )
        .with_columns(
            verschil_cent=pl.col("kosten_met_campagne_cent") - pl.col("kosten_zonder_campagne_cent")
        )
        .select(
            "jaar",
            "kosten_zonder_campagne_cent",
            "kosten_met_campagne_cent",
            "waarvan_overgang_cent",
            "verschil_cent",
        )
        .sort("jaar")
    )
