from django.contrib import admin

from inburgering.accounts.roles import Rol, heeft_rol

from .models import Beveiligingslog, InzageLog, Verwerkingsactiviteit


class AlleenLezenVoorBeheer(admin.ModelAdmin):
    """Visible to every functioneel beheerder by role, not only to whoever was given the model
    permission by hand; read-only for everyone (the logs are append-only)."""

    def has_module_permission(self, request):
        return heeft_rol(request.user, Rol.BEHEERDER) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return heeft_rol(request.user, Rol.BEHEERDER) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InzageLog)
class InzageLogAdmin(AlleenLezenVoorBeheer):
    list_display = ["tijdstip", "gebruiker", "dossier_id", "pagina", "pad"]
    list_filter = ["pagina"]
    search_fields = ["dossier_id", "gebruiker__username"]
    date_hierarchy = "tijdstip"
    list_select_related = ["gebruiker"]


@admin.register(Beveiligingslog)
class BeveiligingslogAdmin(AlleenLezenVoorBeheer):
    list_display = ["tijdstip", "gebeurtenis", "gebruikersnaam", "betreft", "ip_adres", "pad"]
    list_filter = ["gebeurtenis"]
    search_fields = ["gebruikersnaam", "ip_adres"]
    date_hierarchy = "tijdstip"
    list_select_related = ["betreft"]


@admin.register(Verwerkingsactiviteit)
class VerwerkingsactiviteitAdmin(AlleenLezenVoorBeheer):
    """The register of processing activities: data from a migration, read-only for everyone."""

    list_display = ["naam", "code", "grondslag", "actief"]
    list_filter = ["actief"]
