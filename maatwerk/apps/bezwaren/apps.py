from django.apps import AppConfig


class BezwarenConfig(AppConfig):
    name = "maatwerk.apps.bezwaren"
    label = "bezwaren"
    verbose_name = "Bezwaren"
