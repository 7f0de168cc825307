"""Ondersteuningsplan and beschikking refer to the stored Indicatie instead of holding a JSON copy.

A plan whose copy equals its onderzoek's indication gets that row; otherwise its copy becomes a row of its
own. A beschikking gets its plan's row (the letter was made from it), else the onderzoek's. The JSON column
goes in 0004 (a separate migration, for PostgreSQL's pending foreign-key checks).

Issued beschikkingen are protected by triggers against UPDATE (audit 0002_keten, which runs before this
migration when a 0.1.0 database is upgraded): they are lifted for this one fill and put back at once, as
in 0005_uuid. PostgreSQL first checks the deferred foreign keys the fill queued on the table, so that the
triggers are made on a table without pending trigger events.
"""

from django.db import migrations

from maatwerk.apps.audit.triggers import maak_triggers, verwijder_triggers


def naar_indicatie(apps, schema_editor):
    Beschikking = apps.get_model("besluiten", "Beschikking")
    tabel = Beschikking._meta.db_table
    verbinding = schema_editor.connection
    verwijder_triggers(verbinding, [tabel])
    _vul(apps)
    if verbinding.vendor == "postgresql":
        with verbinding.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    maak_triggers(verbinding, [tabel])


def _vul(apps):
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
