from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "maatwerk.apps.berichten"
    label = "berichten"
    verbose_name = "iWmo-berichtenverkeer"
