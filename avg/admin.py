"""The beheerder sees the vernietigingslijsten' metadata only (issue 13): numbers, status, dates, counts,
who prepared and approved. No names, no reasons (free text), no link to a dossier: read-only, by role."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from inburgering.audit.admin import AlleenLezenVoorBeheer

from .models import Regel, Vernietigingslijst


class RegelInline(admin.TabularInline):
    model = Regel
    fields = ["dossier_nummer", "soort", "vernietigen_vanaf", "uitgezonderd", "vernietigd_op"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_view_permission(self, request, obj=None):
        return True  # the list's admin decides who sees it

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Vernietigingslijst)
class VernietigingslijstAdmin(AlleenLezenVoorBeheer):
    list_display = ["nummer", "status", "aangemaakt_op", "beoordeeld_op", "uitgevoerd_op", "aantal_regels",
                    "aantal_vernietigd"]
    list_filter = ["status"]
    fields = ["status", "aangemaakt_op", "voorbereid_door", "voorbereid_op", "beoordeeld_door", "beoordeeld_op",
              "uitgevoerd_op"]
    readonly_fields = fields
    inlines = [RegelInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            _regels=Count("regels"), _vernietigd=Count("regels", filter=Q(regels__vernietigd_op__isnull=False)))

    @admin.display(description=_("regels"))
    def aantal_regels(self, obj):
        return obj._regels

    @admin.display(description=_("vernietigd"))
    def aantal_vernietigd(self, obj):
        return obj._vernietigd
