"""Run every benchmark module in this package and print its figures.

Each module in ``BENCHMARKS`` exposes ``run() -> None`` that prints lines of the form
``BENCH <name> <value> <unit>``.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS: list[str] = [
    "bench.engine",
    "bench.beschikking",
    "bench.herindicatie",
    "bench.herindicatie_herimport",
    "bench.herindicatie_simulatie",
    "bench.beleidstoets",
    "bench.web",
    "bench.iwmo",
    "bench.api",
]


def main(selected: list[str]) -> None:
    for name in BENCHMARKS:
        if selected and name.rsplit(".", 1)[-1] not in selected:
            continue
        print(f"# {name}", flush=True)
        importlib.import_module(name).run()


if __name__ == "__main__":
    main(sys.argv[1:])
