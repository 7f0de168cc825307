"""Trede (or intensiteit) and tarief per matrix resultaatgebied, with the minimum trede on a condition.

For a matrix area with ``bepaling: uren``: hours = sum of the int minutes of the activities with
``telt_voor_trede`` (and of a consulent's afwijking per resultaatgebied) in every kader resultaatgebied
mapped onto it, / 60, unrounded; the trede whose band has van <= hours < tot (no trede when the minutes
are 0). Then each of the kader's ``minimum_treden`` for that area whose ``als`` holds raises a lower
trede to its ``trede`` (Den Haag: several wasbeurten a week make Basis unrealistic, so at least Plus),
with ``activiteit`` only when that activity has minutes; treden rank by their band. For ``bepaling:
zelfredzaamheid``: the trede listing the consulent's score (single form only: scores have no flat
form). Tariff = sum of the treden's tariffs + each aanvullend product whose activity has minutes > 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from maatwerk.engine.gecompileerd import CMinimumTrede, Gecompileerd, komma
from maatwerk.engine.indicatie import ActiviteitIndicatie, Stap, Tarief, TredeIndicatie
from maatwerk.engine.kaders import MatrixResultaatgebied, Resultatenmatrix, Trede
from maatwerk.engine.situatie import Situatie
from maatwerk.engine.stappen.feiten import alle, alle_kolom, gebruikte_feiten
from maatwerk.engine.stappen.toestand import Feit, Rij
from maatwerk.regels.laden import Melding, Regelfout


def uren_gebieden(c: Gecompileerd, matrix: Resultatenmatrix) -> dict[str, set[str]]:
    """Matrix resultaatgebied (bepaling uren) -> the kader resultaatgebieden mapped onto it."""
    uit: dict[str, set[str]] = {}
    for gid, _naam, mrg in c.gebieden:
        rg = matrix.resultaatgebied(mrg) if mrg is not None else None
        if rg is not None and rg.bepaling == "uren":
            uit.setdefault(rg.id, set()).add(gid)
    return uit


def _van(t: Trede) -> float:
    return t.uren_per_week.van if t.uren_per_week is not None else 0.0


def minima(
    c: Gecompileerd, matrix: Resultatenmatrix, rg: MatrixResultaatgebied
) -> list[tuple[CMinimumTrede, int]]:
    """The kader's minimum treden for area ``rg`` with the index of their trede (a clear error if unknown)."""
    uit = []
    for m in c.minimum_treden:
        if m.matrix_resultaatgebied != rg.id:
            continue
        i = next((i for i, t in enumerate(rg.treden) if t.code == m.trede), None)
        if i is None or rg.bepaling != "uren":
            reden = (
                f"trede '{m.trede}' bestaat niet in resultaatgebied '{rg.id}' van matrix {matrix.id} "
                f"(codes: {', '.join(t.code for t in rg.treden)})"
                if i is None
                else f"resultaatgebied '{rg.id}' van matrix {matrix.id} bepaalt de trede niet uit uren"
            )
            raise Regelfout(
                [Melding(f"normenkader {c.id}, minimum_treden '{m.id}': {reden}", sleutel="minimum_treden")]
            )
        uit.append((m, i))
    return uit


@dataclass(slots=True)
class TredenEnkel:
    treden: dict[str, str] = field(default_factory=dict)
    details: list[TredeIndicatie] = field(default_factory=list)
    tarief: Tarief | None = None
    voorbeeld: bool = False
    opmerkingen: list[str] = field(default_factory=list)
    stappen: list[Stap] = field(default_factory=list)


