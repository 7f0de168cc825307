from django.apps import AppConfig


class AanbiedersConfig(AppConfig):
    name = "maatwerk.apps.aanbieders"
    label = "aanbieders"
    verbose_name = "Aanbieders"
