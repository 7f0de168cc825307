"""Read and validate a caseload file (CSV or xlsx). Pure Python, no Django.

Required columns: ``bsn``, ``geboortedatum``, ``uren_per_week_oud`` (may be empty = onbekend),
``klasse_oud`` (hh1/hh2), ``leveringsvorm`` (zin/pgb), ``aanbieder`` (may be empty for PGB),
``ingangsdatum_oud``, ``einddatum_oud`` (may be empty = open). Every other column is a situation column
for the engine (stored as JSON per client). Validation is all-or-nothing: :func:`lees_caseload` returns
either every row or every problem (row number as in a spreadsheet: the header is row 1).

The file is streamed, never held in memory: a CSV through :mod:`csv` over a UTF-8 text wrapper, an
xlsx through openpyxl's read-only mode. Valid rows are spooled to a temporary file in blocks of
:data:`BLOK` rows; the returned :class:`Caseload` reads them back block by block. What stays in memory
during the check is one block, the problems (at most ``MAX_FOUTEN``), the distinct provider names and
two integer arrays for the duplicate-BSN check (16 bytes per row).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

import numpy as np

from maatwerk.apps.clients.bsn import is_geldig_bsn

VERPLICHTE_KOLOMMEN: tuple[str, ...] = (
    "bsn",
    "geboortedatum",
    "uren_per_week_oud",
    "klasse_oud",
    "leveringsvorm",
    "aanbieder",
    "ingangsdatum_oud",
    "einddatum_oud",
)
UREN_PER_WEEK_MAX = Decimal(168)  # hours in a week: anything above is a typing error
DATUMVORMEN = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

# Technical limits against hostile or broken files (not rules): an xlsx of 310 KB with one 300 MB
# cell ran for minutes and used gigabytes; a file with every row wrong printed a million lines.
MAX_BESTAND = 100 * 1024 * 1024  # bytes of the file (and of an xlsx once unpacked)
MAX_CEL = 1000  # characters in one cell
MAX_FOUTEN = 1000  # problems listed; the rest is counted
MAX_LENGTE = {"aanbieder": 200}  # field lengths of the database (Aanbieder.naam)
BLOK = 2000  # valid rows per spooled block
LEESBLOK = 1 << 20  # bytes per read when counting lines


@dataclass(frozen=True)
class Fout:
    """One bad cell (or row/file when ``kolom`` is empty), in Dutch."""

    rij: int
    kolom: str
    reden: str

    def __str__(self) -> str:
        return (
            f"rij {self.rij}, kolom {self.kolom}: {self.reden}"
            if self.kolom
            else f"rij {self.rij}: {self.reden}"
        )


@dataclass(frozen=True)
class CaseloadRij:
    """One valid row of the caseload file."""

    rij: int
    bsn: str
    geboortedatum: dt.date
    uren_per_week_oud: Decimal | None
    klasse_oud: str
    leveringsvorm: str
    aanbieder: str
    ingangsdatum_oud: dt.date
    einddatum_oud: dt.date | None
    situatie: dict[str, Any] = field(default_factory=dict)


class Caseloadfout(ValueError):
    """The file was refused: the first ``MAX_FOUTEN`` problems are in ``fouten``, the number of the
    others in ``niet_getoond``."""

    def __init__(self, fouten: list[Fout], niet_getoond: int = 0):
        self.fouten = fouten[:MAX_FOUTEN]
        self.niet_getoond = niet_getoond + max(len(fouten) - MAX_FOUTEN, 0)
        self.totaal = len(self.fouten) + self.niet_getoond
        super().__init__(f"{self.totaal} fout(en) in het bestand; er is niets opgeslagen")


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, dt.datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return str(waarde).strip()


def _datum(tekst: str) -> dt.date:
    for vorm in DATUMVORMEN:
        try:
            return dt.datetime.strptime(tekst, vorm).date()
        except ValueError:
            continue
    raise ValueError(f"geen geldige datum {tekst!r} (verwacht JJJJ-MM-DD of DD-MM-JJJJ)")


def _uren(tekst: str) -> Decimal:
    try:
        waarde = Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"geen getal {tekst!r}") from None
    if not waarde.is_finite() or waarde < 0:
        raise ValueError(f"uren per week moet 0 of meer zijn (is {tekst})")
    if waarde > UREN_PER_WEEK_MAX:
        raise ValueError(f"meer dan {UREN_PER_WEEK_MAX} uur per week kan niet (is {tekst})")
    if waarde != waarde.quantize(Decimal("0.01")):
        raise ValueError(f"hoogstens twee decimalen (is {tekst})")
    return waarde


JA = {"ja", "j", "true", "waar", "1", "x"}
NEE = {"nee", "n", "false", "onwaar", "0"}


def _situatiewaarde(kolom: str, tekst: str) -> Any:
    """Typed value of a situation cell, by the type of the engine's default for that column."""
    standaard = _situatiekolommen().get(kolom)
    if isinstance(standaard, bool):
        if tekst.lower() in JA:
            return True
        if tekst.lower() in NEE:
            return False
        raise ValueError(f"verwacht ja of nee (is {tekst!r})")
    if isinstance(standaard, int):
        try:
            return int(tekst)
        except ValueError:
            raise ValueError(f"verwacht een geheel getal (is {tekst!r})") from None
    if isinstance(standaard, float):
        try:
            return float(tekst.replace(",", "."))
        except ValueError:
            raise ValueError(f"verwacht een getal (is {tekst!r})") from None
    if kolom.endswith("geboortedatum") or kolom == "peildatum":
        return _datum(tekst).isoformat()
    return tekst


