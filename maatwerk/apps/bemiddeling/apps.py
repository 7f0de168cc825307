from django.apps import AppConfig


class BemiddelingConfig(AppConfig):
    name = "maatwerk.apps.bemiddeling"
    label = "bemiddeling"
    verbose_name = "Informele afhandeling"
