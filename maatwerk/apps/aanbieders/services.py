"""Aanbieders: find providers by name, registering unknown ones (no personal data, so no audit)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .models import Aanbieder


def aanbieders_op_naam(namen: Iterable[str]) -> dict[str, int]:
    """Name -> id for every name; a name not yet known is registered as a new (active) aanbieder."""
    gevraagd = {n for n in namen if n}
    with transaction.atomic():
        bekend = {
            str(naam): int(pk)
            for naam, pk in Aanbieder.objects.filter(naam__in=gevraagd).values_list("naam", "pk")
        }
        for naam in sorted(gevraagd - bekend.keys()):
            bekend[naam] = int(Aanbieder.objects.create(naam=naam).pk)
    return bekend
