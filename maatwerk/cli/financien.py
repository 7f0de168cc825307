"""``maatwerk financien ...``: provider income old vs new, uitmiddelen, herstelactie and budget impact.

Clients come from a stored simulation (``maatwerk herindicatie simuleer``; default the newest, or
``--simulatie N``) or from a simulation file (``--uitkomst uitkomst.csv|parquet``). Amounts are exact
until one half-up rounding to cents per line; totals are sums of lines. Bad input: a Dutch message
naming the option, file, row or column, and exit code 2.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click
import polars as pl
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from maatwerk.cli.opties import DATUM
from maatwerk.opmaak import getal
from maatwerk.regels.laden import Regelfout
from maatwerk.veilig import neutraliseer_frame, prive_bestand

console = Console()
fouten_console = Console(stderr=True)


class Invoerfout(click.ClickException):
    """Bad input: Dutch message, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        fouten_console.print(f"[bold red]Fout:[/] {self.message}", highlight=False, markup=True)


class Euro(click.ParamType):
    name = "euro"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from maatwerk.apps.finance.geld import naar_centen

        tekst = str(value).replace("€", "").replace(" ", "").strip()
        if "," in tekst:  # Dutch notation 1.250.000,50
            tekst = tekst.replace(".", "").replace(",", ".")
        elif tekst.count(".") > 1 or re.fullmatch(r"-?\d{1,3}\.\d{3}", tekst):  # 1.500.000 or 250.000
            tekst = tekst.replace(".", "")
        try:
            bedrag = Decimal(tekst)
        except InvalidOperation:
            self.fail(f"{value!r} is geen geldig bedrag in euro (bv. 250000 of 250.000,00)", param, ctx)
        if bedrag < 0:
            self.fail(f"{value!r}: een budget kan niet negatief zijn", param, ctx)
        try:
            return naar_centen(bedrag)
        except ValueError as exc:
            self.fail(f"{value!r}: {exc}", param, ctx)


class KaderVersie(click.ParamType):
    """``ID`` or ``ID@JJJJ-MM-DD`` (the version's valid_from)."""

    name = "kader[@versie]"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, dt.date | None]:
        if isinstance(value, tuple):
            return value
        kader, _, versie = str(value).partition("@")
        if not kader:
            self.fail(f"{value!r}: geef een normenkader-id, eventueel met @versie (valid_from)", param, ctx)
        if not versie:
            return kader, None
        try:
            return kader, dt.date.fromisoformat(versie)
        except ValueError:
            self.fail(
                f"{value!r}: versie moet de ingangsdatum JJJJ-MM-DD zijn, bv. {kader}@2021-01-01", param, ctx
            )


EURO, KADER = Euro(), KaderVersie()


@contextmanager
def _bezig(tekst: str) -> Iterator[None]:
    """Spinner with elapsed time on stderr for steps that may take a while."""
    with Progress(
        SpinnerColumn(), TextColumn(tekst), TimeElapsedColumn(), console=fouten_console, transient=True
    ):
        yield


def _vertaal(functie: Callable[..., None]) -> Callable[..., None]:
    """Turn rule, input and value errors into Dutch messages with exit code 2."""

    def omhulsel(*args: Any, **kwargs: Any) -> None:
        from maatwerk.apps.finance.invoer import Invoerfout as BestandFout

        try:
            functie(*args, **kwargs)
        except Regelfout as exc:
            raise Invoerfout(str(exc)) from None
        except (BestandFout, ValueError) as exc:
            raise Invoerfout(str(exc)) from None

    omhulsel.__name__, omhulsel.__doc__ = functie.__name__, functie.__doc__
    return omhulsel


def _bron(simulatie: int | None, uitkomst: Path | None) -> Any:
    from maatwerk.apps.finance import bronnen

    if uitkomst is not None:
        if simulatie is not None:
            raise Invoerfout("kies --simulatie óf --uitkomst, niet allebei")
        return bronnen.uit_bestand(uitkomst)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django
    from django.db.utils import OperationalError, ProgrammingError

    django.setup()
    try:
        return bronnen.uit_database(simulatie, waarom="maatwerk financien (CLI)")
    except (OperationalError, ProgrammingError) as exc:
        if "no such table" in str(exc) or "does not exist" in str(exc):
            raise Invoerfout("de database is nog niet klaar: voer eerst `maatwerk migrate` uit") from None
        raise


