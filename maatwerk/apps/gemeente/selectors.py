"""What letters and toewijzingen read: the version valid on a date, the admin's or else the rules YAML."""

from __future__ import annotations

import datetime as dt

from maatwerk.apps.besluiten.brief import Afzender, afzender
from maatwerk.iwmo.codes import Product

from .models import Contactgegevens, Productcode

__all__ = ["afzender_op", "product_op"]


def afzender_op(gemeente: str, datum: dt.date) -> Afzender:
    """The contact details for a letter dated ``datum``: the newest admin version from on or before that
    date, else ``afzenders/<gemeente>.yaml``."""
    v = (
        Contactgegevens.objects.filter(gemeente__iexact=gemeente, geldig_vanaf__lte=datum)
        .order_by("-geldig_vanaf")
        .first()
    )
    if v is None:
        return afzender(gemeente)
    yaml = afzender(gemeente)
    return Afzender(
        gemeente=yaml.gemeente,
        afdeling=v.afdeling,
        postadres=v.postadres.splitlines(),
        bezwaaradres=v.bezwaaradres.splitlines(),
        bezwaar_digitaal=v.bezwaar_digitaal,
        telefoon=v.telefoon,
        email=v.email or None,
        website=v.website,
        ondertekening=v.ondertekening,
        voorbeeld=yaml.voorbeeld,
        toelichting=f"Vastgelegd in beheer vanaf {v.geldig_vanaf.isoformat()}: {v.reden}",
    )


def product_op(gemeente: str, datum: dt.date, product: Product) -> Product:
    """``product`` (from the rules) with the local code the admin set for ``datum``, if any."""
    v = (
        Productcode.objects.filter(gemeente__iexact=gemeente, product=product.id, geldig_vanaf__lte=datum)
        .order_by("-geldig_vanaf")
        .first()
    )
    if v is None:
        return product
    return product.model_copy(update={"code": v.code})
