"""Issue 11 item 1: roles only through the role groups. Undo what the old user form allowed: direct
user permissions are removed, and `is_staff` follows the beheerder role (superusers are left alone;
production should have none — `manage.py beheerder_aanmaken` replaces `createsuperuser`)."""

from django.db import migrations


def opschonen(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(is_superuser=False):
        user.user_permissions.clear()
        beheerder = user.groups.filter(name="beheerder").exists()
        if user.is_staff != beheerder:
            user.is_staff = beheerder
            user.save(update_fields=["is_staff"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_rolwijziging")]

    operations = [migrations.RunPython(opschonen, migrations.RunPython.noop)]
