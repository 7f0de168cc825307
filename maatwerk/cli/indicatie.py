"""``maatwerk indiceer``, ``maatwerk kaders`` and ``maatwerk kader toon``."""

from __future__ import annotations

import datetime as dt
import json

import click
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from maatwerk.cli.opties import datum_optie, stop
from maatwerk.opmaak import euro, getal
from maatwerk.regels.laden import Melding, Regelfout


def _getal(x: float) -> str:
    return getal(x, 2)


@click.command()
@click.argument("situatie", type=click.Path(dir_okay=False))
@click.option(
    "--kader", "kader_id", metavar="ID", help="Normenkader (id); standaard gekozen op gemeente + peildatum."
)
@click.option(
    "--peildatum",
    callback=datum_optie,
    metavar="JJJJ-MM-DD",
    help="Peildatum (overschrijft die in het bestand).",
)
@click.option("--json", "als_json", is_flag=True, help="Eén JSON-object op stdout.")
def indiceer(situatie: str, kader_id: str | None, peildatum: dt.date | None, als_json: bool) -> None:
    """Bereken de indicatie voor een situatie (YAML of JSON)."""
    from maatwerk.engine import indiceer as bereken
    from maatwerk.engine import laad_situatie

    try:
        s = laad_situatie(situatie, peildatum=peildatum)
    except Regelfout as exc:
        stop(exc)
    try:
        ind = bereken(s, kader=kader_id)
    except Regelfout as exc:
        # errors about the situation's content (gemeente, afwijkingen, ...) name the situation file
        stop(Regelfout([Melding(m.tekst, m.bestand or situatie, m.regel, m.sleutel) for m in exc.meldingen]))
    if als_json:
        click.echo(json.dumps(ind.as_json(), ensure_ascii=False, indent=2))
        return
    console = Console()
    tabel = Table(
        title=f"Indicatie — {ind.kader_naam} (versie {ind.kader_versie}), peildatum {ind.peildatum}"
    )
    tabel.add_column("Taak")
    tabel.add_column("Frequentie")
    tabel.add_column("Min/keer", justify="right")
    tabel.add_column("Min/week", justify="right")
    meer_gebieden = (
        sum(1 for g in ind.resultaatgebieden if any(a.resultaatgebied == g.id for a in ind.activiteiten)) > 1
    )
    for g in ind.resultaatgebieden:
        rijen = [a for a in ind.activiteiten if a.resultaatgebied == g.id]
        if not rijen:
            continue
        if meer_gebieden:
            tabel.add_row(f"[bold]{escape(g.naam)}[/]", "", "", "")
        for a in rijen:
            tabel.add_row(
                ("  " if meer_gebieden else "") + a.taak + (" *" if a.afgeweken else ""),
                a.frequentie,
                _getal(a.minuten_per_keer),
                str(a.minuten_per_week),
            )
        if meer_gebieden:
            tabel.add_row("  [italic]subtotaal[/]", "", "", f"[italic]{g.minuten_per_week}[/]")
    tabel.add_section()
    tabel.add_row("[bold]Totaal[/]", "", "", f"[bold]{ind.totaal_minuten_per_week}[/]")
    console.print(tabel)
    console.print(f"Normenkader {ind.kader} (versie {ind.kader_versie}), {ind.kader_keuze}.", highlight=False)
    console.print(f"Uren per week: {_getal(ind.uren_per_week)}    Uren per jaar: {_getal(ind.uren_per_jaar)}")
    for t in ind.trede_details:
        console.print(f"{t.naam}: {t.label} — {t.grond}")
    if ind.tarief_per_periode is not None:
        console.print(f"Tarief per {ind.tarief_per_periode.periode}: {euro(ind.tarief_per_periode.bedrag)}")
    console.print()
    console.print("[bold]Uitleg[/]")
    for a in ind.activiteiten:
        console.print(a.uitleg)
        for stap in a.trace:
            console.print(
                f"  [dim]- {escape(stap.tekst)} ({escape(stap.regel)}; {escape(stap.bron)})[/]",
                highlight=False,
            )
    if any(a.afgeweken for a in ind.activiteiten):
        console.print("* afwijking door de consulent (maatwerk, met motivatie in de uitleg)")
    for o in ind.opmerkingen:
        console.print(f"[yellow]Let op:[/] {o}")
    if ind.voorbeeldwaarden:
        console.print(
            "[bold red]VOORBEELD — niet voor gebruik:[/] deze indicatie gebruikt voorbeeldwaarden "
            "zonder publieke bron."
        )


