from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "maatwerk.apps.clients"
    label = "clients"
    verbose_name = "Cliënten"
