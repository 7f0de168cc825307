from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "maatwerk.apps.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .beheer import zet_beheerrechten

        post_migrate.connect(zet_beheerrechten, sender=self, dispatch_uid="maatwerk-beheerrechten")

        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from .signalen import ingelogd, inloggen_mislukt

        user_logged_in.connect(ingelogd, dispatch_uid="maatwerk-audit-ingelogd")
        user_login_failed.connect(inloggen_mislukt, dispatch_uid="maatwerk-audit-inloggen-mislukt")
