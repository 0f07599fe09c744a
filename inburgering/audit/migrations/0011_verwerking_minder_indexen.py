"""Fewer indexes on the Logboek Dataverwerkingen (issue 18): every request that processes personal data writes
one row, and five of its ten indexes duplicated another (the FK indexes of activiteit and gebruiker, the
single-column tijdstip index: each the leading column of a composite one) or served no query (the pattern
indexes of trace_id and activiteit_id). Only indexes are dropped and the trace index is renamed, not rebuilt:
the table is large and written by every request, and a table rebuild (SQLite's way of altering a field) would
also drop its append-only triggers."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


TABEL = "audit_dataverwerking"
OVERBODIG = [  # Django's own names for the field indexes (the same on every installation and database)
    ("audit_dataverwerking_activiteit_id_1c16aa5d", "activiteit_id"),
    ("audit_dataverwerking_gebruiker_id_8ce24ce8", "gebruiker_id"),
    ("audit_dataverwerking_tijdstip_9c3d78ea", "tijdstip"),
]
PATROON = [  # PostgreSQL only
    ("audit_dataverwerking_activiteit_id_1c16aa5d_like", "activiteit_id"),
    ("audit_dataverwerking_trace_id_2b96a7c3_like", "trace_id"),
]
TRACE = "audit_dataverwerking_trace_id_2b96a7c3"


def vooruit(apps, schema_editor):
    pg = schema_editor.connection.vendor == "postgresql"
    for naam, _kolom in OVERBODIG + (PATROON if pg else []):
        schema_editor.execute(f'DROP INDEX IF EXISTS "{naam}"')
    schema_editor.execute(
        f'ALTER INDEX "{TRACE}" RENAME TO "verwerking_trace"' if pg else f'DROP INDEX IF EXISTS "{TRACE}"'
    )
    if not pg:
        schema_editor.execute(f'CREATE INDEX "verwerking_trace" ON "{TABEL}" ("trace_id")')


def terug(apps, schema_editor):
    pg = schema_editor.connection.vendor == "postgresql"
    if pg:
        schema_editor.execute(f'ALTER INDEX "verwerking_trace" RENAME TO "{TRACE}"')
    else:
        schema_editor.execute('DROP INDEX IF EXISTS "verwerking_trace"')
        schema_editor.execute(f'CREATE INDEX "{TRACE}" ON "{TABEL}" ("trace_id")')
    for naam, kolom in OVERBODIG:
        schema_editor.execute(f'CREATE INDEX "{naam}" ON "{TABEL}" ("{kolom}")')
    if pg:
        for naam, kolom in PATROON:
            schema_editor.execute(f'CREATE INDEX "{naam}" ON "{TABEL}" ("{kolom}" varchar_pattern_ops)')


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0010_ketenkop_laatste_tijdstip"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="dataverwerking",
                    name="activiteit",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="audit.verwerkingsactiviteit",
                        verbose_name="verwerkingsactiviteit",
                    ),
                ),
                migrations.AlterField(
                    model_name="dataverwerking",
                    name="gebruiker",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="gebruiker",
                    ),
                ),
                migrations.AlterField(
                    model_name="dataverwerking",
                    name="tijdstip",
                    field=models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="tijdstip"
                    ),
                ),
                migrations.AlterField(
                    model_name="dataverwerking",
                    name="trace_id",
                    field=models.CharField(max_length=32, verbose_name="trace-id"),
                ),
                migrations.AddIndex(
                    model_name="dataverwerking",
                    index=models.Index(fields=["trace_id"], name="verwerking_trace"),
                ),
            ],
            database_operations=[migrations.RunPython(vooruit, terug)],
        ),
    ]
