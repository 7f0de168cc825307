"""Foreign-key column(s) to the stored Indicatie, filled by 0004_indicatie_vastleggen.

A migration of its own: PostgreSQL then adds the constraints before any row is written."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("onderzoek", "0002_tweedemening"),
        ("indicaties", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="onderzoek",
            name="indicatie_vastgelegd",
            field=models.ForeignKey(
                null=True,
                blank=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="indicaties.indicatie",
            ),
        ),
    ]
