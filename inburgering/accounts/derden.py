"""Dutch names in the admin for the login packages' apps (the beheerder sees these headings)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from axes.apps import AppConfig as AxesAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Inlogvergrendelingen")


class TotpConfig(AppConfig):
    name = "django_otp.plugins.otp_totp"
    default_auto_field = "django.db.models.AutoField"
    verbose_name = _("Tweestapsverificatie")
