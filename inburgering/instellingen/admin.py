from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured

from simple_history.admin import SimpleHistoryAdmin

from .models import AowLeeftijd, AppInstellingen, GemeenteInstellingen

# The one beheer screen for the policy settings: the kernel's fields plus, as inlines, the settings of
# the apps above it. An app registers its inline from its own admin.py, so the kernel never names it.
_INSTELLINGEN_INLINES: list[type["InstellingenInline"]] = []


class InstellingenInline(admin.StackedInline):
    """Base of an app's inline on the gemeente-instellingen screen: exactly one row, never deleted."""

    extra = 0
    min_num = 1
    max_num = 1
    can_delete = False


def registreer_instellingen_inline(inline: type[InstellingenInline]) -> type[InstellingenInline]:
    """Add an app's settings to the beheer screen (usable as a class decorator). Registering the same
    model twice is a programming error."""
    if not issubclass(inline.model, AppInstellingen):
        raise ImproperlyConfigured(f"{inline.model.__name__} is geen AppInstellingen.")
    if any(bestaand.model is inline.model for bestaand in _INSTELLINGEN_INLINES):
        raise ImproperlyConfigured(f"De instellingen {inline.model.__name__} zijn al geregistreerd.")
    _INSTELLINGEN_INLINES.append(inline)
    return inline


@admin.register(GemeenteInstellingen)
class GemeenteInstellingenAdmin(SimpleHistoryAdmin):
    fieldsets = (
        ("Gemeente", {"fields": ("naam", "gemeentecode", "oin", "briefhoofd", "retouradres", "telefoonnummer",
                                  "minimum_leeftijd")}),
        ("Verwachte routeverdeling", {"fields": (
            "verwachting_onderwijsroute", "verwachting_b1_route", "verwachting_z_route")}),
        ("Budgetten", {"fields": (
            "budget_leerroute_asiel", "budget_map_asiel", "budget_map_gezins", "budget_mb_asiel",
            "budget_pvt", "budget_tolk_asiel", "budget_tolk_gezins", "uitvoeringskosten_per_jaar")}),
        ("Termijnen", {"fields": ("signaal_vooraf_dagen",)}),
        ("Privacy en bewaartermijnen", {"fields": (
            "bewaartermijn_jaren", "bewaartermijn_verhuisd_jaren", "kern_bewaartermijn_jaren",
            "logboek_bewaartermijn_jaren", "inzage_interne_notities_weglaten")}),
        ("Beveiliging", {"fields": ("rollen_tweede_beheerder",)}),
    )

    # Read-only here: switching the four-eyes rule off would let a beheerder grant a role alone
    # (`manage.py rollen_goedkeuring aan|uit` on the server).
    readonly_fields = ["rollen_tweede_beheerder"]

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *_INSTELLINGEN_INLINES]

    def has_add_permission(self, request):
        return not GemeenteInstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AowLeeftijd)
class AowLeeftijdAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "jaren", "maanden"]
