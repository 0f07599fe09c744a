"""One form flow (STYLE habit 16): a page that shows a form, calls one service, and on success says
so and goes back. A page states only its form, its service and its words; the flow, the Dutch errors
next to their fields, the error summary and the page itself are the same everywhere
(`templates/formulier.html`).

A form that edits an existing (or singleton) object carries its version (`VersieVeld`), filled
with `inburgering.schrijven.versie_van(obj)`; the service refuses a stale or missing one, and the page
shows that refusal with the user's input still in the form.

Every form page is sent once (issue 12 item 9): it carries a one-time token (`TOKEN_VELD`, a hidden
field added here, so every page has it). A successful POST claims the token in the same transaction as
the service's write (`FormulierInzending`, unique); a second POST with the same token — a double click,
a reload after the redirect — waits for the first, saves nothing and goes where the first went. A
refused POST (errors next to the fields) claims nothing, so the corrected form can be sent with it.
The buttons disable while posting (`static/js/formulieren.js`).
"""

import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering.accounts.models import FormulierInzending

SJABLOON = "formulier.html"
TOKEN_VELD = "formuliertoken"
TOKEN_BEWAARD = timedelta(days=1)
AL_VERSTUURD = _("Dit formulier was al verstuurd; het is één keer opgeslagen.")


class AlVerstuurd(Exception):
    """The token was claimed by an earlier POST, which went to `doel`."""

    def __init__(self, doel: str):
        super().__init__(doel)
        self.doel = doel


def nieuw_token() -> str:
    return secrets.token_urlsafe(24)


def gepost_token(request: HttpRequest) -> str:
    """The token a page without a `formulier_pagina` form posted (its template renders `TOKEN_VELD`)."""
    return (request.POST.get(TOKEN_VELD) or "")[:64]


def token_toevoegen(form: forms.Form) -> str:
    """Add the hidden one-time token to `form` (bound: the posted one; a new one otherwise) and return it."""
    form.fields[TOKEN_VELD] = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64,
                                              initial=nieuw_token())
    if form.is_bound:
        return (form.data.get(TOKEN_VELD) or "")[:64]
    return form.fields[TOKEN_VELD].initial


def token_claimen(request: HttpRequest, token: str) -> None:
    """Inside the transaction of the write: claim `token` for this user, or raise AlVerstuurd with where
    the earlier POST went. On PostgreSQL the second insert of the same token waits for the first
    transaction: a rolled-back first leaves the token free, a committed one has its `doel`."""
    if not token or not request.user.is_authenticated:
        return
    try:
        with transaction.atomic():
            FormulierInzending.objects.create(gebruiker=request.user, token=token)
    except IntegrityError:
        eerder = FormulierInzending.objects.filter(token=token, gebruiker=request.user).first()
        raise AlVerstuurd(eerder.doel if eerder else "") from None


def token_afronden(request: HttpRequest, token: str, doel: str) -> None:
    """Remember where the claimed token's POST went; drop the tokens of yesterday."""
    if not token or not request.user.is_authenticated:
        return
    FormulierInzending.objects.filter(token=token, gebruiker=request.user).update(doel=doel[:500])
    FormulierInzending.objects.filter(tijdstip__lt=timezone.now() - TOKEN_BEWAARD).delete()


class VersieVeld(forms.Form):
    """The version the form was opened on. Not required here: a form posted without it is refused by
    the service's strict check, with the same message as a stale one."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


def fouten_naar_formulieren(fout: ValidationError, *formulieren: forms.Form) -> None:
    """Put a service's ValidationError next to the field it is about, on whichever form has it."""
    if not hasattr(fout, "error_dict"):
        formulieren[0].add_error(None, fout)
        return
    for veld, lijst in fout.error_dict.items():
        doel = next((f for f in formulieren if veld in f.fields), formulieren[0])
        doel.add_error(veld if veld in doel.fields else None, lijst)


def formulier_pagina(
    request: HttpRequest,
    *,
    form_class: type[forms.Form],
    opslaan: Callable[[dict[str, Any]], Any],
    titel: str,
    knop: str,
    melding: str | Callable[[Any], str],
    terug: str,
    context: dict[str, Any],
    volgende: str | Callable[[Any], str] | None = None,
    initial: dict[str, Any] | None = None,
    form_kwargs: dict[str, Any] | None = None,
    uitleg: str = "",
    terug_label: str = "",
    template: str = SJABLOON,
) -> HttpResponse:
    """GET shows the form; POST validates it, calls `opslaan(cleaned_data)` (the service) and, on
    success, shows `melding` and redirects to `volgende` (default: `terug`). Both may be functions of
    what the service returned. The service's ValidationError goes next to the fields; nothing is saved."""
    kwargs = {"initial": initial or {}, **(form_kwargs or {})}
    if request.method == "POST":  # an empty POST is still a submit
        form = form_class(request.POST, request.FILES or None, **kwargs)
    else:
        form = form_class(**kwargs)
    token = token_toevoegen(form)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != TOKEN_VELD}
        try:
            with transaction.atomic():
                token_claimen(request, token)
                resultaat = opslaan(data)
                doel = (volgende(resultaat) if callable(volgende) else volgende) or terug
                token_afronden(request, token, doel)
        except AlVerstuurd as eerder:
            messages.info(request, AL_VERSTUURD)
            return redirect(eerder.doel or terug)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, melding(resultaat) if callable(melding) else melding)
            return redirect(doel)
    return render(request, template, {
        **context, "form": form, "titel": titel, "knop": knop, "uitleg": uitleg, "terug": terug,
        "terug_label": terug_label,
    })
