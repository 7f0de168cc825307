"""A toewijzing refers to the stored Indicatie of its beschikking."""

from django.db import migrations


def van_beschikking(apps, schema_editor):
    Toewijzing = apps.get_model("levering", "Toewijzing")
    for t in Toewijzing.objects.select_related("beschikking").order_by("pk").iterator():
        if t.beschikking.indicatie_id is not None:
            Toewijzing.objects.filter(pk=t.pk).update(indicatie_id=t.beschikking.indicatie_id)


class Migration(migrations.Migration):
    dependencies = [
        ("levering", "0002_indicatie_veld"),
        ("besluiten", "0003_indicatie_vastleggen"),
    ]

    operations = [
        migrations.RunPython(van_beschikking, migrations.RunPython.noop),
    ]
