"""Functioneel beheer: the aanbieder registry. Case data (enrolments, hours, exams, PVT, MAP,
ontzorging) is not in the admin: the beheerder sees no dossier data (DESIGN.md "Access")."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from simple_history.admin import SimpleHistoryAdmin

from .models import Aanbieder


@admin.register(Aanbieder)
class AanbiederAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "keurmerk_nummer", "keurmerk_geldig_tot", "taalschakeltraject_erkend",
                    "contract_procedure", "actief"]
    list_filter = ["soort", "taalschakeltraject_erkend", "contract_procedure", "actief"]
    search_fields = ["naam", "keurmerk_nummer", "brin", "duo_instellingsnummer", "contactpersoon"]
    fieldsets = (
        (None, {"fields": ("naam", "soort", "actief", "toelichting")}),
        (_("Erkenning"), {"fields": (
            "keurmerk_nummer", "keurmerk_geldig_tot", "taalschakeltraject_erkend", "brin", "duo_instellingsnummer")}),
        (_("Contract"), {"fields": (
            "contract_procedure", "contract_van", "contract_tot", "prijs_b_route", "prijs_o_route", "prijs_z_route")}),
        (_("Contact"), {"fields": ("contactpersoon", "telefoon", "email", "postcode", "plaats")}),
    )
