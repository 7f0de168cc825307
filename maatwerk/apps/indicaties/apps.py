from django.apps import AppConfig


class IndicatiesConfig(AppConfig):
    name = "maatwerk.apps.indicaties"
    label = "indicaties"
    verbose_name = "Indicaties (vastgelegd)"
