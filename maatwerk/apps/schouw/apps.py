from django.apps import AppConfig


class SchouwConfig(AppConfig):
    name = "maatwerk.apps.schouw"
    label = "schouw"
    verbose_name = "Schouw"
