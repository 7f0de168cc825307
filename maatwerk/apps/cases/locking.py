"""Optimistic locking for records two people may edit at once (onderzoek, zorgplan).

Usage (stable API)::

    class Zorgplan(OptimistischVergrendeld):       # abstract model: adds ``versie``
        ...
    # in the view: the form carries the version the user started from (hidden field "versie")
    try:
        obj.opslaan_met_versie(verwachte_versie=form.cleaned_data["versie"], velden=[...])
    except Versieconflict as conflict:
        render "cases/versieconflict.html" with {"conflict": conflict}
        # conflict.opgeslagen (fresh DB copy), conflict.ingediend (the rejected object),
        # conflict.verschillen -> [(label, opgeslagen waarde, ingediende waarde), ...]

The check is a conditional UPDATE ``... WHERE pk = ? AND versie = ?`` inside a transaction,
so it is race-free on PostgreSQL and SQLite: exactly one of two concurrent savers wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F


class Versieconflict(Exception):
    """Someone else saved the record after this user opened it. Nothing was stored."""

    def __init__(
        self, opgeslagen: models.Model, ingediend: models.Model, velden: Iterable[str] | None = None
    ):
        self.opgeslagen = opgeslagen
        self.ingediend = ingediend
        self.velden = list(velden) if velden is not None else None
        super().__init__(
            f"{opgeslagen._meta.verbose_name.capitalize()} is intussen gewijzigd door iemand anders "
            f"(versie {getattr(opgeslagen, 'versie', '?')}). Uw wijzigingen zijn niet opgeslagen."
        )

    @property
    def verschillen(self) -> list[tuple[str, Any, Any]]:
        """(label, stored value, submitted value) for each field that differs."""
        uit = []
        for veld in self.ingediend._meta.concrete_fields:
            if veld.primary_key or veld.name == "versie" or (self.velden and veld.name not in self.velden):
                continue
            if veld.is_relation:
                a, b = getattr(self.opgeslagen, veld.name), getattr(self.ingediend, veld.name)
            else:
                a, b = veld.value_from_object(self.opgeslagen), veld.value_from_object(self.ingediend)
            if a != b:
                uit.append((str(veld.verbose_name), a, b))
        return uit


class OptimistischVergrendeld(models.Model):
    """Abstract model with a ``versie`` counter checked on every save through the app."""

    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        abstract = True

    def opslaan_met_versie(self, verwachte_versie: int, velden: Iterable[str] | None = None) -> None:
        """Save only if the stored version still equals ``verwachte_versie``; else raise Versieconflict.

        ``velden`` limits the save (and the conflict comparison) to these fields.
        """
        model = type(self)
        velden = list(velden) if velden is not None else None
        with transaction.atomic():
            bijgewerkt = model._default_manager.filter(pk=self.pk, versie=verwachte_versie).update(
                versie=F("versie") + 1
            )
            if not bijgewerkt:
                opgeslagen = model._default_manager.get(pk=self.pk)
                raise Versieconflict(opgeslagen, self, velden)
            self.versie = verwachte_versie + 1
            self.save(update_fields=[*velden, "versie"] if velden is not None else None)
