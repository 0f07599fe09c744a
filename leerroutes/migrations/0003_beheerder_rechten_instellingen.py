"""The functioneel beheerder edits the policy settings of pip_plans and leerroutes on the one beheer
screen (inlines of the gemeente-instellingen): the role group gets change and view on those two models,
as handhaving/migrations/0002_beheerder_rechten does for the others. Lives in leerroutes, the higher
of the two apps, so both models exist."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECHTEN = {
    # app label: {model: actions}
    "pip_plans": {"pipinstellingen": ("change", "view")},
    "leerroutes": {"leerroutesinstellingen": ("change", "view")},
}


def geef_rechten(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); make sure they exist now.
    for app_label in RECHTEN:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    beheerder, _ = apps.get_model("auth", "Group").objects.get_or_create(name="beheerder")
    for app_label, modellen in RECHTEN.items():
        for model, acties in modellen.items():
            beheerder.permissions.add(*Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model,
                codename__in=[f"{actie}_{model}" for actie in acties],
            ))


def neem_rechten_terug(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    beheerder = apps.get_model("auth", "Group").objects.filter(name="beheerder").first()
    if beheerder is None:
        return
    for app_label, modellen in RECHTEN.items():
        for model in modellen:
            beheerder.permissions.remove(*Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model))


class Migration(migrations.Migration):
    dependencies = [
        ("leerroutes", "0002_leerroutesinstellingen"),
        ("pip_plans", "0004_pipinstellingen"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(geef_rechten, neem_rechten_terug)]
