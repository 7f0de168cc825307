"""``{% iwmo_declaraties %}``: declared vs toegewezen vs beschikt per aanbieder per month (financiën page)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from maatwerk.apps.accounts.rollen import aanbieder_van

from .. import selectors

register = template.Library()


@register.inclusion_tag("berichten/declaraties.html", takes_context=True)
def iwmo_declaraties(context: dict[str, Any]) -> dict[str, Any]:
    """This year's figures; an aanbieder sees only its own rows."""
    request = context.get("request")
    jaar = timezone.localdate().year
    rijen = selectors.gedeclareerd_per_aanbieder(jaar)
    aanbieder = aanbieder_van(request.user) if request is not None else None
    if aanbieder is not None:
        rijen = [r for r in rijen if r["aanbieder"] == aanbieder.naam]
    return {"jaar": jaar, "rijen": rijen}
