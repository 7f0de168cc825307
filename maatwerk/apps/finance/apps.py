from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "maatwerk.apps.finance"
    label = "finance"
    verbose_name = "Financiën"
