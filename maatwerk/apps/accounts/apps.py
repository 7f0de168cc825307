from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "maatwerk.apps.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en rollen"
