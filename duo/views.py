"""The DUO pages (issue 16): the dossier's DUO tab (who may see the dossier), and the outbox screen for the
koppelbeheerder — all messages, filters, dead letters, 'opnieuw proberen', alerts, the connection settings.
The functioneel beheerder sees the outbox's metadata only: no BSN (masked in the path), no body."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cases.views import dossier_pagina, lijstpagina
from inburgering.accounts.roles import Rol
from inburgering.formulierpagina import VersieVeld
from inburgering.schrijven import VERSIE_VEROUDERD

from . import selectors, verzenden
from .controle import zonder_bsn
from .models import KoppelingMelding, Soort, Status


class FilterForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False,
                               choices=[("", gettext_lazy("Alle")), *list(Status.choices)])
    soort = forms.ChoiceField(label=gettext_lazy("Soort"), required=False,
                              choices=[("", gettext_lazy("Alle")), *list(Soort.choices)])


def _toegang(request: HttpRequest) -> bool:
    """True: the koppelbeheerder (everything); False: the beheerder (masked metadata); else 403."""
    if request.user.heeft_rol(Rol.KOPPELBEHEER):
        return True
    if request.user.heeft_rol(Rol.BEHEERDER):
        return False
    raise PermissionDenied


@login_required
def dossier_tab(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "duo")
    context["berichten"] = list(selectors.berichten_van_dossier(dossier))
    return render(request, "duo/dossier.html", context)


@login_required
@require_GET
def outbox(request: HttpRequest) -> HttpResponse:
    volledig = _toegang(request)
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rijen = selectors.outbox(status=filters.get("status", ""), soort=filters.get("soort", ""))
    context = lijstpagina(request, rijen)
    per_status = selectors.aantallen_per_status()
    for bericht in context["pagina"].object_list:
        bericht.pad_getoond = bericht.pad if volledig else zonder_bsn(bericht.pad)
    context.update(
        form=form, volledig=volledig, meldingen=list(selectors.open_meldingen()), verbinding=selectors.verbinding(),
        aantallen=[(label, per_status[waarde]) for waarde, label in Status.choices],
    )
    return render(request, "duo/outbox.html", context)


@login_required
@require_POST
def opnieuw(request: HttpRequest, bericht_pk: int) -> HttpResponse:
    if not request.user.heeft_rol(Rol.KOPPELBEHEER):
        raise PermissionDenied
    form = VersieVeld(request.POST)
    versie = form.cleaned_data.get("versie") if form.is_valid() else None
    try:
        verzenden.opnieuw_proberen(bericht_id=bericht_pk, versie=versie, by=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages) or str(VERSIE_VEROUDERD))
    else:
        messages.success(request, _("Het bericht wordt opnieuw verstuurd, met hetzelfde berichtId."))
    return redirect("duo:outbox")


@login_required
@require_POST
def melding_afhandelen(request: HttpRequest, melding_pk: int) -> HttpResponse:
    if not request.user.heeft_rol(Rol.KOPPELBEHEER):
        raise PermissionDenied
    KoppelingMelding.objects.filter(pk=melding_pk, afgehandeld_op=None).update(afgehandeld_op=timezone.now())
    messages.success(request, _("De melding is afgehandeld."))
    return redirect("duo:outbox")
