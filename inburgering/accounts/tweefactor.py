"""Two-factor login (issue 11 item 3): TOTP with recovery codes (django-otp through django-two-factor-auth),
mandatory for the roles in `TWEEFACTOR_VERPLICHT_ROLLEN`.

A user with such a role who is not verified by a device can do nothing but enrol (or log out): the
middleware sends every other request to the enrolment page. A login through the gemeente's identity
provider counts as two-factor when `OIDC_TELT_ALS_TWEEFACTOR` (the provider enforces its own second
factor).
"""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from django_otp import user_has_device
from two_factor.views import BackupTokensView, SetupView

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

from .roles import Rol

# The session key set by a login through the identity provider (inburgering.accounts.oidc).
OIDC_SESSIE = "inburgering_oidc"


def tweefactor_verplicht(user) -> bool:
    return user.heeft_rol(*(Rol(rol) for rol in settings.TWEEFACTOR_VERPLICHT_ROLLEN))


def _vrij(path: str) -> bool:
    """Pages an unverified user may still reach: enrolment, recovery codes, logging out, static files."""
    vrije = [
        reverse("two_factor:setup"), reverse("two_factor:qr"), reverse("two_factor:setup_complete"),
        reverse("two_factor:backup_tokens"), reverse("logout"), reverse("login"),
        settings.STATIC_URL, settings.MEDIA_URL,
    ]
    return any(path.startswith(v) for v in vrije)


class TweeFactorVerplichtMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None and user.is_authenticated
            and tweefactor_verplicht(user)
            and not user.is_verified()
            and not (request.session.get(OIDC_SESSIE) and settings.OIDC_TELT_ALS_TWEEFACTOR)
            and not _vrij(request.path)
        ):
            if user_has_device(user):
                # Enrolled but this session never gave a code (e.g. a session from before the role
                # became mandatory): log in again, with the code.
                logout(request)
                return redirect(f"{reverse('login')}?next={request.path}")
            return redirect("two_factor:setup")
        return self.get_response(request)


class InschrijvenView(SetupView):
    """Enrolment: scan the QR code, confirm with a code; then the recovery codes page."""

    template_name = "accounts/tweefactor_instellen.html"

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step, **kwargs)
        if "token" in form.fields:
            form.fields["token"].label = _("Code uit de authenticator-app")
        return form

    def done(self, form_list, **kwargs):
        response = super().done(form_list, **kwargs)
        beveiliging_vastleggen(Gebeurtenis.TWEEFACTOR, request=self.request, details={"actie": "ingeschreven"})
        return response


class HerstelcodesView(BackupTokensView):
    template_name = "accounts/herstelcodes.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        beveiliging_vastleggen(
            Gebeurtenis.TWEEFACTOR, request=self.request, details={"actie": "herstelcodes_aangemaakt"}
        )
        return response
