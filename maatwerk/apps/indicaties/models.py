"""The stored indication: what the engine computed from a situation, with the rules it used."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models

from maatwerk.apps.cases.models import Zaak

if TYPE_CHECKING:
    from maatwerk.engine.indicatie import Indicatie as EngineIndicatie


class IndicatieOnveranderlijk(Exception):
    """A stored indication is never changed; a new save of the onderzoek makes a new one."""

    def __init__(self) -> None:
        super().__init__(
            "Een vastgelegde indicatie wordt nooit gewijzigd. Sla het onderzoek opnieuw op: "
            "dat legt een nieuwe indicatie vast."
        )


class IndicatieQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise IndicatieOnveranderlijk()


class Indicatie(models.Model):
    """Situatie en uitkomst van de rekenregels, met normenkader@versie en de SHA-256 van het regelbestand."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="indicaties")
    situatie = models.JSONField("situatie (invoer)", default=dict)
    resultaat = models.JSONField("uitkomst (maatwerk.engine.serialisatie)")
    kader = models.CharField("normenkader", max_length=100)
    kader_versie = models.CharField("versie normenkader", max_length=50)
    regelbestand_sha256 = models.CharField(
        "SHA-256 van het regelbestand",
        max_length=64,
        blank=True,
        help_text="Leeg: onbekend (overgezet uit een oude kopie van de indicatie).",
    )
    aangemaakt_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vastgelegd door",
    )

    objects = IndicatieQuerySet.as_manager()

    class Meta:
        verbose_name = "indicatie"
        verbose_name_plural = "indicaties"
        ordering = ["zaak", "pk"]
        default_permissions = ("add", "view")

    def __str__(self) -> str:
        uren = self.resultaat.get("uren_per_week")
        return (
            f"{self.kader_at_versie}: {uren:.2f} uur per week" if uren is not None else self.kader_at_versie
        )

    def __getitem__(self, sleutel: str) -> Any:
        """``indicatie["uren_per_week"]``: a key of the stored result (read-only)."""
        return self.resultaat[sleutel]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise IndicatieOnveranderlijk()
        super().save(*args, **kwargs)

    def get(self, sleutel: str, standaard: Any = None) -> Any:
        return self.resultaat.get(sleutel, standaard)

    @property
    def kader_at_versie(self) -> str:
        return f"{self.kader}@{self.kader_versie}"

    @cached_property
    def engine(self) -> EngineIndicatie:
        """The engine's typed result, read from the stored JSON (never recomputed)."""
        from maatwerk.engine.serialisatie import indicatie_uit_json

        return indicatie_uit_json(self.resultaat)
