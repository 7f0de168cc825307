"""Re-importing a caseload with every row changed costs at most twice the first import (issue 14).

Writes a synthetic caseload CSV, imports it (read, validate, store) into a throwaway SQLite database,
then writes the same clients with every row changed (other hours and end date) and imports that.
Prints time and Python peak memory (tracemalloc) of each import and their ratio. The import stores
in blocks of ``services.BLOK`` rows, so the re-import's memory does not grow with the changes.
``BENCH_HERIMPORT_N`` sets the size (default 5,000 rows, about 0.4 MB of CSV: under a minute).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

N = int(os.environ.get("BENCH_HERIMPORT_N", "5000"))


def run() -> None:
    """Always in a fresh process: the throwaway database, never the developer's own."""
    subprocess.run([sys.executable, "-m", "bench.herindicatie_herimport"], check=True)


def _meet(functie):  # noqa: ANN001, ANN202
    tracemalloc.start()
    begin = time.perf_counter()
    uitkomst = functie()
    duur = time.perf_counter() - begin
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return uitkomst, duur, piek / 2**20


def _run() -> None:
    import polars as pl

    from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload
    from maatwerk.apps.herindicatie.invoer import lees_caseload

    with tempfile.TemporaryDirectory() as map_:
        eerste = schrijf_caseload(synthetische_caseload(N, seed=2017), Path(map_) / "caseload.csv")
        frame = pl.read_csv(eerste, infer_schema=False)
        gewijzigd = frame.with_columns(
            pl.lit("3.75").alias("uren_per_week_oud"), pl.lit("2030-12-31").alias("einddatum_oud")
        )
        tweede = Path(map_) / "caseload-gewijzigd.csv"
        gewijzigd.write_csv(tweede)

        os.environ["DATABASE_URL"] = f"sqlite:///{Path(map_) / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, skip_checks=True)
        from maatwerk.apps.herindicatie.services import importeer_caseload

        def importeer(pad: Path):  # noqa: ANN202
            return importeer_caseload(lees_caseload(pad), pad.name, maak_aanbieders=True)

        r1, t1, m1 = _meet(lambda: importeer(eerste))
        r2, t2, m2 = _meet(lambda: importeer(tweede))
        assert r1.nieuw == N and r2.gewijzigd == N, (r1, r2)
        mb = eerste.stat().st_size / 2**20
        print(f"BENCH herimport_eerste_{N} {t1:.3f} s {m1:.1f} MiB ({mb:.1f} MB CSV)", flush=True)
        print(f"BENCH herimport_alles_gewijzigd_{N} {t2:.3f} s {m2:.1f} MiB", flush=True)
        print(f"BENCH herimport_verhouding_tijd {t2 / t1:.2f} x", flush=True)
        print(f"BENCH herimport_verhouding_geheugen {m2 / m1:.2f} x", flush=True)


if __name__ == "__main__":
    _run()