def _situatiekolommen() -> dict[str, Any]:
    """The engine's flat situation columns with their defaults (the typical situation)."""
    from maatwerk.engine.plat import KOLOMMEN

    return {k: v for k, v in KOLOMMEN.items() if k != "geboortedatum"}


def _controleer_situatie(
    nummer: int, geboren: dt.date, peil: dt.date, situatie: dict[str, Any]
) -> list[Fout]:
    """Validate the situation columns of one row with the engine (all-or-nothing includes situations)."""
    from maatwerk.engine.plat import rij_naar_situatie
    from maatwerk.regels.laden import Regelfout

    try:
        rij_naar_situatie({**situatie, "geboortedatum": geboren}, peildatum=peil)
    except Regelfout as exc:
        fouten = []
        for m in exc.meldingen:
            kolom = next(
                (k for k in situatie if m.sleutel.endswith(k.replace("_", "")) or m.sleutel == k), m.sleutel
            )
            fouten.append(Fout(nummer, kolom, m.tekst))
        return fouten
    return []


def _controleer_utf8(pad: Path) -> None:
    """Refuse a CSV that is not valid UTF-8, naming the first bad line (the header is row 1)."""
    with pad.open("rb") as f:
        for nummer, regel in enumerate(f, 1):
            try:
                regel.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise Caseloadfout(
                    [
                        Fout(
                            nummer,
                            "",
                            f"geen geldige UTF-8-tekst (byte {exc.start + 1} van de regel); sla het bestand "
                            "op als 'CSV UTF-8'",
                        )
                    ]
                ) from None


def _controleer_grootte(pad: Path) -> None:
    """Refuse a file (or an xlsx once unpacked) larger than ``MAX_BESTAND``."""
    grens = f"{MAX_BESTAND // (1024 * 1024)} MB"
    if pad.stat().st_size > MAX_BESTAND:
        raise Caseloadfout([Fout(1, "", f"het bestand is groter dan {grens}; splits het op")])
    if pad.suffix.lower() == ".xlsx":
        import zipfile

        try:
            with zipfile.ZipFile(pad) as z:
                uitgepakt = sum(i.file_size for i in z.infolist())
        except zipfile.BadZipFile as exc:
            raise Caseloadfout([Fout(1, "", f"kan het xlsx-bestand niet lezen: {exc}")]) from None
        if uitgepakt > MAX_BESTAND:
            raise Caseloadfout([Fout(1, "", f"het xlsx-bestand is uitgepakt groter dan {grens}")])


