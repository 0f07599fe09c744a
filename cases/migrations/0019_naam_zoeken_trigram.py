"""Name search with trigram indexes on PostgreSQL (issue 18): the search's `icontains` is
`UPPER(kolom) LIKE UPPER('%woord%')`, which a GIN `gin_trgm_ops` index on the same expression answers
instead of a sequential scan over every person; `voorvoegsel__iexact` is `UPPER(voorvoegsel) = UPPER(…)`.
On SQLite (development) nothing happens: the same queries scan, as before. The indexes live only here
(not in a model's Meta), because SQLite cannot create them."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXEN = {
    "inburgeraar_voornamen_trgm": "USING gin (UPPER(voornamen::text) gin_trgm_ops)",
    "inburgeraar_geslachtsnaam_trgm": "USING gin (UPPER(geslachtsnaam::text) gin_trgm_ops)",
    "inburgeraar_voorvoegsel_upper": "(UPPER(voorvoegsel::text))",
}


def maken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for naam, definitie in INDEXEN.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {naam} ON cases_inburgeraar {definitie}")


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for naam in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0018_signaal_sorteersleutel")]

    operations = [
        TrigramExtension(),  # does nothing on SQLite
        migrations.RunPython(maken, verwijderen),
    ]
