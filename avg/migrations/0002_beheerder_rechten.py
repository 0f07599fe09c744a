"""The beheerder may view the vernietigingslijsten' metadata in /beheer/ (the admin shows no names)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def geef_rechten(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beheerder, _ = Group.objects.get_or_create(name="beheerder")
    beheerder.permissions.add(*Permission.objects.filter(
        content_type__app_label="avg", codename__in=["view_vernietigingslijst", "view_regel"]))


class Migration(migrations.Migration):
    dependencies = [("avg", "0001_vernietiging"), ("accounts", "0008_rol_privacy"),
                    ("contenttypes", "0002_remove_content_type_name"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