@click.command()
def kaders() -> None:
    """Lijst van normenkaders en resultatenmatrices met hun geldigheid."""
    from maatwerk.engine.kaders import register

    try:
        reg = register()
    except Regelfout as exc:
        stop(exc)
    tabel = Table(title="Normenkaders", show_lines=True)
    for kolom in ("id / naam", "geldig", "gemeenten", "matrix", "voorbeeld"):
        tabel.add_column(kolom)
    for k in reg.alle_versies():
        vb = "ja" if _heeft_voorbeeld(k) else "nee"
        tabel.add_row(
            f"[bold]{k.id}[/] {k.versie}\n{k.naam}",
            f"{k.valid_from} t/m {k.valid_until or '…'}",
            ", ".join(reg.gemeenten_van(k.id)) or "(alleen met --kader)",
            k.resultatenmatrix or "—",
            vb,
        )
    console = Console()
    console.print(tabel)
    mt = Table(title="Resultatenmatrices", show_lines=True)
    for kolom in ("id / naam", "geldig", "schaal", "tarief per"):
        mt.add_column(kolom)
    for versies in reg.matrices.values():
        for m in versies:
            mt.add_row(
                f"[bold]{m.id}[/] {m.versie}\n{m.naam}",
                f"{m.valid_from} t/m {m.valid_until or '…'}",
                m.schaal,
                m.periode.label,
            )
    console.print(mt)


def _heeft_voorbeeld(obj) -> bool:
    """True when any value anywhere in the model is marked voorbeeld."""
    if isinstance(obj, list):
        return any(_heeft_voorbeeld(x) for x in obj)
    if isinstance(obj, BaseModel):
        if getattr(obj, "voorbeeld", False) is True:
            return True
        return any(_heeft_voorbeeld(getattr(obj, n)) for n in type(obj).model_fields)
    return False


@click.group()
def kader() -> None:
    """Eén normenkader bekijken."""


