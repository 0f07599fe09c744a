from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from .models import AtwInstelling, GelijkgesteldeDag


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving"]
    search_fields = ["omschrijving"]
    date_hierarchy = "datum"


@admin.register(AtwInstelling)
class AtwInstellingAdmin(SimpleHistoryAdmin):
    fields = ["bezwaar", "zienswijze", "pip_vaststellen"]

    def has_add_permission(self, request):
        return not AtwInstelling.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
