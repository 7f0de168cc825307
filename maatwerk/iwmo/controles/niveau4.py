"""Level 4: checks against external lists and the clock (``externe-bron``): TR135, TR378, TR381.

The lists are data: CBS gemeentecodes in ``maatwerk/regels/iwmo/gemeentecodes/``, the gemeente's
products (category + code) in ``maatwerk/regels/iwmo/gemeenten/<gemeente>/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pydantic import Field

from maatwerk.iwmo.codes import REGELS_IWMO, gemeenten_iwmo
from maatwerk.iwmo.controles import Context, Overtreding, regel
from maatwerk.regels.laden import Bron, Geldigheid, laad

GEMEENTECODES = REGELS_IWMO / "gemeentecodes"


class Gemeentecodes(Geldigheid):
    """One CBS gemeentelijke indeling: code -> name."""

    bron: Bron
    gemeenten: dict[str, str] = Field(min_length=1)


@cache
def bekende_gemeentecodes() -> frozenset[str]:
    """Every code of every CBS list maatwerk has (TR378 allows an older list after a herindeling), plus
    the codes of the gemeenten configured in ``maatwerk/regels/iwmo/gemeenten`` (the demo's 9999)."""
    codes: set[str] = set()
    for pad in sorted(Path(GEMEENTECODES).glob("*.yaml")):
        codes |= set(laad(Gemeentecodes, pad).gemeenten)
    codes |= {g.gemeentecode.waarde for g in gemeenten_iwmo()}
    return frozenset(codes)


@cache
def productcodes(gemeentecode: str) -> frozenset[tuple[str, str]] | None:
    """(category, code) pairs of the gemeente's productcodelijst; ``None`` when maatwerk has none."""
    paren = {
        (p.categorie, p.code)
        for g in gemeenten_iwmo()
        if g.gemeentecode.waarde == gemeentecode
        for p in g.producten
        if p.code
    }
    return frozenset(paren) if paren else None


@regel("TR135")
def tr135(ctx: Context) -> Iterator[Overtreding]:
    """The Dagtekening is not in the future."""
    if ctx.dagtekening > ctx.vandaag:
        yield ctx.fout(
            "TR135",
            ctx.header,
            "BerichtIdentificatie/Dagtekening",
            f"dagtekening {ctx.dagtekening} ligt in de toekomst",
        )


@regel("TR378")
def tr378(ctx: Context) -> Iterator[Overtreding]:
    """The gemeentecode exists in the CBS list."""
    if ctx.gemeentecode not in bekende_gemeentecodes():
        veld = "Afzender" if ctx.gemeentecode == ctx.header.get("Afzender") else "Ontvanger"
        yield ctx.fout(
            "TR378", ctx.header, veld, f"gemeentecode {ctx.gemeentecode} staat niet in de CBS-lijst"
        )


_PRODUCTVELDEN = {
    "ToegewezenProduct": ("Product/Categorie", "Product/Code"),
    "StartProduct": ("Product/Categorie", "Product/Code"),
    "StopProduct": ("Product/Categorie", "Product/Code"),
    "AangevraagdProduct": ("Product/Categorie", "Product/Code"),
    "NieuwProduct": ("Product/Categorie", "Product/Code"),
    "Prestatie": ("ProductCategorie", "ProductCode"),
}


@regel("TR381")
def tr381(ctx: Context) -> Iterator[Overtreding]:
    """ProductCode fits its ProductCategorie in the gemeente's productcodelijst (when maatwerk has it)."""
    lijst = productcodes(ctx.gemeentecode)
    if lijst is None:
        return
    for naam, (cat_veld, code_veld) in _PRODUCTVELDEN.items():
        for p in ctx.alle(naam):
            code, cat = p.get(code_veld), p.get(cat_veld)
            if code and (cat, code) not in lijst:
                yield ctx.fout(
                    "TR381",
                    p,
                    code_veld,
                    f"productcode {code} (categorie {cat}) staat niet in de productcodelijst "
                    f"van gemeente {ctx.gemeentecode}",
                )
