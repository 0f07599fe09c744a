"""The functioneel beheerder configures the system in the admin (DOMAIN §1) without being a superuser:
the role group gets exactly the permissions on the configuration models, and none on case data.
Lives in the top app of the dependency graph so every model it names exists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECHTEN = {
    # app label: {model: actions}
    "accounts": {"user": ("add", "change", "view"), "team": ("add", "change", "view")},
    "auth": {"group": ("view",)},
    "instellingen": {"gemeenteinstellingen": ("change", "view"), "aowleeftijd": ("add", "change", "delete", "view")},
    "kalender": {"gelijkgesteldedag": ("add", "change", "delete", "view"), "atwinstelling": ("change", "view")},
    "leerroutes": {"aanbieder": ("add", "change", "view")},
    "handhaving": {"handhavinginstellingen": ("change", "view")},
    "audit": {"inzagelog": ("view",)},
}


def geef_rechten(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beheerder, _ = Group.objects.get_or_create(name="beheerder")
    for app_label, modellen in RECHTEN.items():
        for model, acties in modellen.items():
            beheerder.permissions.add(*Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model,
                codename__in=[f"{actie}_{model}" for actie in acties],
            ))


class Migration(migrations.Migration):
    dependencies = [
        ("handhaving", "0001_initial"),
        ("accounts", "0004_dagelijkse_samenvatting"),
        ("audit", "0001_initial"),
        ("instellingen", "0006_remove_gemeenteinstellingen_zienswijze_weken_and_more"),
        ("kalender", "0003_history_reden_tekst"),
        ("leerroutes", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
