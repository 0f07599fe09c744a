from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: documents are immutable (see models)."""

    list_display = ["titel", "soort", "sha256", "aangemaakt_op"]
    list_filter = ["soort"]
    search_fields = ["sha256", "titel"]
    date_hierarchy = "aangemaakt_op"
    exclude = ["html"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