def _tel_regels(pad: Path) -> int:
    """Line breaks in the file, read in blocks (for the progress bar; a quoted cell may hold more)."""
    aantal = 0
    with pad.open("rb") as f:
        while blok := f.read(LEESBLOK):
            aantal += blok.count(b"\n")
    return aantal


def _csv_rijen(pad: Path) -> tuple[list[str], Iterator[list[Any]], int]:
    """Header and data rows of a CSV, streamed; invalid UTF-8 is reported with its line."""
    with pad.open("rb") as f:
        eerste = f.readline(MAX_BESTAND).decode("utf-8", errors="replace")
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","  # Dutch Excel writes ';'
    aantal = max(_tel_regels(pad) - 1, 0)

    def rijen() -> Iterator[list[Any]]:
        grens = csv.field_size_limit()
        csv.field_size_limit(max(grens, MAX_BESTAND))  # a long cell is reported with its column below
        try:
            with io.TextIOWrapper(pad.open("rb"), encoding="utf-8-sig", newline="") as tekst:
                lezer = csv.reader(tekst, delimiter=scheiding)
                try:
                    yield from lezer
                except UnicodeDecodeError:
                    _controleer_utf8(pad)  # raises Caseloadfout with the line
                    raise
                except csv.Error as exc:
                    raise Caseloadfout(
                        [Fout(lezer.line_num, "", f"kan het CSV-bestand niet lezen: {exc}")]
                    ) from None
        finally:
            csv.field_size_limit(grens)

    stroom = rijen()
    kop = next(stroom, None)
    if kop is None:
        raise Caseloadfout([Fout(1, "", "kan het CSV-bestand niet lezen: het bestand is leeg")])
    return [_tekst(k) for k in kop], stroom, aantal


def _lees_rijen(pad: Path) -> tuple[list[str], Iterator[list[Any]], int]:
    """Header, data rows (streamed) and the (approximate) number of data rows, for the progress bar."""
    if not pad.is_file():
        raise Caseloadfout([Fout(1, "", f"bestand {pad.name} niet gevonden")])
    _controleer_grootte(pad)
    if pad.suffix.lower() == ".csv":
        return _csv_rijen(pad)
    if pad.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            boek = load_workbook(pad, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise Caseloadfout([Fout(1, "", f"kan het xlsx-bestand niet lezen: {exc}")]) from None
        blad = boek.worksheets[0]
        rijen = blad.iter_rows(values_only=True)
        kop = [_tekst(k) for k in next(rijen, ())]
        return kop, (list(r) for r in rijen), max((blad.max_row or 1) - 1, 0)
    raise Caseloadfout([Fout(1, "", f"onbekend bestandstype {pad.suffix!r}: gebruik .csv of .xlsx")])


class Caseload:
    """The valid rows of a checked file, spooled to a temporary file in blocks (see the module doc).

    Iterable any number of times (each pass reads the spool from the start), with ``len()`` and the
    distinct provider names (``aanbieders``) known without a pass. Closed when garbage-collected
    (or by :meth:`sluit`).
    """

    def __init__(self, opslag: IO[bytes], aantal: int, aanbieders: frozenset[str]):
        self._opslag, self._aantal, self.aanbieders = opslag, aantal, aanbieders

    def __len__(self) -> int:
        return self._aantal

    def blokken(self) -> Iterator[list[CaseloadRij]]:
        """The rows, one spooled block (``BLOK`` rows) at a time."""
        self._opslag.seek(0)
        while True:
            try:
                yield pickle.load(self._opslag)  # our own spool, written by lees_caseload
            except EOFError:
                return

    def __iter__(self) -> Iterator[CaseloadRij]:
        for blok in self.blokken():
            yield from blok

    def __getitem__(self, index: int) -> CaseloadRij:
        """Row ``index`` (reads the spool up to it: for tests and small files)."""
        if index < 0:
            index += self._aantal
        for i, rij in enumerate(self):
            if i == index:
                return rij
        raise IndexError(index)

    def sluit(self) -> None:
        self._opslag.close()


def _dubbele_bsns(bsns: array[int], rijnummers: array[int]) -> list[Fout]:
    """A problem for every row whose BSN an earlier row has, naming that earlier row."""
    if not bsns:
        return []
    waarden = np.frombuffer(bsns, dtype=np.int64)
    nummers = np.frombuffer(rijnummers, dtype=np.int64)
    volgorde = np.lexsort((nummers, waarden))  # by BSN, then by row
    gesorteerd = waarden[volgorde]
    herhaald = np.flatnonzero(gesorteerd[1:] == gesorteerd[:-1]) + 1
    if not herhaald.size:
        return []
    eerste_van_groep = np.maximum.accumulate(
        np.where(np.r_[True, gesorteerd[1:] != gesorteerd[:-1]], np.arange(gesorteerd.size), 0)
    )
    return [
        Fout(
            int(nummers[volgorde[i]]),
            "bsn",
            f"BSN staat ook al op rij {int(nummers[volgorde[eerste_van_groep[i]]])}",
        )
        for i in herhaald
    ]


def lees_caseload(pad: Path | str, voortgang: Callable[[int, int], None] | None = None) -> Caseload:
    """Read and validate the whole file, streaming; raise :class:`Caseloadfout` listing every problem.

    Returns the valid rows as a :class:`Caseload` (iterable, spooled to a temporary file)."""
    pad = Path(pad)
    kop, rijen, aantal = _lees_rijen(pad)
    kop = [k.strip().lower() for k in kop]
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN if k not in kop]
    if ontbrekend:
        raise Caseloadfout([Fout(1, k, "verplichte kolom ontbreekt") for k in ontbrekend])
    dubbel = sorted({k for k in kop if kop.count(k) > 1})
    if dubbel:
        raise Caseloadfout([Fout(1, k, "kolom komt twee keer voor") for k in dubbel])
    situatiekolommen = [k for k in kop if k not in VERPLICHTE_KOLOMMEN and k]
    onbekend = [k for k in situatiekolommen if k not in _situatiekolommen()]
    if onbekend:
        raise Caseloadfout(
            [
                Fout(
                    1,
                    k,
                    "onbekende kolom (geen verplichte kolom en geen situatiekolom van de engine, zie "
                    "maatwerk.engine.plat)",
                )
                for k in onbekend
            ]
        )
    opslag = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the Caseload, which closes it
    try:
        return _controleer_en_spool(kop, rijen, aantal, situatiekolommen, opslag, voortgang)
    except BaseException:
        opslag.close()
        raise


