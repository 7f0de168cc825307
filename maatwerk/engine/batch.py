"""Vectorised batch path: a whole caseload through a normenkader at once (NumPy over columns).

:func:`indiceer_batch` takes the flat situation columns of :mod:`maatwerk.engine.plat` (one row per
situation) and evaluates the *compiled* kader (:func:`maatwerk.engine.berekening.compileer`) column-wise,
in exactly the order of operations documented in :mod:`maatwerk.engine.berekening` — the same float
arithmetic, the same ``round(x, 6)`` before stepping, the same tie rules — so every minute, total, trede
and tariff equals what :func:`~maatwerk.engine.berekening.indiceer` gives for the row's situation
(``rij_naar_situatie(rij, peildatum)``). Python loops run over the kader's activities and rules only,
never over the rows.

Input columns
    ``id`` and ``geboortedatum`` are required; every other column of :data:`~maatwerk.engine.plat.KOLOMMEN`
    is optional. A missing column, or an empty cell (null or ``""``), takes the plat default (the
    typical situation). Accepted types: dates as Date/Datetime or ISO text ``JJJJ-MM-DD``; yes/no as
    Boolean, 0/1 or text (ja/nee, true/false, waar/onwaar, j/n, 1/0); counts as integers (or whole
    floats / numeric text); netwerk minutes as numbers (a decimal comma in text is accepted).
    ``peildatum`` per row wins over the ``peildatum`` argument; the kader version (and matrix version)
    valid on each row's peildatum is used, so a caseload may span versions.
    Deliberate differences with ``rij_naar_situatie`` (input parsing only, never the arithmetic): empty
    text is missing in every column (the single path refuses an empty ``gemeente``), yes/no text is
    parsed as ja/nee (the single path applies Python truthiness), and negative netwerk minutes are an
    error (the single path silently drops them).

``situatie_typisch``
    True when the row gives no value (null or empty) in any *situation* column: every plat column
    except ``id``, ``geboortedatum``, ``peildatum`` and ``gemeente``. Such a row is computed for the
    typical situation and the consulent must verify it.

Output, one row per input row in input order: ``id``, ``kader_versie``, ``min_<activiteit-id>`` (int
minutes per week; 0 when the activity does not apply), ``totaal_minuten_per_week``, ``uren_per_week``,
``uren_per_jaar``, ``trede_hbh`` (label of the trede of the first matrix resultaatgebied with
``bepaling: uren``; null without minutes or matrix) and, when a matrix has several such areas, also
``trede_<matrix-resultaatgebied>`` per area, ``tarief_per_periode`` (null when no trede/product),
``voorbeeldwaarden`` and ``situatie_typisch``. Zelfredzaamheid scores and consulent afwijkingen have
no flat form, so zelfredzaamheid treden are never part of a batch.

Speed: one Polars ``select`` reads and checks every column of a block (Polars uses all cores), then
NumPy evaluates the block in one thread; frames over :data:`BLOK` rows go in blocks, which keeps the
memory on top of the input small. See ``bench/engine.py`` for the measured figures.

Invalid input is all-or-nothing: a :class:`~maatwerk.regels.laden.Regelfout` lists, per problem, the
row number (1-based data row; a CSV header is not counted), the row's ``id``, the column and the reason
(at most :data:`MAX_MELDINGEN` messages, then a count). Nothing is computed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args

import numpy as np
import polars as pl

from maatwerk.engine.gecompileerd import Gecompileerd, compileer
from maatwerk.engine.kaders import Normenkader, Resultatenmatrix, register
from maatwerk.engine.plat import BEOORDELING, KOLOMMEN, MAX_LEDEN, VOORZIENINGEN
from maatwerk.engine.situatie import (
    CATEGORIEEN,
    OMSTANDIGHEDEN,
    Meedoen,
    Niveau,
    Rol,
    Woning,
)
from maatwerk.engine.stappen import KOLOM, Kolommen, gebruikelijk, treden
from maatwerk.engine.stappen.afronding import py_round, rond_af_kolom
from maatwerk.engine.stappen.feiten import kolom_feiten
from maatwerk.engine.stappen.toestand import Invoer
from maatwerk.regels.laden import Melding, Regelfout
from maatwerk.regeltaal.waarden import JA, NEE

MAX_MELDINGEN = 50
BLOK = 250_000  # rows evaluated at once (a larger frame goes in blocks: less memory, same result)
NIETS_BEREKEND = "er is niets berekend: verbeter de invoer en probeer opnieuw"
GEEN_DATUM = int(np.iinfo(np.int32).min)  # a missing date (days since 1970)
ONGELDIG = -2  # code of an unknown text value
EPOCHE = dt.date(1970, 1, 1)  # rows per thread below which one thread is faster
NIVEAUS: tuple[str, ...] = get_args(Niveau)  # zelf, deels, niet -> codes 0, 1, 2
ROLLEN: tuple[str, ...] = get_args(Rol)
MEEDOEN: tuple[str, ...] = get_args(Meedoen)
WONINGTYPES: tuple[str, ...] = get_args(Woning.model_fields["type"].annotation)
KAMERS_MAX = Woning.model_fields["kamers_in_gebruik"].metadata[-1].le
NETWERK_MAX = 10080.0  # minutes in a week (NetwerkHulp.minuten_per_week le)
NIET_SITUATIE = frozenset({"id", "geboortedatum", "peildatum", "gemeente"})
SITUATIEKOLOMMEN: tuple[str, ...] = tuple(k for k in KOLOMMEN if k not in NIET_SITUATIE)


# ------------------------------------------------------------------------------------------- errors


class _Fouten:
    """Collect row problems; raise them together (all-or-nothing)."""

    def __init__(self, ids: pl.Series, bron: str, eerste_rij: int = 1):
        self.ids, self.bron, self.eerste = ids, bron, eerste_rij
        self.meldingen: list[Melding] = []
        self.aantal = 0

    def rijen(self, mask: np.ndarray, kolom: str, reden: str, waarden: pl.Series | None = None) -> None:
        idx = np.flatnonzero(mask)
        self.aantal += len(idx)
        for i in idx[: max(0, MAX_MELDINGEN - len(self.meldingen))]:
            i = int(i)
            tekst = reden if waarden is None else f"{reden} (is {waarden[i]!r})"
            self.meldingen.append(
                Melding(tekst, self.bron, None, f"rij {i + self.eerste} (id {self.ids[i]}), kolom {kolom}")
            )

    def kolom(self, kolom: str, reden: str) -> None:
        self.aantal += 1
        if len(self.meldingen) < MAX_MELDINGEN:
            self.meldingen.append(Melding(reden, self.bron, None, f"kolom {kolom}"))

    def controleer(self) -> None:
        if not self.aantal:
            return
        if self.aantal > len(self.meldingen):
            self.meldingen.append(Melding(f"en nog {self.aantal - len(self.meldingen)} fout(en)", self.bron))
        self.meldingen.append(Melding(NIETS_BEREKEND, self.bron))
        raise Regelfout(self.meldingen)


# ------------------------------------------------------------------------------------------- columns


@dataclass(slots=True)
class _Kolom:
    """How one input column is read: a value expression (missing filled in) and where it is invalid."""

    waarde: pl.Expr
    fouten: list[tuple[pl.Expr, str]]


def _tekst(dtype: pl.DataType) -> bool:
    return dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)


def _gegeven(k: str, dtype: pl.DataType) -> pl.Expr:
    """Where column ``k`` has a value (not null, not empty text)."""
    c = pl.col(k)
    return c.is_not_null() & (c.cast(pl.String) != "") if _tekst(dtype) else c.is_not_null()


def _datum(k: str, dtype: pl.DataType) -> _Kolom | str:
    """A date as days since 1970 (:data:`GEEN_DATUM` = missing); see :func:`_jmd_kolommen`."""
    c = pl.col(k)
    fouten: list[tuple[pl.Expr, str]] = []
    if _tekst(dtype):
        c = c.cast(pl.String)
        d = c.str.strptime(pl.Date, "%Y-%m-%d", strict=False, exact=True)
        fouten.append((c.is_not_null() & (c != "") & d.is_null(), "geen geldige datum (JJJJ-MM-DD)"))
    elif isinstance(dtype, pl.Datetime):
        d = c.dt.date()
    elif dtype == pl.Date:
        d = c
    elif dtype == pl.Null:
        d = c.cast(pl.Date)
    else:
        return f"verwacht datums (JJJJ-MM-DD), kreeg kolomtype {dtype}"
    return _Kolom(d.to_physical().cast(pl.Int32).fill_null(GEEN_DATUM), fouten)


def _ja_nee(k: str, dtype: pl.DataType, standaard: bool) -> _Kolom | str:
    c = pl.col(k)
    if dtype in (pl.Boolean, pl.Null):
        return _Kolom(c.cast(pl.Boolean).fill_null(standaard), [])
    if dtype.is_integer():
        return _Kolom(
            (c == 1).fill_null(standaard), [(c.is_not_null() & ~c.is_in([0, 1]), "verwacht ja of nee (1/0)")]
        )
    if _tekst(dtype):
        klein = c.cast(pl.String).str.strip_chars().str.to_lowercase()  # as regeltaal.waarden.ja_nee
        ja, nee = klein.is_in(sorted(JA)), klein.is_in(sorted(NEE))
        leeg = c.is_null() | (klein == "")
        waarde = (ja | (leeg & standaard)).fill_null(standaard)
        return _Kolom(waarde, [((~leeg & ~ja & ~nee).fill_null(False), "verwacht ja of nee")])
    return f"verwacht ja/nee-waarden, kreeg kolomtype {dtype}"


def _geheel(k: str, dtype: pl.DataType, standaard: int) -> _Kolom | str:
    c = pl.col(k)
    fouten: list[tuple[pl.Expr, str]] = []
    if _tekst(dtype):
        t = c.cast(pl.String)
        getal = pl.when(t != "").then(t.cast(pl.Float64, strict=False))
        fouten.append((t.is_not_null() & (t != "") & getal.is_null(), "verwacht een geheel getal"))
        c, dtype = getal, pl.Float64()
    if dtype == pl.Null:
        return _Kolom(c.cast(pl.Int64).fill_null(standaard), [])
    if dtype.is_float():
        krom = (c.is_nan() | c.is_infinite() | (c.floor() != c)).fill_null(False)
        fouten.append((krom, "verwacht een geheel getal"))
        c = pl.when(krom).then(None).otherwise(c)
    elif not dtype.is_integer():
        return f"verwacht gehele getallen, kreeg kolomtype {dtype}"
    w = c.cast(pl.Int64, strict=False)
    fouten.append(((w < 0).fill_null(False), "mag niet negatief zijn"))
    fouten.append(((w > KAMERS_MAX).fill_null(False), f"hoogstens {KAMERS_MAX}"))
    return _Kolom(w.fill_null(standaard), fouten)


def _minuten(k: str, dtype: pl.DataType) -> _Kolom | str:
    c = pl.col(k)
    fouten: list[tuple[pl.Expr, str]] = []
    w: pl.Expr
    if _tekst(dtype):
        t = c.cast(pl.String)
        w = pl.when(t != "").then(t.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False))
        fouten.append((t.is_not_null() & (t != "") & w.is_null(), "verwacht een getal"))
    elif dtype.is_numeric() or dtype == pl.Null:
        w = c.cast(pl.Float64)
    else:
        return f"verwacht getallen, kreeg kolomtype {dtype}"
    fouten.append((w.is_nan().fill_null(False), "verwacht een getal"))
    fouten.append(((w < 0).fill_null(False), "mag niet negatief zijn"))
    fouten.append(((w > NETWERK_MAX).fill_null(False), f"hoogstens {NETWERK_MAX:g}"))
    return _Kolom(w.fill_nan(0.0).fill_null(0.0), fouten)


def _code(k: str, dtype: pl.DataType, waarden: tuple[str, ...]) -> _Kolom | str:
    """Index into ``waarden``; ``len(waarden)`` where missing (null or empty), ONGELDIG when unknown."""
    if not (_tekst(dtype) or dtype == pl.Null):
        return f"verwacht tekst ({', '.join(waarden)}), kreeg kolomtype {dtype}"
    c = pl.col(k).cast(pl.String)
    # a when/then chain of string equalities is several times faster than a cast to Enum;
    # unknown text -> ONGELDIG, reported after the select
    code: Any = pl.when(c.is_null() | (c == "")).then(pl.lit(len(waarden), pl.Int8))
    for i, w in enumerate(waarden):
        code = code.when(c == w).then(pl.lit(i, pl.Int8))
    return _Kolom(code.otherwise(pl.lit(ONGELDIG, pl.Int8)), [])


def _lezers() -> dict[str, Any]:
    """Per flat column: a function (column, dtype) -> _Kolom | error text."""
    lezers: dict[str, Any] = {
        "geboortedatum": _datum,
        "peildatum": _datum,
        "woning_type": lambda k, t: _code(k, t, WONINGTYPES),
        "kamers_in_gebruik": lambda k, t: _geheel(k, t, KOLOMMEN[k]),
        "kamers_niet_in_gebruik": lambda k, t: _geheel(k, t, KOLOMMEN[k]),
        "trap": lambda k, t: _ja_nee(k, t, KOLOMMEN[k]),
    }
    for c in CATEGORIEEN:
        lezers[f"beperking_{c}"] = lambda k, t: _code(k, t, NIVEAUS)
        lezers[f"netwerk_{c}_minuten"] = _minuten
    for o in (*OMSTANDIGHEDEN, "veel_eigen_kracht", *(f"voorziening_{v}" for v in VOORZIENINGEN)):
        lezers[o] = lambda k, t: _ja_nee(k, t, KOLOMMEN[k])
    for v in VOORZIENINGEN:
        for b in BEOORDELING:  # empty = not assessed = does not replace maatwerk
            lezers[f"voorziening_{v}_{b}"] = lambda k, t: _ja_nee(k, t, False)
    for i in range(1, MAX_LEDEN + 1):
        lezers[f"lid{i}_rol"] = lambda k, t: _code(k, t, ROLLEN)
        lezers[f"lid{i}_geboortedatum"] = _datum
        lezers[f"lid{i}_kan_meedoen"] = lambda k, t: _code(k, t, MEEDOEN)
    return lezers


# ------------------------------------------------------------------------------------------- input

_Invoer = Invoer

DATUMKOLOMMEN = ("geboortedatum", "peildatum", *(f"lid{i}_geboortedatum" for i in range(1, MAX_LEDEN + 1)))


_TABEL: list[tuple[int, np.ndarray]] = []


def _tabel(laag: int, hoog: int) -> tuple[int, np.ndarray]:
    """(first day, JJJJMMDD per day): cached for 1800-2200, built on the fly outside that range."""
    if not _TABEL:
        _TABEL.append(_maak_tabel((dt.date(1800, 1, 1) - EPOCHE).days, (dt.date(2200, 12, 31) - EPOCHE).days))
    eerste, tabel = _TABEL[0]
    if eerste <= laag and hoog < eerste + len(tabel):
        return eerste, tabel
    return _maak_tabel(laag, hoog)


def _maak_tabel(laag: int, hoog: int) -> tuple[int, np.ndarray]:
    dag = np.arange(laag, hoog + 1).astype("datetime64[D]")
    maand = dag.astype("datetime64[M]")
    jaar = maand.astype("datetime64[Y]").astype(np.int64) + 1970
    return laag, jaar * 10000 + (maand.astype(np.int64) % 12 + 1) * 100 + (dag - maand).astype(np.int64) + 1


def _jmd_kolommen(dagen: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Days since 1970 -> ``JJJJMMDD`` integers (0 = missing), via one lookup table over the date range."""
    geldig = [d[d != GEEN_DATUM] for d in dagen.values()]
    geldig = [g for g in geldig if len(g)]
    if not geldig:
        return {k: np.zeros(len(d), np.int64) for k, d in dagen.items()}
    laag, tabel = _tabel(min(int(g.min()) for g in geldig), max(int(g.max()) for g in geldig))
    uit = {}
    for k, d in dagen.items():
        leeg = d == GEEN_DATUM
        uit[k] = np.where(leeg, 0, tabel[np.where(leeg, laag, d) - laag])
    return uit


