from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "maatwerk.apps.cases"
    label = "cases"
    verbose_name = "Zaken"