def _controleer_en_spool(
    kop: list[str],
    rijen: Iterator[list[Any]],
    aantal: int,
    situatiekolommen: list[str],
    opslag: IO[bytes],
    voortgang: Callable[[int, int], None] | None,
) -> Caseload:
    fouten: list[Fout] = []
    blok: list[CaseloadRij] = []
    bsns: array[int] = array("q")  # BSN and row of every valid row, for the duplicate check at the end
    rijnummers: array[int] = array("q")
    aanbieders: set[str] = set()
    geldig = 0
    weg = 0  # problems beyond MAX_FOUTEN: counted, not kept (memory stays bounded)
    breedte = len(kop)
    for i, ruw in enumerate(rijen):
        if len(fouten) > MAX_FOUTEN:
            weg += len(fouten) - MAX_FOUTEN
            del fouten[MAX_FOUTEN:]
        nummer = i + 2
        if voortgang:
            voortgang(i + 1, max(aantal, i + 1))
        waarden = [_tekst(w) for w in ruw]
        if not any(waarden):
            continue  # an empty line at the end of a spreadsheet is not an error
        if len(waarden) > breedte and any(waarden[breedte:]):
            fouten.append(
                Fout(nummer, "", f"meer cellen ({len(waarden)}) dan kolommen in de kop ({breedte})")
            )
            continue
        cellen = dict(zip(kop, waarden, strict=False))
        te_lang = [
            Fout(nummer, k, f"de cel is langer dan {MAX_LENGTE.get(k, MAX_CEL)} tekens ({len(w)})")
            for k, w in cellen.items()
            if len(w) > MAX_LENGTE.get(k, MAX_CEL)
        ]
        if te_lang:
            fouten.extend(te_lang)
            continue
        rij = _valideer_rij(nummer, cellen, situatiekolommen, fouten)
        if rij is None:
            continue
        bsns.append(int(rij.bsn))
        rijnummers.append(nummer)
        aanbieders.add(rij.aanbieder)
        geldig += 1
        if not fouten:  # once the file is refused, valid rows need not be kept
            blok.append(rij)
            if len(blok) >= BLOK:
                pickle.dump(blok, opslag, protocol=pickle.HIGHEST_PROTOCOL)
                blok = []
    dubbel = _dubbele_bsns(bsns, rijnummers)
    if dubbel:
        fouten = sorted([*fouten, *dubbel], key=lambda f: f.rij)
        geldig -= len(dubbel)
    if fouten:
        raise Caseloadfout(fouten, weg)
    if not geldig:
        raise Caseloadfout([Fout(1, "", "het bestand bevat geen cliënten")])
    if blok:
        pickle.dump(blok, opslag, protocol=pickle.HIGHEST_PROTOCOL)
    opslag.flush()
    return Caseload(opslag, geldig, frozenset(aanbieders))


