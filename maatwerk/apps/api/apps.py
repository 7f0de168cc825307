from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "maatwerk.apps.api"
    label = "api"
    verbose_name = "API-koppelingen"
