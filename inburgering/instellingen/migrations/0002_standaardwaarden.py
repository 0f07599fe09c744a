from django.db import migrations

# AOW-leeftijd per jaar (SVB). 2028 and later as announced; editable by functioneel beheer.
AOW = {2021: (66, 4), 2022: (66, 7), 2023: (66, 10), 2024: (67, 0), 2025: (67, 0),
       2026: (67, 0), 2027: (67, 0), 2028: (67, 3), 2029: (67, 3), 2030: (67, 3)}


def standaardwaarden(apps, schema_editor):
    apps.get_model("instellingen", "GemeenteInstellingen").objects.get_or_create(pk=1)
    AowLeeftijd = apps.get_model("instellingen", "AowLeeftijd")
    for jaar, (jaren, maanden) in AOW.items():
        AowLeeftijd.objects.get_or_create(jaar=jaar, defaults={"jaren": jaren, "maanden": maanden})


class Migration(migrations.Migration):
    dependencies = [("instellingen", "0001_initial")]

    operations = [migrations.RunPython(standaardwaarden, migrations.RunPython.noop)]
