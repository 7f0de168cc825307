"""Web load: p95 latency of the case page and the worklist, 50 concurrent users, PostgreSQL on loopback.

Starts its own throwaway PostgreSQL server (``bin/postgres`` on ``BENCH_WEB_PG_PORT``, default 55490),
migrates, loads the demo municipality (200 clients) and runs the app with gunicorn on a loopback port:
``BENCH_WEB_WORKERS`` processes (default 2 x CPUs + 1) of ``BENCH_WEB_THREADS`` threads (default 1; with
more threads per process the GIL makes requests queue behind each other's database waits: p95 went from
~450 ms to ~125 ms going from 2 x 8 threads to 5 x 1). It logs in ``BENCH_WEB_GEBRUIKERS`` users
(default 50); each alternates between a random case page and their worklist, ``BENCH_WEB_VERZOEKEN``
requests per user (default 20) after 2 warm-up requests, for at most ``BENCH_WEB_MAX_S`` seconds.
Like people, users read a page before they click on: a random think time of 0.5-1.5 x
``BENCH_WEB_DENKTIJD_S`` (default 1 s; 0 = a closed loop, which measures queueing, not latency).
Before the load one user requests each page 20 times in a row (``web_*_enkel_p50``: one request on an
idle server). ``web_cpu_per_verzoek`` is the CPU time gunicorn spent per request during the load;
unlike latency it does not depend on what else runs on the machine. Everything it started is stopped
afterwards, also on error. Target: p95 < 100 ms for both pages.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GEBRUIKERS = int(os.environ.get("BENCH_WEB_GEBRUIKERS", "50"))
VERZOEKEN = int(os.environ.get("BENCH_WEB_VERZOEKEN", "20"))
MAX_S = float(os.environ.get("BENCH_WEB_MAX_S", "120"))
DENKTIJD_S = float(os.environ.get("BENCH_WEB_DENKTIJD_S", "1.0"))
PG_PORT = os.environ.get("BENCH_WEB_PG_PORT", "55490")
CONSULENTEN = ["consulent", "consulent2", "consulent3", "senior"]
WACHTWOORD = "maatwerk-demo"
DOEL_MS = 100.0


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _postgres(werkmap: Path) -> Iterator[str]:
    env = {**os.environ, "MAATWERK_PG_PORT": PG_PORT, "MAATWERK_PG_DIR": str(werkmap / "pg")}
    url = subprocess.run(
        [str(ROOT / "bin" / "postgres"), "start"], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    try:
        import psycopg

        # bin/postgres prints the URL of database 'maatwerk'; the server starts with 'postgres' only.
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE maatwerk")
        yield url
    finally:
        subprocess.run([str(ROOT / "bin" / "postgres"), "stop"], env=env, check=False)


@contextmanager
def _gunicorn(env: dict[str, str], poort: int) -> Iterator[tuple[str, int]]:
    workers = int(os.environ.get("BENCH_WEB_WORKERS", 2 * (os.cpu_count() or 2) + 1))
    proc = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "maatwerk.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(workers),
            "--threads",
            os.environ.get("BENCH_WEB_THREADS", "1"),
            "--worker-class",
            "gthread",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopte meteen (exitcode {proc.returncode})")
            try:
                if httpx.get(f"{basis}/login/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn antwoordt niet binnen 30 s")
        yield basis, proc.pid
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by the gunicorn master and its workers (Linux /proc)."""
    tik = os.sysconf("SC_CLK_TCK")
    totaal = 0.0
    kinderen = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for p in [pid, *map(int, kinderen)]:
        velden = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        totaal += (int(velden[11]) + int(velden[12])) / tik  # utime, stime
    return totaal


