"""Normenkader engine: single-indication latency, the vectorised batch path on 1,000,000 situations,
batch vs per-case loop on the same 20,000 situations, and the peak memory of the 1M batch.

Synthetic situations are generated with NumPy (:func:`synthetische_situaties`; all flat columns:
households of up to 4 members of every rol/age/ability, every omstandigheid, netwerk minutes,
voorzieningen); generation is timed and reported separately. The 1M batch runs in a fresh subprocess
reading the situations from a Parquet file, so that its peak RSS (``VmHWM``: :func:`bench.piek_rss_mib`)
is that of a ``maatwerk batch`` run: Python, polars, the rule files and the 1M-row input frame included
(``batch_1000000_input_rss`` is the peak right after reading the input, before any batch).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import polars as pl

from bench import piek_rss_mib

KADER = "kpmg-hbel"  # the normenkader Voorbeeldstad activates
PEILDATUM = dt.date(2026, 3, 1)
GROOT = 1_000_000
VERGELIJK = 20_000
LATENTIE = 2_000


def synthetische_situaties(aantal: int, seed: int = 3, peildatum: dt.date = PEILDATUM) -> pl.DataFrame:
    """``aantal`` random but valid flat situations (no peildatum column: pass it to the batch)."""
    from maatwerk.engine.batch import MEEDOEN, NIVEAUS, ROLLEN, WONINGTYPES
    from maatwerk.engine.plat import MAX_LEDEN, VOORZIENINGEN
    from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN

    rng = np.random.default_rng(seed)
    peil = np.datetime64(peildatum, "D")

    def geboren(min_jaar: float, max_jaar: float) -> pl.Series:
        dagen = (rng.uniform(min_jaar, max_jaar, aantal) * 365.25).astype(np.int64)
        return pl.Series(peil - dagen.astype("timedelta64[D]")).cast(pl.Date)

    def kies(woorden: tuple[str, ...] | list[str], p: list[float] | None = None) -> pl.Series:
        return pl.Series(list(woorden), dtype=pl.String).gather(rng.choice(len(woorden), aantal, p=p))

    kolommen: dict[str, pl.Series | np.ndarray] = {
        "id": np.arange(1, aantal + 1, dtype=np.int64),
        "geboortedatum": geboren(18, 100),
        "woning_type": kies(WONINGTYPES),
        "kamers_in_gebruik": rng.integers(1, 8, aantal),
        "kamers_niet_in_gebruik": rng.integers(0, 3, aantal),
        "trap": rng.random(aantal) < 0.4,
    }
    for c in CATEGORIEEN:
        kolommen[f"beperking_{c}"] = kies(NIVEAUS, [0.4, 0.35, 0.25])
    for o in OMSTANDIGHEDEN:
        kolommen[o] = rng.random(aantal) < 0.08
    for i in range(1, MAX_LEDEN + 1):
        heeft = rng.random(aantal) < 0.6 / i
        rol = pl.Series(list(ROLLEN), dtype=pl.String).gather(rng.integers(0, len(ROLLEN), aantal))
        kolommen[f"lid{i}_rol"] = rol.set(pl.Series(~heeft), None)
        kolommen[f"lid{i}_geboortedatum"] = geboren(0, 95).set(pl.Series(~heeft), None)
        kolommen[f"lid{i}_kan_meedoen"] = kies(MEEDOEN, [0.6, 0.25, 0.15])
    for c in CATEGORIEEN:
        kolommen[f"netwerk_{c}_minuten"] = np.where(
            rng.random(aantal) < 0.15, np.round(rng.uniform(5, 240, aantal), 1), 0.0
        )
    for v in VOORZIENINGEN:
        kolommen[f"voorziening_{v}"] = rng.random(aantal) < 0.05
    return pl.DataFrame(
        {k: (v.rename(k) if isinstance(v, pl.Series) else pl.Series(k, v)) for k, v in kolommen.items()}
    )


def _situaties(frame: pl.DataFrame, peildatum: dt.date) -> list:
    from maatwerk.engine.plat import rij_naar_situatie

    return [
        rij_naar_situatie({k: v for k, v in r.items() if k != "id"}, peildatum)
        for r in frame.iter_rows(named=True)
    ]


def _groot(pad: str) -> None:
    """Subprocess: read the GROOT situations (Parquet) and batch them; print one JSON line."""
    from maatwerk.engine.batch import indiceer_batch

    frame = pl.read_parquet(pad)
    invoer_rss = piek_rss_mib()
    indiceer_batch(frame.head(1000), KADER, PEILDATUM)  # warm-up: rule files, compile
    tijden = []
    for _ in range(3):
        begin = time.perf_counter()
        uit = indiceer_batch(frame, KADER, PEILDATUM)
        tijden.append(time.perf_counter() - begin)
        del uit
    rss = piek_rss_mib()
    indiceer_batch(frame.head(1000), "h4", PEILDATUM)
    h4 = []
    for _ in range(2):  # a kader with 10 activities, gebruikelijke hulp, netwerk and an aanvullend product
        begin = time.perf_counter()
        indiceer_batch(frame, "h4", PEILDATUM)
        h4.append(time.perf_counter() - begin)
    uit = {"batch": min(tijden), "mediaan": statistics.median(tijden), "rss": rss, "invoer": invoer_rss}
    print(json.dumps(uit | {"h4": min(h4)}))


def run() -> None:
    from maatwerk.engine import indiceer
    from maatwerk.engine.batch import indiceer_batch

    # single-case latency (in-process, warm)
    frame = synthetische_situaties(VERGELIJK, seed=5)
    situaties = _situaties(frame, PEILDATUM)
    for s in situaties[:200]:
        indiceer(s, KADER)
    lat = []
    for s in situaties[:LATENTIE]:
        begin = time.perf_counter_ns()
        indiceer(s, KADER)
        lat.append((time.perf_counter_ns() - begin) / 1000)
    lat.sort()
    print(f"BENCH indiceer_single_latency_p50 {lat[len(lat) // 2]:.0f} us")
    print(f"BENCH indiceer_single_latency_p95 {lat[int(len(lat) * 0.95)]:.0f} us")

    # batch vs per-case loop on the same 20,000 situations
    begin, cpu = time.perf_counter(), time.process_time()
    for s in situaties:
        indiceer(s, KADER)
    lus, lus_cpu = time.perf_counter() - begin, time.process_time() - cpu
    indiceer_batch(frame.head(100), KADER, PEILDATUM)
    keer, keer_cpu = [], []
    for _ in range(7):  # a shared machine: the median of 7 runs, not one lucky or unlucky run
        begin, cpu = time.perf_counter(), time.process_time()
        indiceer_batch(frame, KADER, PEILDATUM)
        keer.append(time.perf_counter() - begin)
        keer_cpu.append(time.process_time() - cpu)
    batch, batch_cpu = statistics.median(keer), statistics.median(keer_cpu)
    print(f"BENCH indiceer_loop_20000 {lus:.2f} s")
    print(f"BENCH batch_20000 {batch * 1000:.1f} ms")
    print(f"BENCH batch_vs_loop_ratio_20000 {lus / batch:.0f} x")
    # CPU seconds of the whole process (polars threads included): the work ratio, robust to other load
    print(f"BENCH batch_vs_loop_cpu_ratio_20000 {lus_cpu / batch_cpu:.0f} x")

    # 1,000,000 situations: generated here, batched in a fresh process (its own peak RSS)
    begin = time.perf_counter()
    groot = synthetische_situaties(GROOT)
    generatie = time.perf_counter() - begin
    with tempfile.TemporaryDirectory() as map_:
        pad = f"{map_}/situaties.parquet"
        groot.write_parquet(pad)
        del groot
        proc = subprocess.run(
            [sys.executable, "-c", f"from bench.engine import _groot; _groot({pad!r})"],
            capture_output=True,
            text=True,
            check=True,
        )
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"BENCH synthetic_situations_1000000_generation {generatie:.2f} s")
    print(f"BENCH batch_1000000 {r['batch']:.2f} s")
    print(f"BENCH batch_1000000_median_of_3 {r['mediaan']:.2f} s")
    print(f"BENCH batch_1000000_peak_rss {r['rss']:.0f} MiB")
    print(f"BENCH batch_1000000_input_rss {r['invoer']:.0f} MiB")
    print(f"BENCH batch_1000000_h4 {r['h4']:.2f} s")


if __name__ == "__main__":
    run()
