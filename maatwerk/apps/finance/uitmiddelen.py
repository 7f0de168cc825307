"""Uitmiddelen: the hours the engine says are needed vs the hours the tariff per period pays for.

A tariff per trede per period assumes a provider averages out over its whole caseload. Den Haag
(2017) found that in intensity Basis this failed "omdat de klantenpopulatie momenteel in het
bovenste deel van de bandbreedte valt". Per client the position in the band of its trede is
``(minuten - band_min) / (band_max - band_min)`` clipped to [0, 1]; a provider (or a provider's
trede) is flagged when the mean position reaches the threshold in the uitmiddelen rules (the
threshold itself counts as "top of the band").

Paid hours per week = ``tarief per periode / (periode_dagen / 7) / kostprijs per uur``.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from maatwerk.apps.finance.geld import naar_centen
from maatwerk.apps.finance.tarieven import UitmiddelenRegels

PRECISIE = 9  # decimals kept before comparing a mean position with the threshold


def _tarief_op(tarieven: pl.DataFrame, peildatum: dt.date) -> pl.DataFrame:
    return tarieven.filter((pl.col("van") <= peildatum) & (pl.col("tot") >= peildatum))


def per_client(
    frame: pl.DataFrame,
    tarieven: pl.DataFrame,
    regels: UitmiddelenRegels,
    peildatum: dt.date,
    minuten_kolom: str = "minuten_nieuw",
    trede_kolom: str = "trede",
) -> pl.DataFrame:
    """Per client with a trede: needed and paid minutes per week and the position in its band."""
    kostprijs_cent = naar_centen(regels.kostprijs_per_uur.bedrag)
    band = (pl.col("band_max_minuten") - pl.col("band_min_minuten")).cast(pl.Float64)
    return (
        frame.lazy()
        .filter(pl.col(trede_kolom).is_not_null() & pl.col(minuten_kolom).is_not_null())
        .join(_tarief_op(tarieven, peildatum).lazy(), left_on=trede_kolom, right_on="trede", how="inner")
        .select(
            "client",
            "aanbieder",
            pl.col("trede_label").alias("trede"),
            pl.col(minuten_kolom).cast(pl.Float64).alias("minuten_nodig"),
            (pl.col("tarief_cent") * 7 * 60 / (pl.col("periode_dagen") * kostprijs_cent)).alias(
                "minuten_betaald"
            ),
            pl.when(band > 0)
            .then(((pl.col(minuten_kolom) - pl.col("band_min_minuten")) / band).clip(0.0, 1.0))
            .alias("positie"),
            (pl.col(minuten_kolom) > pl.col("band_max_minuten")).alias("boven_band"),
        )
        .collect()
    )


def _samenvatting(clienten: pl.DataFrame, groep: list[str], drempel: float) -> pl.DataFrame:
    return (
        clienten.group_by(groep)
        .agg(
            clienten=pl.len(),
            uren_nodig=pl.col("minuten_nodig").sum() / 60,
            uren_betaald=pl.col("minuten_betaald").sum() / 60,
            gemiddelde_positie=pl.col("positie").mean(),
            boven_band=pl.col("boven_band").sum(),
        )
        .with_columns(
            saldo_uren=pl.col("uren_betaald") - pl.col("uren_nodig"),
            signaal=pl.col("gemiddelde_positie").round(PRECISIE) >= drempel,
        )
        .with_columns(pl.col("signaal").fill_null(False))
        .sort(groep)
    )


def per_aanbieder(clienten: pl.DataFrame, regels: UitmiddelenRegels) -> pl.DataFrame:
    """Per provider over its whole caseload: hours needed vs paid, mean band position, flag."""
    return _samenvatting(clienten, ["aanbieder"], regels.bovenkant_band.waarde)


def per_aanbieder_trede(clienten: pl.DataFrame, regels: UitmiddelenRegels) -> pl.DataFrame:
    """The same per provider and trede (Den Haag's finding was about one intensity, Basis)."""
    return _samenvatting(clienten, ["aanbieder", "trede"], regels.bovenkant_band.waarde)
