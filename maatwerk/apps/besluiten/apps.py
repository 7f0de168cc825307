from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "maatwerk.apps.besluiten"
    label = "besluiten"
    verbose_name = "Besluiten: ondersteuningsplan en beschikking"
