"""The zorgplan and toewijzing move here from ``beschikkingen``: state only, the tables keep their names."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("beschikkingen", "0001_initial"),
        ("aanbieders", "0001_initial"),
        ("besluiten", "0001_initial"),
        ("cases", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Toewijzing",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "productcategorie",
                            models.CharField(max_length=2, verbose_name="productcategorie (WMO020)"),
                        ),
                        (
                            "productcode",
                            models.CharField(blank=True, max_length=5, verbose_name="productcode"),
                        ),
                        ("volume", models.PositiveIntegerField(verbose_name="volume")),
                        ("eenheid", models.CharField(max_length=2, verbose_name="eenheid (WJ756)")),
                        ("frequentie", models.CharField(max_length=1, verbose_name="frequentie (WMO757)")),
                        ("ingangsdatum", models.DateField(verbose_name="ingangsdatum")),
                        ("einddatum", models.DateField(blank=True, null=True, verbose_name="einddatum")),
                        ("toegewezen_op", models.DateTimeField(verbose_name="toewijzingsdatum en -tijd")),
                        (
                            "reden_wijziging",
                            models.CharField(
                                blank=True, max_length=2, verbose_name="reden wijziging (WMO002)"
                            ),
                        ),
                        (
                            "levering_gestart_op",
                            models.DateField(blank=True, null=True, verbose_name="levering gestart op"),
                        ),
                        (
                            "levering_gestopt_op",
                            models.DateField(blank=True, null=True, verbose_name="levering gestopt op"),
                        ),
                        (
                            "reden_beeindiging",
                            models.CharField(
                                blank=True, max_length=2, verbose_name="reden beëindiging (WMO588)"
                            ),
                        ),
                        ("einde_recht", models.DateField(blank=True, null=True, verbose_name="einde recht")),
                        (
                            "einde_recht_reden",
                            models.CharField(blank=True, max_length=300, verbose_name="reden einde recht"),
                        ),
                        (
                            "aanbieder",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="toewijzingen",
                                to="aanbieders.aanbieder",
                            ),
                        ),
                        (
                            "beschikking",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="toewijzingen",
                                to="besluiten.beschikking",
                            ),
                        ),
                        (
                            "start_vastgelegd_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "stop_vastgelegd_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "vervangt",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="vervangen_door",
                                to="levering.toewijzing",
                                verbose_name="vervangt toewijzing",
                            ),
                        ),
                        (
                            "zaak",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="toewijzingen",
                                to="cases.zaak",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "toewijzing",
                        "verbose_name_plural": "toewijzingen",
                        "db_table": "beschikkingen_toewijzing",
                        "ordering": ["-toegewezen_op", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Zorgplan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "versie",
                            models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                        ),
                        ("afspraken", models.JSONField(default=list, verbose_name="afspraken per taak")),
                        ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                        (
                            "getekend_client_naam",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="getekend door (cliënt of vertegenwoordiger)",
                            ),
                        ),
                        (
                            "getekend_client_op",
                            models.DateTimeField(blank=True, null=True, verbose_name="cliënt tekende op"),
                        ),
                        (
                            "getekend_aanbieder_op",
                            models.DateTimeField(blank=True, null=True, verbose_name="aanbieder tekende op"),
                        ),
                        (
                            "gewijzigd_op",
                            models.DateTimeField(auto_now=True, verbose_name="laatst gewijzigd op"),
                        ),
                        (
                            "aanbieder",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="zorgplannen",
                                to="aanbieders.aanbieder",
                            ),
                        ),
                        (
                            "client_handtekening_vastgelegd_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="handtekening cliënt vastgelegd door",
                            ),
                        ),
                        (
                            "getekend_aanbieder_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="getekend namens aanbieder door",
                            ),
                        ),
                        (
                            "gewijzigd_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="laatst gewijzigd door",
                            ),
                        ),
                        (
                            "zaak",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="zorgplan",
                                to="cases.zaak",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "zorgplan",
                        "verbose_name_plural": "zorgplannen",
                        "db_table": "beschikkingen_zorgplan",
                    },
                ),
            ],
        ),
    ]
