"""``{{ zaak|bemiddelingen }}``: the zaak's informal-resolution steps in one query (for the zaak page)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def bemiddelingen(zaak: Any) -> Any:
    return zaak.bemiddelingen.select_related("aanbieder", "door")
