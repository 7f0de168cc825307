"""Issue 14: beschikkingen sealed in the audit chain (``zegel``), a key id per row (``sleutel_id``,
key rotation), and the action ``inloggen`` (logins and second-factor checks).

Both new fields are hashed only when not empty (keten.EXTRA_VELDEN), so existing rows keep their
hash. Every beschikking issued before this migration gets its seal row now, signed with the key of
the chain's last row. SQLite rebuilds the table for the new columns and drops its triggers: they
are made again here.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def verzegel_bestaande(apps, schema_editor):
    from maatwerk.apps.audit import keten
    from maatwerk.apps.audit.zegel import ZEGELVELDEN, zegel

    try:
        Beschikking = apps.get_model("besluiten", "Beschikking")
    except LookupError:
        return
    AuditRegel = apps.get_model("audit", "AuditRegel")
    alias = schema_editor.connection.alias
    laatste = (
        AuditRegel.objects.using(alias)
        .filter(volgnummer__isnull=False)
        .order_by("-volgnummer")
        .values_list("volgnummer", "hash")
        .first()
    )
    nummer, vorige = laatste if laatste else (0, keten.BEGIN)
    nu = timezone.now()
    regels = []
    qs = Beschikking.objects.using(alias).order_by("pk")
    for velden in qs.values(*ZEGELVELDEN, "zaak__client_id").iterator(chunk_size=200):
        nummer += 1
        regel = AuditRegel(
            tijdstip=nu,
            gebruiker_id=None,
            gebruikersnaam="(migratie audit.0004)",
            client_id=velden["zaak__client_id"],
            actie="schrijven",
            wat=f"beschikking {velden['kenmerk']} versie {velden['versie']} verzegeld in de auditketen"[:300],
            waarom="onveranderlijkheid afgegeven beschikking (bestaande beschikking)",
            zegel=zegel(velden),
            volgnummer=nummer,
            vorige_hash=vorige,
        )
        ketenvelden = {naam: getattr(regel, naam) for naam in (*keten.VELDEN, *keten.EXTRA_VELDEN)}
        regel.hash = vorige = keten.bereken_hash(settings.MAATWERK_AUDIT_SLEUTEL, ketenvelden, vorige)
        regels.append(regel)
        if len(regels) >= 500:
            AuditRegel.objects.using(alias).bulk_create(regels)
            regels = []
    AuditRegel.objects.using(alias).bulk_create(regels)


def maak_triggers(apps, schema_editor):
    from maatwerk.apps.audit.triggers import beschermde_tabellen, maak_triggers

    maak_triggers(schema_editor.connection, beschermde_tabellen(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_lijstregel_clienten"),
        ("besluiten", "0007_merge_0005_goedkeuring_0006_uuid_uniek"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditregel",
            name="sleutel_id",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                help_text="De sleutel waarmee de HMAC van deze regel gemaakt is (leeg: de eerste sleutel).",
                max_length=20,
                verbose_name="sleutel",
            ),
        ),
        migrations.AddField(
            model_name="auditregel",
            name="zegel",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                help_text="Bij een afgegeven beschikking: haar inhoudszegel in de auditketen.",
                max_length=200,
                verbose_name="zegel",
            ),
        ),
        migrations.AlterField(
            model_name="auditregel",
            name="actie",
            field=models.CharField(
                choices=[("lezen", "lezen"), ("schrijven", "schrijven"), ("inloggen", "inloggen")],
                max_length=10,
                verbose_name="actie",
            ),
        ),
        migrations.RunPython(verzegel_bestaande, migrations.RunPython.noop),
        migrations.RunPython(maak_triggers, migrations.RunPython.noop),
    ]
