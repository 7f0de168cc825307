"""The XML of every message moves out of the row into the message archive (``berichten.archief``).

Each stored ``inhoud`` is written to ``<archief>/<sha256[:2]>/<sha256>.xml``; the row keeps the hash (of
the bytes as now archived) and the size. Reversible: going back reads the files into the column again.
"""

import hashlib

from django.db import migrations, models


def naar_archief(apps, schema_editor):  # type: ignore[no-untyped-def]
    from maatwerk.apps.berichten import archief

    Bericht = apps.get_model("berichten", "Bericht")
    for pk, inhoud in Bericht.objects.values_list("pk", "inhoud").iterator(chunk_size=100):
        data = (inhoud or "").encode("utf-8")
        sha, grootte = archief.bewaar(data)
        Bericht.objects.filter(pk=pk).update(sha256=sha, grootte=grootte)


def uit_archief(apps, schema_editor):  # type: ignore[no-untyped-def]
    from maatwerk.apps.berichten import archief

    Bericht = apps.get_model("berichten", "Bericht")
    for pk, sha in Bericht.objects.values_list("pk", "sha256").iterator(chunk_size=100):
        data = archief.lees(sha) if sha else b""
        assert not sha or hashlib.sha256(data).hexdigest() == sha
        Bericht.objects.filter(pk=pk).update(inhoud=data.decode("utf-8", errors="replace"))


class Migration(migrations.Migration):
    dependencies = [("berichten", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="bericht",
            name="grootte",
            field=models.PositiveBigIntegerField(default=0, verbose_name="grootte (bytes)"),
        ),
        migrations.AlterField(
            model_name="bericht",
            name="inhoud",
            field=models.TextField(default="", verbose_name="XML"),
        ),
        migrations.RunPython(naar_archief, uit_archief),
        migrations.RemoveField(model_name="bericht", name="inhoud"),
    ]
