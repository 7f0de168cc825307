"""Template filters for money in cents and Dutch decimals."""

from __future__ import annotations

from django import template

from maatwerk.apps.finance.geld import euro as _euro

register = template.Library()


@register.filter
def euro(centen: int | None) -> str:
    """Cents -> ``€ 1.234,56``."""
    return _euro(centen)


@register.filter
def komma(waarde: float | None, decimalen: int = 1) -> str:
    """A number with a decimal comma (``-`` for None)."""
    if waarde is None:
        return "-"
    return f"{waarde:.{int(decimalen)}f}".replace(".", ",")
