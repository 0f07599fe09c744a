"""Functioneel beheer: the aanbieder registry (editable) and the uitvoering records (read-mostly:
they change through the services, so the history keeps who and why)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Aanbieder,
    Afsluiting,
    Examen,
    Inschrijving,
    MaatschappelijkeBegeleiding,
    Map,
    Ontzorging,
    Pvt,
    Uren,
)


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


class AlleenLezen(SimpleHistoryAdmin):
    """Records written by the services; the admin shows them and their history."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Inschrijving)
class InschrijvingAdmin(AlleenLezen):
    list_display = ["dossier", "leerroute", "aanbieder", "startdatum", "geplande_einddatum", "status"]
    list_filter = ["leerroute", "status", "aanbieder"]
    list_select_related = ["aanbieder"]


@admin.register(Uren)
class UrenAdmin(AlleenLezen):
    list_display = ["dossier", "categorie", "van", "tot", "aantal", "bron", "tijdens_intake", "aanbieder"]
    list_filter = ["categorie", "bron", "tijdens_intake"]
    list_select_related = ["aanbieder"]


@admin.register(Examen)
class ExamenAdmin(AlleenLezen):
    list_display = ["dossier", "onderdeel", "niveau", "datum", "resultaat"]
    list_filter = ["onderdeel", "niveau", "resultaat"]


admin.site.register([Pvt, Map, Ontzorging, MaatschappelijkeBegeleiding, Afsluiting], AlleenLezen)
