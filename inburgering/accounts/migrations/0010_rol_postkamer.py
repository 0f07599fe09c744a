"""Issue 15: the postkamer (backoffice) composes the daily print batch and confirms the posting. A group
without model permissions, like the other roles."""

from django.db import migrations


def maak_rol(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="postkamer")


def verwijder_rol(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="postkamer").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0009_bewaartermijn")]

    operations = [migrations.RunPython(maak_rol, verwijder_rol)]
