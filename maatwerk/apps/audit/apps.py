from __future__ import annotations

import os
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


def _na_migreren(sender: AppConfig, using: str = "default", apps: Any = None, **kwargs: Any) -> None:
    """Triggers on the append-only tables, and the application role's rights on PostgreSQL."""
    from django.apps import apps as register
    from django.db import connections

    from .rechten import ken_rechten_toe
    from .triggers import beschermde_tabellen, maak_triggers

    tabellen = beschermde_tabellen(apps or register)
    verbinding = connections[using]
    maak_triggers(verbinding, tabellen)
    ken_rechten_toe(verbinding, os.environ.get("DATABASE_APP_ROL", "").strip(), tabellen[:1], tabellen[1:])


def _verzegel(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    """An issued beschikking (its first save) is sealed in the audit chain, same transaction."""
    if created:
        from .models import AuditRegel

        AuditRegel.verzegel(instance)


class AuditConfig(AppConfig):
    name = "maatwerk.apps.audit"
    label = "audit"
    verbose_name = "Auditlog"

    def ready(self) -> None:
        from .sleutels import sleutelring

        sleutelring()  # a malformed MAATWERK_AUDIT_SLEUTELS stops start-up with a Dutch message
        post_migrate.connect(_na_migreren, sender=self, dispatch_uid="maatwerk.audit.na_migreren")
        post_save.connect(_verzegel, sender="besluiten.Beschikking", dispatch_uid="maatwerk.audit.verzegel")
