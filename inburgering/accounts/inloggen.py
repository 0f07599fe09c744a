"""The login door (issue 11 items 2 and 3): the password step, the lockout after repeated failures
(django-axes, per account and client address) and the two-factor step (django-two-factor-auth), for
the application and the admin alike. Every attempt, lockout and verification goes to the security log.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from two_factor.views import LoginView

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

from .forms import CodeForm, HerstelcodeForm, InlogForm

# The same text for an unknown account: the page never reveals whether an account exists.
VERGRENDELD = (
    "Te veel mislukte pogingen. Inloggen met deze gebruikersnaam is vanaf dit adres tijdelijk geblokkeerd. "
    "Probeer het over %(minuten)s minuten opnieuw of neem contact op met functioneel beheer."
)

class InlogView(LoginView):
    """Password, then (for a user with a device) the code or a recovery code."""

    template_name = "accounts/inloggen.html"
    form_list = (
        (LoginView.AUTH_STEP, InlogForm),
        (LoginView.TOKEN_STEP, CodeForm),
        (LoginView.BACKUP_STEP, HerstelcodeForm),
    )

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step, **kwargs)
        eigen = {self.TOKEN_STEP: CodeForm, self.BACKUP_STEP: HerstelcodeForm}.get(step or self.steps.current)
        if eigen is not None and "otp_token" in form.fields:
            form.fields["otp_token"].label = eigen.label
            form.otp_error_messages = eigen.otp_error_messages
        return form

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        context["next"] = self.get_redirect_url()
        context["oidc"] = settings.OIDC_ENABLED
        context["oidc_mislukt"] = self.request.GET.get("oidc") == "mislukt"
        return context

    def done(self, form_list, **kwargs):
        response = super().done(form_list, **kwargs)
        device = getattr(self.get_user(), "otp_device", None)
        beveiliging_vastleggen(
            Gebeurtenis.INLOG_GELUKT, request=self.request, gebruiker=self.get_user(),
            details={"via": "wachtwoord", "tweestaps": device is not None},
        )
        if device is not None:
            beveiliging_vastleggen(
                Gebeurtenis.TWEEFACTOR, request=self.request, gebruiker=self.get_user(),
                details={"actie": "geverifieerd", "middel": device.__class__.__name__},
            )
        return response

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        # A wrong code is a failed login too (django-otp itself slows repeated wrong codes down).
        form = getattr(response, "context_data", {}) or {}
        form = form.get("form")
        if self.steps.current in (self.TOKEN_STEP, self.BACKUP_STEP) and form is not None and form.errors:
            user = self.get_user()
            beveiliging_vastleggen(
                Gebeurtenis.TWEEFACTOR, request=self.request, gebruikersnaam=user.get_username() if user else "",
                details={"actie": "code_onjuist", "stap": self.steps.current},
            )
        return response


class AxesLogHandler(AxesDatabaseHandler):
    """axes' database handler that also writes every failed login and lockout to the security log."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None:
            return
        gebruikersnaam = (credentials or {}).get("username") or ""
        pogingen = getattr(request, "axes_failures_since_start", None)
        vergrendeld = bool(getattr(request, "axes_locked_out", False))
        beveiliging_vastleggen(
            Gebeurtenis.INLOG_MISLUKT, request=request, gebruikersnaam=gebruikersnaam,
            details={"pogingen": pogingen, "vergrendeld": vergrendeld},
        )
        # Once, when the limit is reached (a try during the lockout counts and extends it, but is no new lock).
        if vergrendeld and pogingen == get_failure_limit(request, credentials):
            beveiliging_vastleggen(
                Gebeurtenis.VERGRENDELD, request=request, gebruikersnaam=gebruikersnaam,
                details={"pogingen": pogingen},
            )


def vergrendeld(request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None):
    """axes' lockout response: the login page with one Dutch message, the same for an unknown account."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return TemplateResponse(
        request, "accounts/inloggen.html",
        {"form": InlogForm(request), "vergrendeld": _(VERGRENDELD) % {"minuten": minuten}}, status=429,
    ).render()
