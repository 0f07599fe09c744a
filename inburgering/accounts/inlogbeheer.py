"""The beheerder's two actions on the login door (issue 11 items 2 and 3), in the admin: unlock an
account that axes locked, and reset someone's two-factor login (delete their device and recovery codes,
so they enrol again at the next login). Both are allowed to the beheerder role, both go to the security
log. Registered from AccountsConfig.ready (after the admin's autodiscovery, which registered
django-otp's own device admins: those show secrets and are replaced here)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from axes.models import AccessAttempt
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

from .roles import Rol


class AlleenBeheerder:
    """View and the actions for the beheerder role; nobody adds or edits these rows by hand."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.heeft_rol(Rol.BEHEERDER)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _gebruiker(gebruikersnaam: str):
    return get_user_model().objects.filter(username=gebruikersnaam).first()


class VergrendelingAdmin(AlleenBeheerder, admin.ModelAdmin):
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username"]
    ordering = ["-attempt_time"]
    fields = ["username", "ip_address", "user_agent", "failures_since_start", "attempt_time", "path_info"]
    actions = ["ontgrendelen"]

    @admin.action(description=_("Ontgrendelen (mislukte pogingen wissen)"))
    def ontgrendelen(self, request, queryset):
        aantal = 0
        for poging in queryset:
            beveiliging_vastleggen(
                Gebeurtenis.ONTGRENDELD, request=request, betreft=_gebruiker(poging.username),
                details={"account": poging.username, "adres": poging.ip_address,
                         "pogingen": poging.failures_since_start},
            )
            poging.delete()
            aantal += 1
        self.message_user(
            request, ngettext("%(n)d vergrendeling opgeheven.", "%(n)d vergrendelingen opgeheven.", aantal)
            % {"n": aantal}, messages.SUCCESS,
        )


class TweestapsAdmin(AlleenBeheerder, admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "last_used_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "name", "confirmed", "last_used_at", "created_at"]
    actions = ["herstellen"]

    @admin.action(description=_("Tweestapsverificatie herstellen (opnieuw instellen bij volgende inlog)"))
    def herstellen(self, request, queryset):
        gebruikers = {apparaat.user for apparaat in queryset.select_related("user")}
        for gebruiker in gebruikers:
            TOTPDevice.objects.filter(user=gebruiker).delete()
            StaticDevice.objects.filter(user=gebruiker).delete()
            beveiliging_vastleggen(
                Gebeurtenis.TWEEFACTOR, request=request, betreft=gebruiker, details={"actie": "hersteld"}
            )
        self.message_user(
            request, ngettext("Tweestapsverificatie van %(n)d gebruiker hersteld.",
                              "Tweestapsverificatie van %(n)d gebruikers hersteld.", len(gebruikers))
            % {"n": len(gebruikers)}, messages.SUCCESS,
        )


def registreren(site: admin.AdminSite = admin.site) -> None:
    for model in (AccessAttempt, TOTPDevice, StaticDevice):
        if site.is_registered(model):
            site.unregister(model)
    site.register(AccessAttempt, VergrendelingAdmin)
    site.register(TOTPDevice, TweestapsAdmin)
