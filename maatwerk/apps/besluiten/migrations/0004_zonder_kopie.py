"""Drop the plan's JSON copy; the foreign key to the stored Indicatie takes the name ``indicatie``."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0003_indicatie_vastleggen")]

    operations = [
        migrations.RemoveField(model_name="ondersteuningsplan", name="indicatie"),
        migrations.RenameField(
            model_name="ondersteuningsplan", old_name="indicatie_vastgelegd", new_name="indicatie"
        ),
        migrations.AlterField(
            model_name="ondersteuningsplan",
            name="indicatie",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ondersteuningsplannen",
                to="indicaties.indicatie",
                verbose_name="indicatie",
            ),
        ),
    ]
