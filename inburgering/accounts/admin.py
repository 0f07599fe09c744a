"""Users and roles in the admin (issue 11 item 1). The beheerder edits a user's details but never raw
groups, permissions, `is_superuser` or `is_staff`: a role is assigned through a `Rolwijziging` (one
role, a reason, four eyes where the rule asks for it). Group and permission definitions are code (data
migrations): the Group admin is not registered."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simple_history.admin import SimpleHistoryAdmin

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

from . import rollen
from .models import Rolwijziging, Team, User
from .roles import ROL_LABELS, Rol, heeft_rol

if admin.site.is_registered(Group):
    admin.site.unregister(Group)


class RolFilter(admin.SimpleListFilter):
    title = gettext_lazy("rol")
    parameter_name = "rol"

    def lookups(self, request, model_admin):
        return [(rol.value, label) for rol, label in ROL_LABELS.items()]

    def queryset(self, request, queryset):
        return queryset.filter(groups__name=self.value()) if self.value() else queryset


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "rol_label", "team", "is_active"]
    list_filter = [RolFilter, "team", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (gettext_lazy("Persoonlijke gegevens"), {"fields": ("first_name", "last_name", "email")}),
        (gettext_lazy("Rol en status"), {"fields": ("rol_label", "rol_wijzigen", "is_active")}),
        (gettext_lazy("Inburgering"), {"fields": ("team", "dagelijkse_samenvatting")}),
        (gettext_lazy("Belangrijke datums"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["rol_label", "rol_wijzigen", "last_login", "date_joined"]
    filter_horizontal = []

    @admin.display(description=gettext_lazy("rol"))
    def rol_label(self, obj):
        return ROL_LABELS.get(obj.rol, _("geen rol")) if obj and obj.pk else "-"

    @admin.display(description=gettext_lazy("rol wijzigen"))
    def rol_wijzigen(self, obj):
        if not obj or not obj.pk:
            return "-"
        if self._eigen(obj):
            return _("U kunt uw eigen rol niet wijzigen; vraag een andere beheerder.")
        url = reverse("admin:accounts_rolwijziging_add") + f"?gebruiker={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Rol toekennen of wijzigen (met reden)"))

    def _eigen(self, obj) -> bool:
        request_user = getattr(self, "_request_user", None)
        return request_user is not None and obj.pk == request_user.pk

    def get_readonly_fields(self, request, obj=None):
        self._request_user = request.user
        velden = list(super().get_readonly_fields(request, obj))
        # Nobody deactivates himself; a beheerder loses his rights by a role change (four eyes), not by
        # being switched off by the other one (which would leave a sole beheerder who grants directly).
        if obj is not None and (obj.pk == request.user.pk or obj.heeft_rol(Rol.BEHEERDER)):
            velden.append("is_active")
        return velden

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        """A beheerder who sets another user's password could log in as that user: the security log
        records it and the user gets an e-mail, so a takeover does not go unnoticed."""
        antwoord = super().user_change_password(request, id, form_url)
        if request.method == "POST" and antwoord.status_code == 302:
            betreft = User.objects.filter(pk=id).first()
            beveiliging_vastleggen(Gebeurtenis.WACHTWOORD_GEWIJZIGD, request=request, betreft=betreft,
                                   details={"door": "beheerder"})
            if betreft is not None and betreft.email:
                send_mail(
                    subject=_("Uw wachtwoord voor Inburgering is opnieuw ingesteld"),
                    message=_("Beste {naam},\n\nFunctioneel beheer ({door}) heeft uw wachtwoord opnieuw ingesteld. "
                              "Wijzig het na het inloggen via 'Wachtwoord wijzigen'. Heeft u hier niet om gevraagd? "
                              "Neem dan direct contact op met functioneel beheer.\n").format(
                        naam=betreft.get_full_name() or betreft.username, door=request.user),
                    from_email=None, recipient_list=[betreft.email], fail_silently=True,
                )
        return antwoord


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "actief"]


class RolwijzigingForm(forms.ModelForm):
    nieuwe_rol = forms.ChoiceField(label=gettext_lazy("nieuwe rol"), required=False)

    class Meta:
        model = Rolwijziging
        fields = ["gebruiker", "nieuwe_rol", "reden"]

    def __init__(self, *args, door: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.door = door
        self.fields["gebruiker"].queryset = User.objects.filter(is_superuser=False).exclude(pk=door.pk).exclude(
            username__startswith="systeem-")
        self.fields["nieuwe_rol"].choices = [("", _("Geen rol (alle toegang intrekken)")),
                                             *[(r.value, label) for r, label in ROL_LABELS.items()]]
        if rollen.vier_ogen_actief():
            uitleg = _("Een rol die dossiers ziet (werkcoach, consulent, manager) of de beheerdersrol gaat pas in "
                       "nadat een tweede beheerder de toekenning heeft goedgekeurd.")
        else:
            uitleg = _("U bent de enige actieve beheerder (of de goedkeuring door een tweede beheerder staat uit): "
                       "de wijziging gaat direct in.")
        self.fields["nieuwe_rol"].help_text = uitleg
        self.fields["reden"].help_text = _("Bijvoorbeeld: nieuwe medewerker team Noord, ticket 1234.")

    def clean(self):
        data = super().clean()
        if self.errors or not data.get("gebruiker"):
            return data
        try:
            rollen.controleren(gebruiker=data["gebruiker"], nieuwe_rol=(Rol(data["nieuwe_rol"]) if data.get(
                "nieuwe_rol") else None), reden=data.get("reden", ""), door=self.door)
        except ValidationError as fout:
            self.add_error(None, fout) if not hasattr(fout, "error_dict") else [
                self.add_error(veld, lijst) for veld, lijst in fout.error_dict.items()]
        return data


class BeoordelingForm(forms.Form):
    besluit = forms.ChoiceField(choices=[("goedkeuren", gettext_lazy("Goedkeuren")),
                                         ("afwijzen", gettext_lazy("Afwijzen"))])
    toelichting = forms.CharField(label=gettext_lazy("toelichting"), required=False, widget=forms.Textarea(
        attrs={"rows": 3}))


@admin.register(Rolwijziging)
class RolwijzigingAdmin(admin.ModelAdmin):
    """Every beheerder (by role, not by a permission someone could be given) requests role changes for
    others and approves or rejects the pending ones of the others. Rows are never edited or deleted."""

    form = RolwijzigingForm
    list_display = ["gebruiker", "oude_rol", "nieuwe_rol", "status", "aangevraagd_door", "aangevraagd_op",
                    "beoordeeld_door", "beoordelen_link"]
    list_filter = ["status", "nieuwe_rol"]
    search_fields = ["gebruiker__username", "gebruiker__last_name"]
    list_select_related = ["gebruiker", "aangevraagd_door", "beoordeeld_door"]
    readonly_fields = ["gebruiker", "oude_rol", "nieuwe_rol", "reden", "status", "aangevraagd_door",
                       "aangevraagd_op", "beoordeeld_door", "beoordeeld_op", "toelichting"]

    def has_module_permission(self, request):
        return heeft_rol(request.user, Rol.BEHEERDER) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return heeft_rol(request.user, Rol.BEHEERDER) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return heeft_rol(request.user, Rol.BEHEERDER)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            return form

        class MetDoor(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, door=request.user, **kw)

        return MetDoor

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        wijziging = rollen.rol_wijzigen(gebruiker=obj.gebruiker, nieuwe_rol=form.cleaned_data["nieuwe_rol"] or None,
                                        reden=obj.reden, door=request.user, request=request)
        obj.pk, obj.status = wijziging.pk, wijziging.status

    def log_addition(self, request, obj, message):
        return None  # the Rolwijziging row and the security log are the record

    def response_add(self, request, obj, post_url_continue=None):
        if obj.status == Rolwijziging.Status.AANGEVRAAGD:
            messages.success(request, _("De rolwijziging voor {g} wacht nu op goedkeuring van een tweede "
                                        "beheerder.").format(g=obj.gebruiker))
        else:
            messages.success(request, _("De rol van {g} is gewijzigd.").format(g=obj.gebruiker))
        return redirect("admin:accounts_rolwijziging_changelist")

    @admin.display(description=gettext_lazy("beoordelen"))
    def beoordelen_link(self, obj):
        if obj.status != Rolwijziging.Status.AANGEVRAAGD:
            return "-"
        return format_html('<a href="{}">{}</a>', reverse("admin:accounts_rolwijziging_beoordelen", args=[obj.pk]),
                           _("Beoordelen"))

    def get_urls(self):
        return [path("<int:pk>/beoordelen/", self.admin_site.admin_view(self.beoordelen),
                     name="accounts_rolwijziging_beoordelen"), *super().get_urls()]

    def beoordelen(self, request, pk):
        if not heeft_rol(request.user, Rol.BEHEERDER):
            raise PermissionDenied
        wijziging = get_object_or_404(Rolwijziging, pk=pk)
        form = BeoordelingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["besluit"] == "goedkeuren":
                    rollen.goedkeuren(wijziging, door=request.user, toelichting=form.cleaned_data["toelichting"],
                                      request=request)
                    messages.success(request, _("Goedgekeurd: de rol van {g} is gewijzigd.").format(
                        g=wijziging.gebruiker))
                else:
                    rollen.afwijzen(wijziging, door=request.user, reden=form.cleaned_data["toelichting"],
                                    request=request)
                    messages.success(request, _("Afgewezen: de rol van {g} blijft zoals die was.").format(
                        g=wijziging.gebruiker))
            except ValidationError as fout:
                for melding in fout.messages:
                    messages.error(request, melding)
            return redirect("admin:accounts_rolwijziging_changelist")
        mag = wijziging.status == Rolwijziging.Status.AANGEVRAAGD and request.user.pk not in (
            wijziging.aangevraagd_door_id, wijziging.gebruiker_id)
        return TemplateResponse(request, "admin/accounts/rolwijziging/beoordelen.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "wijziging": wijziging,
            "form": form, "mag_beoordelen": mag, "title": _("Rolwijziging beoordelen"),
        })
