"""Drop the onderzoek's JSON copies; the foreign key to the stored Indicatie takes the name ``indicatie``."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("onderzoek", "0004_indicatie_vastleggen")]

    operations = [
        migrations.RemoveField(model_name="onderzoek", name="situatie"),
        migrations.RemoveField(model_name="onderzoek", name="indicatie"),
        migrations.RemoveField(model_name="onderzoek", name="kader"),
        migrations.RemoveField(model_name="onderzoek", name="kader_versie"),
        migrations.RenameField(model_name="onderzoek", old_name="indicatie_vastgelegd", new_name="indicatie"),
        migrations.AlterField(
            model_name="onderzoek",
            name="indicatie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="onderzoeken",
                to="indicaties.indicatie",
                verbose_name="vastgelegde indicatie",
            ),
        ),
    ]
