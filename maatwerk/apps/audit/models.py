"""AuditRegel: append-only; save() of an existing row, delete() and bulk update/delete all refuse."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AuditOnveranderlijk(Exception):
    """Raised on any attempt to change or delete an audit entry."""

    def __init__(self) -> None:
        super().__init__("Een regel in het auditlog kan niet worden gewijzigd of verwijderd.")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AuditOnveranderlijk()

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditOnveranderlijk()


class Actie(models.TextChoices):
    LEZEN = "lezen", "lezen"
    SCHRIJVEN = "schrijven", "schrijven"


class AuditRegel(models.Model):
    """Wie, wanneer, welke cliënt, lezen/schrijven, wat en waarom."""

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="gebruiker",
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=150)
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="auditregels",
        verbose_name="cliënt",
    )
    actie = models.CharField("actie", max_length=10, choices=Actie.choices)
    wat = models.CharField("wat", max_length=300)
    waarom = models.CharField("waarom", max_length=300)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie} {self.wat}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AuditOnveranderlijk()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditOnveranderlijk()

    @classmethod
    def schrijf(cls, user: Any, client: Any, actie: str, wat: str, waarom: str) -> AuditRegel:
        if actie not in Actie.values:
            raise ValueError(f"Onbekende actie {actie!r}; toegestaan: {', '.join(Actie.values)}")
        if not wat or not waarom:
            raise ValueError("Een auditregel noemt altijd wat en waarom.")
        ingelogd = user is not None and getattr(user, "is_authenticated", False)
        return cls.objects.create(
            gebruiker=user if ingelogd else None,
            gebruikersnaam=user.get_username() if ingelogd else "(anoniem)",
            client=client,
            actie=actie,
            wat=wat[:300],
            waarom=waarom[:300],
        )

    @classmethod
    def schrijf_lijst(cls, user: Any, clients: Any, wat: str, waarom: str) -> int:
        if not wat or not waarom:
            raise ValueError("Een auditregel noemt altijd wat en waarom.")
        ingelogd = user is not None and getattr(user, "is_authenticated", False)
        gezien: set[int] = set()
        regels = []
        for client in clients:
            if client.pk in gezien:
                continue
            gezien.add(client.pk)
            regels.append(
                cls(
                    gebruiker=user if ingelogd else None,
                    gebruikersnaam=user.get_username() if ingelogd else "(anoniem)",
                    client=client,
                    actie=Actie.LEZEN,
                    wat=wat[:300],
                    waarom=waarom[:300],
                )
            )
        cls.objects.bulk_create(regels, batch_size=500)
        return len(regels)
