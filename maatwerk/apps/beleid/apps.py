from django.apps import AppConfig


class BeleidConfig(AppConfig):
    name = "maatwerk.apps.beleid"
    label = "beleid"
    verbose_name = "Beleidstoets"
