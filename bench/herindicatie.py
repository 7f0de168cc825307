"""Herindicatie: caseload import and nulmeting on a Den Haag-size caseload (11,000 clients).

Writes a synthetic caseload CSV, then times: reading + validating it (BSN 11-proef, dates, every situation
row through the engine's situation model), storing it in a throwaway SQLite database (one transaction),
re-importing it unchanged (idempotent path) and the nulmeting from the database. Peak memory (max RSS)
at the end. Also the whole simulation of that caseload (engine batch with the Den Haag kader + the
transition policy + the summary, no database writes). The 500,000-client simulation benchmark belongs to
the finance helper's bench.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import piek_rss_mib

N = int(os.environ.get("BENCH_HERINDICATIE_N", "11000"))


def _tijd(functie):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    uitkomst = functie()
    return uitkomst, time.perf_counter() - start


def run() -> None:
    """Run in a fresh process when Django is already set up (another benchmark), so the throwaway
    database is used and never the developer's own database."""
    django = sys.modules.get("django.apps")
    if django is not None and django.apps.ready:
        subprocess.run([sys.executable, "-m", "bench.herindicatie"], check=True)
        return
    _run()


def _run() -> None:
    from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload
    from maatwerk.apps.herindicatie.invoer import lees_caseload
    from maatwerk.apps.herindicatie.nulmeting import bereken_nulmeting

    with tempfile.TemporaryDirectory() as map_:
        pad = schrijf_caseload(synthetische_caseload(N, seed=2017), Path(map_) / "caseload.csv")
        rijen, t_lees = _tijd(lambda: lees_caseload(pad))
        print(f"BENCH herindicatie_import_valideren_{N} {t_lees:.3f} s", flush=True)

        os.environ["DATABASE_URL"] = f"sqlite:///{Path(map_) / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, skip_checks=True)
        from maatwerk.apps.herindicatie.selectors import clientregels
        from maatwerk.apps.herindicatie.services import importeer_caseload as importeer

        _, t_opslaan = _tijd(lambda: importeer(rijen, pad.name, maak_aanbieders=True))
        print(f"BENCH herindicatie_import_opslaan_{N} {t_opslaan:.3f} s", flush=True)
        opnieuw, t_opnieuw = _tijd(lambda: importeer(rijen, pad.name, maak_aanbieders=True))
        assert opnieuw.ongewijzigd == N, "re-import must be idempotent"
        print(f"BENCH herindicatie_import_opnieuw_{N} {t_opnieuw:.3f} s", flush=True)

        def nulmeting():  # noqa: ANN202
            return bereken_nulmeting(clientregels(), dt.date(2017, 6, 5))

        uitkomst, t_nul = _tijd(nulmeting)
        assert uitkomst.totaal + uitkomst.niet_meegeteld == N
        print(f"BENCH herindicatie_nulmeting_db_{N} {t_nul:.3f} s", flush=True)

        from maatwerk.apps.herindicatie.overgang import laad_beleid
        from maatwerk.apps.herindicatie.selectors import caseload_frame
        from maatwerk.apps.herindicatie.simulatie import engine_batch, samenvatting, simuleer

        peil = dt.date(2017, 6, 5)
        frame = caseload_frame()
        beleid, batch = laad_beleid("denhaag-2017", peil), engine_batch()

        def simulatie():  # noqa: ANN202
            return samenvatting(simuleer(frame, "denhaag-mwa", peil, beleid, batch=batch))

        _, t_koud = _tijd(simulatie)  # includes compiling the kader once
        print(f"BENCH herindicatie_simulatie_met_overgang_{N}_eerste {t_koud:.3f} s", flush=True)
        _, t_sim = _tijd(simulatie)
        print(f"BENCH herindicatie_simulatie_met_overgang_{N} {t_sim:.3f} s", flush=True)
    piek = piek_rss_mib()
    print(f"BENCH herindicatie_piekgeheugen {piek:.0f} MiB", flush=True)


if __name__ == "__main__":
    run()
