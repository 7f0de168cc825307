"""Issue 10.12: a list page writes one audit row whose ``clienten`` lists every client id shown.

The field is hashed only when not empty (keten.EXTRA_VELDEN), so existing rows keep their hash.
SQLite rebuilds the table for the new column and drops its triggers: they are made again here.
"""

from django.db import migrations, models


def maak_triggers(apps, schema_editor):
    from maatwerk.apps.audit.triggers import beschermde_tabellen, maak_triggers

    maak_triggers(schema_editor.connection, beschermde_tabellen(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_keten"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditregel",
            name="clienten",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text="Bij een lijstpagina: de nummers van alle getoonde cliënten, als ',12,40,'.",
                verbose_name="cliënten (lijstpagina)",
            ),
        ),
        migrations.RunPython(maak_triggers, migrations.RunPython.noop),
    ]