@kader.command("toon")
@click.argument("kader_id", metavar="ID")
@click.option(
    "--peildatum", callback=datum_optie, metavar="JJJJ-MM-DD", help="Versie die op deze datum geldt."
)
def toon(kader_id: str, peildatum: dt.date | None) -> None:
    """Toon normenkader (of resultatenmatrix) ID als leesbare tabel."""
    from maatwerk.engine.berekening import bron_tekst
    from maatwerk.engine.kaders import register

    console = Console()
    try:
        reg = register()
        if kader_id not in reg.normenkaders and kader_id in reg.matrices:
            versies = reg.matrices[kader_id]
            m = reg.matrix(kader_id, peildatum) if peildatum else versies[-1]
            if m is None:
                raise Regelfout(
                    [Melding(f"resultatenmatrix '{kader_id}' geldt niet op {peildatum}", sleutel="peildatum")]
                )
            _toon_matrix(console, m)
            return
        k = reg.normenkader(kader_id, peildatum)
    except Regelfout as exc:
        stop(exc)
    console.print(f"[bold]{k.naam}[/] — id {k.id}, versie {k.versie}, {k.uitgever}")
    console.print(
        f"Geldig {k.valid_from} t/m {k.valid_until or 'nader bericht'}; gemeenten: "
        f"{', '.join(reg.gemeenten_van(k.id)) or '(alleen met --kader)'}; bron: {bron_tekst(k.bron)}"
    )
    console.print(
        f"Afronding: {k.afronding.richting} op {k.afronding.stap_minuten} minuut per activiteit; "
        f"{_getal(k.weken_per_jaar.waarde)} weken per jaar"
    )
    tabel = Table(title="Activiteiten en correcties", show_lines=True)
    for kolom in ("activiteit", "normtijd", "frequentie", "correcties", "bron"):
        tabel.add_column(kolom)
    for a in k.activiteiten:
        nt = (
            f"{_getal(a.normtijd.uren_per_jaar)} u/jaar"
            if a.normtijd.uren_per_jaar is not None
            else f"{_getal(a.normtijd.minuten)} min/keer"
        )
        if a.normtijd.voorbeeld:
            nt += " (voorbeeld)"
        corr = []
        for c in a.correcties:
            eff = (
                f"x {_getal(c.factor)}"
                if c.factor is not None
                else f"{c.uren_per_jaar:+g} u/jaar"
                if c.uren_per_jaar is not None
                else f"{c.minuten_per_week:+g} min/week"
            )
            per = f" per {c.per.feit} boven {c.per.boven}" if c.per else ""
            corr.append(f"{c.omschrijving}: {eff}{per}" + (" (voorbeeld)" if c.voorbeeld else ""))
        tabel.add_row(
            f"{a.taak}\n[dim]{a.id} · {', '.join(a.categorieen)}[/]",
            nt,
            a.frequentie.tekst(),
            "\n".join(corr) or "—",
            bron_tekst(a.normtijd.bron, a.normtijd.voorbeeld, a.normtijd.toelichting),
        )
    console.print(tabel)
    if k.gebruikelijke_hulp:
        gh = Table(title="Gebruikelijke hulp")
        for kolom in ("regel", "rollen", "leeftijd", "kan meedoen", "aandeel", "taken"):
            gh.add_column(kolom)
        for g in k.gebruikelijke_hulp:
            tot = f"{g.leeftijd_tot - 1}" if g.leeftijd_tot else "…"
            gh.add_row(
                g.omschrijving + (" (voorbeeld)" if g.voorbeeld else ""),
                ", ".join(g.rollen),
                f"{g.leeftijd_vanaf}–{tot}",
                ", ".join(g.kan_meedoen),
                f"{g.aandeel:.0%}",
                ", ".join(g.categorieen),
            )
        console.print(gh)
    if k.resultatenmatrix:
        m = reg.matrix(k.resultatenmatrix, peildatum or max(k.valid_from, dt.date.today()))
        if m is not None:
            _toon_matrix(console, m)


def _bedrag(x: float) -> str:
    return euro(x)


def _toon_matrix(console: Console, m) -> None:
    from maatwerk.engine.berekening import bron_tekst

    console.print(
        f"[bold]Resultatenmatrix {m.naam}[/] — id {m.id}, versie {m.versie}, geldig {m.valid_from} "
        f"t/m {m.valid_until or 'nader bericht'}; bron: {bron_tekst(m.bron)}"
    )
    mt = Table(title=f"Treden en tarieven (tarief per {m.periode.label})", show_lines=False)
    for kolom in ("resultaatgebied", "trede", "grond", "tarief"):
        mt.add_column(kolom)
    for rg in m.resultaatgebieden:
        for i, t in enumerate(rg.treden):
            if t.uren_per_week is not None:
                b = t.uren_per_week
                grond = f"{_getal(b.van)}–{'∞' if b.tot is None else _getal(b.tot)} uur/week"
            else:
                grond = "zelfredzaamheid " + ", ".join(map(str, t.zelfredzaamheid))
            mt.add_row(
                rg.naam if i == 0 else "",
                f"{t.label}: {t.omschrijving}",
                grond,
                _bedrag(t.tarief.bedrag) + (" (voorbeeld)" if t.tarief.voorbeeld else ""),
            )
        mt.add_section()
    for p in m.aanvullende_producten:
        mt.add_row(
            p.naam,
            "aanvullend product",
            f"bij activiteit {p.activiteit}",
            _bedrag(p.tarief.bedrag) + (" (voorbeeld)" if p.tarief.voorbeeld else ""),
        )
    console.print(mt)
