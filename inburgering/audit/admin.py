from django.contrib import admin

from inburgering.accounts.roles import Rol

from .models import InzageLog


@admin.register(InzageLog)
class InzageLogAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "gebruiker", "dossier_id", "pagina", "pad"]
    list_filter = ["pagina"]
    search_fields = ["dossier_id", "gebruiker__username"]
    date_hierarchy = "tijdstip"
    list_select_related = ["gebruiker"]

    # Visible to every functioneel beheerder by role (issue 2: "visible to beheerders"), not only to
    # superusers or to whoever was given the model permission by hand; read-only for everyone.
    def has_module_permission(self, request):
        return request.user.heeft_rol(Rol.BEHEERDER) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.heeft_rol(Rol.BEHEERDER) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
