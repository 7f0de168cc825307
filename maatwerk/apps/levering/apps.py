from django.apps import AppConfig


class LeveringConfig(AppConfig):
    name = "maatwerk.apps.levering"
    label = "levering"
    verbose_name = "Levering: zorgplan, toewijzing en iWmo"
