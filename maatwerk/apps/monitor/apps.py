from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "maatwerk.apps.monitor"
    label = "monitor"
    verbose_name = "Monitor voor de raad"
