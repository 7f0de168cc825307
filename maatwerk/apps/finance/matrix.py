"""The new tariffs per trede per period, read from the engine's resultatenmatrix (not duplicated here).

:func:`tarieftabel` turns every version of a matrix into a frame with one row per trede: ``trede``
(label, case-folded; the code is accepted as an alias), ``van``/``tot`` (validity of the version),
``tarief_cent``, ``periode_dagen`` and the trede's hour band in minutes per week
(``band_min_minuten``, ``band_max_minuten``; null for an open top band).
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from maatwerk.apps.finance.geld import naar_centen
from maatwerk.engine import register
from maatwerk.regels.laden import Melding, Regelfout

SCHEMA = {
    "trede": pl.String,
    "trede_label": pl.String,
    "van": pl.Date,
    "tot": pl.Date,
    "tarief_cent": pl.Int64,
    "periode_dagen": pl.Int64,
    "band_min_minuten": pl.Int64,
    "band_max_minuten": pl.Int64,
    "voorbeeld": pl.Boolean,
}


def matrices() -> list[str]:
    return sorted(register().matrices)


def tarieftabel(matrix_id: str, resultaatgebied: str | None = None) -> pl.DataFrame:
    """All versions of ``matrix_id`` as a tariff frame for the resultaatgebied determined by hours."""
    versies = register().matrices.get(matrix_id)
    if not versies:
        raise Regelfout(
            [
                Melding(
                    f"onbekende resultatenmatrix '{matrix_id}'; beschikbaar: "
                    f"{', '.join(matrices()) or 'geen'}",
                    sleutel="matrix",
                )
            ]
        )
    rijen = []
    for versie in versies:
        gebieden = [
            r
            for r in versie.resultaatgebieden
            if (r.id == resultaatgebied if resultaatgebied else r.bepaling == "uren")
        ]
        if len(gebieden) != 1:
            wat = (
                f"resultaatgebied '{resultaatgebied}'"
                if resultaatgebied
                else "precies één resultaatgebied op uren"
            )
            raise Regelfout(
                [
                    Melding(
                        f"matrix '{matrix_id}' (vanaf {versie.valid_from}) heeft niet {wat}",
                        sleutel="resultaatgebied",
                    )
                ]
            )
        dagen = versie.periode.weken * 7
        if dagen != int(dagen):
            raise Regelfout(
                [
                    Melding(
                        f"periode van {versie.periode.weken:g} weken is geen geheel aantal dagen",
                        sleutel="periode.weken",
                    )
                ]
            )
        for t in gebieden[0].treden:
            band = t.uren_per_week
            rij = {
                "trede_label": t.label,
                "van": versie.valid_from,
                "tot": versie.valid_until or dt.date(9999, 12, 31),
                "tarief_cent": naar_centen(f"{t.tarief.bedrag:.2f}"),
                "periode_dagen": int(dagen),
                "band_min_minuten": round(band.van * 60) if band else None,
                "band_max_minuten": round(band.tot * 60) if band and band.tot is not None else None,
                "voorbeeld": t.tarief.voorbeeld or versie.periode.voorbeeld,
            }
            rijen.append({"trede": t.label.casefold(), **rij})
            if t.code.casefold() != t.label.casefold():
                rijen.append({"trede": t.code.casefold(), **rij})
    return pl.DataFrame(rijen, schema=SCHEMA)


def normaliseer_trede(kolom: str) -> pl.Expr:
    """Trede values as the tariff frame keys them (case-folded, trimmed)."""
    return pl.col(kolom).cast(pl.String).str.strip_chars().str.to_lowercase().alias(kolom)


def matrix_van_kader(kader: str, peildatum: dt.date | None = None) -> str:
    """The resultatenmatrix a normenkader (version valid on ``peildatum``, else the newest) points to."""
    versie = register().normenkader(kader, peildatum)
    if versie.resultatenmatrix is None:
        raise Regelfout(
            [
                Melding(
                    f"normenkader '{kader}' verwijst naar geen resultatenmatrix", sleutel="resultatenmatrix"
                )
            ]
        )
    return versie.resultatenmatrix


def intensiteitsgrenzen(beleid_id: str | None, peildatum: dt.date | None) -> list[tuple[str, float | None]]:
    """The transition policy's intensity limits (intensity, up to and including minutes per week).

    ``beleid_id`` may carry a version (``id@versie``); the version valid on ``peildatum`` is used.
    Empty when there is no policy or the policy has no minutes-based intensities.
    """
    if not beleid_id:
        return []
    from maatwerk.apps.herindicatie.overgang import laad_beleid

    beleid = laad_beleid(beleid_id.partition("@")[0], peildatum)
    indeling = beleid.intensiteiten.indeling_naar_minuten if beleid.intensiteiten else None
    if indeling is None:
        return []
    return [
        (
            g.intensiteit,
            None if g.tot_en_met_minuten_per_week is None else float(g.tot_en_met_minuten_per_week),
        )
        for g in indeling.grenzen
    ]


def intensiteit_naar_trede(grenzen: list[tuple[str, float | None]], tarieven: pl.DataFrame) -> dict[str, str]:
    """Price a transition intensity that is not a trede of the matrix (e.g. Den Haag's ``plus`` on a
    trede matrix) as the trede whose hour band holds the intensity's lower limit: the transition
    guarantees *at least* that intensity, so it is priced at the cheapest trede that reaches into it.

    ``grenzen``: (intensity, up to and including minutes per week; None = open) in ascending order, as
    the transition policy's ``indeling_naar_minuten`` gives them; an intensity whose range ends at 0
    minutes means no help and is not mapped. Intensities that already are a trede key are left alone.
    """
    banden = (
        tarieven.sort("van")
        .unique("trede_label", keep="last")
        .select("trede", "trede_label", "band_min_minuten", "band_max_minuten")
    )
    sleutels = set(tarieven["trede"].to_list())
    uit: dict[str, str] = {}
    onder = 0.0
    for intensiteit, boven in grenzen:
        naam, laagste = intensiteit.casefold(), onder
        if boven is not None:
            onder = float(boven)
        if naam in sleutels or boven == 0:
            continue
        for rij in banden.iter_rows(named=True):
            laag, hoog = rij["band_min_minuten"], rij["band_max_minuten"]
            if laag is not None and laag <= laagste and (hoog is None or laagste < hoog):
                uit[naam] = rij["trede_label"].casefold()
                break
    return uit
