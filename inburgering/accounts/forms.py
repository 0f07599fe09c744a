from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from two_factor.forms import AuthenticationTokenForm, BackupTokenForm

# One text for a wrong password, an unknown account and a locked account: the page never reveals
# whether an account exists.
ONJUIST = _("Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters.")


class InlogForm(AuthenticationForm):
    error_messages = {
        "invalid_login": ONJUIST,
        "inactive": _("Dit account is niet actief. Neem contact op met functioneel beheer."),
    }


class CodeForm(AuthenticationTokenForm):
    """The six-digit code from the authenticator app. (django-two-factor-auth picks the token form by
    device type, so the login view copies `label` and the messages onto the form it built.)"""

    otp_error_messages = {
        **AuthenticationTokenForm.otp_error_messages,
        "invalid_token": _("Deze code klopt niet of is verlopen. Probeer de volgende code."),
    }
    label = _("Code uit de authenticator-app")


class HerstelcodeForm(BackupTokenForm):
    """One of the printed recovery codes (each works once)."""

    otp_error_messages = {
        **BackupTokenForm.otp_error_messages,
        "invalid_token": _("Deze herstelcode klopt niet of is al gebruikt."),
    }
    label = _("Herstelcode")
