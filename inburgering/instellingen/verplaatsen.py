"""For an app's data migration that moves policy fields from the GemeenteInstellingen singleton to its
own settings (`AppInstellingen`): copy the current values forwards, and back when reversed. The app's
migration runs before the kernel migration that drops the fields (`run_before`)."""

from django.db import migrations


def velden_overnemen(app_label: str, model_naam: str, velden: tuple[str, ...]) -> migrations.RunPython:
    def overnemen(apps, schema_editor):
        instellingen = apps.get_model(app_label, model_naam)
        for gemeente in apps.get_model("instellingen", "GemeenteInstellingen").objects.all():  # the one row, pk=1
            instellingen.objects.update_or_create(
                gemeente=gemeente, defaults={veld: getattr(gemeente, veld) for veld in velden})

    def terugzetten(apps, schema_editor):
        for instellingen in apps.get_model(app_label, model_naam).objects.select_related("gemeente"):
            for veld in velden:
                setattr(instellingen.gemeente, veld, getattr(instellingen, veld))
            instellingen.gemeente.save(update_fields=list(velden))

    return migrations.RunPython(overnemen, terugzetten)
