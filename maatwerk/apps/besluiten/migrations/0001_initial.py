"""Ondersteuningsplan and beschikking move here from ``beschikkingen``: state only, same tables."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("beschikkingen", "0001_initial"),
        ("aanbieders", "0001_initial"),
        ("cases", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Ondersteuningsplan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("indicatie", models.JSONField(verbose_name="indicatie (momentopname)")),
                        (
                            "doelen",
                            models.JSONField(
                                blank=True, default=dict, verbose_name="doel per resultaatgebied"
                            ),
                        ),
                        ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                        ("opgesteld_op", models.DateTimeField(auto_now=True, verbose_name="opgesteld op")),
                        (
                            "opgesteld_door",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="opgesteld door",
                            ),
                        ),
                        (
                            "zaak",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="ondersteuningsplan",
                                to="cases.zaak",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ondersteuningsplan",
                        "verbose_name_plural": "ondersteuningsplannen",
                        "db_table": "beschikkingen_ondersteuningsplan",
                    },
                ),
                migrations.CreateModel(
                    name="Beschikking",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("versie", models.PositiveIntegerField(default=1, verbose_name="versie")),
                        ("kenmerk", models.CharField(max_length=40, verbose_name="kenmerk")),
                        (
                            "besluit",
                            models.CharField(
                                choices=[("toegekend", "Toegekend"), ("afgewezen", "Afgewezen")],
                                max_length=10,
                                verbose_name="besluit",
                            ),
                        ),
                        ("gevraagd", models.TextField(verbose_name="wat de cliënt vroeg")),
                        ("motivering", models.TextField(blank=True, verbose_name="motivering")),
                        (
                            "ingangsdatum",
                            models.DateField(blank=True, null=True, verbose_name="ingangsdatum"),
                        ),
                        ("einddatum", models.DateField(blank=True, null=True, verbose_name="einddatum")),
                        (
                            "leveringsvorm",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("ZIN", "Zorg in natura (ZIN)"),
                                    ("PGB", "Persoonsgebonden budget (pgb)"),
                                ],
                                max_length=3,
                                verbose_name="leveringsvorm",
                            ),
                        ),
                        (
                            "totaal_minuten_per_week",
                            models.PositiveIntegerField(default=0, verbose_name="minuten per week"),
                        ),
                        ("normenkader", models.CharField(max_length=200, verbose_name="normenkader")),
                        (
                            "normenkader_versie",
                            models.CharField(max_length=50, verbose_name="versie normenkader"),
                        ),
                        (
                            "voorbeeld",
                            models.BooleanField(default=False, verbose_name="gemaakt met voorbeeldwaarden"),
                        ),
                        (
                            "reden_geen_zorgplan",
                            models.TextField(blank=True, verbose_name="reden zonder ondertekend zorgplan"),
                        ),
                        ("correctie_reden", models.TextField(blank=True, verbose_name="reden correctie")),
                        ("html", models.TextField(verbose_name="brief (HTML)")),
                        ("pdf", models.BinaryField(verbose_name="brief (PDF)")),
                        (
                            "inhoudshash",
                            models.CharField(max_length=64, verbose_name="SHA-256 van HTML en PDF"),
                        ),
                        ("afgegeven_op", models.DateTimeField(verbose_name="afgegeven op")),
                        (
                            "aanbieder",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="aanbieders.aanbieder",
                            ),
                        ),
                        (
                            "afgegeven_door",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="afgegeven door",
                            ),
                        ),
                        (
                            "vorige",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="correctie",
                                to="besluiten.beschikking",
                                verbose_name="vervangt versie",
                            ),
                        ),
                        (
                            "zaak",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="beschikkingen",
                                to="cases.zaak",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "beschikking",
                        "verbose_name_plural": "beschikkingen",
                        "db_table": "beschikkingen_beschikking",
                        "ordering": ["zaak", "versie"],
                        "default_permissions": ("add", "view"),
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("zaak", "versie"), name="beschikking_versie_uniek"
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
