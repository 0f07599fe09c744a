from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from .models import AowLeeftijd, GemeenteInstellingen


@admin.register(GemeenteInstellingen)
class GemeenteInstellingenAdmin(SimpleHistoryAdmin):
    fieldsets = (
        ("Gemeente", {"fields": ("naam", "oin", "briefhoofd", "minimum_leeftijd")}),
        ("Verwachte routeverdeling", {"fields": (
            "verwachting_onderwijsroute", "verwachting_b1_route", "verwachting_z_route")}),
        ("Budgetten", {"fields": (
            "budget_leerroute_asiel", "budget_map_asiel", "budget_map_gezins", "budget_mb_asiel",
            "budget_pvt", "budget_tolk_asiel", "budget_tolk_gezins", "uitvoeringskosten_per_jaar")}),
        ("Termijnen", {"fields": (
            "pip_termijn_weken", "pip_verlenging_weken", "bezwaar_weken",
            "inburgeringstermijn_jaren", "schakel_maanden", "pvt_start_maanden_na_huisvesting",
            "ontzorging_maanden", "voortgangsgesprek_weken", "signaal_vooraf_dagen", "bewaartermijn_jaren")}),
        ("Leerroutes en onderdelen", {"fields": (
            "map_norm_uren", "pvt_extra_themas", "z_route_telt_intake_uren", "z_route_telt_participatiewet",
            "z_route_telt_mb", "ontzorging_vaste_lasten")}),
    )

    def has_add_permission(self, request):
        return not GemeenteInstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AowLeeftijd)
class AowLeeftijdAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "jaren", "maanden"]
