from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "maatwerk.apps.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .beheer import zet_beheerrechten

        post_migrate.connect(zet_beheerrechten, sender=self, dispatch_uid="maatwerk-beheerrechten")
