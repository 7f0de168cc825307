"""Budget impact of a herindicatie campaign per calendar year, for the council.

Two scenarios over the same clients and days:

* **nulvariant** (no campaign): every client keeps its old indication, priced PxQ (hours x hourly
  tariff of its klasse and leveringsvorm).
* **campagne**: the old indication until the client's herindicatiedatum (the planned visit; without a
  plan the campaign start), then the transition intensity (``overgang_intensiteit``) until
  ``overgang_tot`` (a date, or ``permanent``), then the new trede; priced per period from the
  resultatenmatrix (``tarief x dagen / periode_dagen``).

Clients whose old hours are unknown cannot be compared and are counted, not priced. PGB budgets are
priced like ZIN in the campaign scenario (the matrix tariff); the old PGB hourly tariffs come from the
PxQ rules. Lines are rounded half-up to cents once; totals are sums of lines.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from maatwerk.apps.finance.inkomsten import periode_bedragen, pxq_bedragen
from maatwerk.apps.finance.perioden import jaren

GELDIG = ("seg_van", "seg_tot")
BEGIN = dt.date(1900, 1, 1)


def _overgang_einde() -> pl.Expr:
    tekst = pl.col("overgang_tot").cast(pl.String)
    return (pl.when(tekst == "permanent").then(None)
            .otherwise(tekst.str.to_date("%Y-%m-%d", strict=False)))


def segmenten(uitkomst: pl.DataFrame, campagnestart: dt.date) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split each client into an old (PxQ) segment and new segments (trede, van, tot)."""
    frame = uitkomst.filter(pl.col("uren_per_week_oud").is_not_null())
    if "herindicatiedatum" not in frame.columns:
        frame = frame.with_columns(herindicatiedatum=pl.lit(campagnestart))
    for kolom in ("overgang_intensiteit", "overgang_tot"):
        if kolom not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(kolom))
    frame = frame.with_columns(
        pl.col("herindicatiedatum").cast(pl.Date).fill_null(campagnestart),
        heeft_overgang=pl.col("overgang_intensiteit").is_not_null(),
        overgang_einde=_overgang_einde(),
        permanent=pl.col("overgang_tot").cast(pl.String) == "permanent",
    )
    oud = frame.with_columns(seg_van=pl.lit(BEGIN),
                             seg_tot=pl.col("herindicatiedatum") - pl.duration(days=1))
    overgang = (frame.filter(pl.col("heeft_overgang"))
                .with_columns(seg_trede=pl.col("overgang_intensiteit"), seg_van=pl.col("herindicatiedatum"),
                              seg_tot=pl.col("overgang_einde")))
    regulier = (frame.filter(~(pl.col("heeft_overgang") & pl.col("permanent").fill_null(False)))
                .with_columns(seg_trede=pl.col("trede"),
                              seg_van=pl.when(pl.col("heeft_overgang"))
                              .then(pl.col("overgang_einde") + pl.duration(days=1))
                              .otherwise(pl.col("herindicatiedatum")),
                              seg_tot=pl.lit(None, dtype=pl.Date)))
    kolommen = ["bsn", "aanbieder", "leveringsvorm", "seg_trede", "seg_van", "seg_tot", "soort"]
    nieuw = pl.concat([overgang.with_columns(soort=pl.lit("overgang")).select(kolommen),
                       regulier.with_columns(soort=pl.lit("regulier")).select(kolommen)])
    return oud, nieuw.filter(pl.col("seg_trede").is_not_null())


def begroting_per_jaar(uitkomst: pl.DataFrame, pxq: pl.DataFrame, tarieven: pl.DataFrame,
                       campagnestart: dt.date, van_jaar: int, tot_jaar: int) -> pl.DataFrame:
    """Per year: cost without campaign, cost with campaign (of which transition), difference (cents)."""
    reeks = jaren(van_jaar, tot_jaar).rename({"jaar": "periode"})
    oud, nieuw = segmenten(uitkomst, campagnestart)
    altijd_oud = oud.with_columns(seg_van=pl.lit(BEGIN), seg_tot=pl.lit(None, dtype=pl.Date))
    nul = pxq_bedragen(altijd_oud, pxq, reeks, geldig=GELDIG, uit="bedrag")
    voor = pxq_bedragen(oud, pxq, reeks, geldig=GELDIG, uit="bedrag")
    overgang = periode_bedragen(nieuw.filter(pl.col("soort") == "overgang"), tarieven, reeks, "seg_trede",
                                GELDIG, "bedrag")
    regulier = periode_bedragen(nieuw.filter(pl.col("soort") == "regulier"), tarieven, reeks, "seg_trede",
                                GELDIG, "bedrag")

    def totaal(frame: pl.DataFrame, naam: str) -> pl.DataFrame:
        return frame.group_by(jaar="periode").agg(pl.col("bedrag").sum().alias(naam))

    uit = (reeks.select(jaar=pl.col("periode"))
           .join(totaal(nul, "kosten_zonder_campagne_cent"), on="jaar", how="left")
           .join(totaal(voor, "oud_deel_cent"), on="jaar", how="left")
           .join(totaal(regulier, "regulier_cent"), on="jaar", how="left")
           .join(totaal(overgang, "waarvan_overgang_cent"), on="jaar",
                 how="left")
           .with_columns(pl.all().exclude("jaar").fill_null(0))
           .with_columns(kosten_met_campagne_cent=pl.col("oud_deel_cent") + pl.col("regulier_cent")
                         + pl.col("waarvan_overgang_cent"))
           .with_columns(verschil_cent=pl.col("kosten_met_campagne_cent")
                         - pl.col("kosten_zonder_campagne_cent"))
           .select("jaar", "kosten_zonder_campagne_cent", "kosten_met_campagne_cent",
                   "waarvan_overgang_cent", "verschil_cent")
           .sort("jaar"))
    return uit
