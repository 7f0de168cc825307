from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "maatwerk.apps.portaal"
    label = "portaal"
    verbose_name = "Inwonerportaal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from maatwerk.apps.cases.services import status_gewijzigd

        from .services import bij_statuswijziging

        status_gewijzigd.connect(bij_statuswijziging, dispatch_uid="portaal_statusbericht")
