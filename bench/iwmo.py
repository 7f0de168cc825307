"""Benchmark: iWmo 3.2 declaraties validated in four levels and answered.

``BENCH iwmo_323_10000 <s> s``: a WMO323 with 10,000 prestaties (1,000 clients, one toewijzing each
in an in-memory history) read, XSD-validated, checked on levels 2-4 and answered with a WMO325
(target < 2 s). ``BENCH iwmo_25mb_rss <MiB> MiB``: a WMO323 of just under 25 MB processed the same way
received by the gemeente (``maatwerk iwmo ontvang``: validated, every prestatie stored, WMO325 sent)
in a fresh process with a fresh SQLite database; its peak resident memory (VmHWM, target < 300 MB),
and its wall and CPU time (``BENCH iwmo_25mb_s``, ``BENCH iwmo_25mb_cpu``). The XML of the message and
of its WMO325 goes to the message archive (files), the 325 is written streaming.
Run alone: ``python -m bench iwmo``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from bench import piek_rss_mib

AGB, GEMEENTE = "65656055", "9999"
NS = 'xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"'


@cache
def _bsns(aantal: int) -> tuple[str, ...]:
    """``aantal`` distinct BSNs that pass the 11-proef."""
    uit: list[str] = []
    basis = 20_000_000
    while len(uit) < aantal:
        cijfers = f"{basis:08d}"
        som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        if som % 11 != 10:
            uit.append(cijfers + str(som % 11))
        basis += 1
    return tuple(uit)


def _bsn(i: int) -> str:
    return _bsns(max(i + 1, 100_000))[i]


def declaratie(clienten: int, per_client: int) -> bytes:
    """A WMO323 (see :func:`_stukken`)."""
    return "".join(_stukken(clienten, per_client)).encode()


def schrijf_declaratie(pad: Path, clienten: int, per_client: int) -> None:
    """The same WMO323 written piece by piece (the benchmark's own memory stays out of the peak)."""
    with pad.open("w", encoding="utf-8") as f:
        f.writelines(_stukken(clienten, per_client))


def _stukken(clienten: int, per_client: int) -> Iterator[str]:
    """A WMO323 for April 2023: per client ``per_client`` prestaties of 1 hour (1250 cents, product 01A01
    of Voorbeeldstad), each on its own toewijzing, with the whole month as ProductPeriode (TR387/TR388)."""
    yield (
        f'<?xml version="1.0" encoding="UTF-8"?><wmo323:Bericht {NS}><wmo323:Header>'
        "<wmo323:BerichtCode>484</wmo323:BerichtCode>"
        "<wmo323:BerichtVersie>3</wmo323:BerichtVersie><wmo323:BerichtSubversie>2</wmo323:BerichtSubversie>"
        f"<wmo323:Afzender>{AGB}</wmo323:Afzender><wmo323:Ontvanger>{GEMEENTE}</wmo323:Ontvanger><wmo323:BerichtIdentificatie>"
        "<iwmo:Identificatie>BENCH1</iwmo:Identificatie><iwmo:Dagtekening>2023-05-06</iwmo:Dagtekening></wmo323:BerichtIdentificatie>"
        "<wmo323:XsdVersie><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>"
        "</wmo323:XsdVersie></wmo323:Header><wmo323:Declaratie><wmo323:DeclaratieNummer>BENCH1</wmo323:DeclaratieNummer>"
        "<wmo323:DeclaratiePeriode><iwmo:Begindatum>2023-04-01</iwmo:Begindatum><iwmo:Einddatum>2023-04-30</iwmo:Einddatum>"
        "</wmo323:DeclaratiePeriode><wmo323:DeclaratieDagtekening>2023-05-06</wmo323:DeclaratieDagtekening>"
        f"<wmo323:TotaalIngediendBedrag><iwmo:TotaalBedrag>{clienten * per_client * 1250}</iwmo:TotaalBedrag>"
        "<iwmo:DebetCredit>D</iwmo:DebetCredit></wmo323:TotaalIngediendBedrag><wmo323:Clienten>"
    )
    for c in range(clienten):
        yield f"<wmo323:Client><wmo323:Bsn>{_bsn(c)}</wmo323:Bsn><wmo323:Prestaties>"
        for p in range(per_client):
            nummer = c * per_client + p + 1
            yield (
                f"<wmo323:Prestatie><wmo323:ProductReferentie><iwmo:ReferentieNummer>R{c}-{p}</iwmo:ReferentieNummer>"
                f"</wmo323:ProductReferentie><wmo323:ToewijzingNummer>{nummer}</wmo323:ToewijzingNummer>"
                "<wmo323:ProductCategorie>01</wmo323:ProductCategorie><wmo323:ProductCode>01A01</wmo323:ProductCode>"
                "<wmo323:ProductPeriode><iwmo:Begindatum>2023-04-01</iwmo:Begindatum><iwmo:Einddatum>2023-04-30"
                "</iwmo:Einddatum></wmo323:ProductPeriode><wmo323:GeleverdVolume>1</wmo323:GeleverdVolume>"
                "<wmo323:Eenheid>04</wmo323:Eenheid><wmo323:ProductTarief>1250</wmo323:ProductTarief><wmo323:IngediendBedrag>"
                "<iwmo:Bedrag>1250</iwmo:Bedrag><iwmo:DebetCredit>D</iwmo:DebetCredit></wmo323:IngediendBedrag></wmo323:Prestatie>"
            )
        yield "</wmo323:Prestaties></wmo323:Client>"
    yield "</wmo323:Clienten></wmo323:Declaratie></wmo323:Bericht>"


def geschiedenis(clienten: int, per_client: int):  # type: ignore[no-untyped-def]
    from maatwerk.iwmo.geschiedenis import GeheugenGeschiedenis, ToegewezenProduct

    return GeheugenGeschiedenis(
        toegewezen=[
            ToegewezenProduct(  # one toewijzing per prestatie: 4 hours a month
                c * per_client + p + 1,
                _bsn(c),
                AGB,
                "01",
                "01A01",
                dt.date(2023, 1, 1),
                dt.date(2023, 12, 31),
                4,
                "04",
                "4",
            )
            for c in range(clienten)
            for p in range(per_client)
        ]
    )


def verwerk(bron: Path | bytes, clienten: int, per_client: int, cpu: list[float] | None = None) -> float:
    """Seconds to validate levels 1-4 and build the WMO325; asserts every prestatie was granted.

    ``cpu`` receives the CPU seconds of the same work (a fairer figure on a shared machine)."""
    from maatwerk.iwmo.retour import bouw_wmo325
    from maatwerk.iwmo.valideer import valideer

    historie = geschiedenis(clienten, per_client)
    begin, begin_cpu = time.perf_counter(), time.process_time()
    resultaat = valideer(bron, historie, dt.date(2026, 1, 1))
    antwoord = bouw_wmo325(resultaat, "BENCH325", dt.date(2026, 1, 1))
    duur = time.perf_counter() - begin
    if cpu is not None:
        cpu.append(time.process_time() - begin_cpu)
    assert resultaat.geldig, resultaat.als_lijst()[:3]
    assert b"<wmo325:RetourCode>8001</wmo325:RetourCode>" in antwoord
    return duur


def _omgeving(map_: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(map_) / 'bench.sqlite3'}"
    os.environ["MAATWERK_DATA_DIR"] = map_
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()


def _klaarzetten(map_: str, clienten: int, per_client: int) -> None:
    """In its own process (as an operator would have done before): the database, the aanbieder, the file."""
    _omgeving(map_)
    from django.core.management import call_command

    from maatwerk.apps.aanbieders.models import Aanbieder

    call_command("migrate", verbosity=0, skip_checks=True)
    Aanbieder.objects.create(naam="Bench Thuiszorg", agb_code=AGB)
    schrijf_declaratie(Path(map_) / "groot.xml", clienten, per_client)


def _groot() -> None:
    """In a fresh process with a fresh SQLite database: a WMO323 of just under 25 MB received by the
    gemeente (``maatwerk iwmo ontvang``: validated, every prestatie stored, the WMO325 sent); prints
    JSON with size, time and peak RSS. Database and file are prepared in another process."""
    per_client = 10
    clienten = 25 * 1024 * 1024 // (len(declaratie(1, per_client)) - 900) - 10
    with tempfile.TemporaryDirectory() as map_:
        opdracht = [sys.executable, "-m", "bench.iwmo", "klaarzetten", map_, str(clienten), str(per_client)]
        subprocess.run(opdracht, check=True)
        _omgeving(map_)
        from maatwerk.apps.berichten.models import Prestatie
        from maatwerk.apps.berichten.services import ontvang, transport

        pad = Path(map_) / "groot.xml"
        grootte = pad.stat().st_size
        begin, begin_cpu = time.perf_counter(), time.process_time()
        uitkomst = ontvang(pad, transport(), vandaag=dt.date(2026, 1, 1))
        duur, cpu = time.perf_counter() - begin, time.process_time() - begin_cpu
        assert Prestatie.objects.count() == clienten * per_client, uitkomst.status
        assert uitkomst.retourbestand, uitkomst.status
    meting = {"bytes": grootte, "prestaties": clienten * per_client, "s": duur, "cpu": cpu}
    print(json.dumps({**meting, "rss": piek_rss_mib()}))


def run() -> None:
    xml = declaratie(1000, 10)
    verwerk(declaratie(10, 10), 10, 10)  # warm-up: XSD compilation, rule files
    cpu: list[float] = []
    duur = min(verwerk(xml, 1000, 10, cpu) for _ in range(3))
    print(f"# iwmo_323_10000: {min(cpu):.3f} s CPU ({len(xml) / 1e6:.1f} MB)")
    print(f"BENCH iwmo_323_10000 {duur:.3f} s", flush=True)
    print(f"BENCH iwmo_323_10000_cpu {min(cpu):.3f} s", flush=True)
    uit = subprocess.run(
        [sys.executable, "-m", "bench.iwmo", "groot"], capture_output=True, text=True, check=True
    )
    meting = json.loads(uit.stdout.strip().splitlines()[-1])
    print(
        f"# 25 MB: {meting['bytes']} bytes, {meting['prestaties']} prestaties in {meting['s']:.2f} s "
        f"({meting['cpu']:.2f} s CPU), ontvang incl. opslaan"
    )
    print(f"BENCH iwmo_25mb_rss {meting['rss']:.0f} MiB", flush=True)
    print(f"BENCH iwmo_25mb_s {meting['s']:.2f} s", flush=True)
    print(f"BENCH iwmo_25mb_cpu {meting['cpu']:.2f} s", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["klaarzetten"]:
        _klaarzetten(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        _groot() if sys.argv[1:] == ["groot"] else run()
