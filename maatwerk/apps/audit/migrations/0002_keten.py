"""Hash chain on the audit log, and triggers that refuse UPDATE, DELETE and TRUNCATE.

Existing rows are chained in id order with the key of this installation. The beschikking table is
looked up through the model's ``_meta.db_table`` in this migration's state.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def keten_bestaande_regels(apps, schema_editor):
    from maatwerk.apps.audit import keten

    AuditRegel = apps.get_model("audit", "AuditRegel")
    alias = schema_editor.connection.alias
    vorige = keten.BEGIN
    for nummer, regel in enumerate(AuditRegel.objects.using(alias).order_by("pk").iterator(), start=1):
        velden = {naam: getattr(regel, naam) for naam in keten.VELDEN if naam != "volgnummer"}
        velden["volgnummer"] = nummer
        regel.volgnummer, regel.vorige_hash = nummer, vorige
        regel.hash = vorige = keten.bereken_hash(settings.MAATWERK_AUDIT_SLEUTEL, velden, vorige)
        regel.save(update_fields=["volgnummer", "vorige_hash", "hash"])


def maak_triggers(apps, schema_editor):
    from maatwerk.apps.audit.triggers import beschermde_tabellen, maak_triggers

    maak_triggers(schema_editor.connection, beschermde_tabellen(apps))


def verwijder_triggers(apps, schema_editor):
    from maatwerk.apps.audit.triggers import beschermde_tabellen, verwijder_triggers

    verwijder_triggers(schema_editor.connection, beschermde_tabellen(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("beschikkingen", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditregel",
            name="tijdstip",
            field=models.DateTimeField(
                db_index=True, default=timezone.now, editable=False, verbose_name="tijdstip"
            ),
        ),
        migrations.AddField(
            model_name="auditregel",
            name="volgnummer",
            field=models.PositiveBigIntegerField(
                editable=False, null=True, unique=True, verbose_name="volgnummer"
            ),
        ),
        migrations.AddField(
            model_name="auditregel",
            name="vorige_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="hash van de vorige regel"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditregel",
            name="hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="HMAC van deze regel"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(keten_bestaande_regels, migrations.RunPython.noop),
        migrations.RunPython(maak_triggers, verwijder_triggers),
    ]
