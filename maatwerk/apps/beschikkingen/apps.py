from django.apps import AppConfig


class BeschikkingenConfig(AppConfig):
    name = "maatwerk.apps.beschikkingen"
    label = "beschikkingen"
    verbose_name = "Beschikkingen (alleen migratiegeschiedenis)"
