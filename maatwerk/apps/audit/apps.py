from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "maatwerk.apps.audit"
    label = "audit"
    verbose_name = "Auditlog"
