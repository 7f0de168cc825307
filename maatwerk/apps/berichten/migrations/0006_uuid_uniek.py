"""The bericht's UUID is required and unique (a separate migration: PostgreSQL alters no table with
pending trigger events from the fill in the same transaction)."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("berichten", "0005_uuid")]

    operations = [
        migrations.AlterField(
            model_name="bericht",
            name="uuid",
            field=models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False),
        ),
    ]
