"""Issue 13: the privacy officer (records management) is a role, like the others a group without
model permissions: its pages check the role, and the admin is not its place."""

from django.db import migrations


def maak_rol(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="privacy")


def verwijder_rol(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="privacy").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_formulierinzending")]

    operations = [migrations.RunPython(maak_rol, verwijder_rol)]
