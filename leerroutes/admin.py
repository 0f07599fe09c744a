"""Functioneel beheer: the aanbieder registry. Case data (enrolments, hours, exams, PVT, MAP,
ontzorging) is not in the admin: the beheerder sees no dossier data (DESIGN.md "Access")."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from simple_history.admin import SimpleHistoryAdmin

from inburgering.instellingen.admin import InstellingenInline, registreer_instellingen_inline

from .models import Aanbieder, LeerroutesInstellingen


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


@registreer_instellingen_inline
class LeerroutesInstellingenInline(InstellingenInline):
    """leerroutes' policy settings, on the one gemeente-instellingen screen."""

    model = LeerroutesInstellingen
    fieldsets = (
        (_("Leerroutes en onderdelen"), {"fields": (
            "pvt_start_maanden_na_huisvesting", "map_norm_uren", "pvt_extra_themas", "z_route_telt_intake_uren",
            "z_route_telt_participatiewet", "z_route_telt_mb", "ontzorging_vaste_lasten")}),
    )