def enkel(
    c: Gecompileerd,
    matrix: Resultatenmatrix | None,
    s: Situatie,
    f: dict[str, Any],
    activiteiten: list[ActiviteitIndicatie],
) -> TredenEnkel:
    uit = TredenEnkel()
    if matrix is None:
        if c.kader.resultatenmatrix is not None:
            uit.opmerkingen.append(
                f"Resultatenmatrix '{c.kader.resultatenmatrix}' heeft geen versie die geldt op "
                f"{s.peildatum}: geen trede en geen tarief."
            )
        return uit
    telt = {a.id for a in c.activiteiten if a.telt_voor_trede}
    voorbeeld = matrix.periode.voorbeeld
    bedrag = 0.0
    urengebieden = uren_gebieden(c, matrix)
    for mid, gids in urengebieden.items():
        rg = matrix.resultaatgebied(mid)
        assert rg is not None
        minuten = sum(
            a.minuten_per_week
            for a in activiteiten
            if a.resultaatgebied in gids and (a.id in telt or a.id.startswith("resultaatgebied."))
        )
        if minuten <= 0:
            continue
        uren = minuten / 60
        i = next(
            i
            for i, t in enumerate(rg.treden)
            if t.uren_per_week is not None
            and t.uren_per_week.van <= uren
            and (t.uren_per_week.tot is None or uren < t.uren_per_week.tot)
        )
        band = rg.treden[i].uren_per_week
        assert band is not None
        grond = (
            f"{komma(uren, 2)} uur per week valt in de band {komma(band.van)}–"
            f"{'∞' if band.tot is None else komma(band.tot)} uur"
        )
        tvb = rg.treden[i].tarief.voorbeeld or band.voorbeeld or rg.voorbeeld
        for m, j in minima(c, matrix, rg):
            nodig = m.activiteit is None or any(
                a.id == m.activiteit and a.minuten_per_week > 0 for a in activiteiten
            )
            if nodig and _van(rg.treden[j]) > _van(rg.treden[i]) and alle(m.als, f):
                oud = rg.treden[i].label
                i = j
                tvb = rg.treden[j].tarief.voorbeeld or m.voorbeeld or rg.voorbeeld
                grond += f"; minimaal {rg.treden[j].label}: {m.omschrijving}"
                uit.stappen.append(
                    Stap(
                        f"{c.id}.minimum_trede.{m.id}",
                        c.id,
                        c.versie,
                        m.bron,
                        {**gebruikte_feiten(m.als, f), "trede_uit_uren": oud, "minimum": rg.treden[j].label},
                        0.0,
                        f"{rg.naam}: minimaal {rg.treden[j].label} in plaats van {oud} ({m.omschrijving}).",
                        m.voorbeeld,
                    )
                )
        t = rg.treden[i]
        uit.treden[rg.id] = t.label
        uit.details.append(
            TredeIndicatie(rg.id, rg.naam, t.code, t.label, t.omschrijving, grond, t.tarief.bedrag, tvb)
        )
        bedrag += t.tarief.bedrag
        voorbeeld |= tvb
    for rid, z in s.zelfredzaamheid.items():
        zrg = matrix.resultaatgebied(rid)
        if zrg is None:
            uit.opmerkingen.append(
                f"Zelfredzaamheid voor '{rid}' genegeerd: geen resultaatgebied van matrix {matrix.id}."
            )
            continue
        if zrg.id in urengebieden:
            uit.opmerkingen.append(
                f"Zelfredzaamheid voor '{rid}' genegeerd: de trede volgt hier uit de uren."
            )
            continue
        t = next(t for t in zrg.treden if z.score in t.zelfredzaamheid)
        uit.treden[zrg.id] = t.label
        tvb = t.tarief.voorbeeld or zrg.voorbeeld
        uit.details.append(
            TredeIndicatie(
                zrg.id,
                zrg.naam,
                t.code,
                t.label,
                t.omschrijving,
                f"zelfredzaamheid {z.score} van 5: {z.motivatie}",
                t.tarief.bedrag,
                tvb,
            )
        )
        bedrag += t.tarief.bedrag
        voorbeeld |= tvb
    for p in matrix.aanvullende_producten:
        act = next((a for a in activiteiten if a.id == p.activiteit), None)
        if act is not None and act.minuten_per_week > 0:
            bedrag += p.tarief.bedrag
            voorbeeld |= p.tarief.voorbeeld
            uit.details.append(
                TredeIndicatie(
                    p.resultaatgebied,
                    p.naam,
                    p.id,
                    "toegekend",
                    "aanvullend product",
                    f"{act.taak}: {act.minuten_per_week} minuten per week",
                    p.tarief.bedrag,
                    p.tarief.voorbeeld,
                )
            )
    uit.tarief = Tarief(round(bedrag, 2), matrix.periode.label, voorbeeld) if uit.details else None
    uit.voorbeeld = voorbeeld and bool(uit.details)
    return uit


