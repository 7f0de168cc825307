"""Letters (B1 Dutch) per client: what changes, in hours, and why; or the home-visit invitation.

Each letter has the client's name and address block and the gemeente's phone number and e-mail address
from its sender configuration (:func:`maatwerk.apps.besluiten.brief.afzender`, ``afzenders/<gemeente>.yaml``).
HTML, optionally PDF/UA-1 (WeasyPrint; :func:`maatwerk.apps.besluiten.render.html_naar_pdf`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from maatwerk.apps.besluiten.brief import Afzender, afzender
from maatwerk.apps.cases.termijnregels import termijnregels_op
from maatwerk.opmaak import lange_datum, uren_en_minuten

from .models import CaseloadClient, SimulatieUitkomst
from .overgang import OUDE_INDICATIE, PERMANENT

STANDAARD = "De gemeente"


def afzender_van(gemeente: str | Afzender = STANDAARD, datum: dt.date | None = None) -> Afzender:
    """The sender configuration for ``gemeente`` ("Gemeente Westland", "westland" or "De gemeente" for the
    configured gemeente). Raises :class:`~maatwerk.regels.laden.Regelfout` when there is none: a letter
    without the gemeente's phone number and e-mail address is not sent."""
    if isinstance(gemeente, Afzender):
        return gemeente
    naam = gemeente.strip()
    if naam.lower() in {"", STANDAARD.lower()}:
        from maatwerk.apps.levering.services import gemeente as ingesteld

        naam = ingesteld()
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :]
    if datum is None:
        return afzender(naam)
    from maatwerk.apps.gemeente.selectors import afzender_op  # the beheerder's version on that date

    return afzender_op(naam, datum)


def _adresregels(client: Any) -> list[str]:
    if client is None:
        return []
    regels = [
        " ".join(d for d in (client.straat, client.huisnummer) if d),
        " ".join(d for d in (client.postcode, client.woonplaats) if d),
    ]
    return [r for r in regels if r]


def uren_tekst(uren: Decimal | float | None) -> str:
    """Hours per week in plain Dutch: ``2 uur en 30 minuten``; minutes rounded half-up to 5."""
    if uren is None:
        return "onbekend"
    return uren_en_minuten(Decimal(str(uren)) * 60, stap=5)


@dataclass(frozen=True)
class Brief:
    caseload_id: int
    html: str


def brief(uitkomst: SimulatieUitkomst, datum: dt.date, gemeente: str | Afzender = STANDAARD) -> Brief:
    """The letter for one client from a stored simulation outcome.

    The new indicatie and any transition level are both stated, each with its dates: during the
    transition (from the peildatum until ``overgang_tot``) the client gets the transition level, from
    ``overgang_tot`` the new indicatie; a permanent transition level is said to stay.
    """
    caseload = uitkomst.caseload
    client = caseload.client
    oud = uitkomst.oude_uren_per_week
    nieuw = uitkomst.nieuwe_uren_per_week
    verschil = uitkomst.verschil_uren_per_week
    tot: str | None = None
    if uitkomst.overgang_tot and uitkomst.overgang_tot != PERMANENT:
        tot = lange_datum(dt.date.fromisoformat(uitkomst.overgang_tot))
    afz = afzender_van(gemeente, datum)
    context: dict[str, Any] = {
        "afzender": afz,
        "gemeente": f"Gemeente {afz.gemeente}",
        "datum": lange_datum(datum),
        "naam": client.naam if client else None,
        "adresregels": _adresregels(client),
        "oud": uren_tekst(oud) if oud is not None else None,
        "nieuw": uren_tekst(nieuw),
        "verschil": uren_tekst(abs(verschil)) if verschil else None,
        "minder": verschil is not None and verschil < 0,
        "meer": verschil is not None and verschil > 0,
        "intensiteit": (uitkomst.nieuwe_intensiteit or uitkomst.trede_hbh).capitalize(),
        "overgang": bool(uitkomst.overgang_tot),
        "overgang_oud": uitkomst.overgang_intensiteit == OUDE_INDICATIE,
        "overgang_intensiteit": uitkomst.overgang_intensiteit.capitalize(),
        "overgang_permanent": uitkomst.overgang_tot == PERMANENT,
        "overgang_tot": tot,
        "overgang_vanaf": lange_datum(uitkomst.simulatie.peildatum),
        "toelichting": uitkomst.toelichting if uitkomst.overgang_tot else "",
        "aanvullend": [r for r in uitkomst.aanvullende_redenen.split("; ") if r],
        "typisch": uitkomst.situatie_typisch,
        "bezwaar_weken": termijnregels_op(datum).termijnen["bezwaar"].weken,
        "kenmerk": f"HI-{uitkomst.simulatie_id}-{caseload.pk}",
    }
    return Brief(caseload.pk, render_to_string("herindicatie/brief.html", context))


def uitnodiging(
    caseload: CaseloadClient,
    week: dict[str, Any],
    datum: dt.date,
    planning_id: int,
    gemeente: str | Afzender = STANDAARD,
) -> Brief:
    """Invitation for the home visit in the client's planned week."""
    client = caseload.client
    afz = afzender_van(gemeente, datum)
    context = {
        "afzender": afz,
        "gemeente": f"Gemeente {afz.gemeente}",
        "datum": lange_datum(datum),
        "naam": client.naam if client else None,
        "adresregels": _adresregels(client),
        "van": lange_datum(dt.date.fromisoformat(week["van"])),
        "tot": lange_datum(dt.date.fromisoformat(week["tot_en_met"])),
        "kenmerk": f"HU-{planning_id}-{caseload.pk}",
    }
    return Brief(caseload.pk, render_to_string("herindicatie/uitnodiging.html", context))


def schrijf(
    brieven: Iterable[Brief], map_: Path, voorvoegsel: str, pdf: bool = False, voortgang: Any = None
) -> list[Path]:
    """Write ``<voorvoegsel>-<caseload_id>.html`` (and ``.pdf``) per letter (no BSN in file names)."""
    map_.mkdir(parents=True, exist_ok=True)
    geschreven = []
    for i, b in enumerate(brieven, 1):
        pad = map_ / f"{voorvoegsel}-{b.caseload_id}.html"
        pad.write_text(b.html, encoding="utf-8")
        geschreven.append(pad)
        if pdf:
            from maatwerk.apps.besluiten.render import html_naar_pdf

            pdf_pad = pad.with_suffix(".pdf")
            pdf_pad.write_bytes(html_naar_pdf(b.html, str(map_)))
            geschreven.append(pdf_pad)
        if voortgang:
            voortgang(i)
    return geschreven
