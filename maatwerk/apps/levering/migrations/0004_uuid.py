"""A UUID per toewijzing: the identifier of the API (/api/v1), never the database id.

Added empty, then filled row by row (one shared default would break uniqueness);
0005_uuid_uniek makes it unique.
"""

import uuid

from django.db import migrations, models


def vul(apps, schema_editor):
    """Give every existing toewijzing its own UUID."""
    Toewijzing = apps.get_model("levering", "Toewijzing")
    for pk in Toewijzing.objects.values_list("pk", flat=True):
        Toewijzing.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("levering", "0003_indicatie_vastleggen")]

    operations = [
        migrations.AddField(
            model_name="toewijzing", name="uuid", field=models.UUIDField("UUID", null=True, editable=False)
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
