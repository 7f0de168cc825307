"""Re-importing a caseload with every row changed costs at most twice the first import (issue 14).

Writes a synthetic caseload CSV, imports it (read, validate, store) into a throwaway SQLite database,
then writes the same clients with every row changed (other hours and end date) and imports that.
Each import runs in its own process, so its figures are its own: wall time, the peak resident set
size (RSS, what the operating system sees: Python objects and polars/SQLite buffers alike) and its
growth after Django's start (no tracemalloc: it would slow the import down). The import streams
the file (validated rows spooled to a temporary file in blocks) and stores in blocks of
``services.BLOK`` rows, so memory stays flat however large the file and however many rows changed.

``BENCH_HERIMPORT_N`` sets the number of rows (default 5,000, about 0.4 MB of CSV: under a minute);
``BENCH_HERIMPORT_MB`` instead sets the size of the CSV in MB (issue 14 asks for 50: about 640,000
rows, several minutes).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BYTES_PER_RIJ = 82  # of the synthetic caseload CSV (with situation columns)


def _aantal() -> int:
    mb = os.environ.get("BENCH_HERIMPORT_MB")
    if mb:
        return int(float(mb) * 2**20 / BYTES_PER_RIJ)
    return int(os.environ.get("BENCH_HERIMPORT_N", "5000"))


def run() -> None:
    """Always in fresh processes: the throwaway database, never the developer's own."""
    subprocess.run([sys.executable, "-m", "bench.herindicatie_herimport"], check=True)


def _rss_mib() -> float:
    """Peak RSS of this process. Linux: VmHWM, which starts afresh at exec (``ru_maxrss`` does not:
    it keeps the parent's peak, here the generated caseload frame)."""
    try:
        for regel in Path("/proc/self/status").read_text().splitlines():
            if regel.startswith("VmHWM:"):
                return int(regel.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


def _django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()


def _importeer(database: Path, pad: Path) -> None:
    """Child process: one import; prints its figures as JSON on the last line."""
    _django(database)
    from maatwerk.apps.herindicatie.invoer import lees_caseload
    from maatwerk.apps.herindicatie.services import importeer_caseload

    basis = _rss_mib()
    begin = time.perf_counter()
    uitkomst = importeer_caseload(lees_caseload(pad), pad.name, maak_aanbieders=True)
    duur = time.perf_counter() - begin
    figures = {
        "s": duur,
        "rss": _rss_mib(),
        "rss_groei": _rss_mib() - basis,
        "nieuw": uitkomst.nieuw,
        "gewijzigd": uitkomst.gewijzigd,
    }
    print(json.dumps(figures), flush=True)


def _kind(*args: str) -> dict[str, float]:
    uit = subprocess.run(
        [sys.executable, "-m", "bench.herindicatie_herimport", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(uit.stdout.strip().splitlines()[-1]))


def _run() -> None:
    import polars as pl

    from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload

    n = _aantal()
    with tempfile.TemporaryDirectory() as map_:
        eerste = schrijf_caseload(synthetische_caseload(n, seed=2017), Path(map_) / "caseload.csv")
        frame = pl.read_csv(eerste, infer_schema=False)
        gewijzigd = frame.with_columns(
            pl.lit("3.75").alias("uren_per_week_oud"), pl.lit("2030-12-31").alias("einddatum_oud")
        )
        tweede = Path(map_) / "caseload-gewijzigd.csv"
        gewijzigd.write_csv(tweede)
        del frame, gewijzigd
        database = Path(map_) / "bench.sqlite3"
        _django(database)
        from django.core.management import call_command

        call_command("migrate", verbosity=0, skip_checks=True)

        r1 = _kind("importeer", str(database), str(eerste))
        r2 = _kind("importeer", str(database), str(tweede))
        assert r1["nieuw"] == n and r2["gewijzigd"] == n, (r1, r2)
        mb = eerste.stat().st_size / 2**20
        for naam, r in ((f"herimport_eerste_{n}", r1), (f"herimport_alles_gewijzigd_{n}", r2)):
            print(f"BENCH {naam} {r['s']:.3f} s ({mb:.1f} MB CSV)", flush=True)
            print(f"BENCH {naam}_piek_rss {r['rss']:.1f} MiB", flush=True)
            print(f"BENCH {naam}_rss_groei {r['rss_groei']:.1f} MiB", flush=True)
        print(f"BENCH herimport_verhouding_tijd {r2['s'] / r1['s']:.2f} x", flush=True)
        print(f"BENCH herimport_verhouding_rss {r2['rss'] / r1['rss']:.2f} x", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["importeer"]:
        _importeer(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        _run()
