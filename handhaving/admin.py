from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from .models import HandhavingInstellingen


@admin.register(HandhavingInstellingen)
class HandhavingInstellingenAdmin(SimpleHistoryAdmin):
    fieldsets = (
        ("Boetebedragen (Besluit inburgering 2021, art. 7.1)", {"fields": (
            "boete_brede_intake", "boete_pip_basis", "boete_pip_maximum", "herhaling_maanden")}),
        ("Verwijtbaarheid", {"fields": ("pct_opzet", "pct_grove_schuld", "pct_geen", "pct_verminderd")}),
        ("Maxima (art. 7.1 lid 5)", {"fields": (
            "maximum_termijn", "maximum_nieuwe_termijn_6", "maximum_nieuwe_termijn_12", "maximum_nieuwe_termijn_18",
            "maximum_nieuwe_termijn_24")}),
        ("Termijnen", {"fields": (
            "zienswijze_weken", "intake_nieuwe_termijn_maanden", "verjaring_jaren", "verjaring_jaren_laag",
            "verjaring_drempel")}),
        ("Beleid", {"fields": ("altijd_eerst_waarschuwen", "asiel_beleid")}),
    )

    def has_add_permission(self, request):
        return not HandhavingInstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
