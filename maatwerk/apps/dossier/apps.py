from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "maatwerk.apps.dossier"
    label = "dossier"
    verbose_name = "Dossier"
