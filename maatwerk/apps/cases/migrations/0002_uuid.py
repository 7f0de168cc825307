"""A UUID per zaak: the identifier of the API (/api/v1), never the database id.

Added empty, then filled row by row (one shared default would break uniqueness);
0003_uuid_uniek makes it unique.
"""

import uuid

from django.db import migrations, models


def vul(apps, schema_editor):
    """Give every existing zaak its own UUID."""
    Zaak = apps.get_model("cases", "Zaak")
    for pk in Zaak.objects.values_list("pk", flat=True):
        Zaak.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="zaak", name="uuid", field=models.UUIDField("UUID", null=True, editable=False)
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
