"""``{% dossier_op_zaak zaak as d %}``: the zaak page's dossier block (audited read) and its forms."""

from __future__ import annotations

from typing import Any

from django import template

from ..forms import ContactmomentForm, DocumentForm
from ..selectors import dossier_van

register = template.Library()


@register.simple_tag(takes_context=True)
def dossier_op_zaak(context: template.Context, zaak: Any) -> dict[str, Any]:
    """Contactmomenten and documents of ``zaak`` for the logged-in user, with empty forms."""
    return {
        "dossier": dossier_van(context["request"].user, zaak),
        "contact_form": ContactmomentForm(),
        "document_form": DocumentForm(),
    }
