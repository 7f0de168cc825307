"""A UUID per iWmo-bericht: its identifier in the API (/api/v1/berichten), never the database id.

Added empty, then filled row by row (one shared default would break uniqueness); 0006_uuid_uniek makes
it required and unique.
"""

import uuid

from django.db import migrations, models


def vul(apps, schema_editor):
    """Give every existing bericht its own UUID."""
    Bericht = apps.get_model("berichten", "Bericht")
    for pk in Bericht.objects.filter(uuid__isnull=True).values_list("pk", flat=True).iterator():
        Bericht.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("berichten", "0004_verzoek_beschikking")]

    operations = [
        migrations.AddField(
            model_name="bericht", name="uuid", field=models.UUIDField("UUID", null=True, editable=False)
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
