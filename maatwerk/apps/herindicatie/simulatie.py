"""Simulate a herindicatie before anyone is visited: the engine's batch path + the transition policy.

Pure Python (polars), no Django. Input: the caseload as a frame (:data:`CASELOAD_KOLOMMEN` plus optional
situation columns). The engine (``maatwerk.engine.batch.indiceer_batch``) computes the new minutes per
week and the household-help trede per client; where a client has no situation columns the engine uses
the typical situation and flags it (``situatie_typisch``: the consulent must verify). Then the transition
policy is applied per client.

Output columns (stable; the finance app reads them), one row per client, see :data:`UITVOER_KOLOMMEN`:

==========================  =====================================================================
``caseload_id``             id of :class:`~maatwerk.apps.herindicatie.models.CaseloadClient` (no BSN)
``aanbieder``               provider name ('' for PGB without provider)
``leveringsvorm``           zin / pgb
``leeftijdsklasse``         age class on the peildatum (``<30`` ... ``86+``)
``klasse_oud``              hh1 / hh2
``oude_uren_per_week``      old indication, hours per week (null = onbekend)
``nieuwe_minuten_per_week`` engine: minutes per week
``nieuwe_uren_per_week``    engine: hours per week
``verschil_uren_per_week``  new minus old hours per week (null when old is onbekend)
``richting``                omhoog / omlaag / gelijk (difference below 0,05 h) / onbekend
``trede_hbh``               engine: household-help trede
``nieuwe_intensiteit``      the trede on the policy's scale (e.g. basis/plus/intensief)
``situatie_typisch``        true when the typical situation was used (consulent must verify)
``overgang_intensiteit``    intensity during the transition (or ``oude_indicatie``)
``overgang_tot``            ISO date, ``permanent`` or '' (no transition)
``regel``                   rule id ``<beleid>/<regel>``
``toelichting``             Dutch explanation
``aanvullende_ondersteuning``  true when a criterion for aanvullende ondersteuning HbH holds
``aanvullende_redenen``     the criteria that hold, separated by '; '
``tarief_per_periode``      engine: tariff per period for the trede (null when unknown)
==========================  =====================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import polars as pl

from maatwerk.regeltaal.waarden import leeftijd_expr as regeltaal_leeftijd

from .nulmeting import LEEFTIJDSKLASSEN
from .overgang import Overgangsbeleid, bepaal_overgang, plus_maanden

CASELOAD_KOLOMMEN = (
    "caseload_id",
    "geboortedatum",
    "uren_per_week_oud",
    "klasse_oud",
    "leveringsvorm",
    "aanbieder",
)
UITVOER_KOLOMMEN: tuple[str, ...] = (
    "caseload_id",
    "aanbieder",
    "leveringsvorm",
    "leeftijdsklasse",
    "klasse_oud",
    "oude_uren_per_week",
    "nieuwe_minuten_per_week",
    "nieuwe_uren_per_week",
    "verschil_uren_per_week",
    "richting",
    "trede_hbh",
    "nieuwe_intensiteit",
    "situatie_typisch",
    "overgang_intensiteit",
    "overgang_tot",
    "regel",
    "toelichting",
    "aanvullende_ondersteuning",
    "aanvullende_redenen",
    "tarief_per_periode",
)
GELIJK_MARGE_UREN = 0.05  # below this (3 minutes) a difference is reported as "gelijk"

Batch = Callable[..., pl.DataFrame]


def engine_batch() -> Batch:
    """The engine's batch function; a Dutch error when the engine has no batch path (yet)."""
    try:
        from maatwerk.engine.batch import indiceer_batch
    except ImportError as exc:
        raise RuntimeError(f"de batch-engine (maatwerk.engine.batch) is niet beschikbaar: {exc}") from None
    return indiceer_batch


def leeftijd_expr(peildatum: dt.date) -> pl.Expr:
    """Whole years on the peildatum (birthday included) as a polars expression over ``geboortedatum``."""
    return regeltaal_leeftijd(pl.col("geboortedatum"), peildatum)


def leeftijdsklasse_expr(peildatum: dt.date) -> pl.Expr:
    """Age class on the peildatum as a polars expression over ``geboortedatum``."""
    jaren = leeftijd_expr(peildatum)
    expr = pl.lit(LEEFTIJDSKLASSEN[-1][0])
    for label, _laag, hoog in reversed(LEEFTIJDSKLASSEN[:-1]):
        expr = pl.when(jaren <= hoog).then(pl.lit(label)).otherwise(expr)
    return expr


