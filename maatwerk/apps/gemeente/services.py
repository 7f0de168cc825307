"""Record a new version of the gemeente's contact details or of a product code (issue 10, point 13).

Both are validated exactly as their rules YAML is (the same pydantic models: :class:`~maatwerk.apps.
besluiten.brief.Afzender` and :class:`~maatwerk.iwmo.codes.Product`), stored as a new dated version (an
old version is never changed) and audited in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from pydantic import ValidationError

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.apps.besluiten.brief import Afzender
from maatwerk.iwmo.codes import Product, gemeente_iwmo
from maatwerk.regels.laden import Regelfout

from .models import Contactgegevens, Productcode

__all__ = [
    "Geweigerd",
    "leg_contactgegevens_vast",
    "leg_productcode_vast",
    "valideer_contactgegevens",
    "valideer_productcode",
]


class Geweigerd(Exception):
    """A version that is not recorded, with the reason in Dutch (per field where possible)."""

    def __init__(self, fouten: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in fouten.items()))
        self.fouten = fouten


def _regels(tekst: str) -> list[str]:
    return [r.strip() for r in tekst.splitlines() if r.strip()]


def _pydantic_fouten(fout: ValidationError) -> dict[str, str]:
    uit: dict[str, str] = {}
    for e in fout.errors():
        veld = str(e["loc"][0]) if e["loc"] else ""
        uit.setdefault(
            veld, "ontbreekt of is ongeldig" if e["type"] in ("missing", "too_short") else e["msg"]
        )
    return uit


def valideer_contactgegevens(gemeente: str, gegevens: dict[str, Any]) -> Afzender:
    """The contact details as the letters read them, checked like ``afzenders/<gemeente>.yaml``."""
    data = {
        "gemeente": gemeente,
        "afdeling": gegevens.get("afdeling", "").strip(),
        "postadres": _regels(gegevens.get("postadres", "")),
        "bezwaaradres": _regels(gegevens.get("bezwaaradres", "")),
        "bezwaar_digitaal": gegevens.get("bezwaar_digitaal", "").strip(),
        "telefoon": gegevens.get("telefoon", "").strip(),
        "email": (gegevens.get("email") or "").strip() or None,
        "website": gegevens.get("website", "").strip(),
        "ondertekening": gegevens.get("ondertekening", "").strip(),
    }
    leeg = {k: "vul dit in" for k, v in data.items() if k != "email" and not v}
    if leeg:
        raise Geweigerd(leeg)
    try:
        return Afzender.model_validate(data)
    except ValidationError as fout:
        raise Geweigerd(_pydantic_fouten(fout)) from None


def leg_contactgegevens_vast(
    user: Any, gemeente: str, geldig_vanaf: dt.date, gegevens: dict[str, Any], reden: str
) -> Contactgegevens:
    """A new version of the contact details; letters dated ``geldig_vanaf`` or later use it."""
    if not reden.strip():
        raise Geweigerd({"reden": "schrijf waarom de gegevens veranderen"})
    afzender = valideer_contactgegevens(gemeente, gegevens)
    with transaction.atomic():
        if Contactgegevens.objects.filter(gemeente=gemeente, geldig_vanaf=geldig_vanaf).exists():
            raise Geweigerd({"geldig_vanaf": "er is al een versie vanaf deze datum; kies een andere datum"})
        versie: Contactgegevens = Contactgegevens.objects.create(
            gemeente=gemeente,
            geldig_vanaf=geldig_vanaf,
            afdeling=afzender.afdeling,
            postadres="\n".join(afzender.postadres),
            bezwaaradres="\n".join(afzender.bezwaaradres),
            bezwaar_digitaal=afzender.bezwaar_digitaal,
            telefoon=afzender.telefoon,
            email=afzender.email or "",
            website=afzender.website,
            ondertekening=afzender.ondertekening,
            reden=reden.strip(),
            vastgelegd_door=user,
        )
        log_persoonsgegevens(
            user,
            None,
            "schrijven",
            f"contactgegevens {gemeente} vanaf {geldig_vanaf.isoformat()} vastgelegd "
            f"(telefoon {afzender.telefoon}, e-mail {afzender.email or '-'}): {reden.strip()}",
            "beheer gemeentegegevens",
        )
        return versie


def valideer_productcode(gemeente: str, product: str, geldig_vanaf: dt.date, code: str) -> Product:
    """The product of the gemeente's iWmo rules on ``geldig_vanaf`` with ``code``, checked by the same
    model as ``iwmo/gemeenten/<id>/<datum>.yaml``."""
    try:
        bekend = {p.id: p for p in gemeente_iwmo(gemeente, geldig_vanaf).producten}
    except Regelfout as fout:
        raise Geweigerd({"geldig_vanaf": str(fout)}) from None
    if product not in bekend:
        raise Geweigerd({"product": f"onbekend product; bekend zijn: {', '.join(sorted(bekend))}"})
    if not code.strip():
        raise Geweigerd({"code": "vul dit in"})
    try:
        return Product.model_validate({**bekend[product].model_dump(), "code": code.strip()})
    except ValidationError:
        raise Geweigerd({"code": "1 tot en met 5 tekens (iWmo LDT_ProductCode)"}) from None


def leg_productcode_vast(
    user: Any, gemeente: str, product: str, geldig_vanaf: dt.date, code: str, reden: str
) -> Productcode:
    """A new version of the local code of ``product``; toewijzingen from ``geldig_vanaf`` use it.

    The product must exist in the gemeente's iWmo rules on that date; the code is checked by the same
    model as the YAML (``LDT_ProductCode``: 1 to 5 characters)."""
    if not reden.strip():
        raise Geweigerd({"reden": "schrijf waarom de code verandert"})
    nieuw = valideer_productcode(gemeente, product, geldig_vanaf, code)
    with transaction.atomic():
        try:
            with transaction.atomic():
                versie: Productcode = Productcode.objects.create(
                    gemeente=gemeente,
                    product=product,
                    geldig_vanaf=geldig_vanaf,
                    code=nieuw.code or "",
                    omschrijving=nieuw.omschrijving,
                    reden=reden.strip(),
                    vastgelegd_door=user,
                )
        except IntegrityError:
            raise Geweigerd(
                {"geldig_vanaf": "er is al een versie vanaf deze datum; kies een andere datum"}
            ) from None
        log_persoonsgegevens(
            user,
            None,
            "schrijven",
            f"productcode {gemeente} {product} = {versie.code} vanaf {geldig_vanaf.isoformat()} "
            f"vastgelegd: {reden.strip()}",
            "beheer gemeentegegevens",
        )
        return versie
