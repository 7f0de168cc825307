from django.apps import AppConfig


class OnderzoekConfig(AppConfig):
    name = "maatwerk.apps.onderzoek"
    label = "onderzoek"
    verbose_name = "Onderzoek"
