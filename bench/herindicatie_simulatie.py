"""Benchmark: simulate a herindicatie over a Den Haag-size (11,000) and a national (500,000) caseload.

Times the herindicatie module's pure function ``maatwerk.apps.herindicatie.simulatie.simuleer`` (engine
batch ``maatwerk.engine.batch.indiceer_batch`` + transition policy) on a synthetic Polars frame, no
database, then the finance budget over the outcome. Each size runs in a fresh process limited to two
threads (``POLARS_MAX_THREADS=2``) so that its peak memory (max RSS of that process, including Python,
Polars and the synthetic frame, measured before the budget step) is its own. Targets: 11,000
clients < 1 s, 500,000 < 10 s on 2 cores.

Prints ``BENCH simulatie_11000 <s> s``, ``BENCH simulatie_500000 <s> s``,
``BENCH simulatie_500000_peak_rss <MiB> MiB`` and the budget timings ``BENCH begroting_<n> <s> s``.
Run alone: ``python -m bench herindicatie_simulatie``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time

import numpy as np
import polars as pl

from bench import piek_rss_mib

AANTALLEN = (11_000, 500_000)
KADER = "kpmg-hbel"  # the normenkader Voorbeeldstad activates
BELEID = "denhaag-2017"
PEILDATUM = dt.date(2024, 1, 1)


def synthetische_caseload(aantal: int, seed: int = 2017) -> pl.DataFrame:
    """Typed caseload frame as the simulation takes it (``CASELOAD_KOLOMMEN`` + engine situation columns).

    Old hours and providers follow the herindicatie demo distribution; 40% of the clients have no
    situation columns (the engine uses the typical situation for them).
    """
    from maatwerk.apps.herindicatie.demo import AANBIEDERS, UREN, UREN_GEWICHT

    rng = np.random.default_rng(seed)
    leeftijd_dagen = (np.clip(rng.normal(79, 11, aantal), 19, 101) * 365.25).astype(np.int64)
    uren = rng.choice(np.array(UREN), size=aantal, p=np.array(UREN_GEWICHT) / sum(UREN_GEWICHT))
    onbekend = rng.random(aantal) < 0.012
    pgb = rng.random(aantal) < 0.07
    heeft = rng.random(aantal) < 0.6
    frame = pl.DataFrame(
        {
            "caseload_id": np.arange(1, aantal + 1, dtype=np.int64),
            "geboortedatum": pl.Series(np.datetime64(PEILDATUM) - leeftijd_dagen.astype("timedelta64[D]")),
            "uren_per_week_oud": np.where(onbekend, np.nan, uren),
            "klasse_oud": np.where(uren > 3, "hh2", "hh1"),
            "leveringsvorm": np.where(pgb, "pgb", "zin"),
            "aanbieder": np.where(pgb, "", np.array(AANBIEDERS)[rng.integers(0, len(AANBIEDERS), aantal)]),
            "kamers_in_gebruik": np.where(heeft, rng.integers(2, 6, aantal), -1),
            "incontinentie": heeft & (rng.random(aantal) < 0.1),
            "rolstoel_binnenshuis": heeft & (rng.random(aantal) < 0.05),
        }
    )
    return frame.with_columns(
        pl.col("geboortedatum").cast(pl.Date),
        pl.col("uren_per_week_oud").fill_nan(None),
        pl.when(pl.Series(heeft)).then(pl.col("kamers_in_gebruik")).alias("kamers_in_gebruik"),
        pl.when(pl.Series(heeft)).then(pl.col("incontinentie")).alias("incontinentie"),
        pl.when(pl.Series(heeft)).then(pl.col("rolstoel_binnenshuis")).alias("rolstoel_binnenshuis"),
    )


def meet(aantal: int) -> dict[str, float]:
    """One size, in this process: seconds for the simulation and the budget, peak RSS in MiB."""
    from maatwerk.apps.finance.begroting import begroting_per_jaar
    from maatwerk.apps.finance.bronnen import HERNOEM
    from maatwerk.apps.finance.matrix import (
        intensiteit_naar_trede,
        matrix_van_kader,
        normaliseer_trede,
        tarieftabel,
    )
    from maatwerk.apps.finance.tarieven import pxq_tabel
    from maatwerk.apps.herindicatie.overgang import laad_beleid
    from maatwerk.apps.herindicatie.simulatie import engine_batch, simuleer

    caseload = synthetische_caseload(aantal)
    beleid = laad_beleid(BELEID, PEILDATUM)
    batch = engine_batch()
    simuleer(caseload.head(200), KADER, PEILDATUM, beleid, batch=batch)  # warm-up: rule files, caches
    begin = time.perf_counter()
    uitkomst = simuleer(caseload, KADER, PEILDATUM, beleid, batch=batch)
    simulatie = time.perf_counter() - begin
    rss = piek_rss_mib()  # before the budget
    assert uitkomst.height == aantal

    tabel = tarieftabel(matrix_van_kader(KADER, PEILDATUM))
    grenzen = [
        (
            g.intensiteit,
            None if g.tot_en_met_minuten_per_week is None else float(g.tot_en_met_minuten_per_week),
        )
        for g in beleid.intensiteiten.indeling_naar_minuten.grenzen
    ]
    begin = time.perf_counter()
    frame = uitkomst.rename(HERNOEM).with_columns(
        pl.col("client").cast(pl.String),
        normaliseer_trede("trede"),
        normaliseer_trede("overgang_intensiteit"),
    )
    begroting_per_jaar(
        frame,
        pxq_tabel("voorbeeldstad"),
        tabel,
        PEILDATUM,
        2024,
        2027,
        intensiteit_naar_trede(grenzen, tabel),
    )
    begroting = time.perf_counter() - begin
    return {"simulatie": simulatie, "begroting": begroting, "peak_rss": rss}


def run() -> None:
    omgeving = {**os.environ, "POLARS_MAX_THREADS": "2", "OMP_NUM_THREADS": "2"}
    for aantal in AANTALLEN:
        proces = subprocess.run(
            [sys.executable, "-m", "bench.herindicatie_simulatie", str(aantal)],
            env=omgeving,
            capture_output=True,
            text=True,
            check=False,
        )
        if proces.returncode != 0:
            print(proces.stderr, file=sys.stderr)
            raise SystemExit(f"benchmark herindicatie_simulatie ({aantal}) mislukt")
        uit = json.loads(proces.stdout.strip().splitlines()[-1])
        print(f"BENCH simulatie_{aantal} {uit['simulatie']:.3f} s", flush=True)
        print(f"BENCH simulatie_{aantal}_peak_rss {uit['peak_rss']:.0f} MiB", flush=True)
        print(f"BENCH begroting_{aantal} {uit['begroting']:.3f} s", flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 2:
        print(json.dumps(meet(int(sys.argv[1]))))
    else:
        run()
