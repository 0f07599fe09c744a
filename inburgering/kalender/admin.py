from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from .models import GelijkgesteldeDag


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving", "verwacht"]
    list_filter = ["verwacht"]
    search_fields = ["omschrijving"]
    date_hierarchy = "datum"
