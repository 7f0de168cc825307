"""Beleidstoets: test a folder of 1,000 synthetic policies (read, validate, evaluate) and write the overview.

Prints the time per policy, the total for the folder including the HTML overview, and the time for one
guard check of a gemeente configuration (cold and cached).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import yaml

N = 1000
KEUZES = {
    "hh1": ["maatwerk", "algemene_voorziening", "afgeschaft", "onbekend"],
    "hh2": ["maatwerk", "algemene_voorziening", "onbekend"],
    "indicatie": ["uren", "resultaat", "onbekend"],
    "omvang_bepaald_door": ["college", "aanbieder", "onbekend"],
    "inkomens_of_vermogenstoets": [True, False, "onbekend"],
    "pgb_weigering_bij_gecontracteerde_aanbieder": [True, False, "onbekend"],
}


def _beleid(rng: random.Random, i: int) -> dict:
    data: dict = {"gemeente": f"Proefgemeente {i}", "peildatum": dt.date(2017 + i % 8, 1 + i % 12, 1)}
    data |= {k: rng.choice(v) for k, v in KEUZES.items()}
    vermeldt = rng.sample(["resultaat", "taak", "frequentie", "tijd"], rng.randint(1, 4))
    if {data["hh1"], data["hh2"]} & {"maatwerk", "onbekend"}:  # a beschikking only for a maatwerkvoorziening
        data["beschikking_vermeldt"] = vermeldt
    data["normering"] = {
        "bron": rng.choice(["ciz", "eigen", "onafhankelijk_onderzoek", "geen", "onbekend"]),
        "t_o_v_ciz": rng.choice(["gelijk", "lager", "aanzienlijk_lager", "gemengd", "hoger", "onbekend"]),
        "maatwerk_toeslagen": rng.choice([True, False, "onbekend"]),
    }
    return data


def run() -> None:
    from maatwerk.toets import laad_beleid, toets_beleid
    from maatwerk.toets.bewaking import controleer_configuratie
    from maatwerk.toets.overzicht import schrijf_overzicht

    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        for i in range(N):
            (map_ / f"{i:04d}.yaml").write_text(yaml.safe_dump(_beleid(rng, i), allow_unicode=True), "utf-8")
        start = time.perf_counter()
        oordelen = [toets_beleid(laad_beleid(p), str(p)) for p in sorted(map_.glob("*.yaml"))]
        getoetst = time.perf_counter() - start
        schrijf_overzicht(map_ / "overzicht.html", oordelen)
        totaal = time.perf_counter() - start
    print(f"BENCH beleidstoets_per_beleid {getoetst / N * 1000:.3f} ms")
    print(f"BENCH beleidstoets_map_{N}_met_overzicht {totaal:.2f} s")
    for soort in ("koud", "warm"):
        start = time.perf_counter()
        controleer_configuratie("Voorbeeldstad", dt.date(2024, 1, 1))
        print(f"BENCH beleidstoets_bewaking_{soort} {(time.perf_counter() - start) * 1000:.2f} ms")


if __name__ == "__main__":
    run()
