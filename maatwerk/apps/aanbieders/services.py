"""Aanbieders: find providers by name, registering unknown ones (no personal data, so no audit)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .models import Aanbieder


class OnbekendeAanbieders(ValueError):
    """Names that are no known aanbieder (and were not to be created): ``namen``."""

    def __init__(self, namen: list[str]):
        self.namen = namen
        lijst = ", ".join(repr(n) for n in namen[:10]) + (
            f" en nog {len(namen) - 10}" if len(namen) > 10 else ""
        )
        super().__init__(
            f"onbekende aanbieder(s): {lijst}. Controleer de spelling of laat ze aanmaken "
            "(--maak-aanbieders)."
        )


def aanbieders_op_naam(namen: Iterable[str], maak_aan: bool = True) -> dict[str, int]:
    """Name -> id for every name; a name not yet known is registered as a new (active) aanbieder,
    or, with ``maak_aan=False``, refused with :class:`OnbekendeAanbieders` (nothing created)."""
    gevraagd = {n for n in namen if n}
    with transaction.atomic():
        bekend = {
            str(naam): int(pk)
            for naam, pk in Aanbieder.objects.filter(naam__in=gevraagd).values_list("naam", "pk")
        }
        if not maak_aan and gevraagd - bekend.keys():
            raise OnbekendeAanbieders(sorted(gevraagd - bekend.keys()))
        for naam in sorted(gevraagd - bekend.keys()):
            bekend[naam] = int(Aanbieder.objects.create(naam=naam).pk)
    return bekend