@dataclass(slots=True)
class TredenKolom:
    treden: dict[str, pl.Series]
    bedrag: Rij  # unrounded sum
    aanwezig: Rij  # a trede or product (so a tariff)
    voorbeeld: Rij


def kolom(
    c: Gecompileerd, matrix: Resultatenmatrix | None, minuten: dict[str, Rij], n: int, feiten: dict[str, Feit]
) -> TredenKolom:
    """Treden on hour bands, tariff sum and its voorbeeld flag (as :func:`enkel`) for every row."""
    uit = TredenKolom({}, np.zeros(n), np.zeros(n, bool), np.zeros(n, bool))
    if matrix is None:
        return uit
    voorbeeld = uit.voorbeeld
    bedrag, details = uit.bedrag, uit.aanwezig
    for mid, gids in uren_gebieden(c, matrix).items():
        rg = matrix.resultaatgebied(mid)
        assert rg is not None
        som = np.zeros(n, np.int64)
        for a in c.activiteiten:
            if a.resultaatgebied in gids and a.telt_voor_trede:
                som += minuten[a.id]
        uren = som / 60
        code = np.full(n, -1, np.int64)
        for i, t in enumerate(rg.treden):
            band = t.uren_per_week
            assert band is not None
            raak = (code < 0) & (som > 0) & (band.van <= uren)
            if band.tot is not None:
                raak &= uren < band.tot
            code = np.where(raak, i, code)
        heeft = code >= 0
        tvb_per = np.array(
            [
                t.tarief.voorbeeld or bool(t.uren_per_week and t.uren_per_week.voorbeeld) or rg.voorbeeld
                for t in rg.treden
            ]
            + [False]
        )
        tvb = tvb_per[code]
        vans = np.array([_van(t) for t in rg.treden] + [0.0])
        for m, j in minima(c, matrix, rg):
            hoger = heeft & (vans[code] < _van(rg.treden[j])) & alle_kolom(m.als, feiten, n)
            if m.activiteit is not None:
                hoger &= minuten[m.activiteit] > 0
            code = np.where(hoger, j, code)
            tvb = np.where(hoger, rg.treden[j].tarief.voorbeeld or m.voorbeeld or rg.voorbeeld, tvb)
        tarieven = np.array([t.tarief.bedrag for t in rg.treden] + [0.0])
        bedrag = np.where(heeft, bedrag + tarieven[code], bedrag)
        voorbeeld |= tvb & heeft
        details |= heeft
        labels = pl.Series([t.label for t in rg.treden], dtype=pl.String)
        uit.treden[rg.id] = labels.gather(pl.Series(np.where(heeft, code, 0)).set(pl.Series(~heeft), None))
    for p in matrix.aanvullende_producten:
        if p.activiteit not in minuten:
            continue
        heeft = minuten[p.activiteit] > 0
        bedrag = np.where(heeft, bedrag + p.tarief.bedrag, bedrag)
        voorbeeld |= heeft & p.tarief.voorbeeld
        details |= heeft
    uit.bedrag = bedrag
    uit.voorbeeld = (voorbeeld | matrix.periode.voorbeeld) & details
    return uit
