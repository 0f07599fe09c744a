"""issue 18: the termijn keeps a copy of its dossier's datum_kennisgeving (the dossier list's sort key), with
the index the list filtered on a termijn and its status reads its page from. The copy is filled from the
dossiers (one UPDATE; a correlated subquery, so the same SQL on PostgreSQL and SQLite) before it becomes
NOT NULL."""

from django.db import migrations, models

VULLEN = """
UPDATE cases_termijn SET dossier_kennisgeving = (
    SELECT d.datum_kennisgeving FROM cases_dossier d WHERE d.id = cases_termijn.dossier_id
)
"""


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0021_zoeken_en_trends_indexen"),
    ]

    operations = [
        migrations.AddField(
            model_name="termijn",
            name="dossier_kennisgeving",
            field=models.DateField(editable=False, null=True, verbose_name="datum kennisgeving van het dossier"),
        ),
        migrations.RunSQL(VULLEN, migrations.RunSQL.noop, elidable=False),
        migrations.AlterField(
            model_name="termijn",
            name="dossier_kennisgeving",
            field=models.DateField(editable=False, verbose_name="datum kennisgeving van het dossier"),
        ),
        migrations.AddIndex(
            model_name="termijn",
            index=models.Index(fields=["soort", "status", "-dossier_kennisgeving", "-dossier"],
                               name="termijn_lijst_volgorde"),
        ),
    ]
