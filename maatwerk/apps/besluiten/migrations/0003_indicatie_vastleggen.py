"""Ondersteuningsplan and beschikking refer to the stored Indicatie instead of holding a JSON copy.

A plan whose copy equals its onderzoek's indication gets that row; otherwise its copy becomes a row of its
own. A beschikking gets its plan's row (the letter was made from it), else the onderzoek's. The JSON column
goes in 0004 (a separate migration, for PostgreSQL's pending foreign-key checks).
"""

from django.db import migrations


def naar_indicatie(apps, schema_editor):
    Indicatie = apps.get_model("indicaties", "Indicatie")
    Onderzoek = apps.get_model("onderzoek", "Onderzoek")
    Ondersteuningsplan = apps.get_model("besluiten", "Ondersteuningsplan")
    Beschikking = apps.get_model("besluiten", "Beschikking")
    for plan in Ondersteuningsplan.objects.order_by("pk").iterator():
        onderzoek = Onderzoek.objects.filter(zaak_id=plan.zaak_id).select_related("indicatie").first()
        rij = onderzoek.indicatie if onderzoek is not None else None
        if rij is None or rij.resultaat != plan.indicatie:
            rij = Indicatie.objects.create(
                zaak_id=plan.zaak_id,
                situatie={},
                resultaat=plan.indicatie,
                kader=plan.indicatie.get("kader", ""),
                kader_versie=plan.indicatie.get("kader_versie", ""),
                regelbestand_sha256="",
                aangemaakt_door_id=plan.opgesteld_door_id,
            )
            Indicatie.objects.filter(pk=rij.pk).update(aangemaakt_op=plan.opgesteld_op)
        Ondersteuningsplan.objects.filter(pk=plan.pk).update(indicatie_vastgelegd=rij)
        Beschikking.objects.filter(zaak_id=plan.zaak_id).update(indicatie=rij)
    for b in Beschikking.objects.filter(indicatie__isnull=True).order_by("pk").iterator():
        onderzoek = Onderzoek.objects.filter(zaak_id=b.zaak_id).first()
        if onderzoek is not None and onderzoek.indicatie_id is not None:
            Beschikking.objects.filter(pk=b.pk).update(indicatie_id=onderzoek.indicatie_id)


def terug(apps, schema_editor):
    Ondersteuningsplan = apps.get_model("besluiten", "Ondersteuningsplan")
    for plan in Ondersteuningsplan.objects.select_related("indicatie_vastgelegd"):
        if plan.indicatie_vastgelegd is not None:
            Ondersteuningsplan.objects.filter(pk=plan.pk).update(
                indicatie=plan.indicatie_vastgelegd.resultaat
            )


class Migration(migrations.Migration):
    dependencies = [
        ("besluiten", "0002_indicatie_veld"),
        ("onderzoek", "0005_zonder_kopie"),
    ]

    operations = [
        migrations.RunPython(naar_indicatie, terug),
    ]
