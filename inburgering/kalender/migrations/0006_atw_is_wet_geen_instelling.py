"""Where the Algemene termijnenwet applies is law, not a setting (DOMAIN.md §8: bezwaar, zienswijze
and the Besluit 5.3 PIP deadline; not terms counted in months or years, Atw art. 4): the
AtwInstelling singleton goes, the facts live in `inburgering.kalender.datums` and `pip_plans.rules`.
Its permissions (which handhaving 0002 gave the beheerder role) go with its content type."""

from django.db import migrations


def rechten_weg(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="kalender", model__in=["atwinstelling", "historicalatwinstelling"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("kalender", "0005_kb_dagen"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.DeleteModel(name="AtwInstelling"),
        migrations.DeleteModel(name="HistoricalAtwInstelling"),
        migrations.RunPython(rechten_weg, migrations.RunPython.noop),
    ]
