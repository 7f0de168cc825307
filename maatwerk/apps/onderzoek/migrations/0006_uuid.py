"""A UUID per onderzoek: the identifier of the API (/api/v1), never the database id.

Added empty, then filled row by row (one shared default would break uniqueness);
0007_uuid_uniek makes it unique.
"""

import uuid

from django.db import migrations, models


def vul(apps, schema_editor):
    """Give every existing onderzoek its own UUID."""
    Onderzoek = apps.get_model("onderzoek", "Onderzoek")
    for pk in Onderzoek.objects.values_list("pk", flat=True):
        Onderzoek.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("onderzoek", "0005_zonder_kopie")]

    operations = [
        migrations.AddField(
            model_name="onderzoek", name="uuid", field=models.UUIDField("UUID", null=True, editable=False)
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
