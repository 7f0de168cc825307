"""Herstelactie / compensatie (H4 2019): what a provider was paid vs what the revised framework pays.

H4 re-indicated the indications made under the old handleiding with the revised one and compensated
providers "op basis van de aangepaste versie van de handleiding" (h4-brief-resultaatsturing-
herstelactie-2019.txt). Per client and period (periods of the resultatenmatrix, e.g. 4 weeks):

* ``betaald_cent``  = round(tarief_oud_cent  x dagen / periode_dagen)  (what was invoiced and paid)
* ``herzien_cent``  = round(tarief_nieuw_cent x dagen / periode_dagen) (what the revised version pays)
* ``verschil_cent`` = herzien - betaald; ``compensatie_cent`` = max(verschil, 0), or the plain
  difference when lower outcomes are set off (``verrekenen``; H4 did not reclaim money).

``dagen`` = days the indication ran inside the period and inside [van, tot]. Each line is rounded
half-up to cents once; every total is the sum of its lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from maatwerk.apps.finance.geld import rond_af_expr
from maatwerk.apps.finance.perioden import dagen_overlap, perioden

VEREIST = ("client", "aanbieder", "ingangsdatum", "einddatum", "tarief_oud_cent", "tarief_nieuw_cent")


def herstelregels(
    indicaties: pl.DataFrame, van: dt.date, tot: dt.date, periode_dagen: int = 28, verrekenen: bool = False
) -> pl.DataFrame:
    """One line per client per period with betaald, herzien, verschil and compensatie (cents)."""
    ontbreekt = [k for k in VEREIST if k not in indicaties.columns]
    if ontbreekt:
        raise ValueError(f"kolom(men) ontbreken in de indicaties: {', '.join(ontbreekt)}")
    reeks = perioden(van, tot, periode_dagen)
    extra = [k for k in ("trede_oud", "trede_nieuw") if k in indicaties.columns]
    dagen = pl.col("dagen")
    regels = (
        indicaties.lazy()
        .join(reeks.lazy(), how="cross")
        .with_columns(dagen=dagen_overlap(("periode_van", "periode_tot"), ("ingangsdatum", "einddatum")))
        .filter(dagen > 0)
        .with_columns(
            betaald_cent=rond_af_expr(pl.col("tarief_oud_cent") * dagen, periode_dagen),
            herzien_cent=rond_af_expr(pl.col("tarief_nieuw_cent") * dagen, periode_dagen),
        )
        .with_columns(verschil_cent=pl.col("herzien_cent") - pl.col("betaald_cent"))
        .with_columns(
            compensatie_cent=pl.col("verschil_cent")
            if verrekenen
            else pl.col("verschil_cent").clip(lower_bound=0)
        )
        .select(
            "aanbieder",
            "client",
            *extra,
            "periode",
            "periode_van",
            "periode_tot",
            "dagen",
            "betaald_cent",
            "herzien_cent",
            "verschil_cent",
            "compensatie_cent",
        )
        .sort("aanbieder", "client", "periode")
        .collect()
    )
    return regels


def per_aanbieder(regels: pl.DataFrame) -> pl.DataFrame:
    """Compensation report per provider: clients, clients owed, paid, revised, compensation."""
    return (
        regels.group_by("aanbieder")
        .agg(
            clienten=pl.col("client").n_unique(),
            clienten_met_compensatie=pl.col("client").filter(pl.col("compensatie_cent") > 0).n_unique(),
            betaald_cent=pl.col("betaald_cent").sum(),
            herzien_cent=pl.col("herzien_cent").sum(),
            compensatie_cent=pl.col("compensatie_cent").sum(),
        )
        .sort("aanbieder")
    )


@dataclass(frozen=True)
class Budgettoets:
    totaal_cent: int
    budget_cent: int | None

    @property
    def ruimte_cent(self) -> int | None:
        return None if self.budget_cent is None else self.budget_cent - self.totaal_cent

    @property
    def binnen_budget(self) -> bool | None:
        return None if self.budget_cent is None else self.totaal_cent <= self.budget_cent


def toets_budget(rapport: pl.DataFrame, budget_cent: int | None) -> Budgettoets:
    """Total compensation (sum of the providers' totals) against the budget."""
    return Budgettoets(int(rapport["compensatie_cent"].sum()), budget_cent)
