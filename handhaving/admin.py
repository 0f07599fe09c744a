from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from .models import HandhavingInstellingen


@admin.register(HandhavingInstellingen)
class HandhavingInstellingenAdmin(SimpleHistoryAdmin):
    # Only policy: the statutory amounts, caps and lapse terms are constants in handhaving.rules.
    fieldsets = (
        ("Termijnen", {"fields": ("zienswijze_weken", "intake_nieuwe_termijn_maanden")}),
        ("Beleid", {"fields": ("altijd_eerst_waarschuwen", "asiel_beleid")}),
    )

    def has_add_permission(self, request):
        return not HandhavingInstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
