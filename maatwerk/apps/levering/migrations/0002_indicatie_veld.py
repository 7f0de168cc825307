"""Foreign-key column(s) to the stored Indicatie, filled by 0003_indicatie_vastleggen.

A migration of its own: PostgreSQL then adds the constraints before any row is written."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("levering", "0001_initial"),
        ("indicaties", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="toewijzing",
            name="indicatie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="toewijzingen",
                to="indicaties.indicatie",
                verbose_name="indicatie",
            ),
        ),
    ]