def _maatwerk(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(BIN / "maatwerk"), *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def _zaak_ids(url: str) -> list[int]:
    import psycopg

    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM cases_zaak ORDER BY id")]


async def _inloggen(client: httpx.AsyncClient, gebruiker: str) -> None:
    import psycopg

    await client.get("/login/")
    antwoord = await client.post(
        "/login/",
        data={
            "username": gebruiker,
            "password": WACHTWOORD,
            "csrfmiddlewaretoken": client.cookies["csrftoken"],
            "next": "",
        },
        headers={"Referer": f"{client.base_url}/login/"},
    )
    if antwoord.status_code != 302:
        raise RuntimeError(f"inloggen als {gebruiker} mislukt (HTTP {antwoord.status_code})")
    # Second factor: the demo users' authenticator key (maatwerk demo, development mode). One code
    # is accepted once per user, so the logins take turns and the bench allows the code again.
    async with _TWEEDE_FACTOR:
        with psycopg.connect(_DATABASE_URL[0], autocommit=True) as conn:
            conn.execute("UPDATE otp_totp_totpdevice SET last_t = -1")
        antwoord = await client.post(
            "/login/tweede-factor/",
            data={"code": _demo_code(), "csrfmiddlewaretoken": client.cookies["csrftoken"], "next": ""},
            headers={"Referer": f"{client.base_url}/login/tweede-factor/"},
        )
    if antwoord.status_code != 302:
        raise RuntimeError(f"tweede factor voor {gebruiker} mislukt (HTTP {antwoord.status_code})")


_TWEEDE_FACTOR = asyncio.Lock()
_DATABASE_URL: list[str] = []


def _demo_code() -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of the public demo key."""
    import hashlib
    import hmac
    import struct

    from maatwerk.apps.accounts.webdemo import DEMO_TOTP_SLEUTEL

    stap = struct.pack(">Q", int(time.time()) // 30)
    d = hmac.new(bytes.fromhex(DEMO_TOTP_SLEUTEL), stap, hashlib.sha1).digest()
    waarde = struct.unpack(">I", d[d[-1] & 0x0F : (d[-1] & 0x0F) + 4])[0] & 0x7FFFFFFF
    return f"{waarde % 1_000_000:06d}"


async def _gebruiker(
    client: httpx.AsyncClient,
    nummer: int,
    zaken: list[int],
    tijden: dict[str, list[float]],
    fouten: list[str],
    stop: float,
) -> None:
    rng = random.Random(nummer)
    await asyncio.sleep(rng.uniform(0, DENKTIJD_S))  # users do not all start in the same instant
    for i in range(VERZOEKEN + 2):
        if time.monotonic() > stop:
            break
        if i:
            await asyncio.sleep(rng.uniform(0.5, 1.5) * DENKTIJD_S)
        soort = "zaak" if i % 2 == 0 else "werklijst"
        pad = f"/zaken/{rng.choice(zaken)}/" if soort == "zaak" else "/zaken/werklijst/"
        begin = time.perf_counter()
        try:
            antwoord = await client.get(pad)
        except (httpx.ReadError, httpx.RemoteProtocolError):
            # A keep-alive connection the server just closed: like a browser, retry the GET once.
            fouten.append("opnieuw")
            antwoord = await client.get(pad)
        duur = (time.perf_counter() - begin) * 1000
        if antwoord.status_code != 200:
            fouten.append(f"{pad}: HTTP {antwoord.status_code}")
        elif i >= 2:  # the first two requests per user warm up connections and caches
            tijden[soort].append(duur)


async def _enkel(basis: str, zaken: list[int]) -> dict[str, list[float]]:
    """One user, requests one after another: the cost of a request without any queueing."""
    tijden: dict[str, list[float]] = {"zaak": [], "werklijst": []}
    async with httpx.AsyncClient(base_url=basis, timeout=30) as client:
        await _inloggen(client, CONSULENTEN[0])
        for i in range(42):
            soort = "zaak" if i % 2 == 0 else "werklijst"
            pad = f"/zaken/{zaken[(i * 7) % len(zaken)]}/" if soort == "zaak" else "/zaken/werklijst/"
            begin = time.perf_counter()
            antwoord = await client.get(pad)
            antwoord.raise_for_status()
            if i >= 2:
                tijden[soort].append((time.perf_counter() - begin) * 1000)
    return tijden


async def _belasting(
    basis: str, zaken: list[int], pid: int
) -> tuple[dict[str, list[float]], list[str], float, float]:
    """Timings per page, failures, wall time and server CPU seconds of the load phase."""
    tijden: dict[str, list[float]] = {"zaak": [], "werklijst": []}
    fouten: list[str] = []
    limiet = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.AsyncClient(base_url=basis, limits=limiet, timeout=30) for _ in range(GEBRUIKERS)]
    try:
        # Log everyone in first, a few at a time (password hashing is deliberately slow); not timed.
        poort = asyncio.Semaphore(4)

        async def inloggen(n: int) -> None:
            async with poort:
                await _inloggen(clients[n], CONSULENTEN[n % len(CONSULENTEN)])

        await asyncio.gather(*(inloggen(n) for n in range(GEBRUIKERS)))
        cpu = _cpu_s(pid)
        eigen = time.process_time()
        begin = time.monotonic()
        await asyncio.gather(
            *(_gebruiker(c, n, zaken, tijden, fouten, begin + MAX_S) for n, c in enumerate(clients))
        )
        duur = time.monotonic() - begin
        print(f"# load generator (this process) used {(time.process_time() - eigen) / duur:.2f} CPU")
        return tijden, fouten, duur, _cpu_s(pid) - cpu
    finally:
        for c in clients:
            await c.aclose()


def _p(waarden: list[float], q: float) -> float:
    return statistics.quantiles(waarden, n=100, method="inclusive")[int(q) - 1]


def run() -> None:
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        raise SystemExit("bench.web: PostgreSQL ontbreekt (Debian-pakket postgresql; bin/systeempakketten)")
    with tempfile.TemporaryDirectory(prefix="maatwerk-bench-web-") as tmp:
        werkmap = Path(tmp)
        if os.geteuid() == 0:
            shutil.chown(werkmap, "postgres")
        with _postgres(werkmap) as url:
            _DATABASE_URL[:] = [url]
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "maatwerk.web.settings",
                "MAATWERK_DATA_DIR": str(werkmap / "var"),
                "DEBUG": "0",
                "MAATWERK_DEV": "1",  # development keys and the demo users' second factor
            }
            begin = time.perf_counter()
            _maatwerk(env, "migrate", "--noinput", "-v", "0")
            _maatwerk(env, "demo")
            print(f"# demo municipality on PostgreSQL in {time.perf_counter() - begin:.1f} s", flush=True)
            zaken = _zaak_ids(url)
            with _gunicorn(env, _vrije_poort()) as (basis, pid):
                enkel = asyncio.run(_enkel(basis, zaken))
                tijden, fouten, duur, cpu = asyncio.run(_belasting(basis, zaken, pid))
    opnieuw = fouten.count("opnieuw")
    fouten = [f for f in fouten if f != "opnieuw"]
    if fouten:
        raise SystemExit(f"bench.web: {len(fouten)} mislukte verzoeken, bijvoorbeeld {fouten[:3]}")
    if opnieuw:
        print(f"# {opnieuw} GETs retried once on a closed keep-alive connection", flush=True)
    totaal = sum(len(t) for t in tijden.values())
    print(f"# load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
    print(
        f"# {GEBRUIKERS} users, think time {DENKTIJD_S:g} s, {totaal} timed requests in {duur:.1f} s",
        flush=True,
    )
    for soort, naam in (("zaak", "web_zaak"), ("werklijst", "web_werklijst")):
        print(f"BENCH {naam}_enkel_p50 {statistics.median(enkel[soort]):.1f} ms")
        waarden = tijden[soort]
        p95 = _p(waarden, 95)
        print(f"BENCH {naam}_p50 {statistics.median(waarden):.1f} ms")
        print(f"BENCH {naam}_p95 {p95:.1f} ms" + ("" if p95 < DOEL_MS else f"  (doel < {DOEL_MS:.0f} ms)"))
    print(f"BENCH web_verzoeken_per_s {totaal / duur:.0f} req/s", flush=True)
    # Server CPU per request (warm-up requests included): independent of other load on the machine;
    # with C free cores the server can do at most C * 1000 / this many requests per second.
    verzoeken = totaal + 2 * GEBRUIKERS
    print(f"BENCH web_cpu_per_verzoek {cpu * 1000 / verzoeken:.1f} ms", flush=True)


if __name__ == "__main__":
    run()
