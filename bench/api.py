"""API load: p95 of ``GET /api/v1/zaken/{uuid}`` and of the stateless indication; 50 clients, PostgreSQL.

Like :mod:`bench.web`: its own throwaway PostgreSQL server on loopback (``BENCH_API_PG_PORT``, default
55491), migrated and loaded with the demo municipality (200 clients), and the app under gunicorn
(``BENCH_WEB_WORKERS`` processes of 1 thread). One API client (``maatwerk api-client aanmaken``, scopes
``zaken:lezen`` and ``indicaties:berekenen``; rate limit off for the run) is used by ``BENCH_API_CLIENTS``
concurrent clients (default 50), each on its own connection, alternating a random zaak and an indication
of a random demo-like situation, ``BENCH_API_VERZOEKEN`` requests each (default 20) after 2 warm-up
requests, with a think time of 0.5-1.5 x ``BENCH_API_DENKTIJD_S`` (default 1 s; 0 = closed loop, which
measures queueing). Before the load one client does each request 20 times in a row (``*_enkel_p50``).
Every ``GET /zaken/{uuid}`` writes its audit row (hash chain), as in production. Target: p95 < 50 ms.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from bench import web
from bench.web import BIN, ROOT, _cpu_s, _gunicorn, _p, _postgres, _vrije_poort

CLIENTS = int(os.environ.get("BENCH_API_CLIENTS", "50"))
VERZOEKEN = int(os.environ.get("BENCH_API_VERZOEKEN", "20"))
DENKTIJD_S = float(os.environ.get("BENCH_API_DENKTIJD_S", "1.0"))
MAX_S = float(os.environ.get("BENCH_API_MAX_S", "120"))
DOEL_MS = 50.0


def _situatie(rng: random.Random) -> dict:
    niveaus = ["zelf", "deels", "niet"]
    return {
        "peildatum": "2026-03-01",
        "gemeente": "Voorbeeldstad",
        "client": {"geboortedatum": f"19{rng.randint(30, 60)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"},
        "woning": {
            "type": rng.choice(["appartement", "eengezinswoning"]),
            "kamers_in_gebruik": rng.randint(1, 6),
        },
        "beperkingen": {
            "licht_huishoudelijk_werk": rng.choice(niveaus),
            "zwaar_huishoudelijk_werk": rng.choice(niveaus),
        },
    }


def _token(env: dict[str, str]) -> str:
    uit = subprocess.run(
        [
            str(BIN / "maatwerk"),
            "api-client",
            "aanmaken",
            "bench",
            "--scopes",
            "zaken:lezen,indicaties:berekenen",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return uit.stdout.strip().splitlines()[-1]


def _zaak_uuids(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        return [str(r[0]) for r in conn.execute("SELECT uuid FROM cases_zaak ORDER BY id")]


async def _verzoek(
    client: httpx.AsyncClient, soort: str, zaken: list[str], rng: random.Random
) -> httpx.Response:
    if soort == "zaak":
        return await client.get(f"/api/v1/zaken/{rng.choice(zaken)}")
    return await client.post("/api/v1/indicaties/berekeningen", json=_situatie(rng))


async def _client(
    client: httpx.AsyncClient, nummer: int, zaken: list[str], tijden: dict, fouten: list[str], stop: float
) -> None:
    rng = random.Random(nummer)
    await asyncio.sleep(rng.uniform(0, DENKTIJD_S))
    for i in range(VERZOEKEN + 2):
        if time.monotonic() > stop:
            break
        if i:
            await asyncio.sleep(rng.uniform(0.5, 1.5) * DENKTIJD_S)
        soort = "zaak" if i % 2 == 0 else "indicatie"
        begin = time.perf_counter()
        try:
            antwoord = await _verzoek(client, soort, zaken, rng)
        except (httpx.ReadError, httpx.RemoteProtocolError):
            fouten.append("opnieuw")
            antwoord = await _verzoek(client, soort, zaken, rng)
        duur = (time.perf_counter() - begin) * 1000
        if antwoord.status_code != 200:
            fouten.append(f"{soort}: HTTP {antwoord.status_code} {antwoord.text[:200]}")
        elif i >= 2:
            tijden[soort].append(duur)


async def _enkel(basis: str, kop: dict, zaken: list[str]) -> dict[str, list[float]]:
    tijden: dict[str, list[float]] = {"zaak": [], "indicatie": []}
    rng = random.Random(0)
    async with httpx.AsyncClient(base_url=basis, headers=kop, timeout=30) as client:
        for i in range(42):
            soort = "zaak" if i % 2 == 0 else "indicatie"
            begin = time.perf_counter()
            (await _verzoek(client, soort, zaken, rng)).raise_for_status()
            if i >= 2:
                tijden[soort].append((time.perf_counter() - begin) * 1000)
    return tijden


async def _belasting(
    basis: str, kop: dict, zaken: list[str], pid: int
) -> tuple[dict, list[str], float, float]:
    tijden: dict[str, list[float]] = {"zaak": [], "indicatie": []}
    fouten: list[str] = []
    limiet = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [
        httpx.AsyncClient(base_url=basis, headers=kop, limits=limiet, timeout=30) for _ in range(CLIENTS)
    ]
    try:
        cpu = _cpu_s(pid)
        begin = time.monotonic()
        await asyncio.gather(
            *(_client(c, n, zaken, tijden, fouten, begin + MAX_S) for n, c in enumerate(clients))
        )
        return tijden, fouten, time.monotonic() - begin, _cpu_s(pid) - cpu
    finally:
        for c in clients:
            await c.aclose()


def run() -> None:
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        raise SystemExit("bench.api: PostgreSQL ontbreekt (Debian-pakket postgresql; bin/systeempakketten)")
    web.PG_PORT = os.environ.get("BENCH_API_PG_PORT", "55491")  # its own server, beside bench.web's
    with tempfile.TemporaryDirectory(prefix="maatwerk-bench-api-") as tmp:
        werkmap = Path(tmp)
        if os.geteuid() == 0:
            shutil.chown(werkmap, "postgres")
        with _postgres(werkmap) as url:
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "maatwerk.web.settings",
                "MAATWERK_DATA_DIR": str(werkmap / "var"),
                "DEBUG": "0",
                "MAATWERK_DEV": "1",
                "MAATWERK_API_LIMIET_PER_MINUUT": "0",  # one token for all clients: no throttling
            }
            for args in (["migrate", "--noinput", "-v", "0"], ["demo"]):
                subprocess.run(
                    [str(BIN / "maatwerk"), *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
                )
            kop = {"Authorization": f"Bearer {_token(env)}"}
            zaken = _zaak_uuids(url)
            with _gunicorn(env, _vrije_poort()) as (basis, pid):
                enkel = asyncio.run(_enkel(basis, kop, zaken))
                tijden, fouten, duur, cpu = asyncio.run(_belasting(basis, kop, zaken, pid))
    fouten = [f for f in fouten if f != "opnieuw"]
    if fouten:
        raise SystemExit(f"bench.api: {len(fouten)} mislukte verzoeken, bijvoorbeeld {fouten[:3]}")
    totaal = sum(len(t) for t in tijden.values())
    print(f"# load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
    print(
        f"# {CLIENTS} clients, think time {DENKTIJD_S:g} s, {totaal} timed requests in {duur:.1f} s",
        flush=True,
    )
    for soort, naam in (("zaak", "api_zaak"), ("indicatie", "api_indicatie")):
        print(f"BENCH {naam}_enkel_p50 {statistics.median(enkel[soort]):.1f} ms")
        p95 = _p(tijden[soort], 95)
        print(f"BENCH {naam}_p50 {statistics.median(tijden[soort]):.1f} ms")
        print(f"BENCH {naam}_p95 {p95:.1f} ms" + ("" if p95 < DOEL_MS else f"  (doel < {DOEL_MS:.0f} ms)"))
    print(f"BENCH api_cpu_per_verzoek {cpu * 1000 / (totaal + 2 * CLIENTS):.1f} ms", flush=True)


if __name__ == "__main__":
    run()