def _valideer_rij(
    nummer: int, c: dict[str, str], situatiekolommen: list[str], fouten: list[Fout]
) -> CaseloadRij | None:
    eigen: list[Fout] = []

    def veld(kolom: str, omzetten: Callable[[str], Any], verplicht: bool = True) -> Any:
        tekst = c.get(kolom, "")
        if not tekst:
            if verplicht:
                eigen.append(Fout(nummer, kolom, "ontbreekt (verplicht)"))
            return None
        try:
            return omzetten(tekst)
        except ValueError as exc:
            eigen.append(Fout(nummer, kolom, str(exc)))
            return None

    def bsn(tekst: str) -> str:
        tekst = tekst.replace(" ", "").replace(".", "")
        if tekst.isdigit() and len(tekst) < 9:
            tekst = tekst.zfill(9)  # spreadsheets drop leading zeros
        if not is_geldig_bsn(tekst):
            raise ValueError(f"{tekst!r} is geen geldig BSN (9 cijfers en de elfproef)")
        return tekst

    def keuze(toegestaan: tuple[str, ...]) -> Callable[[str], str]:
        def omzetten(tekst: str) -> str:
            waarde = tekst.strip().lower()
            if waarde not in toegestaan:
                raise ValueError(f"ongeldige waarde {tekst!r}; toegestaan: {', '.join(toegestaan)}")
            return waarde

        return omzetten

    nummer_bsn = veld("bsn", bsn)
    geboren = veld("geboortedatum", _datum)
    uren = veld("uren_per_week_oud", _uren, verplicht=False)
    klasse = veld("klasse_oud", keuze(("hh1", "hh2")))
    vorm = veld("leveringsvorm", keuze(("zin", "pgb")))
    aanbieder = c.get("aanbieder", "")
    if not aanbieder and vorm == "zin":
        eigen.append(Fout(nummer, "aanbieder", "ontbreekt (verplicht bij zorg in natura)"))
    start = veld("ingangsdatum_oud", _datum)
    eind = veld("einddatum_oud", _datum, verplicht=False)
    vandaag = dt.date.today()
    if geboren and geboren > vandaag:
        eigen.append(Fout(nummer, "geboortedatum", f"{geboren} ligt in de toekomst"))
    if geboren and start and start < geboren:
        eigen.append(Fout(nummer, "ingangsdatum_oud", f"{start} ligt vóór de geboortedatum {geboren}"))
    if start and eind and eind < start:
        eigen.append(Fout(nummer, "einddatum_oud", f"{eind} ligt vóór de ingangsdatum {start}"))
    situatie: dict[str, Any] = {}
    for k in situatiekolommen:
        if c.get(k):
            try:
                situatie[k] = _situatiewaarde(k, c[k])
            except ValueError as exc:
                eigen.append(Fout(nummer, k, str(exc)))
    if not eigen and situatie:
        eigen.extend(_controleer_situatie(nummer, geboren, start, situatie))
    if eigen:
        fouten.extend(eigen)
        return None
    return CaseloadRij(nummer, nummer_bsn, geboren, uren, klasse, vorm, aanbieder, start, eind, situatie)
