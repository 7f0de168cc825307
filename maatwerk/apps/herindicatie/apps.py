from django.apps import AppConfig


class HerindicatieConfig(AppConfig):
    name = "maatwerk.apps.herindicatie"
    label = "herindicatie"
    verbose_name = "Herindicatie"
