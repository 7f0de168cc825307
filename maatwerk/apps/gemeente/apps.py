from django.apps import AppConfig


class GemeenteConfig(AppConfig):
    name = "maatwerk.apps.gemeente"
    label = "gemeente"
    verbose_name = "Gemeente: contactgegevens en productcodes"
    default_auto_field = "django.db.models.BigAutoField"
