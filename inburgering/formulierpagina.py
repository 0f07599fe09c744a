"""One form flow (STYLE habit 16): a page that shows a form, calls one service, and on success says
so and goes back. A page states only its form, its service and its words; the flow, the Dutch errors
next to their fields, the error summary and the page itself are the same everywhere
(`templates/formulier.html`).

A form that edits an existing (or singleton) object carries its version (`VersieVeld`), filled
with `inburgering.schrijven.versie_van(obj)`; the service refuses a stale or missing one, and the page
shows that refusal with the user's input still in the form.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

SJABLOON = "formulier.html"


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
    if request.method == "POST" and form.is_valid():
        try:
            resultaat = opslaan(form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, melding(resultaat) if callable(melding) else melding)
            doel = volgende(resultaat) if callable(volgende) else volgende
            return redirect(doel or terug)
    return render(request, template, {
        **context, "form": form, "titel": titel, "knop": knop, "uitleg": uitleg, "terug": terug,
        "terug_label": terug_label,
    })
