"""Each onderzoek's indication JSON becomes a stored, immutable Indicatie row (data kept, no copy left).

The rule file's hash is unknown for these rows (left empty). Schema clean-up is in 0005, a separate
migration so that PostgreSQL does not alter a table with pending foreign-key checks.
"""

from django.db import migrations


def naar_indicatie(apps, schema_editor):
    Onderzoek = apps.get_model("onderzoek", "Onderzoek")
    Indicatie = apps.get_model("indicaties", "Indicatie")
    for o in Onderzoek.objects.order_by("pk").iterator():
        if not o.indicatie:
            continue
        rij = Indicatie.objects.create(
            zaak_id=o.zaak_id,
            situatie=o.situatie or {},
            resultaat=o.indicatie,
            kader=o.kader or o.indicatie.get("kader", ""),
            kader_versie=o.kader_versie or o.indicatie.get("kader_versie", ""),
            regelbestand_sha256="",
            aangemaakt_door_id=o.gewijzigd_door_id,
        )
        Indicatie.objects.filter(pk=rij.pk).update(aangemaakt_op=o.gewijzigd_op)
        Onderzoek.objects.filter(pk=o.pk).update(indicatie_vastgelegd=rij)


def terug(apps, schema_editor):
    Onderzoek = apps.get_model("onderzoek", "Onderzoek")
    for o in Onderzoek.objects.filter(indicatie_vastgelegd__isnull=False).select_related(
        "indicatie_vastgelegd"
    ):
        rij = o.indicatie_vastgelegd
        Onderzoek.objects.filter(pk=o.pk).update(
            situatie=rij.situatie, indicatie=rij.resultaat, kader=rij.kader, kader_versie=rij.kader_versie
        )


class Migration(migrations.Migration):
    dependencies = [
        ("onderzoek", "0003_indicatie_veld"),
    ]

    operations = [
        migrations.RunPython(naar_indicatie, terug),
    ]