def _jmd(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


@functools.lru_cache(maxsize=64)
def _plan(
    schema: tuple[tuple[str, pl.DataType], ...],
) -> tuple[list[pl.Expr], list[tuple[str, str, pl.Expr]], list[tuple[str, str]]]:
    """The select that reads a frame of this schema (cached: building ~100 expressions costs time).

    Returns (expressions, checks as (column, reason, where), column-level errors as (column, text)).
    """
    types = dict(schema)
    kolomfouten: list[tuple[str, str]] = []
    if "gemeente" in types and not (_tekst(types["gemeente"]) or types["gemeente"] == pl.Null):
        kolomfouten.append(("gemeente", f"verwacht tekst, kreeg kolomtype {types['gemeente']}"))
    lezers = _lezers()
    exprs: list[pl.Expr] = [pl.col("id").is_null().alias("__id_leeg")]
    controles: list[tuple[str, str, pl.Expr]] = []
    for k, dtype in schema:
        if k not in lezers:
            continue
        kolom = lezers[k](k, dtype)
        if isinstance(kolom, str):
            kolomfouten.append((k, kolom))
            continue
        exprs.append(kolom.waarde.alias(k))
        controles.extend((k, reden, fout) for fout, reden in kolom.fouten)
    gegeven = [_gegeven(k, types[k]) for k in SITUATIEKOLOMMEN if k in types]
    exprs.append((~pl.any_horizontal(gegeven) if gegeven else pl.lit(True)).alias("__typisch"))
    if controles:  # one column for the common case (no errors); the details only when needed
        exprs.append(pl.any_horizontal(f for *_x, f in controles).alias("__fout"))
    if "gemeente" in types and _tekst(types["gemeente"]):
        g = pl.col("gemeente").cast(pl.String)
        exprs.append(
            pl.when(g.is_null() | (g == "")).then(pl.lit(KOLOMMEN["gemeente"])).otherwise(g).alias("gemeente")
        )
    return exprs, controles, kolomfouten


def _lees(
    frame: pl.DataFrame, peildatum: dt.date | None, bron: str, eerste_rij: int = 1
) -> tuple[_Invoer, np.ndarray]:
    """Validate ``frame`` into arrays (and ``situatie_typisch``); one Regelfout listing every problem."""
    n = frame.height
    if "id" not in frame.columns:
        raise Regelfout([Melding("verplichte kolom ontbreekt", bron, None, "kolom id")])
    fouten = _Fouten(frame["id"], bron, eerste_rij)
    for k in frame.columns:
        if k not in KOLOMMEN and k != "id":
            fouten.kolom(k, "onbekende kolom (zie maatwerk.engine.plat.KOLOMMEN voor de situatiekolommen)")
    if "geboortedatum" not in frame.columns:
        fouten.kolom("geboortedatum", "verplichte kolom ontbreekt")
    schema = frame.schema
    exprs, controles, kolomfouten = _plan(tuple(schema.items()))
    for k, tekst in kolomfouten:
        fouten.kolom(k, tekst)
    fouten.controleer()
    uit = frame.select(exprs)
    fouten.rijen(uit["__id_leeg"].to_numpy(), "id", "id ontbreekt")
    if controles and uit["__fout"].any():
        details = frame.select(f.alias(f"__fout_{i}") for i, (*_x, f) in enumerate(controles))
        for i, (k, reden, _f) in enumerate(controles):
            fouten.rijen(details[f"__fout_{i}"].to_numpy(), k, reden, frame[k])
    fouten.controleer()

    def kol(k: str, standaard: Any, dtype: Any = None) -> np.ndarray:
        if k in datums:
            return datums[k]
        if k in uit.columns:
            return uit[k].to_numpy()
        return np.full(n, standaard, dtype=dtype)

    def code(k: str, waarden: tuple[str, ...], standaard: int) -> np.ndarray:
        c = kol(k, len(waarden), np.int8)
        onbekend = c == ONGELDIG
        if onbekend.any():
            fouten.rijen(onbekend, k, f"onbekende waarde; kies uit {', '.join(waarden)}", frame[k])
        return np.where(c == len(waarden), standaard, c).astype(np.int8)

    datums = _jmd_kolommen({k: uit[k].to_numpy() for k in DATUMKOLOMMEN if k in uit.columns})

    geboren = kol("geboortedatum", 0, np.int64)
    fouten.rijen(geboren == 0, "geboortedatum", "ontbreekt")
    peil = kol("peildatum", 0, np.int64)
    if peildatum is not None:
        peil = np.where(peil == 0, _jmd(peildatum), peil)
    else:
        fouten.rijen(peil == 0, "peildatum", "ontbreekt (geef een kolom peildatum of --peildatum)")
    heeft = (peil > 0) & (geboren > 0)
    fouten.rijen(heeft & (geboren > peil), "geboortedatum", "ligt na de peildatum", frame["geboortedatum"])

    rol = np.full((MAX_LEDEN, n), -1, np.int8)
    lid_geboren = np.zeros((MAX_LEDEN, n), np.int64)
    meedoen = np.zeros((MAX_LEDEN, n), np.int8)
    for i in range(MAX_LEDEN):
        p = f"lid{i + 1}_"
        rol[i] = code(p + "rol", ROLLEN, -1)
        lid_geboren[i] = kol(p + "geboortedatum", 0, np.int64)
        meedoen[i] = code(p + "kan_meedoen", MEEDOEN, MEEDOEN.index(KOLOMMEN[p + "kan_meedoen"]))
        lid = rol[i] >= 0
        fouten.rijen(
            lid & (lid_geboren[i] == 0), p + "geboortedatum", "ontbreekt (de rol van dit lid is gegeven)"
        )
        te_laat = lid & (peil > 0) & (lid_geboren[i] > peil)
        fouten.rijen(
            te_laat,
            p + "geboortedatum",
            "ligt na de peildatum",
            frame[p + "geboortedatum"] if te_laat.any() else None,
        )
    fouten.controleer()

    if "gemeente" in uit.columns:
        g = uit["gemeente"]
        gemeenten = tuple(g.unique(maintain_order=True).to_list())
        gemeente = g.cast(pl.Enum(list(gemeenten))).to_physical().to_numpy().astype(np.int32)
    else:
        gemeenten, gemeente = (KOLOMMEN["gemeente"],), np.zeros(n, np.int32)
    voorziening = {v: kol(f"voorziening_{v}", KOLOMMEN[f"voorziening_{v}"], bool) for v in VOORZIENINGEN}

    def vervangt(v: str) -> np.ndarray:
        """In use, passend and financieel toegankelijk (a missing column: not assessed in any row)."""
        uit_v = voorziening[v]
        for b in BEOORDELING:
            if f"voorziening_{v}_{b}" not in uit.columns:
                return np.zeros(n, bool)
            uit_v = uit_v & kol(f"voorziening_{v}_{b}", False, bool)
        return uit_v

    inv = _Invoer(
        n=n,
        peil=peil,
        geboren=geboren,
        gemeente=gemeente,
        gemeenten=gemeenten,
        woning_type=code("woning_type", WONINGTYPES, WONINGTYPES.index(KOLOMMEN["woning_type"])),
        kamers_in_gebruik=kol("kamers_in_gebruik", KOLOMMEN["kamers_in_gebruik"], np.int64),
        kamers_niet_in_gebruik=kol("kamers_niet_in_gebruik", KOLOMMEN["kamers_niet_in_gebruik"], np.int64),
        trap=kol("trap", KOLOMMEN["trap"], bool),
        beperking={
            c: code(f"beperking_{c}", NIVEAUS, NIVEAUS.index(KOLOMMEN[f"beperking_{c}"])) for c in CATEGORIEEN
        },
        omstandigheid={o: kol(o, KOLOMMEN[o], bool) for o in OMSTANDIGHEDEN},
        rol=rol,
        lid_geboren=lid_geboren,
        meedoen=meedoen,
        netwerk={c: kol(f"netwerk_{c}_minuten", 0.0, np.float64) for c in CATEGORIEEN},
        veel_eigen_kracht=kol("veel_eigen_kracht", KOLOMMEN["veel_eigen_kracht"], bool),
        voorziening=voorziening,
        voorziening_vervangt={v: vervangt(v) for v in VOORZIENINGEN},
    )
    fouten.controleer()
    return inv, uit["__typisch"].to_numpy()


# ------------------------------------------------------------------------------------------- evaluate


@dataclass(slots=True)
class _Uitkomst:
    minuten: dict[str, np.ndarray]
    totaal: np.ndarray
    uren_per_week: np.ndarray
    uren_per_jaar: np.ndarray
    treden: dict[str, pl.Series]
    tarief: np.ndarray
    tarief_aanwezig: np.ndarray
    voorbeeld: np.ndarray


def _evalueer(c: Gecompileerd, matrix: Resultatenmatrix | None, inv: _Invoer) -> _Uitkomst:
    """All rows of ``inv`` through one compiled kader version (and its matrix version): every step's
    column form (:data:`maatwerk.engine.stappen.KOLOM`) per activity, in the order of operations."""
    n = inv.n
    kader_feiten, leden_leeftijd = kolom_feiten(inv)
    pools = {cat: inv.netwerk[cat].copy() for cat in CATEGORIEEN}
    match = gebruikelijk.match_kolom(c, inv, leden_leeftijd)
    voorbeeld = np.full(n, c.basis_voorbeeld)
    totaal = np.zeros(n, np.int64)
    minuten: dict[str, np.ndarray] = {}
    leeg = np.zeros(n, bool)
    for a in c.activiteiten:
        k = Kolommen(c, a, n, inv, kader_feiten, leden_leeftijd, pools, match, leeg, leeg, leeg, leeg.copy())
        for stap in KOLOM:
            stap(k)
        minuten[a.id] = k.afgerond
        totaal += k.afgerond
        voorbeeld |= (k.reken & k.vb) | k.vervallen_vb
    dec = c.decimalen_uren
    uren_per_week = py_round(totaal / 60, dec)
    uren_per_jaar = py_round(totaal * c.weken_per_jaar / 60, dec)
    tr = treden.kolom(c, matrix, minuten, n, kader_feiten)
    return _Uitkomst(
        minuten,
        totaal,
        uren_per_week,
        uren_per_jaar,
        tr.treden,
        py_round(tr.bedrag, 2),
        tr.aanwezig,
        voorbeeld | tr.voorbeeld,
    )


# ------------------------------------------------------------------------------------------- public


def _versies(
    kader: str | Normenkader, peil: np.ndarray, ids: pl.Series, bron: str, eerste_rij: int = 1
) -> tuple[list[tuple[Normenkader, Resultatenmatrix | None]], np.ndarray]:
    """The (kader, matrix) version per distinct peildatum; per row the index into that list."""
    if len(peil) and peil.min() == peil.max():  # the common case: one peildatum (no sort)
        dagen, terug = peil[:1], np.zeros(len(peil), np.int64)
    else:
        dagen, terug = np.unique(peil, return_inverse=True)
    paren: list[tuple[Normenkader, Resultatenmatrix | None]] = []
    sleutels: dict[tuple[int, int], int] = {}
    per_dag = np.zeros(len(dagen), np.int64)
    fouten = _Fouten(ids, bron, eerste_rij)
    for j, d in enumerate(dagen):
        datum = dt.date(int(d) // 10000, int(d) // 100 % 100, int(d) % 100)
        try:
            k = kader if isinstance(kader, Normenkader) else register().normenkader(kader, datum)
        except Regelfout as exc:
            if not any("geen versie" in m.tekst for m in exc.meldingen):
                raise
            fouten.rijen(
                terug == j, "peildatum", f"normenkader '{kader}' heeft geen versie die geldt op {datum}"
            )
            continue
        m = register().matrix(k.resultatenmatrix, datum) if k.resultatenmatrix else None
        sleutel = (id(k), id(m))
        if sleutel not in sleutels:
            sleutels[sleutel] = len(paren)
            paren.append((k, m))
        per_dag[j] = sleutels[sleutel]
    fouten.controleer()
    return paren, per_dag[terug]


def uitvoer_kolommen(kader: str | Normenkader, peildatum: dt.date | None = None) -> list[str]:
    """The output columns of :func:`indiceer_batch` for one kader version."""
    k = kader if isinstance(kader, Normenkader) else register().normenkader(kader, peildatum)
    c = compileer(k)
    return ["id", "kader_versie", *(f"min_{a.id}" for a in c.activiteiten), *_VAST]


_VAST = (
    "totaal_minuten_per_week",
    "uren_per_week",
    "uren_per_jaar",
    "trede_hbh",
    "tarief_per_periode",
    "voorbeeldwaarden",
    "situatie_typisch",
)


def indiceer_batch(
    frame: pl.DataFrame,
    kader: str | Normenkader,
    peildatum: dt.date | None = None,
    *,
    bron: str = "invoer",
    eerste_rij: int = 1,
) -> pl.DataFrame:
    """Indicate every row of ``frame`` (flat situation columns) under normenkader ``kader``, vectorised.

    ``peildatum`` is used for rows without their own ``peildatum``. ``bron`` names the input in error
    messages (e.g. the file name); ``eerste_rij`` is the number of the frame's first row in them (for
    a frame that is one block of a larger file). See the module docstring for the columns in and out.
    """
    if peildatum is not None and not isinstance(peildatum, dt.date):
        raise Regelfout([Melding(f"peildatum moet een datum zijn (is {peildatum!r})", bron)])
    if isinstance(peildatum, dt.datetime):
        peildatum = peildatum.date()
    if isinstance(kader, str):
        register().normenkader(kader)  # unknown id: a clear error before reading any row
    if frame.height <= BLOK:
        return _indiceer_blok(frame, kader, peildatum, bron, eerste_rij)
    # large frames in blocks: less memory at once, same result; every block is checked before any
    # result is returned, so errors of all blocks are reported together (all-or-nothing)
    delen: list[pl.DataFrame] = []
    meldingen: list[Melding] = []
    for start in range(0, frame.height, BLOK):
        try:
            delen.append(_indiceer_blok(frame.slice(start, BLOK), kader, peildatum, bron, eerste_rij + start))
        except Regelfout as fout:
            meldingen.extend(m for m in fout.meldingen if m.tekst != NIETS_BEREKEND)
    if meldingen:
        raise Regelfout([*meldingen[:MAX_MELDINGEN], Melding(NIETS_BEREKEND, bron)])
    uit = pl.concat(delen, how="diagonal_relaxed")
    return uit.with_columns(pl.col("^min_.*$").fill_null(0))


def _indiceer_blok(
    frame: pl.DataFrame, kader: str | Normenkader, peildatum: dt.date | None, bron: str, eerste_rij: int
) -> pl.DataFrame:
    inv, typisch = _lees(frame, peildatum, bron, eerste_rij)
    paren, versie = _versies(kader, inv.peil, frame["id"], bron, eerste_rij)
    n = inv.n
    if not paren:
        k = kader if isinstance(kader, Normenkader) else register().normenkader(kader, peildatum)
        paren = [(k, None)]
    delen: list[tuple[np.ndarray | None, Gecompileerd, Resultatenmatrix | None, _Uitkomst]] = []
    for j, (k, matrix) in enumerate(paren):
        c = compileer(k)
        if len(paren) == 1:
            delen.append((None, c, matrix, _evalueer(c, matrix, inv)))
        else:
            idx = np.flatnonzero(versie == j)
            delen.append((idx, c, matrix, _evalueer(c, matrix, inv.deel(idx))))
    return _samenvoegen(frame["id"], n, typisch, delen, versie)


def _samenvoegen(
    ids: pl.Series,
    n: int,
    typisch: np.ndarray,
    delen: list[tuple[np.ndarray | None, Gecompileerd, Resultatenmatrix | None, _Uitkomst]],
    versie: np.ndarray,
) -> pl.DataFrame:
    """One output frame from the per-version results (input row order)."""
    activiteiten = list(dict.fromkeys(a.id for _i, c, _m, _u in delen for a in c.activiteiten))
    gebieden = list(dict.fromkeys(g for *_x, u in delen for g in u.treden))

    def verzamel(waarde: Callable[[_Uitkomst], np.ndarray], dtype: Any, vul: Any) -> np.ndarray:
        if len(delen) == 1:
            return waarde(delen[0][3])
        uit = np.full(n, vul, dtype=dtype)
        for idx, _c, _m, u in delen:
            uit[idx] = waarde(u)
        return uit

    kolommen: dict[str, Any] = {"id": ids}
    versies = pl.Series("kader_versie", [c.versie for _i, c, _m, _u in delen], dtype=pl.String)
    kolommen["kader_versie"] = versies.gather(versie if len(delen) > 1 else np.zeros(n, np.int64))

    def minuten_van(aid: str) -> Callable[[_Uitkomst], np.ndarray]:
        return lambda u: u.minuten.get(aid, np.zeros(len(u.totaal), np.int64))

    for aid in activiteiten:
        kolommen[f"min_{aid}"] = verzamel(minuten_van(aid), np.int64, 0)
    kolommen["totaal_minuten_per_week"] = verzamel(lambda u: u.totaal, np.int64, 0)
    kolommen["uren_per_week"] = verzamel(lambda u: u.uren_per_week, np.float64, 0.0)
    kolommen["uren_per_jaar"] = verzamel(lambda u: u.uren_per_jaar, np.float64, 0.0)

    def trede(gid: str) -> pl.Series:
        if len(delen) == 1:
            s = delen[0][3].treden.get(gid)
            return s if s is not None else pl.Series([None] * n, dtype=pl.String)
        uit = pl.Series([None] * n, dtype=pl.String)
        for idx, _c, _m, u in delen:
            if gid in u.treden:
                assert idx is not None
                uit = uit.scatter(idx, u.treden[gid])
        return uit

    kolommen["trede_hbh"] = trede(gebieden[0]) if gebieden else pl.Series([None] * n, dtype=pl.String)
    if len(gebieden) > 1:
        for gid in gebieden:
            kolommen[f"trede_{gid}"] = trede(gid)
    tarief = verzamel(lambda u: u.tarief, np.float64, 0.0)
    aanwezig = verzamel(lambda u: u.tarief_aanwezig, bool, False)
    kolommen["tarief_per_periode"] = pl.Series(tarief).set(pl.Series(~aanwezig), None)
    kolommen["voorbeeldwaarden"] = verzamel(lambda u: u.voorbeeld, bool, False)
    kolommen["situatie_typisch"] = typisch
    return pl.DataFrame(
        {k: (v.rename(k) if isinstance(v, pl.Series) else pl.Series(k, v)) for k, v in kolommen.items()}
    )


rond_af = rond_af_kolom  # the v1 name of the column rounding

__all__ = ["indiceer_batch", "py_round", "rond_af", "uitvoer_kolommen", "SITUATIEKOLOMMEN"]
