from django.apps import AppConfig


class OidcDemoConfig(AppConfig):
    name = "maatwerk.apps.oidc_demo"
    label = "oidc_demo"
    verbose_name = "Demo-OpenID Connect-provider"
    default_auto_field = "django.db.models.BigAutoField"
