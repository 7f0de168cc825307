"""Hand the four models over to ``besluiten`` and ``levering`` (state only; tables and rows stay).

The content types (and so the permissions attached to them) follow the models to their new app.
"""

from django.db import migrations

NAAR = {
    "ondersteuningsplan": "besluiten",
    "beschikking": "besluiten",
    "zorgplan": "levering",
    "toewijzing": "levering",
}


def verplaats_contenttypes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app in NAAR.items():
        if not ContentType.objects.filter(app_label=app, model=model).exists():
            ContentType.objects.filter(app_label="beschikkingen", model=model).update(app_label=app)


def terug(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app in NAAR.items():
        ContentType.objects.filter(app_label=app, model=model).update(app_label="beschikkingen")


class Migration(migrations.Migration):
    dependencies = [
        ("beschikkingen", "0001_initial"),
        ("besluiten", "0001_initial"),
        ("levering", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Toewijzing"),
                migrations.DeleteModel(name="Zorgplan"),
                migrations.DeleteModel(name="Beschikking"),
                migrations.DeleteModel(name="Ondersteuningsplan"),
            ],
        ),
        migrations.RunPython(verplaats_contenttypes, terug, elidable=True),
    ]
