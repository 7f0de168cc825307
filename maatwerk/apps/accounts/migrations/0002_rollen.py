"""Data migration: create one Django group per role."""

from django.db import migrations

ROLLEN = [
    "consulent",
    "senior_consulent",
    "beleidsmedewerker",
    "aanbieder",
    "kwaliteitsmedewerker",
    "functioneel_beheerder",
]


def maak_groepen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for naam in ROLLEN:
        Group.objects.get_or_create(name=naam)


def verwijder_groepen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLLEN).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak_groepen, verwijder_groepen)]
