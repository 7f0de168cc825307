"""``maatwerk caseload ...`` and ``maatwerk herindicatie ...``: plan, simulate and run a herindicatie.

``overgang`` and ``beleid`` are pure (no database); the other commands use the project's database
(``maatwerk migrate`` first; ``DATABASE_URL`` selects it).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from maatwerk.cli.opties import DATUM
from maatwerk.regels.laden import Regelfout
from maatwerk.veilig import neutraliseer_frame, neutraliseer_rij

console = Console()
fouten_console = Console(stderr=True)


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()


def _met_database(functie: Callable[[], Any]) -> Any:
    """Run ``functie``; a database that was never migrated gives a Dutch hint instead of a traceback."""
    from django.db.utils import OperationalError, ProgrammingError

    try:
        return functie()
    except (OperationalError, ProgrammingError) as exc:
        if "no such table" in str(exc) or "does not exist" in str(exc):
            raise click.ClickException(
                "de database is nog niet klaar: voer eerst `maatwerk migrate` uit"
            ) from None
        raise


def _voortgang() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=fouten_console,
        transient=True,
    )


class Uren(click.ParamType):
    name = "uren"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Decimal | None:
        if value is None or str(value).strip().lower() in {"", "onbekend"}:
            return None
        try:
            waarde = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            self.fail(f"{value!r} is geen getal", param, ctx)
        if waarde < 0:
            self.fail("uren kunnen niet negatief zijn", param, ctx)
        return waarde


UREN = Uren()


def _regelfout(exc: Regelfout) -> click.ClickException:
    return click.ClickException("\n".join(str(m) for m in exc.meldingen))


def _beleid_van_gemeente(beleid_id: str | None, gemeente: str) -> str:
    """``--beleid`` if given, otherwise the transition policy the gemeente configured (exit 2 if none)."""
    if beleid_id:
        return beleid_id
    from maatwerk.toets.bewaking import bestand_voor, laad_gemeente

    try:
        cfg = laad_gemeente(gemeente)
    except Regelfout as exc:
        raise click.UsageError("\n".join(str(m) for m in exc.meldingen)) from None
    if cfg.overgangsbeleid is None:
        raise click.UsageError(
            f"gemeente {cfg.gemeente} heeft geen overgangsbeleid ingesteld: geef --beleid ID "
            f"(zie `maatwerk herindicatie beleid`) of zet `overgangsbeleid: ID` in {bestand_voor(gemeente)}"
        )
    return cfg.overgangsbeleid


GEMEENTE = click.option(
    "--gemeente",
    default="Voorbeeldstad",
    show_default=True,
    help="Gemeente waarvan het ingestelde overgangsbeleid geldt als --beleid ontbreekt.",
)


# --- caseload ---------------------------------------------------------------------------------------


@click.group()
def caseload() -> None:
    """De caseload van een herindicatie: cliënten met een oude indicatie."""


@caseload.command("importeer")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--maak-aanbieders",
    is_flag=True,
    help="Registreer aanbieders die nog niet bekend zijn (zonder deze optie weigert de import ze).",
)
def importeer(bestand: Path, maak_aanbieders: bool) -> None:
    """Importeer BESTAND (.csv of .xlsx): alles of niets; opnieuw importeren is veilig."""
    from maatwerk.apps.herindicatie.invoer import Caseloadfout, lees_caseload

    with _voortgang() as voortgang:
        taak = voortgang.add_task("controleren", total=None)
        try:
            rijen = lees_caseload(bestand, lambda i, n: voortgang.update(taak, completed=i, total=n))
        except Caseloadfout as exc:
            voortgang.stop()
            for fout in exc.fouten:
                fouten_console.print(f"{bestand.name}: {fout}", markup=False, highlight=False)
            if exc.niet_getoond:
                fouten_console.print(
                    f"... en nog {exc.niet_getoond} fout(en) die niet getoond zijn.", markup=False
                )
            fouten_console.print(f"{exc.totaal} fout(en): er is niets opgeslagen.", markup=False)
            sys.exit(2)
        _django()
        from maatwerk.apps.aanbieders.services import OnbekendeAanbieders
        from maatwerk.apps.herindicatie.services import importeer_caseload as opslaan

        opslaan_taak = voortgang.add_task("opslaan", total=len(rijen))
        try:
            resultaat = _met_database(
                lambda: opslaan(
                    rijen,
                    bestand.name,
                    voortgang=lambda i: voortgang.update(opslaan_taak, completed=i),
                    maak_aanbieders=maak_aanbieders,
                )
            )
        except OnbekendeAanbieders as exc:
            voortgang.stop()
            fouten_console.print(f"{bestand.name}: {exc} Er is niets opgeslagen.", markup=False)
            sys.exit(2)
    r = resultaat
    console.print(
        f"{r.totaal} cliënten in {bestand.name}: {r.nieuw} nieuw, {r.gewijzigd} gewijzigd, "
        f"{r.ongewijzigd} ongewijzigd; {r.gekoppeld_aan_client} gekoppeld aan een bekende cliënt.",
        highlight=False,
    )


# --- herindicatie -----------------------------------------------------------------------------------


@click.group()
def herindicatie() -> None:
    """Herindicatiecampagne: nulmeting, simulatie, overgangsbeleid, planning, brieven en voortgang."""


@herindicatie.command("nulmeting")
@click.option("--peildatum", type=DATUM, required=True, help="Datum waarop de oude indicatie geldig is.")
@click.option(
    "--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf de tabel als CSV."
)
@click.option(
    "--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="Heatmap (.png of .svg)."
)
def nulmeting(peildatum: dt.date, csv_pad: Path | None, plot_pad: Path | None) -> None:
    """Oude uren per week x leeftijdsklasse op de PEILDATUM (cliënten met een geldige oude indicatie)."""
    _django()
    from maatwerk.apps.herindicatie.selectors import nulmeting as lees_nulmeting

    uitkomst = _met_database(lambda: lees_nulmeting(peildatum))
    rijen = uitkomst.rijen()
    tabel = Table(
        title=f"Nulmeting op {peildatum:%d-%m-%Y}: oude uren per week x leeftijd", show_footer=False
    )
    for i, kop in enumerate(rijen[0]):
        tabel.add_column(str(kop), justify="left" if i == 0 else "right")
    for rij in rijen[1:]:
        tabel.add_row(*(str(w) for w in rij), end_section=rij[0] == "onbekend")
    console.print(tabel)
    console.print(
        f"{uitkomst.totaal} cliënten met een geldige oude indicatie; "
        f"{uitkomst.niet_meegeteld} niet geldig op de peildatum.",
        highlight=False,
    )
    if csv_pad:
        with csv_pad.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(map(neutraliseer_rij, rijen))
        console.print(f"CSV: {csv_pad}", highlight=False)
    if plot_pad:
        from maatwerk.apps.herindicatie.grafieken import heatmap_nulmeting

        try:
            heatmap_nulmeting(uitkomst, plot_pad)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--plot") from None
        console.print(f"Heatmap: {plot_pad}", highlight=False)


@herindicatie.command("beleid")
@click.option("--json", "als_json", is_flag=True, help="Als JSON.")
def beleid(als_json: bool) -> None:
    """Toon het meegeleverde overgangsbeleid (per gemeente aan te zetten)."""
    from maatwerk.apps.herindicatie.overgang import beleid_ids, versies

    overzicht = []
    for beleid_id in beleid_ids():
        for v in versies(beleid_id):
            onderdelen = [r.id for r in v.regels]
            if v.aanvullende_ondersteuning:
                onderdelen.append(v.aanvullende_ondersteuning.id)
            if v.driegesprek:
                onderdelen.append("driegesprek")
            if v.afwijking and v.afwijking.toegestaan:
                onderdelen.append("afwijking-consulent")
            overzicht.append(
                {
                    "id": v.id,
                    "gemeente": v.gemeente,
                    "naam": v.naam,
                    "valid_from": v.valid_from.isoformat(),
                    "valid_until": v.valid_until.isoformat() if v.valid_until else None,
                    "regels": onderdelen,
                    "voorbeeldwaarden": v.voorbeeldwaarden,
                    "bron": v.bron.titel,
                }
            )
    if als_json:
        click.echo(json.dumps(overzicht, ensure_ascii=False, indent=2))
        return
    tabel = Table(title="Overgangsbeleid")
    for kop in ("id", "gemeente", "geldig", "regels", "voorbeeld"):
        tabel.add_column(kop)
    for b in overzicht:
        geldig = f"{b['valid_from']} t/m {b['valid_until'] or 'open'}"
        tabel.add_row(
            b["id"], b["gemeente"], geldig, ", ".join(b["regels"]), "ja" if b["voorbeeldwaarden"] else ""
        )
    console.print(tabel)


def _kenmerken(waarden: tuple[str, ...]) -> dict[str, str]:
    uit = {}
    for w in waarden:
        if "=" not in w:
            raise click.BadParameter(f"{w!r}: gebruik naam=waarde", param_hint="--kenmerk")
        naam, waarde = w.split("=", 1)
        uit[naam.strip()] = waarde.strip()
    return uit


@herindicatie.command("overgang")
@click.option(
    "--beleid",
    "beleid_id",
    help="Id van het overgangsbeleid (zie `herindicatie beleid`); standaard dat van de gemeente.",
)
@GEMEENTE
@click.option(
    "--oude-uren", type=UREN, required=True, help="Oude indicatie in uren per week (of 'onbekend')."
)
@click.option("--geboortedatum", type=DATUM, required=True)
@click.option("--peildatum", type=DATUM, required=True, help="Ingangsdatum van de nieuwe indicatie.")
@click.option("--nieuwe-intensiteit", help="Nieuwe intensiteit/trede (bv. basis, plus, intensief).")
@click.option("--nieuwe-uren", type=UREN, help="Nieuwe uren per week (nodig voor de wenperiode).")
@click.option("--kenmerk", multiple=True, help="Situatiekenmerk naam=waarde, bv. kamers_in_gebruik=4.")
@click.option("--driegesprek", help="Uitkomst van het driegesprek.")
@click.option("--driegesprek-tot", type=DATUM, help="Tijdelijk terug naar de oude indicatie tot deze datum.")
@click.option("--afwijking-tot", help="Consulent wijkt af: hogere intensiteit tot JJJJ-MM-DD of 'permanent'.")
@click.option("--afwijking-intensiteit", help="Consulent wijkt af: deze intensiteit.")
@click.option("--motivatie", default="", help="Motivering van de afwijking (verplicht bij afwijken).")
@click.option("--json", "als_json", is_flag=True, help="Eén JSON-object.")
def overgang(
    beleid_id: str | None,
    gemeente: str,
    oude_uren: Decimal | None,
    geboortedatum: dt.date,
    peildatum: dt.date,
    nieuwe_intensiteit: str | None,
    nieuwe_uren: Decimal | None,
    kenmerk: tuple[str, ...],
    driegesprek: str | None,
    driegesprek_tot: dt.date | None,
    afwijking_tot: str | None,
    afwijking_intensiteit: str | None,
    motivatie: str,
    als_json: bool,
) -> None:
    """Pas het overgangsbeleid toe op één cliënt."""
    from maatwerk.apps.herindicatie.overgang import PERMANENT, Afwijkingsbesluit, bepaal_overgang, laad_beleid

    afwijking = None
    if afwijking_tot or afwijking_intensiteit or motivatie:
        tot: dt.date | str | None = afwijking_tot
        if afwijking_tot and afwijking_tot != PERMANENT:
            tot = DATUM.convert(afwijking_tot, None, None)
        afwijking = Afwijkingsbesluit(motivatie=motivatie, tot=tot, intensiteit=afwijking_intensiteit)
    beleid_id = _beleid_van_gemeente(beleid_id, gemeente)
    try:
        gekozen = laad_beleid(beleid_id, peildatum)
        uit = bepaal_overgang(
            gekozen,
            oude_uren=oude_uren,
            geboortedatum=geboortedatum,
            peildatum=peildatum,
            nieuwe_intensiteit=nieuwe_intensiteit,
            nieuwe_uren=nieuwe_uren,
            kenmerken=_kenmerken(kenmerk),
            driegesprek=driegesprek,
            driegesprek_tot=driegesprek_tot,
            afwijking=afwijking,
        )
    except Regelfout as exc:
        raise _regelfout(exc) from None
    data = uit.as_json()
    if als_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    console.print(
        f"[bold]{data['overgang_intensiteit']}[/bold] tot {data['overgang_tot'] or '-'}  ({data['regel']})"
    )
    console.print(data["toelichting"], highlight=False)
    if data["aanvullende_ondersteuning"]:
        console.print(
            "Aanvullende ondersteuning HbH beoordelen: " + "; ".join(data["aanvullende_redenen"]),
            highlight=False,
        )


@caseload.command("demo")
@click.option("--aantal", type=click.IntRange(1, 1_000_000), default=1699, show_default=True)
@click.option("--seed", type=int, default=2019, show_default=True)
@click.option("--peildatum", type=DATUM, default="2019-01-01", show_default=True)
@click.option(
    "-o",
    "--uit",
    "pad",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Doelbestand (.csv of .xlsx).",
)
def demo(aantal: int, seed: int, peildatum: dt.date, pad: Path) -> None:
    """Schrijf een synthetische caseload (geldige BSN's via de elfproef, geen echte mensen)."""
    from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload

    schrijf_caseload(synthetische_caseload(aantal, seed, peildatum), pad)
    console.print(f"{aantal} synthetische cliënten in {pad}", highlight=False)


@herindicatie.command("simuleer")
@click.option("--kader", required=True, help="Id van het normenkader (zie `maatwerk kaders`).")
@click.option(
    "-o",
    "--uit",
    "pad",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Uitkomst per cliënt: .csv of .parquet.",
)
@click.option(
    "--beleid",
    "beleid_id",
    help="Overgangsbeleid (zie `herindicatie beleid`); standaard dat van de gemeente.",
)
@GEMEENTE
@click.option("--zonder-beleid", is_flag=True, help="Reken zonder overgangsbeleid.")
@click.option("--peildatum", type=DATUM, help="Ingangsdatum van de nieuwe indicaties (standaard: vandaag).")
@click.option(
    "--plot", "plot_pad", type=click.Path(dir_okay=False, path_type=Path), help="Grafiek (.png/.svg)."
)
@click.option("--json", "als_json", is_flag=True, help="Samenvatting als JSON.")
def simuleer(
    kader: str,
    pad: Path,
    beleid_id: str | None,
    gemeente: str,
    zonder_beleid: bool,
    peildatum: dt.date | None,
    plot_pad: Path | None,
    als_json: bool,
) -> None:
    """Reken de hele caseload door met het normenkader, vóórdat iemand bezocht wordt."""
    if pad.suffix.lower() not in {".csv", ".parquet"}:
        raise click.BadParameter("gebruik .csv of .parquet", param_hint="-o")
    if zonder_beleid and beleid_id:
        raise click.UsageError("geef --beleid of --zonder-beleid, niet beide")
    if not zonder_beleid:
        beleid_id = _beleid_van_gemeente(beleid_id, gemeente)
    peildatum = peildatum or dt.date.today()
    from maatwerk.apps.herindicatie.overgang import laad_beleid
    from maatwerk.apps.herindicatie.simulatie import engine_batch, samenvatting
    from maatwerk.apps.herindicatie.simulatie import simuleer as reken

    try:
        gekozen = laad_beleid(beleid_id, peildatum) if beleid_id else None
        batch = engine_batch()
    except Regelfout as exc:
        raise _regelfout(exc) from None
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    _django()
    from maatwerk.apps.herindicatie.selectors import caseload_frame, laatste_driegesprekken
    from maatwerk.apps.herindicatie.services import sla_simulatie_op

    frame = _met_database(caseload_frame)
    if frame.height == 0:
        raise click.ClickException("de caseload is leeg: importeer eerst met `maatwerk caseload importeer`")
    with _voortgang() as voortgang:
        voortgang.add_task(f"{frame.height} cliënten doorrekenen", total=None)
        gesprekken = laatste_driegesprekken()
        if gesprekken and (gekozen is None or gekozen.driegesprek is None):
            fouten_console.print(
                f"Let op: {len(gesprekken)} driegesprek(ken) niet toegepast: beleid {beleid_id or '(geen)'} "
                "kent geen driegesprek-uitkomsten.",
                highlight=False,
            )
            gesprekken = {}
        try:
            uitkomst = reken(frame, kader, peildatum, gekozen, batch=batch, driegesprekken=gesprekken)
        except Regelfout as exc:
            raise _regelfout(exc) from None
    overzicht = samenvatting(uitkomst)
    if pad.suffix.lower() == ".parquet":
        uitkomst.write_parquet(pad)
    else:
        neutraliseer_frame(uitkomst).write_csv(pad)
    simulatie = sla_simulatie_op(uitkomst, kader, beleid_id or "", peildatum, overzicht)
    if plot_pad:
        from maatwerk.apps.herindicatie.grafieken import plot_simulatie

        plot_simulatie(uitkomst, plot_pad)
    if als_json:
        click.echo(json.dumps({"simulatie": simulatie.pk, **overzicht}, ensure_ascii=False, default=str))
        return
    _toon_samenvatting(overzicht, simulatie.pk, pad, plot_pad)


def _toon_samenvatting(s: dict[str, Any], simulatie: int, pad: Path, plot_pad: Path | None) -> None:
    t = s["totaal"]
    console.print(
        f"Simulatie {simulatie}: {t['aantal']} cliënten — {t['omhoog']} omhoog, {t['omlaag']} omlaag, "
        f"{t['gelijk']} gelijk, {t['onbekend']} oude uren onbekend.",
        highlight=False,
    )
    console.print(
        f"Uren per week: oud {t['oude_uren_totaal']}, nieuw {t['nieuwe_uren_totaal']}; gemiddeld verschil "
        f"{t['gemiddeld_verschil_uren']} (daling gemiddeld {t['gemiddelde_daling_uren']}, "
        f"stijging gemiddeld {t['gemiddelde_stijging_uren']}).",
        highlight=False,
    )
    console.print(
        f"Typische situatie gebruikt (consulent moet controleren): {s['situatie_typisch']}; "
        f"aanvullende ondersteuning te beoordelen: {s['aanvullende_ondersteuning']}.",
        highlight=False,
    )
    for titel, sleutel, kolom in (
        ("Per aanbieder", "per_aanbieder", "aanbieder"),
        ("Per leeftijdsklasse", "per_leeftijdsklasse", "leeftijdsklasse"),
    ):
        tabel = Table(title=titel)
        for kop in (kolom, "aantal", "omhoog", "omlaag", "gelijk", "onbekend", "gem. verschil (u/week)"):
            tabel.add_column(kop, justify="left" if kop == kolom else "right")
        for r in s[sleutel]:
            tabel.add_row(
                str(r[kolom]),
                *(str(r[k]) for k in ("aantal", "omhoog", "omlaag", "gelijk", "onbekend")),
                str(r["gemiddeld_verschil_uren"]),
            )
        console.print(tabel)
    tabel = Table(title="Overgangsregels")
    tabel.add_column("regel")
    tabel.add_column("aantal", justify="right")
    for r in s["overgangsregels"]:
        tabel.add_row(r["regel"] or "(geen beleid)", str(r["aantal"]))
    console.print(tabel)
    console.print(f"Per cliënt: {pad}" + (f"; grafiek: {plot_pad}" if plot_pad else ""), highlight=False)


def _capaciteit(ctx: click.Context, param: click.Parameter, waarde: str) -> int:
    tekst = waarde.strip().lower().removesuffix("-per-week").removesuffix("/week")
    if not tekst.isdigit() or int(tekst) < 1:
        raise click.BadParameter(f"{waarde!r}: geef een aantal cliënten per week, bv. 40 of 40-per-week")
    return int(tekst)


@herindicatie.command("plan")
@click.option(
    "--strategie",
    type=click.Choice(["einddatum", "risico", "laagste_wijziging_eerst", "steekproef_eerst"]),
    default="risico",
    show_default=True,
    help="Volgorde van de herindicaties.",
)
@click.option(
    "--capaciteit", callback=_capaciteit, required=True, help="Aantal cliënten per week (bv. 40-per-week)."
)
@click.option("--start", type=DATUM, required=True, help="Eerste dag van week 1.")
@click.option(
    "--steekproef",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.1,
    show_default=True,
    help="Deel van de caseload in de steekproef (steekproef_eerst).",
)
@click.option("--seed", type=int, default=2019, show_default=True, help="Vaste seed voor de steekproef.")
@click.option("--csv", "csv_pad", type=click.Path(dir_okay=False, path_type=Path), help="Kalender als CSV.")
def plan(
    strategie: str, capaciteit: int, start: dt.date, steekproef: float, seed: int, csv_pad: Path | None
) -> None:
    """Plan de herindicaties: week -> cliënten, en de datum waarop iedereen gezien is.

    Begin niet met de hoogste oude indicaties: Westland deed dat in 2019 en moest na 88 cliënten stoppen.
    """
    _django()
    from maatwerk.apps.herindicatie.services import Herindicatiefout, sla_planning_op

    try:
        planning, uitkomst, aantal = _met_database(
            lambda: sla_planning_op(strategie, capaciteit, start, seed=seed, steekproef=steekproef)
        )
    except Herindicatiefout as exc:
        raise click.ClickException(str(exc)) from None
    tabel = Table(title=f"Planning {planning.pk}: {strategie}, {capaciteit} per week vanaf {start:%d-%m-%Y}")
    for kop in ("week", "van", "t/m", "cliënten"):
        tabel.add_column(kop, justify="right" if kop in ("week", "cliënten") else "left")
    weken = uitkomst.weken
    for w in weken if len(weken) <= 12 else [*weken[:5], None, *weken[-5:]]:
        if w is None:
            tabel.add_row("…", "", "", "")
        else:
            tabel.add_row(
                str(w.nummer), f"{w.van:%d-%m-%Y}", f"{w.tot_en_met:%d-%m-%Y}", str(len(w.caseload_ids))
            )
    console.print(tabel)
    console.print(
        f"{aantal} cliënten in {len(weken)} weken; iedereen gezien op {uitkomst.klaar_op:%d-%m-%Y}.",
        highlight=False,
    )
    if uitkomst.te_laat:
        console.print(
            f"Let op: bij {len(uitkomst.te_laat)} cliënten loopt de oude indicatie af vóór hun week.",
            highlight=False,
        )
    if csv_pad:
        with csv_pad.open("w", newline="", encoding="utf-8") as f:
            schrijver = csv.writer(f)
            schrijver.writerow(["week", "van", "tot_en_met", "volgorde", "caseload_id"])
            volgnummer = 0
            for w in weken:
                for cid in w.caseload_ids:
                    volgnummer += 1
                    schrijver.writerow(
                        neutraliseer_rij(
                            [w.nummer, w.van.isoformat(), w.tot_en_met.isoformat(), volgnummer, cid]
                        )
                    )
        console.print(f"Kalender: {csv_pad}", highlight=False)


def _caseload_client(bsn: str | None, caseload_id: int | None) -> Any:
    from maatwerk.apps.herindicatie.selectors import caseload_client

    if (bsn is None) == (caseload_id is None):
        raise click.UsageError("geef precies één van --bsn of --caseload-id")
    gevonden = caseload_client(bsn=bsn, caseload_id=caseload_id)
    if gevonden is None:
        raise click.ClickException("cliënt niet gevonden in de caseload")
    return gevonden


@herindicatie.command("registreer")
@click.argument("soort", type=click.Choice(["bezoek", "driegesprek", "bezwaar", "prematuur_bezwaar"]))
@click.option("--bsn", help="BSN van de cliënt.")
@click.option("--caseload-id", type=int, help="Of: id in de caseload.")
@click.option("--datum", type=DATUM, default=lambda: dt.date.today().isoformat(), help="Standaard: vandaag.")
@click.option(
    "--uitkomst",
    type=click.Choice(
        ["geen_actie", "aanvullende_ondersteuning", "oplossing_met_aanbieder", "tijdelijk_terug"]
    ),
    help="Uitkomst van het driegesprek.",
)
@click.option("--tot", type=DATUM, help="Tijdelijk terug naar de oude indicatie tot deze datum.")
@click.option("--toelichting", default="", help="Vrije toelichting.")
def registreer(
    soort: str,
    bsn: str | None,
    caseload_id: int | None,
    datum: dt.date,
    uitkomst: str | None,
    tot: dt.date | None,
    toelichting: str,
) -> None:
    """Leg een huisbezoek, driegesprek (met uitkomst), bezwaar of prematuur bezwaar vast."""
    _django()
    from maatwerk.apps.herindicatie.services import Herindicatiefout
    from maatwerk.apps.herindicatie.services import registreer as vastleggen

    client = _met_database(lambda: _caseload_client(bsn, caseload_id))
    try:
        r = vastleggen(client, soort, datum, uitkomst=uitkomst or "", tot=tot, toelichting=toelichting)
    except Herindicatiefout as exc:
        raise click.ClickException(str(exc)) from None
    extra = f", uitkomst {r.uitkomst}" + (f" tot {r.tot:%d-%m-%Y}" if r.tot else "") if r.uitkomst else ""
    console.print(
        f"Vastgelegd: {r.get_soort_display()} op {r.datum:%d-%m-%Y} (caseload {client.pk}){extra}.",
        highlight=False,
    )


@herindicatie.command("voortgang")
@click.option("--json", "als_json", is_flag=True)
def voortgang_cmd(als_json: bool) -> None:
    """Voortgang van de campagne: bezoeken, driegesprekken per uitkomst, bezwaren, premature bezwaren."""
    _django()
    from maatwerk.apps.herindicatie.selectors import voortgang

    v = _met_database(voortgang)
    if als_json:
        click.echo(json.dumps(v, ensure_ascii=False))
        return
    r = v["registraties"]
    console.print(
        f"Caseload {v['caseload']}, bezocht {v['bezocht']}; driegesprekken {r['driegesprek']}, bezwaren "
        f"{r['bezwaar']}, premature bezwaren {r['prematuur_bezwaar']}.",
        highlight=False,
    )
    for uitkomst, n in sorted(v["driegesprek_uitkomsten"].items()):
        console.print(f"  driegesprek {uitkomst.replace('_', ' ')}: {n}", highlight=False)


@herindicatie.command("brieven")
@click.option(
    "--uit",
    "map_",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Map voor de brieven (<soort>-<id>.html).",
)
@click.option(
    "--soort",
    type=click.Choice(["wijziging", "uitnodiging"]),
    default="wijziging",
    show_default=True,
    help="wijziging: wat verandert en waarom (uit de simulatie); uitnodiging: huisbezoek (uit de planning).",
)
@click.option("--simulatie", "simulatie_id", type=int, help="Id van de simulatie (standaard: de laatste).")
@click.option("--week", type=int, help="Uitnodigingen alleen voor deze week van de laatste planning.")
@click.option("--caseload-id", "caseload_ids", type=int, multiple=True, help="Alleen deze cliënt(en).")
@click.option(
    "--gemeente",
    default="De gemeente",
    show_default=True,
    help="Afzender, bv. 'Gemeente Westland' (adres, telefoon en e-mail uit afzenders/<gemeente>.yaml); "
    "'De gemeente' is de ingestelde gemeente.",
)
@click.option("--datum", type=DATUM, default=lambda: dt.date.today().isoformat(), help="Datum van de brief.")
@click.option("--pdf", is_flag=True, help="Ook een PDF per brief (WeasyPrint).")
def brieven(
    map_: Path,
    soort: str,
    simulatie_id: int | None,
    week: int | None,
    caseload_ids: tuple[int, ...],
    gemeente: str,
    datum: dt.date,
    pdf: bool,
) -> None:
    """Schrijf per cliënt een brief in eenvoudig Nederlands (B1): de wijziging in uren en waarom, of de
    uitnodiging voor het huisbezoek in de geplande week."""
    _django()
    from maatwerk.apps.herindicatie.selectors import GeenGegevens
    from maatwerk.regels.laden import Regelfout

    maak = _wijzigingsbrieven if soort == "wijziging" else _uitnodigingen
    try:
        brieven_, bron = _met_database(lambda: maak(simulatie_id, week, set(caseload_ids), datum, gemeente))
    except (GeenGegevens, Regelfout) as exc:
        raise click.ClickException(str(exc)) from None
    if not brieven_:
        raise click.ClickException("geen cliënten gevonden voor deze brieven")
    from maatwerk.apps.herindicatie.brieven import schrijf

    with _voortgang() as voortgang:
        taak = voortgang.add_task("brieven schrijven", total=len(brieven_))
        paden = schrijf(
            brieven_, map_, soort, pdf=pdf, voortgang=lambda i: voortgang.update(taak, completed=i)
        )
    console.print(f"{len(paden)} bestanden in {map_} ({bron}).", highlight=False)


def _wijzigingsbrieven(
    simulatie_id: int | None, week: int | None, ids: set[int], datum: dt.date, gemeente: str
) -> tuple[list[Any], str]:
    from maatwerk.apps.herindicatie.brieven import brief
    from maatwerk.apps.herindicatie.selectors import uitkomsten_voor_brieven

    simulatie, uitkomsten = uitkomsten_voor_brieven(simulatie_id, ids)
    return [brief(u, datum, gemeente) for u in uitkomsten], f"simulatie {simulatie.pk}"


def _uitnodigingen(
    simulatie_id: int | None, week: int | None, ids: set[int], datum: dt.date, gemeente: str
) -> tuple[list[Any], str]:
    from maatwerk.apps.herindicatie.brieven import uitnodiging
    from maatwerk.apps.herindicatie.selectors import caseload_voor_uitnodigingen

    planning, clients = caseload_voor_uitnodigingen(week, ids)
    return [uitnodiging(c, w, datum, planning.pk, gemeente) for c, w in clients], f"planning {planning.pk}"
