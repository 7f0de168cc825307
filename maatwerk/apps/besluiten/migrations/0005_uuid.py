"""A UUID per beschikking: the identifier of the API (/api/v1), never the database id.

Added empty, then filled row by row (one shared default would break uniqueness);
0006_uuid_uniek makes it unique.
"""

import uuid

from django.db import migrations, models

from maatwerk.apps.audit.triggers import maak_triggers, verwijder_triggers


def vul(apps, schema_editor):
    """Give every existing beschikking its own UUID. Issued beschikkingen are protected by triggers against
    UPDATE: they are lifted for this one fill (the owner role runs migrations) and put back at once."""
    Beschikking = apps.get_model("besluiten", "Beschikking")
    tabel = Beschikking._meta.db_table
    verbinding = schema_editor.connection
    verwijder_triggers(verbinding, [tabel])
    for pk in Beschikking.objects.values_list("pk", flat=True):
        Beschikking.objects.filter(pk=pk).update(uuid=uuid.uuid4())
    maak_triggers(verbinding, [tabel])


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0004_zonder_kopie")]

    operations = [
        migrations.AddField(
            model_name="beschikking", name="uuid", field=models.UUIDField("UUID", null=True, editable=False)
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
