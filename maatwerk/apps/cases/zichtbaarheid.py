"""Object-level filtering: which clients and zaken a user may see (least privilege).

- consulent, senior_consulent, kwaliteitsmedewerker: all clients and zaken of the gemeente;
- aanbieder: only zaken for which the municipality has engaged the user's own organisation, and their
  clients: a toewijzing to it exists, or a zorgplan of it, or the request to draw one up (the zaak's
  chosen aanbieder once the gemeente has fixed the ondersteuningsplan). The free field
  ``zaak.aanbieder`` alone (which a consulent may set at any status) shows nothing;
- beleidsmedewerker, functioneel_beheerder and anyone else: no personal data (empty querysets).

Always start client/zaak lookups in views from these querysets (``get_object_or_404(
zichtbare_zaken(request.user), pk=pk)``) so URL guessing yields 404, never another party's data.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from maatwerk.apps.accounts.rollen import Rol, aanbieder_van, heeft_rol
from maatwerk.apps.clients.models import Client

from .models import Zaak

GEMEENTE_LEZERS = (Rol.CONSULENT, Rol.SENIOR_CONSULENT, Rol.KWALITEITSMEDEWERKER)


def zichtbare_zaken(user: Any) -> QuerySet[Zaak]:
    """Zaken the user may see."""
    if heeft_rol(user, *GEMEENTE_LEZERS):
        return Zaak.objects.all()
    aanbieder = aanbieder_van(user)
    if aanbieder is not None:
        return Zaak.objects.filter(pk__in=_betrokken(aanbieder))
    return Zaak.objects.none()


def _betrokken(aanbieder: Any) -> QuerySet[Zaak]:
    """Ids of the zaken the gemeente engaged ``aanbieder`` for (toewijzing, zorgplan or its request)."""
    return Zaak.objects.filter(
        Q(toewijzingen__aanbieder=aanbieder)
        | Q(zorgplan__aanbieder=aanbieder)
        | Q(aanbieder=aanbieder, ondersteuningsplan__isnull=False)
    ).values("pk")


def zichtbare_clients(user: Any) -> QuerySet[Client]:
    """Clients the user may see."""
    if heeft_rol(user, *GEMEENTE_LEZERS):
        return Client.objects.all()
    aanbieder = aanbieder_van(user)
    if aanbieder is not None:
        return Client.objects.filter(zaken__in=_betrokken(aanbieder)).distinct()
    return Client.objects.none()
