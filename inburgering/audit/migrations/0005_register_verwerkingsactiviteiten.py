"""The register of processing activities (AVG art. 30) of the Wet inburgering 2021, as data, and the
beheerder's right to read it in /beheer/ (like handhaving/migrations/0002_beheerder_rechten.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WET = "Wet inburgering 2021"
BESLUIT = "Besluit inburgering 2021"
AVG_E = "AVG art. 6 lid 1 sub e (taak van algemeen belang)"
BASIS = "BSN, naam, adres, geboortedatum, nationaliteit, verblijfsstatus, contactgegevens"

REGISTER = [
    # code, naam, doel, grondslag, categorieën persoonsgegevens
    ("dossierbeheer", "Dossierbeheer en regie",
     "De regie voeren op de inburgering van een inburgeringsplichtige: registreren, toewijzen, volgen en "
     "afronden van het dossier.",
     f"{WET} art. 6 en 14; {AVG_E}", f"{BASIS}; doelgroep, fase, werkcoach"),
    ("brede-intake", "Brede intake (inclusief gezondheid)",
     "De brede intake en de leerbaarheidstoets afnemen als basis voor het PIP, met de gegevens over "
     "gezondheid die daarvoor nodig zijn.",
     f"{WET} art. 14; {AVG_E}; gezondheid: AVG art. 9 lid 2 sub g met UAVG art. 30",
     f"{BASIS}; opleiding, werk, leefgebieden, gegevens over gezondheid (bijzonder)"),
    ("pip", "Persoonlijk plan inburgering en participatie (PIP)",
     "Het PIP opstellen, vaststellen bij beschikking en wijzigen.",
     f"{WET} art. 15 en 16; {BESLUIT} hoofdstuk 5; {AVG_E}", f"{BASIS}; leerroute, onderdelen, afspraken"),
    ("leerroute-begeleiding", "Leerroute en begeleiding",
     "De leerroute, de inschrijving bij een aanbieder, examens, PVT, MAP, financieel ontzorgen, "
     "maatschappelijke begeleiding en voortgangsgesprekken uitvoeren en volgen.",
     f"{WET} art. 13, 15, 16 en 18; {AVG_E}", f"{BASIS}; aanbieder, uren, examenresultaten, contactmomenten"),
    ("termijnbewaking", "Termijnbewaking",
     "Wettelijke termijnen en werkafspraken bewaken en signaleren.",
     f"{WET}; Algemene termijnenwet; {AVG_E}", "dossiernummer, termijnen en signalen"),
    ("handhaving", "Handhaving",
     "Handhaven van de verplichtingen: waarschuwing, voornemen, boete en bezwaar.",
     f"{WET} art. 22 tot en met 27; Awb titel 5.4; {AVG_E}",
     f"{BASIS}; verplichting, zienswijze, besluit, boete, betaling"),
    ("sturing", "Sturing en verantwoording (geaggregeerd)",
     "Sturen op de uitvoering met dashboards en aantallen; geen besluiten over personen.",
     f"{WET} art. 6; {AVG_E}", "geaggregeerde gegevens; dossierlijsten achter een getal"),
    ("inzageverzoek", "Inzageverzoek van de betrokkene",
     "Een verzoek om inzage van de betrokkene behandelen.",
     "AVG art. 15 en art. 6 lid 1 sub c (wettelijke verplichting)", "alle gegevens van het dossier"),
    ("vernietiging", "Vernietiging na de bewaartermijn",
     "Persoonsgegevens vernietigen na afloop van de bewaartermijn, behalve de kerngegevens.",
     f"{BESLUIT} art. 9.9; AVG art. 5 lid 1 sub e en art. 6 lid 1 sub c", "alle gegevens van het dossier"),
    ("duo-gegevensuitwisseling", "Gegevensuitwisseling met DUO",
     "Gegevens uitwisselen met DUO over de inburgeringsplicht, het PIP en de voortgang.",
     f"{BESLUIT} art. 9.2 en 9.3; AVG art. 6 lid 1 sub c en e",
     f"{BASIS}; inburgeringstermijn, PIP, leerroute, voortgang"),
    ("brp-bevraging", "BRP-bevraging",
     "Persoonsgegevens uit de Basisregistratie Personen opvragen om het dossier juist te houden.",
     f"Wet BRP art. 3.3; {WET} art. 6; {AVG_E}", "BSN, naam, adres, geboortedatum, nationaliteit, overlijden"),
]


def register_vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("audit", "Verwerkingsactiviteit")
    for code, naam, doel, grondslag, categorieen in REGISTER:
        Verwerkingsactiviteit.objects.update_or_create(
            code=code, defaults={"naam": naam, "doel": doel, "grondslag": grondslag, "categorieen": categorieen},
        )


def beheerder_leesrecht(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beheerder, _ = Group.objects.get_or_create(name="beheerder")
    beheerder.permissions.add(*Permission.objects.filter(
        content_type__app_label="audit", content_type__model="verwerkingsactiviteit",
        codename="view_verwerkingsactiviteit",
    ))


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0004_dataverwerkingen"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(register_vullen, migrations.RunPython.noop),
        migrations.RunPython(beheerder_leesrecht, migrations.RunPython.noop),
    ]
