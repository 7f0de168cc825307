from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "maatwerk.apps.klachten"
    label = "klachten"
    verbose_name = "Klachten"
