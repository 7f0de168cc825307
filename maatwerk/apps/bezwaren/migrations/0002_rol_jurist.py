"""Data migration: the role group 'jurist' (handles bezwaren), like accounts' 0002_rollen for the others."""

from django.db import migrations


def maak_groep(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="jurist")


def verwijder_groep(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="jurist").delete()


class Migration(migrations.Migration):
    dependencies = [("bezwaren", "0001_initial"), ("accounts", "0002_rollen")]
    operations = [migrations.RunPython(maak_groep, verwijder_groep)]
