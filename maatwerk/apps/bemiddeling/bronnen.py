"""The one adapter to other apps: zaken the user may see, and who is the zaak's consulent."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from maatwerk.apps.accounts.rollen import TOEGANGSTEAM, Rol, heeft_rol
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.cases.zichtbaarheid import zichtbare_zaken

__all__ = ["TOEGANGSTEAM", "Rol", "Zaak", "heeft_rol", "zaken_voor", "eigen_zaak"]


def zaken_voor(user: Any) -> QuerySet[Zaak]:
    """Zaken the user may see (least privilege, from the cases app)."""
    return zichtbare_zaken(user).select_related("client", "consulent", "aanbieder")


def eigen_zaak(zaak: Zaak, user: Any) -> bool:
    """True when ``user`` is the consulent handling the zaak."""
    return zaak.consulent_id is not None and zaak.consulent_id == getattr(user, "pk", None)


def formulierbasis() -> tuple[type, type]:
    """The project's Dutch form base class and date widget (from the cases app)."""
    from maatwerk.apps.cases.forms import Datum, NlForm

    return NlForm, Datum