def simuleer(
    caseload: pl.DataFrame,
    kader: str,
    peildatum: dt.date,
    beleid: Overgangsbeleid | None = None,
    batch: Batch | None = None,
    driegesprekken: dict[int, tuple[str, dt.date | None]] | None = None,
) -> pl.DataFrame:
    """Run the engine over the caseload and apply the transition policy. Returns :data:`UITVOER_KOLOMMEN`."""
    batch = batch or engine_batch()
    situatie = [c for c in caseload.columns if c not in CASELOAD_KOLOMMEN]
    invoer = caseload.select(pl.col("caseload_id").alias("id"), "geboortedatum", *situatie)
    engine = batch(invoer, kader=kader, peildatum=peildatum)
    if "situatie_typisch" not in engine.columns:
        typisch = caseload.select(
            pl.col("caseload_id").alias("id"),
            pl.all_horizontal([pl.col(c).is_null() for c in situatie] or [pl.lit(True)]).alias(
                "situatie_typisch"
            ),
        )
        engine = engine.join(typisch, on="id", how="left")
    if "tarief_per_periode" not in engine.columns:
        engine = engine.with_columns(pl.lit(None, dtype=pl.Float64).alias("tarief_per_periode"))
    samen = caseload.join(
        engine.select(
            pl.col("id").alias("caseload_id"),
            pl.col("totaal_minuten_per_week").cast(pl.Float64).alias("nieuwe_minuten_per_week"),
            pl.col("trede_hbh").cast(pl.Utf8),
            pl.col("situatie_typisch").cast(pl.Boolean),
            pl.col("tarief_per_periode").cast(pl.Float64),
        ),
        on="caseload_id",
        how="left",
    )
    oud = pl.col("uren_per_week_oud").cast(pl.Float64)
    nieuw = (pl.col("nieuwe_minuten_per_week") / 60).round(2)
    verschil = (nieuw - oud).round(2)
    samen = samen.with_columns(
        leeftijdsklasse_expr(peildatum).alias("leeftijdsklasse"),
        oud.alias("oude_uren_per_week"),
        nieuw.alias("nieuwe_uren_per_week"),
        verschil.alias("verschil_uren_per_week"),
        pl.when(oud.is_null())
        .then(pl.lit("onbekend"))
        .when(verschil >= GELIJK_MARGE_UREN)
        .then(pl.lit("omhoog"))
        .when(verschil <= -GELIJK_MARGE_UREN)
        .then(pl.lit("omlaag"))
        .otherwise(pl.lit("gelijk"))
        .alias("richting"),
    )
    samen = _overgang(samen, peildatum, beleid, situatie, driegesprekken or {})
    return samen.select(UITVOER_KOLOMMEN).sort("caseload_id")


def _overgang(
    frame: pl.DataFrame,
    peildatum: dt.date,
    beleid: Overgangsbeleid | None,
    situatie: list[str],
    driegesprekken: dict[int, tuple[str, dt.date | None]],
) -> pl.DataFrame:
    """Apply the policy once per distinct input combination (ages canonicalised), then join back."""
    if beleid is None:
        return frame.with_columns(
            pl.col("trede_hbh").alias("nieuwe_intensiteit"),
            pl.col("trede_hbh").alias("overgang_intensiteit"),
            pl.lit("").alias("overgang_tot"),
            pl.lit("").alias("regel"),
            pl.lit("Geen overgangsbeleid gekozen.").alias("toelichting"),
            pl.lit(False).alias("aanvullende_ondersteuning"),
            pl.lit("").alias("aanvullende_redenen"),
        )
    leden = [c for c in situatie if c.startswith("lid") and c.endswith("_rol")]
    if leden and "personen_in_huishouden" not in frame.columns:  # derived feature for the criteria
        aanwezig = [(pl.col(c).is_not_null() & (pl.col(c).cast(pl.Utf8) != "")).cast(pl.Int32) for c in leden]
        frame = frame.with_columns((1 + pl.sum_horizontal(aanwezig)).alias("personen_in_huishouden"))
    criteria = beleid.aanvullende_ondersteuning.criteria if beleid.aanvullende_ondersteuning else []
    kenmerken = [
        k for k in dict.fromkeys(f for c in criteria for f in sorted(c.als.feiten())) if k in frame.columns
    ]
    gesprek = pl.DataFrame(
        {
            "caseload_id": list(driegesprekken),
            "driegesprek": [u for u, _ in driegesprekken.values()],
            "driegesprek_tot": [t for _, t in driegesprekken.values()],
        },
        schema={
            "caseload_id": frame.schema["caseload_id"],
            "driegesprek": pl.Utf8,
            "driegesprek_tot": pl.Date,
        },
    )
    frame = frame.join(gesprek, on="caseload_id", how="left").with_columns(
        leeftijd_expr(peildatum).alias("_leeftijd")
    )
    sleutel = [
        "uren_per_week_oud",
        "_leeftijd",
        "trede_hbh",
        "nieuwe_minuten_per_week",
        "driegesprek",
        "driegesprek_tot",
        *kenmerken,
    ]
    uniek = frame.select(sleutel).unique()
    uitkomsten: list[dict[str, Any]] = []
    for rij in uniek.iter_rows(named=True):
        intensiteit = beleid.intensiteit_voor(rij["trede_hbh"], rij["nieuwe_minuten_per_week"])
        if beleid.intensiteiten is None:  # a policy without its own scale speaks in the kader's treden
            intensiteit = rij["trede_hbh"]
        minuten = rij["nieuwe_minuten_per_week"]
        uit = bepaal_overgang(
            beleid,
            oude_uren=rij["uren_per_week_oud"],
            geboortedatum=plus_maanden(peildatum, -12 * rij["_leeftijd"]),  # same whole age on the peildatum
            peildatum=peildatum,
            nieuwe_intensiteit=intensiteit,
            nieuwe_uren=None if minuten is None else Decimal(str(minuten)) / 60,
            kenmerken={k: rij[k] for k in kenmerken},
            driegesprek=rij["driegesprek"],
            driegesprek_tot=rij["driegesprek_tot"],
        ).as_json()
        uitkomsten.append(
            {
                **{k: rij[k] for k in sleutel},
                "nieuwe_intensiteit": intensiteit or "",
                "overgang_intensiteit": uit["overgang_intensiteit"],
                "overgang_tot": uit["overgang_tot"] or "",
                "regel": uit["regel"],
                "toelichting": uit["toelichting"],
                "aanvullende_ondersteuning": uit["aanvullende_ondersteuning"],
                "aanvullende_redenen": "; ".join(uit["aanvullende_redenen"]),
            }
        )
    tabel = pl.DataFrame(uitkomsten, schema={**uniek.schema, **_UITKOMST_SCHEMA}) if uitkomsten else None
    if tabel is None:
        return frame.with_columns(*(pl.lit(None, dtype=t).alias(k) for k, t in _UITKOMST_SCHEMA.items()))
    return frame.join(tabel, on=sleutel, how="left", nulls_equal=True)