def _matrix_id(matrix: str | None, bron: Any) -> str:
    from maatwerk.apps.finance.services import Keuzefout, kies_matrix

    try:
        return kies_matrix(matrix, bron.kader if bron is not None else None, getattr(bron, "peildatum", None))
    except Keuzefout as exc:
        raise Invoerfout(
            f"kies een resultatenmatrix met --matrix (beschikbaar: {', '.join(exc.beschikbaar)})"
        ) from None


def _enige(soort: str, gekozen: str | None, optie: str) -> str:
    from maatwerk.apps.finance.services import Keuzefout, kies_regelset

    try:
        return kies_regelset(soort, gekozen)  # type: ignore[arg-type]
    except Keuzefout as exc:
        raise Invoerfout(f"kies met {optie} (beschikbaar: {', '.join(exc.beschikbaar) or 'geen'})") from None


def _tarieven(matrix: str | None, bron: Any) -> tuple[str, pl.DataFrame]:
    from maatwerk.apps.finance.matrix import tarieftabel

    mid = _matrix_id(matrix, bron)
    return mid, tarieftabel(mid)


def _euro(centen: Any) -> str:
    from maatwerk.apps.finance.geld import euro

    return euro(None if centen is None else int(centen))


def _euro_kolommen(frame: pl.DataFrame) -> pl.DataFrame:
    """Cent columns ``x_cent`` -> text euros ``x`` with two decimals (exact, for CSV)."""
    uit = []
    for kolom in frame.columns:
        if not kolom.endswith("_cent"):
            uit.append(pl.col(kolom))
            continue
        c = pl.col(kolom)
        tekst = (
            pl.when(c < 0).then(pl.lit("-")).otherwise(pl.lit(""))
            + (c.abs() // 100).cast(pl.String)
            + pl.lit(".")
            + (c.abs() % 100).cast(pl.String).str.zfill(2)
        )
        uit.append(tekst.alias(kolom.removesuffix("_cent")))
    return frame.select(uit)


def _schrijf_csv(frame: pl.DataFrame, pad: Path) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    _euro_kolommen(neutraliseer_frame(frame)).write_csv(pad)
    console.print(f"CSV geschreven: {pad}")


def _schrijf_persoonlijk_csv(frame: pl.DataFrame, pad: Path, wat: str) -> None:
    """An export with personal data (a ``bsn`` column): mode 0600 and one audit row per client."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django
    from django.db.utils import OperationalError, ProgrammingError

    django.setup()
    from maatwerk.apps.finance.services import export_gelogd

    bsns = frame["bsn"].cast(pl.Utf8).to_list()
    try:  # audit first: without an audit row the file is not written
        aantal = export_gelogd(bsns, f"{wat}: {pad.name}", "financiële herstelrekening")
    except (OperationalError, ProgrammingError) as exc:
        raise Invoerfout(f"het auditlog is niet bereikbaar ({exc}); het bestand is niet geschreven") from None
    pad.parent.mkdir(parents=True, exist_ok=True)
    with prive_bestand(pad) as f:
        _euro_kolommen(neutraliseer_frame(frame)).write_csv(f)
    console.print(f"CSV geschreven: {pad} (alleen leesbaar voor u; {aantal} cliënten in het auditlog)")


def _bron_opties(functie: Callable[..., Any]) -> Callable[..., Any]:
    functie = click.option(
        "--uitkomst",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Simulatiebestand (CSV/Parquet van `herindicatie simuleer -o`) in plaats van de database.",
    )(functie)
    return click.option(
        "--simulatie",
        type=click.IntRange(min=1),
        help="Nummer van de opgeslagen simulatie (standaard de nieuwste).",
    )(functie)


@click.group()
def financien() -> None:
    """Financiën voor aanbieders en raad: inkomsten oud/nieuw, uitmiddelen, herstel, begroting."""


# ------------------------------------------------------------------------------------------------ tarieven


@financien.command("tarieven")
@click.option("--pxq", "pxq_id", help="Regelset uurtarieven (standaard: alle).")
@click.option("--matrix", help="Toon ook de tarieven per trede van deze resultatenmatrix.")
@_vertaal
def tarieven(pxq_id: str | None, matrix: str | None) -> None:
    """Oude uurtarieven (PxQ) per klasse en leveringsvorm, per geldigheidsperiode; * = voorbeeldwaarde."""
    from maatwerk.apps.finance.tarieven import pxq_versies, regelsets

    tabel = Table(title="Uurtarieven hulp bij het huishouden (oude, inspanningsgerichte bekostiging)")
    for kop in ("regelset", "geldig vanaf", "geldig tot", "klasse", "leveringsvorm", "per uur"):
        tabel.add_column(kop, justify="right" if kop == "per uur" else "left")
    voorbeeld = False
    for regelset in [pxq_id] if pxq_id else regelsets("pxq"):
        for versie in pxq_versies(regelset):
            for t in versie.tarieven:
                voorbeeld |= t.voorbeeld
                tabel.add_row(
                    regelset,
                    versie.valid_from.isoformat(),
                    versie.valid_until.isoformat() if versie.valid_until else "-",
                    t.klasse,
                    t.leveringsvorm,
                    f"{_euro(int(t.bedrag * 100))}{' *' if t.voorbeeld else ''}",
                )
    console.print(tabel)
    if matrix:
        from maatwerk.apps.finance.matrix import tarieftabel

        tt = tarieftabel(matrix).unique(["trede_label", "van"]).sort("van", "band_min_minuten")
        mt = Table(title=f"Tarieven per trede, resultatenmatrix {matrix}")
        for kop in ("geldig vanaf", "trede", "band (min/week)", "periode (dagen)", "tarief"):
            mt.add_column(kop)
        for r in tt.iter_rows(named=True):
            hoog = r["band_max_minuten"]
            band = f"{r['band_min_minuten']}-{hoog if hoog is not None else '…'}"
            mt.add_row(
                r["van"].isoformat(),
                r["trede_label"],
                band,
                str(r["periode_dagen"]),
                f"{_euro(r['tarief_cent'])}{' *' if r['voorbeeld'] else ''}",
            )
            voorbeeld |= r["voorbeeld"]
        console.print(mt)
    if voorbeeld:
        console.print("* voorbeeldwaarde zonder openbare bron (zie toelichting in het regelbestand)")


# ---------------------------------------------------------------------------------------------- aanbieders


@financien.command("aanbieders")
@click.option(
    "--van", type=DATUM, required=True, help="Eerste dag (de periodes van de matrix beginnen hier)."
)
@click.option("--tot", type=DATUM, required=True, help="Laatste dag (inclusief).")
@_bron_opties
@click.option(
    "--matrix", help="Resultatenmatrix voor de nieuwe tarieven (standaard: die van het normenkader)."
)
@click.option("--pxq", "pxq_id", help="Regelset oude uurtarieven (standaard: de enige).")
@click.option("--aanbieder", help="Alleen deze aanbieder.")
@click.option("--per-periode", is_flag=True, help="Een regel per aanbieder per periode.")
@click.option(
    "--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf de tabel als CSV."
)
@click.option("--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="PNG/SVG-grafiek.")
@_vertaal
def aanbieders(
    van: dt.date,
    tot: dt.date,
    simulatie: int | None,
    uitkomst: Path | None,
    matrix: str | None,
    pxq_id: str | None,
    aanbieder: str | None,
    per_periode: bool,
    csv_pad: Path | None,
    plot_pad: Path | None,
) -> None:
    """Inkomsten per aanbieder: oud (uren x uurtarief) tegenover nieuw (tarief per trede per periode)."""
    from maatwerk.apps.finance.inkomsten import inkomsten_per_aanbieder, niet_geprijsd
    from maatwerk.apps.finance.perioden import perioden
    from maatwerk.apps.finance.tarieven import pxq_tabel

    if tot < van:
        raise Invoerfout(f"--tot ({tot}) ligt vóór --van ({van})")
    bron = _bron(simulatie, uitkomst)
    frame = bron.frame
    if aanbieder:
        frame = frame.filter(pl.col("aanbieder") == aanbieder)
        if not frame.height:
            raise Invoerfout(f"aanbieder {aanbieder!r} komt niet voor in {bron.omschrijving}")
    mid, tabel = _tarieven(matrix, bron)
    dagen = int(tabel["periode_dagen"].max())
    with _bezig(f"inkomsten berekenen voor {frame.height} cliënten"):
        uit = inkomsten_per_aanbieder(
            frame,
            pxq_tabel(_enige("pxq", pxq_id, "--pxq")),
            tabel,
            perioden(van, tot, dagen),
            per_periode=per_periode,
        )
    titel = f"Inkomsten per aanbieder {van:%d-%m-%Y} t/m {tot:%d-%m-%Y} ({bron.omschrijving}; matrix {mid})"
    t = Table(title=titel)
    kolommen = ["aanbieder", *(["periode", "van"] if per_periode else []), "cliënten", "uren/week oud"]
    for kop in [*kolommen, "oud (PxQ)", "nieuw (per trede)", "verschil", "%"]:
        t.add_column(kop, justify="left" if kop == "aanbieder" else "right", no_wrap=kop == "aanbieder")
    for r in uit.iter_rows(named=True):
        pct = "-" if r["verschil_pct"] is None else getal(r["verschil_pct"], 1, vast=True, teken=True) + "%"
        t.add_row(
            r["aanbieder"] or "(geen aanbieder)",
            *([str(r["periode"]), r["periode_van"].isoformat()] if per_periode else []),
            str(r["clienten"]),
            getal(r["uren_per_week_oud"], 1, vast=True),
            _euro(r["inkomsten_oud_cent"]),
            _euro(r["inkomsten_nieuw_cent"]),
            _euro(r["verschil_cent"]),
            pct,
        )
    oud, nieuw = int(uit["inkomsten_oud_cent"].sum()), int(uit["inkomsten_nieuw_cent"].sum())
    t.add_section()
    t.add_row("totaal", *([""] * (len(kolommen) - 1)), _euro(oud), _euro(nieuw), _euro(nieuw - oud), "")
    console.print(t)
    weg = niet_geprijsd(frame)
    console.print(
        f"Niet meegeteld: {weg['pgb']} PGB (geen inkomsten van de aanbieder), "
        f"{weg['uren_onbekend']} met onbekende "
        f"oude uren, {weg['trede_onbekend']} zonder nieuwe trede."
    )
    if csv_pad:
        _schrijf_csv(uit, csv_pad)
    if plot_pad:
        from maatwerk.apps.finance.plots import inkomsten_plot

        totaal = uit.group_by("aanbieder").agg(pl.col("inkomsten_oud_cent", "inkomsten_nieuw_cent").sum())
        console.print(f"Grafiek geschreven: {inkomsten_plot(totaal.sort('aanbieder'), plot_pad)}")


# --------------------------------------------------------------------------------------------- uitmiddelen


@financien.command("uitmiddelen")
@click.option(
    "--peildatum", type=DATUM, help="Datum van de tarieven (standaard: peildatum van de simulatie)."
)
@_bron_opties
@click.option("--matrix", help="Resultatenmatrix (standaard: die van het normenkader).")
@click.option("--regels", "regels_id", help="Regelset uitmiddelen (drempel, kostprijs; standaard: de enige).")
@click.option("--aanbieder", help="Alleen deze aanbieder.")
@click.option("--per-trede", is_flag=True, help="Signaleer per aanbieder per trede.")
@click.option(
    "--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf de tabel als CSV."
)
@click.option("--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="PNG/SVG-grafiek.")
@_vertaal
def uitmiddelen(
    peildatum: dt.date | None,
    simulatie: int | None,
    uitkomst: Path | None,
    matrix: str | None,
    regels_id: str | None,
    aanbieder: str | None,
    per_trede: bool,
    csv_pad: Path | None,
    plot_pad: Path | None,
) -> None:
    """Uren die het normenkader nodig vindt tegenover uren die het tarief betaalt, per aanbieder."""
    from maatwerk.apps.finance import uitmiddelen as um
    from maatwerk.apps.finance.tarieven import uitmiddelen_regels

    bron = _bron(simulatie, uitkomst)
    datum = peildatum or bron.peildatum or dt.date.today()
    mid, tabel = _tarieven(matrix, bron)
    regels = uitmiddelen_regels(_enige("uitmiddelen", regels_id, "--regels"), datum)
    if "minuten_nieuw" not in bron.frame.columns:
        raise Invoerfout(f"{bron.omschrijving}: kolom nieuwe_minuten_per_week ontbreekt")
    frame = bron.frame.filter(pl.col("leveringsvorm") == "zin")
    if aanbieder:
        frame = frame.filter(pl.col("aanbieder") == aanbieder)
        if not frame.height:
            raise Invoerfout(f"aanbieder {aanbieder!r} komt niet voor in {bron.omschrijving}")
    clienten = um.per_client(frame, tabel, regels, datum)
    uit = um.per_aanbieder_trede(clienten, regels) if per_trede else um.per_aanbieder(clienten, regels)
    drempel = regels.bovenkant_band.waarde
    grens = str(drempel).replace(".", ",")
    t = Table(title=f"Uitmiddelen op {datum:%d-%m-%Y} (matrix {mid}; bovenkant band vanaf {grens})")
    kolommen = [
        "aanbieder",
        *(["trede"] if per_trede else []),
        "cliënten",
        "uren nodig/week",
        "uren betaald/week",
    ]
    for kop in [*kolommen, "saldo", "positie in band", "boven band", "signaal"]:
        t.add_column(
            kop,
            justify="left" if kop in ("aanbieder", "trede", "signaal") else "right",
            no_wrap=kop in ("aanbieder", "trede", "signaal"),
        )
    for r in uit.iter_rows(named=True):
        positie = "-" if r["gemiddelde_positie"] is None else getal(r["gemiddelde_positie"], 2, vast=True)
        t.add_row(
            r["aanbieder"] or "(geen aanbieder)",
            *([r["trede"]] if per_trede else []),
            str(r["clienten"]),
            getal(r["uren_nodig"], 1, vast=True),
            getal(r["uren_betaald"], 1, vast=True),
            getal(r["saldo_uren"], 1, vast=True, teken=True),
            positie,
            str(r["boven_band"]),
            "[bold red]bovenkant band[/]" if r["signaal"] else "",
        )
    console.print(t)
    console.print(
        "Positie in band: 0 = onderkant, 1 = bovenkant van de urenband van de trede "
        "(open bovenste trede telt "
        "niet mee). Betaalde uren = tarief per periode / weken per periode / kostprijs per uur "
        f"({_euro(int(regels.kostprijs_per_uur.bedrag * 100))}"
        f"{', voorbeeldwaarde' if regels.kostprijs_per_uur.voorbeeld else ''})."
    )
    if csv_pad:
        _schrijf_csv(uit, csv_pad)
    if plot_pad:
        from maatwerk.apps.finance.plots import uitmiddelen_plot

        console.print(
            f"Grafiek geschreven: {uitmiddelen_plot(um.per_aanbieder(clienten, regels), drempel, plot_pad)}"
        )


# ------------------------------------------------------------------------------------------------- herstel


def _indiceer(frame: pl.DataFrame, kader: tuple[str, dt.date | None], tabel_van: Callable[[str], Any]) -> Any:
    """Run the engine batch for one kader version; return (client, trede, tarief_cent, periode_dagen)."""
    from maatwerk.apps.finance.geld import naar_centen
    from maatwerk.engine import register

    try:
        from maatwerk.engine.batch import indiceer_batch
    except ImportError as exc:
        raise Invoerfout(f"de batch-engine (maatwerk.engine.batch) is niet beschikbaar: {exc}") from None
    kid, versie = kader
    normenkader = register().normenkader(kid, versie)
    if versie is not None and normenkader.valid_from != versie:
        bekend = ", ".join(v.valid_from.isoformat() for v in register().normenkaders[kid])
        raise Invoerfout(f"normenkader '{kid}' heeft geen versie {versie} (versies: {bekend})")
    peildatum = normenkader.valid_from
    if normenkader.resultatenmatrix is None:
        raise Invoerfout(f"normenkader '{kid}' heeft geen resultatenmatrix: geen tarieven om te vergelijken")
    matrix = register().matrix(normenkader.resultatenmatrix, peildatum)
    if matrix is None:
        raise Invoerfout(f"resultatenmatrix '{normenkader.resultatenmatrix}' geldt niet op {peildatum}")
    # a per-row peildatum would make the batch pick another version than the one asked for
    weg = [k for k in ("client", "aanbieder", "ingangsdatum", "einddatum", "peildatum") if k in frame.columns]
    invoer = frame.drop(weg).with_columns(id=frame["client"])
    uit = indiceer_batch(invoer, kader=kid, peildatum=peildatum)
    tarief = uit["tarief_per_periode"].to_list()
    return uit.select(
        pl.col("id").cast(pl.String).alias("client"), pl.col("trede_hbh").alias("trede")
    ).with_columns(
        tarief_cent=pl.Series(
            [None if t is None else naar_centen(f"{float(t):.2f}") for t in tarief], dtype=pl.Int64
        ),
        periode_dagen=pl.lit(round(matrix.periode.weken * 7)),
    )


@financien.command("herstel")
@click.option(
    "--indicaties",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="CSV/Parquet met bsn, aanbieder, ingangsdatum, einddatum, geboortedatum en situatiekolommen.",
)
@click.option(
    "--kader-oud", type=KADER, required=True, help="Normenkader waarmee geïndiceerd is: ID@JJJJ-MM-DD."
)
@click.option("--kader-nieuw", type=KADER, required=True, help="Herziene versie: ID@JJJJ-MM-DD.")
@click.option("--van", type=DATUM, required=True, help="Eerste dag van de herstelperiode.")
@click.option("--tot", type=DATUM, required=True, help="Laatste dag van de herstelperiode (inclusief).")
@click.option("--budget", type=EURO, help="Begroot budget voor de compensatie, bv. 250000 of 250.000,00.")
@click.option(
    "--verrekenen", is_flag=True, help="Verreken lagere uitkomsten (standaard niet: H4 vorderde niet terug)."
)
@click.option(
    "--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Rapport per aanbieder (CSV)."
)
@click.option(
    "--regels-csv",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Per cliënt per periode (CSV; bevat BSN's: bijzonder persoonsgegeven, behandel vertrouwelijk).",
)
@click.option("--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="PNG/SVG-grafiek.")
@_vertaal
def herstel(
    indicaties: Path,
    kader_oud: tuple[str, dt.date | None],
    kader_nieuw: tuple[str, dt.date | None],
    van: dt.date,
    tot: dt.date,
    budget: int | None,
    verrekenen: bool,
    csv_pad: Path | None,
    regels_csv: Path | None,
    plot_pad: Path | None,
) -> None:
    """Herstelactie: herindiceer indicaties met een herziene kaderversie en bereken de compensatie."""
    from maatwerk.apps.clients.bsn import is_geldig_bsn
    from maatwerk.apps.finance import herstel as hs
    from maatwerk.apps.finance.invoer import lees_bestand, typeer

    if tot < van:
        raise Invoerfout(f"--tot ({tot}) ligt vóór --van ({van})")
    frame = typeer(
        lees_bestand(indicaties), ("bsn", "aanbieder", "ingangsdatum", "geboortedatum"), str(indicaties)
    )
    fout = frame.with_row_index("rij", offset=2).filter(
        ~pl.col("bsn").map_elements(lambda b: bool(b) and is_geldig_bsn(b), return_dtype=pl.Boolean)
    )
    if fout.height:
        raise Invoerfout(
            f"{indicaties}: rij {fout['rij'][0]}, kolom bsn: {fout['bsn'][0]!r} voldoet niet aan de "
            f"11-proef" + (f" (en nog {fout.height - 1} rij(en))" if fout.height > 1 else "")
        )
    dubbel = frame.filter(pl.col("bsn").is_duplicated())
    if dubbel.height:
        raise Invoerfout(f"{indicaties}: bsn {dubbel['bsn'][0]} komt meer dan eens voor")
    if "einddatum" not in frame.columns:
        frame = frame.with_columns(einddatum=pl.lit(None, dtype=pl.Date))
    frame = frame.rename({"bsn": "client"})
    with _bezig(f"{frame.height} indicaties opnieuw berekenen met {kader_oud[0]} en {kader_nieuw[0]}"):
        oud = _indiceer(frame, kader_oud, str)
        nieuw = _indiceer(frame, kader_nieuw, str)
    if oud["periode_dagen"][0] != nieuw["periode_dagen"][0]:
        raise Invoerfout(
            "de twee kaderversies hebben een andere periodelengte; vergelijken per periode kan niet"
        )
    samen = (
        frame.select("client", "aanbieder", "ingangsdatum", "einddatum")
        .join(oud.select("client", trede_oud="trede", tarief_oud_cent="tarief_cent"), on="client")
        .join(nieuw.select("client", trede_nieuw="trede", tarief_nieuw_cent="tarief_cent"), on="client")
    )
    zonder = samen.filter(pl.col("tarief_oud_cent").is_null() | pl.col("tarief_nieuw_cent").is_null())
    samen = samen.with_columns(pl.col("tarief_oud_cent", "tarief_nieuw_cent").fill_null(0))
    regels = hs.herstelregels(samen, van, tot, int(oud["periode_dagen"][0]), verrekenen)
    rapport = hs.per_aanbieder(regels)
    toets = hs.toets_budget(rapport, budget)
    t = Table(title=f"Herstelactie {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}: {kader_oud[0]} → {kader_nieuw[0]}")
    for kop in ("aanbieder", "cliënten", "met compensatie", "betaald", "herzien", "compensatie"):
        t.add_column(kop, justify="left" if kop == "aanbieder" else "right", no_wrap=kop == "aanbieder")
    for r in rapport.iter_rows(named=True):
        t.add_row(
            r["aanbieder"],
            str(r["clienten"]),
            str(r["clienten_met_compensatie"]),
            _euro(r["betaald_cent"]),
            _euro(r["herzien_cent"]),
            _euro(r["compensatie_cent"]),
        )
    t.add_section()
    t.add_row(
        "totaal",
        str(rapport["clienten"].sum()),
        str(rapport["clienten_met_compensatie"].sum()),
        _euro(rapport["betaald_cent"].sum()),
        _euro(rapport["herzien_cent"].sum()),
        _euro(toets.totaal_cent),
    )
    console.print(t)
    if toets.budget_cent is not None:
        kleur = "green" if toets.binnen_budget else "bold red"
        oordeel = "binnen het budget" if toets.binnen_budget else "BOVEN het budget"
        console.print(
            f"Budget {_euro(toets.budget_cent)}: totaal {_euro(toets.totaal_cent)} "
            f"valt [{kleur}]{oordeel}[/] "
            f"(ruimte {_euro(toets.ruimte_cent)})."
        )
    if zonder.height:
        console.print(
            f"{zonder.height} indicatie(s) zonder trede in een van beide versies (het normenkader vindt geen "
            "minuten): daar is met € 0 per periode gerekend."
        )
    if csv_pad:
        _schrijf_csv(rapport, csv_pad)
    if regels_csv:
        _schrijf_persoonlijk_csv(regels.rename({"client": "bsn"}), regels_csv, "herstel per cliënt (CSV)")
    if plot_pad:
        from maatwerk.apps.finance.plots import herstel_plot

        console.print(f"Grafiek geschreven: {herstel_plot(rapport, budget, plot_pad)}")


# ----------------------------------------------------------------------------------------------- begroting


def _jaren(tekst: str | None, start: dt.date) -> tuple[int, int]:
    if not tekst:
        return start.year, start.year + 3
    van, _, tot = tekst.partition("-")
    try:
        a, b = int(van), int(tot or van)
    except ValueError:
        raise Invoerfout(f"--jaren {tekst!r}: verwacht JJJJ-JJJJ, bv. 2024-2027") from None
    if b < a or b - a > 30:
        raise Invoerfout(f"--jaren {tekst!r}: eindjaar moet na beginjaar liggen (hoogstens 30 jaar)")
    return a, b


def _spreid(frame: pl.DataFrame, start: dt.date, klaar: dt.date | None) -> pl.DataFrame:
    """The visit date per client: ``--klaar`` spreads evenly by client; else the planning's week (when
    the simulation has one), else ``start`` for everyone."""
    if klaar is None:
        if "herindicatiedatum" in frame.columns:
            return frame.with_columns(pl.col("herindicatiedatum").fill_null(start))
        return frame.with_columns(herindicatiedatum=pl.lit(start))
    if klaar < start:
        raise Invoerfout(f"--klaar ({klaar}) ligt vóór --start ({start})")
    n = max(frame.height - 1, 1)
    dagen = (klaar - start).days
    volgorde = frame.with_row_index("_i").sort("client")
    return volgorde.with_columns(
        herindicatiedatum=pl.lit(start) + pl.duration(days=(pl.int_range(pl.len()) * dagen // n))
    ).drop("_i")


@financien.command("begroting")
@_bron_opties
@click.option("--start", type=DATUM, help="Start van de campagne (standaard: peildatum van de simulatie).")
@click.option("--klaar", type=DATUM, help="Alle cliënten geherindiceerd op deze datum (gelijk gespreid).")
@click.option("--jaren", help="Begrotingsjaren, bv. 2024-2027 (standaard: startjaar + 3).")
@click.option("--matrix", help="Resultatenmatrix (standaard: die van het normenkader).")
@click.option("--pxq", "pxq_id", help="Regelset oude uurtarieven (standaard: de enige).")
@click.option("--beleid", "beleid_id", help="Overgangsbeleid (standaard: dat van de simulatie).")
@click.option(
    "--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf de tabel als CSV."
)
@click.option("--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="PNG/SVG-grafiek.")
@_vertaal
def begroting(
    simulatie: int | None,
    uitkomst: Path | None,
    start: dt.date | None,
    klaar: dt.date | None,
    jaren: str | None,
    matrix: str | None,
    pxq_id: str | None,
    beleid_id: str | None,
    csv_pad: Path | None,
    plot_pad: Path | None,
) -> None:
    """Begrotingseffect van de herindicatie per jaar, met en zonder campagne, voor de raad."""
    from maatwerk.apps.finance.begroting import begroting_per_jaar
    from maatwerk.apps.finance.matrix import intensiteit_naar_trede, intensiteitsgrenzen
    from maatwerk.apps.finance.tarieven import pxq_tabel

    bron = _bron(simulatie, uitkomst)
    begin = start or bron.peildatum
    if begin is None:
        raise Invoerfout("geef --start (de simulatie heeft geen peildatum)")
    van_jaar, tot_jaar = _jaren(jaren, begin)
    mid, tabel = _tarieven(matrix, bron)
    omrekening = intensiteit_naar_trede(intensiteitsgrenzen(beleid_id or bron.beleid, begin), tabel)
    frame = _spreid(bron.frame, begin, klaar)
    with _bezig(f"begroting {van_jaar}-{tot_jaar} voor {frame.height} cliënten"):
        uit = begroting_per_jaar(
            frame,
            pxq_tabel(_enige("pxq", pxq_id, "--pxq")),
            tabel,
            begin,
            van_jaar,
            tot_jaar,
            omrekening,
            bron.peildatum or begin,  # a file has no peildatum: assume the simulation ran on --start
        )
    t = Table(title=f"Begrotingseffect herindicatie ({bron.omschrijving}; matrix {mid})")
    for kop in ("jaar", "zonder herindicatie", "met herindicatie", "waarvan overgang", "verschil"):
        t.add_column(kop, justify="right")
    for r in uit.iter_rows(named=True):
        t.add_row(
            str(r["jaar"]),
            _euro(r["kosten_zonder_campagne_cent"]),
            _euro(r["kosten_met_campagne_cent"]),
            _euro(r["waarvan_overgang_cent"]),
            _euro(r["verschil_cent"]),
        )
    console.print(t)
    onbekend = bron.frame.filter(pl.col("uren_per_week_oud").is_null()).height
    if klaar:
        spreiding = f"gelijk gespreid van {begin} tot {klaar}"
    elif "herindicatiedatum" in bron.frame.columns:
        spreiding = "volgens de planning (wie niet gepland is: op " + begin.isoformat() + ")"
    else:
        spreiding = f"allemaal op {begin}"
    console.print(f"Herindicatie {spreiding}; {onbekend} cliënt(en) met onbekende oude uren niet meegeteld.")
    if omrekening:
        paren = ", ".join(f"{k} → {v}" for k, v in omrekening.items())
        console.print(f"Overgangsintensiteiten geprijsd als de trede van hun ondergrens: {paren}.")
    if csv_pad:
        _schrijf_csv(uit, csv_pad)
    if plot_pad:
        from maatwerk.apps.finance.plots import begroting_plot

        console.print(f"Grafiek geschreven: {begroting_plot(uit, plot_pad)}")
