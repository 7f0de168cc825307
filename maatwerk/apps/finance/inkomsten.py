"""Provider income per period: old system (hours x hourly tariff, PxQ) vs new (tariff per trede per period).

Like for like: the same ZIN clients on the same days (the overlap of the period with the old
indication's validity) are priced twice. PGB clients are not provider income and are left out;
clients whose old hours are unknown or whose new trede is missing are counted, not priced.

Exact arithmetic: old = ``uurtarief_cent * minuten_per_week * dagen / (60 * 7)``, new =
``tarief_cent * dagen / periode_dagen``; each client-period line is rounded half-up to cents once,
and every total is the sum of its rounded lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import polars as pl

from maatwerk.apps.finance.geld import rond_af_expr
from maatwerk.apps.finance.perioden import dagen_overlap
from maatwerk.regels.laden import Melding, Regelfout

MINUTEN_MAAL_DAGEN_PER_UUR_WEEK = 60 * 7
INDICATIE = ("ingangsdatum_oud", "einddatum_oud")
PERIODE = ("periode_van", "periode_tot")
TARIEF = ("van", "tot")


def _minuten_oud() -> pl.Expr:
    return (pl.col("uren_per_week_oud") * 60).round(0).cast(pl.Int64).alias("minuten_oud")


def _controleer_dekking(x: pl.DataFrame, sleutels: list[str], wat: str) -> None:
    """Every indicated day in a period must have exactly one tariff; else a Dutch error."""
    gat = x.filter(pl.col("dagen_getarifeerd") != pl.col("dagen"))
    if gat.height:
        eerste = gat.row(0, named=True)
        waar = ", ".join(f"{k}={eerste[k]}" for k in sleutels)
        raise Regelfout(
            [
                Melding(
                    f"{gat.height} cliëntperiode(n) zonder (volledig) geldend {wat}; eerste: {waar}, periode "
                    f"{eerste['periode_van']}..{eerste['periode_tot']}",
                    sleutel="tarieven",
                )
            ]
        )


def _som_per_periode(
    rijen: pl.DataFrame,
    perioden: pl.DataFrame,
    tarieven: pl.DataFrame,
    links: list[str],
    rechts: list[str],
    geldig: tuple[str, str],
    teller: Callable[[Callable[[str], pl.Expr], pl.Expr], pl.Expr],
) -> pl.DataFrame:
    """Per ``_rij`` and period: ``dagen`` in the period, ``dagen_getarifeerd`` and the summed numerator.

    The tariff table is made wide, one set of columns per validity version (there are few), so a row
    meets each period once: no group-by, and a tariff change inside a period splits the days exactly.
    ``teller(kolom, dagen)`` builds a version's numerator from ``kolom(name)`` (that version's tariff
    columns) and its days. Only keys, dates and numbers travel through the cross join; descriptive
    columns are joined back afterwards.
    """
    versies = tarieven.select("van", "tot").unique().sort("van").rows()
    breed = rijen
    for i, (van, tot) in enumerate(versies):
        versie = tarieven.filter((pl.col("van") == van) & (pl.col("tot") == tot)).drop("van", "tot")
        hernoem = {k: f"{k}__{i}" for k in versie.columns if k not in rechts}
        breed = breed.join(
            versie.rename(hernoem), left_on=links, right_on=rechts, how="left", maintain_order="left"
        )
    x = (
        breed.lazy()
        .join(perioden.lazy().select("periode", *PERIODE), how="cross")
        .with_columns(dagen=dagen_overlap(PERIODE, geldig))
        .filter(pl.col("dagen") > 0)
    )
    dagen_t, tellers = [], []
    for i, (van, tot) in enumerate(versies):
        kolom = lambda n, i=i: pl.col(f"{n}__{i}")  # noqa: E731
        heeft = pl.col(f"{tarieven.columns[-1]}__{i}").is_not_null()
        d = pl.when(heeft).then(dagen_overlap(PERIODE, geldig, (pl.lit(van), pl.lit(tot)))).otherwise(0)
        dagen_t.append(d)
        tellers.append(pl.when(heeft).then(teller(kolom, d)).otherwise(0))
    return x.select(
        "_rij",
        "periode",
        "dagen",
        dagen_getarifeerd=pl.sum_horizontal(dagen_t) if dagen_t else pl.lit(0),
        teller=pl.sum_horizontal(tellers) if tellers else pl.lit(0),
    ).collect()


def _met_kenmerken(
    som: pl.DataFrame, rijen: pl.DataFrame, perioden: pl.DataFrame, kolommen: list[str]
) -> pl.DataFrame:
    return som.join(rijen.select("_rij", *kolommen), on="_rij", how="left", maintain_order="left").join(
        perioden.select("periode", *PERIODE), on="periode", how="left", maintain_order="left"
    )


def pxq_bedragen(
    frame: pl.DataFrame,
    pxq: pl.DataFrame,
    perioden: pl.DataFrame,
    geldig: tuple[str, str] = INDICATIE,
    uit: str = "bedrag_oud_cent",
    met_kenmerken: bool = True,
) -> pl.DataFrame:
    """Per row with known hours and per period: ``dagen``, ``minuten_oud`` and the PxQ amount.

    ``geldig``: the (start, end) columns of the row's validity (null end = open). Without
    ``met_kenmerken`` only ``periode`` and the amount are returned (fast path for totals).
    """
    rijen = (
        frame.filter(pl.col("uren_per_week_oud").is_not_null())
        .with_columns(_minuten_oud())
        .with_row_index("_rij")
    )
    sleutels = ["klasse_oud", "leveringsvorm"]
    som = _som_per_periode(
        rijen.select("_rij", *sleutels, "minuten_oud", *geldig),
        perioden,
        pxq.select("klasse", "leveringsvorm", "van", "tot", "uurtarief_cent"),
        sleutels,
        ["klasse", "leveringsvorm"],
        geldig,
        lambda kolom, dagen: kolom("uurtarief_cent") * pl.col("minuten_oud") * dagen,
    )
    kenmerken = ["client", "aanbieder", "klasse_oud", "leveringsvorm", "minuten_oud"]
    gat = som.filter(pl.col("dagen_getarifeerd") != pl.col("dagen"))
    if gat.height:
        _controleer_dekking(
            _met_kenmerken(gat, rijen, perioden, kenmerken), kenmerken[:1] + kenmerken[2:4], "uurtarief"
        )
    bedrag = rond_af_expr(pl.col("teller"), MINUTEN_MAAL_DAGEN_PER_UUR_WEEK).alias(uit)
    if not met_kenmerken:
        return som.select("periode", bedrag)
    x = _met_kenmerken(som, rijen, perioden, kenmerken)
    return x.select(
        "client",
        "aanbieder",
        "leveringsvorm",
        "periode",
        "periode_van",
        "periode_tot",
        "dagen",
        "minuten_oud",
        bedrag,
    )


def oude_bedragen(caseload: pl.DataFrame, pxq: pl.DataFrame, perioden: pl.DataFrame) -> pl.DataFrame:
    """Per ZIN client with known hours and per period: ``dagen`` and ``bedrag_oud_cent`` (PxQ)."""
    return pxq_bedragen(caseload.filter(pl.col("leveringsvorm") == "zin"), pxq, perioden)


def periode_bedragen(
    frame: pl.DataFrame,
    tarieven: pl.DataFrame,
    perioden: pl.DataFrame,
    trede_kolom: str,
    geldig: tuple[str, str],
    uit: str,
    met_kenmerken: bool = True,
) -> pl.DataFrame:
    """Per row and period: ``tarief x dagen / periode_dagen`` for the trede in ``trede_kolom``.

    ``tarieven``: trede, van, tot, tarief_cent, periode_dagen (the resultatenmatrix as a frame).
    ``geldig``: the (start, end) columns of the row's own validity (null end = open).
    """
    noemer = math.lcm(*tarieven["periode_dagen"].unique().to_list()) if tarieven.height else 1
    rijen = frame.with_row_index("_rij")
    som = _som_per_periode(
        rijen.select("_rij", trede_kolom, *geldig),
        perioden,
        tarieven.select("trede", "van", "tot", "periode_dagen", "tarief_cent"),
        [trede_kolom],
        ["trede"],
        geldig,
        lambda kolom, dagen: kolom("tarief_cent") * dagen * (noemer // kolom("periode_dagen")),
    )
    kenmerken = ["client", "aanbieder", "leveringsvorm", trede_kolom]
    gat = som.filter(pl.col("dagen_getarifeerd") != pl.col("dagen"))
    if gat.height:
        _tarief_fout(_met_kenmerken(gat, rijen, perioden, kenmerken), tarieven, trede_kolom)
    bedrag = rond_af_expr(pl.col("teller"), noemer).alias(uit)
    if not met_kenmerken:
        return som.select("periode", bedrag)
    x = _met_kenmerken(som, rijen, perioden, kenmerken)
    return x.select(
        "client",
        "aanbieder",
        "leveringsvorm",
        "periode",
        "periode_van",
        "periode_tot",
        "dagen",
        pl.col(trede_kolom),
        bedrag,
    )


def _tarief_fout(x: pl.DataFrame, tarieven: pl.DataFrame, trede_kolom: str) -> None:
    """Raise a Dutch error for client-periods without a (complete) trede tariff."""
    onbekend = x.filter(pl.col("dagen_getarifeerd") == 0).get_column(trede_kolom).unique().drop_nulls().sort()
    bekend = set(tarieven["trede"].to_list())
    vreemd = [t for t in onbekend.to_list() if t not in bekend]
    if vreemd:
        raise Regelfout(
            [
                Melding(
                    f"trede/intensiteit {', '.join(repr(t) for t in vreemd)} komt niet voor in de "
                    f"resultatenmatrix (bekend: {', '.join(sorted(bekend))})",
                    sleutel=trede_kolom,
                )
            ]
        )
    _controleer_dekking(x, ["client", trede_kolom], "tarief per trede")


def nieuwe_bedragen(
    caseload: pl.DataFrame, tarieven: pl.DataFrame, perioden: pl.DataFrame, trede_kolom: str = "trede"
) -> pl.DataFrame:
    """Per ZIN client with known old hours and a new trede, per period: ``bedrag_nieuw_cent``."""
    zin = caseload.filter(
        (pl.col("leveringsvorm") == "zin")
        & pl.col("uren_per_week_oud").is_not_null()
        & pl.col(trede_kolom).is_not_null()
    )
    return periode_bedragen(zin, tarieven, perioden, trede_kolom, INDICATIE, "bedrag_nieuw_cent")


def inkomsten_per_aanbieder(
    caseload: pl.DataFrame,
    pxq: pl.DataFrame,
    tarieven: pl.DataFrame,
    perioden: pl.DataFrame,
    trede_kolom: str = "trede",
    per_periode: bool = True,
) -> pl.DataFrame:
    """Income old vs new per provider (and period): clients, hours, euros in cents, difference.

    A client for whom the engine finds no minutes at all (``minuten_nieuw`` = 0, so no trede) earns the
    provider nothing in the new system and is counted with € 0; a missing trede for any other reason
    leaves the client out (see :func:`niet_geprijsd`).
    """
    geprijsd = caseload.filter(pl.col("uren_per_week_oud").is_not_null() & _prijsbaar(caseload, trede_kolom))
    oud = oude_bedragen(geprijsd, pxq, perioden)
    nieuw = nieuwe_bedragen(geprijsd, tarieven, perioden, trede_kolom)
    sleutel = ["client", "aanbieder", "periode"]
    regels = oud.join(nieuw.select(*sleutel, "bedrag_nieuw_cent"), on=sleutel, how="left").with_columns(
        pl.col("bedrag_nieuw_cent").fill_null(0)
    )
    groep = ["aanbieder", "periode", "periode_van", "periode_tot"] if per_periode else ["aanbieder"]
    if not per_periode:
        regels = regels.drop("periode_van", "periode_tot")
    uit = (
        regels.group_by(groep)
        .agg(
            clienten=pl.col("client").n_unique(),
            uren_per_week_oud=pl.col("minuten_oud").filter(pl.col("client").is_first_distinct()).sum() / 60,
            inkomsten_oud_cent=pl.col("bedrag_oud_cent").sum(),
            inkomsten_nieuw_cent=pl.col("bedrag_nieuw_cent").sum(),
        )
        .with_columns(verschil_cent=pl.col("inkomsten_nieuw_cent") - pl.col("inkomsten_oud_cent"))
        .with_columns(
            verschil_pct=pl.when(pl.col("inkomsten_oud_cent") > 0).then(
                100 * pl.col("verschil_cent") / pl.col("inkomsten_oud_cent")
            )
        )
        .sort(groep)
    )
    return uit


def niet_geprijsd(caseload: pl.DataFrame, trede_kolom: str = "trede") -> dict[str, int]:
    """Counts of clients left out of the comparison, by reason."""
    return {
        "pgb": caseload.filter(pl.col("leveringsvorm") == "pgb").height,
        "uren_onbekend": caseload.filter(
            (pl.col("leveringsvorm") == "zin") & pl.col("uren_per_week_oud").is_null()
        ).height,
        "trede_onbekend": caseload.filter(
            (pl.col("leveringsvorm") == "zin")
            & pl.col("uren_per_week_oud").is_not_null()
            & ~_prijsbaar(caseload, trede_kolom)
        ).height,
    }


def _prijsbaar(caseload: pl.DataFrame, trede_kolom: str) -> pl.Expr:
    """A new trede, or no trede because the engine found no minutes at all (new income € 0)."""
    geen_minuten = pl.col("minuten_nieuw") == 0 if "minuten_nieuw" in caseload.columns else pl.lit(False)
    return pl.col(trede_kolom).is_not_null() | geen_minuten.fill_null(False)
