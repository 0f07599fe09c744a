from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from inburgering.formulierpagina import formulier_pagina

from .wachtwoorden import wachtwoord_wijzigen as wachtwoord_opslaan


class WachtwoordWijzigenForm(PasswordChangeForm):
    """Django's form (old password, the validators, the similarity check), in the page flow's signature."""

    def __init__(self, data=None, files=None, *, user, **kwargs):
        super().__init__(user, data, **kwargs)
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


@sensitive_post_parameters()
@login_required
def wachtwoord_wijzigen(request: HttpRequest) -> HttpResponse:
    """Every logged-in user changes his own password (issue 11 item 4); stays logged in."""
    return formulier_pagina(
        request, form_class=WachtwoordWijzigenForm, form_kwargs={"user": request.user},
        opslaan=lambda data: wachtwoord_opslaan(request, data["new_password1"]),
        titel=_("Wachtwoord wijzigen"), knop=_("Wachtwoord wijzigen"),
        melding=_("Uw wachtwoord is gewijzigd."), terug=reverse("home"), context={},
        uitleg=_("Kies een wachtwoord van minstens 12 tekens, bijvoorbeeld een zin van een paar woorden. "
                 "Een veelgebruikt woord met cijfers erbij wordt geweigerd."),
    )