_UITKOMST_SCHEMA = {
    "nieuwe_intensiteit": pl.Utf8,
    "overgang_intensiteit": pl.Utf8,
    "overgang_tot": pl.Utf8,
    "regel": pl.Utf8,
    "toelichting": pl.Utf8,
    "aanvullende_ondersteuning": pl.Boolean,
    "aanvullende_redenen": pl.Utf8,
}


def samenvatting(uitkomst: pl.DataFrame) -> dict[str, Any]:
    """How many go up/down/stay and by how much, overall, per provider and per age class."""

    def groep(frame: pl.DataFrame, kolom: str) -> list[dict[str, Any]]:
        return (
            frame.group_by(kolom)
            .agg(_aggregaten())
            .sort(kolom)
            .with_columns(pl.col(pl.Float64).round(2))
            .to_dicts()
        )

    totaal = uitkomst.select(_aggregaten()).with_columns(pl.col(pl.Float64).round(2)).to_dicts()[0]
    regels = uitkomst.group_by("regel").len("aantal").sort("aantal", descending=True).to_dicts()
    return {
        "totaal": totaal,
        "per_aanbieder": groep(uitkomst.with_columns(pl.col("aanbieder").replace("", "(PGB)")), "aanbieder"),
        "per_leeftijdsklasse": sorted(
            groep(uitkomst, "leeftijdsklasse"),
            key=lambda r: [k[0] for k in LEEFTIJDSKLASSEN].index(r["leeftijdsklasse"]),
        ),
        "overgangsregels": regels,
        "aanvullende_ondersteuning": int(uitkomst["aanvullende_ondersteuning"].sum() or 0),
        "situatie_typisch": int(uitkomst["situatie_typisch"].sum() or 0),
    }


def _aggregaten() -> list[pl.Expr]:
    v = pl.col("verschil_uren_per_week")
    return [
        pl.len().alias("aantal"),
        (pl.col("richting") == "omhoog").sum().alias("omhoog"),
        (pl.col("richting") == "omlaag").sum().alias("omlaag"),
        (pl.col("richting") == "gelijk").sum().alias("gelijk"),
        (pl.col("richting") == "onbekend").sum().alias("onbekend"),
        v.mean().alias("gemiddeld_verschil_uren"),
        v.filter(v < 0).mean().alias("gemiddelde_daling_uren"),
        v.filter(v > 0).mean().alias("gemiddelde_stijging_uren"),
        pl.col("oude_uren_per_week").sum().alias("oude_uren_totaal"),
        pl.col("nieuwe_uren_per_week").sum().alias("nieuwe_uren_totaal"),
    ]
