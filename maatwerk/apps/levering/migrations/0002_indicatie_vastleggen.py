"""A toewijzing refers to the stored Indicatie of its beschikking."""

import django.db.models.deletion
from django.db import migrations, models


def van_beschikking(apps, schema_editor):
    Toewijzing = apps.get_model("levering", "Toewijzing")
    for t in Toewijzing.objects.select_related("beschikking").order_by("pk").iterator():
        if t.beschikking.indicatie_id is not None:
            Toewijzing.objects.filter(pk=t.pk).update(indicatie_id=t.beschikking.indicatie_id)


class Migration(migrations.Migration):
    dependencies = [
        ("levering", "0001_initial"),
        ("indicaties", "0001_initial"),
        ("besluiten", "0002_indicatie_vastleggen"),
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
        migrations.RunPython(van_beschikking, migrations.RunPython.noop),
    ]
