from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from simple_history.admin import SimpleHistoryAdmin

from .models import Team, User


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "team", "is_active"]
    list_filter = ["team", "groups", "is_active"]
    fieldsets = (*UserAdmin.fieldsets, ("Inburgering", {"fields": ("team", "dagelijkse_samenvatting")}))


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "actief"]
