from django.contrib import admin

from .models import InzageLog


@admin.register(InzageLog)
class InzageLogAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "gebruiker", "dossier_id", "pagina", "pad"]
    list_filter = ["pagina"]
    search_fields = ["dossier_id", "gebruiker__username"]
    date_hierarchy = "tijdstip"
    list_select_related = ["gebruiker"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
