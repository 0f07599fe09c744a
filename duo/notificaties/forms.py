from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificatieStatus


class MeldingenFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Alle")), *NotificatieStatus.choices])
    gebeurtenis = forms.RegexField(label=_("Gebeurtenis"), required=False, max_length=6, regex=r"^[0-9A-Za-z]{1,6}$",
                                   help_text=_("Bijvoorbeeld SS139."))
