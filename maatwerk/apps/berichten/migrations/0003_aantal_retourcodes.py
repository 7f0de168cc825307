"""A message row keeps at most 500 retourcodes (the retour message and the prestaties keep them all);
``aantal_retourcodes`` counts them all. Existing rows: their count is the length of their list."""

from django.db import migrations, models


def tel(apps, schema_editor):  # type: ignore[no-untyped-def]
    Bericht = apps.get_model("berichten", "Bericht")
    for b in Bericht.objects.only("pk", "retourcodes").iterator(chunk_size=200):
        Bericht.objects.filter(pk=b.pk).update(aantal_retourcodes=len(b.retourcodes or []))


class Migration(migrations.Migration):
    dependencies = [("berichten", "0002_xml_naar_archief")]

    operations = [
        migrations.AddField(
            model_name="bericht",
            name="aantal_retourcodes",
            field=models.PositiveIntegerField(default=0, verbose_name="aantal retourcodes"),
        ),
        migrations.RunPython(tel, migrations.RunPython.noop),
    ]
