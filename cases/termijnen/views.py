"""The werkvoorraad: open signals by urgency, handle with a note, snooze, add an aandachtspunt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cases import access
from cases import selectors as dossier_selectors
from cases.selectors import Bereik
from cases.views import dossier_formulier, lijstpagina, met_naam, vereist
from inburgering.audit.services import inzage_vastleggen
from inburgering.formulierpagina import fouten_naar_formulieren
from inburgering.zoeken import zoekopdracht

from . import selectors, services
from .forms import AandachtspuntForm, AfhandelenForm, SignaalFilterForm, WegzettenForm
from .selectors import SignaalFilter

TITELS = {
    Bereik.MIJN: gettext_lazy("Mijn werkvoorraad"),
    Bereik.TEAM: gettext_lazy("Werkvoorraad van mijn team"),
    Bereik.ALLE: gettext_lazy("Werkvoorraad: alle dossiers"),
}


@login_required
@require_http_methods(["GET", "POST"])  # POST: a search, its term never in the URL
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    user = request.user
    vereist(access.mag_dossiers_zien(user))
    zoeken = zoekopdracht(request, soort="werkvoorraad")
    if zoeken.antwoord:
        return zoeken.antwoord
    form = SignaalFilterForm(
        zoeken.data, teams=dossier_selectors.teams(), werkcoaches=dossier_selectors.werkcoaches(),
        bereiken=selectors.bereiken_voor(user),
    )
    filter = SignaalFilter(**form.waarden())
    peildatum = localdate()
    signalen = selectors.werkvoorraad(user=user, filter=filter, peildatum=peildatum).only(*selectors.LIJST_VELDEN)
    lijst = lijstpagina(request, signalen, zoeken.parameters, zoekterm=filter.zoek)
    context = {
        **lijst,
        "form": form,
        "regels": selectors.regels(lijst["pagina"].object_list, peildatum=peildatum),
        "toon_team_filters": access.mag_alle_dossiers_zien(user),
        "titel": TITELS.get(filter.bereik, TITELS[Bereik.ALLE]),
    }
    if request.htmx and request.htmx.target == "resultaten":
        return zoeken.afronden(render(request, "cases/werkvoorraad/_resultaten.html", context))
    return zoeken.afronden(render(request, "cases/werkvoorraad/lijst.html", context))


def _signaal_pagina(request: HttpRequest, pk: int, **forms) -> HttpResponse:
    signaal = selectors.signaal_detail(user=request.user, pk=pk)
    inzage_vastleggen(request=request, dossier_id=signaal.dossier_id, pagina="signaal")
    mag_behandelen = signaal.is_open and access.mag_dossier_bewerken(request.user, signaal.dossier)
    regel = selectors.regels([signaal], peildatum=localdate())[0]
    fout_form = next((f for f in forms.values() if f.errors), None)
    return render(request, "cases/werkvoorraad/signaal.html", {
        "regel": regel,
        "signaal": signaal,
        "mag_behandelen": mag_behandelen,
        "afhandelen_form": forms.get("afhandelen_form") or AfhandelenForm(),
        "wegzetten_form": forms.get("wegzetten_form") or WegzettenForm(),
        "form": fout_form,  # the error summary and the "Fout:" title prefix
    })


@login_required
def signaal(request: HttpRequest, pk: int) -> HttpResponse:
    return _signaal_pagina(request, pk)


@login_required
@require_POST
def signaal_afhandelen(request: HttpRequest, pk: int) -> HttpResponse:
    signaal = selectors.signaal_detail(user=request.user, pk=pk)
    vereist(access.mag_dossier_bewerken(request.user, signaal.dossier))
    form = AfhandelenForm(request.POST)
    if form.is_valid():
        try:
            services.signaal_afhandelen(signaal_id=signaal.pk, notitie=form.cleaned_data["notitie"], by=request.user)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("Het signaal van %(naam)s is afgehandeld.") % {
                "naam": signaal.dossier.inburgeraar.volledige_naam})
            return redirect("werkvoorraad:lijst")
    return _signaal_pagina(request, pk, afhandelen_form=form)


@login_required
@require_POST
def signaal_wegzetten(request: HttpRequest, pk: int) -> HttpResponse:
    signaal = selectors.signaal_detail(user=request.user, pk=pk)
    vereist(access.mag_dossier_bewerken(request.user, signaal.dossier))
    form = WegzettenForm(request.POST)
    if form.is_valid():
        tot = form.cleaned_data["tot"]
        try:
            services.signaal_wegzetten(signaal_id=signaal.pk, tot=tot, by=request.user)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("Het signaal is weggezet tot %(datum)s.") % {"datum": f"{tot:%d-%m-%Y}"})
            return redirect("werkvoorraad:lijst")
    return _signaal_pagina(request, pk, wegzetten_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def aandachtspunt_nieuw(request: HttpRequest, dossier_pk: int) -> HttpResponse:
    return dossier_formulier(
        request, dossier_pk, pagina="aandachtspunt", form_class=AandachtspuntForm,
        opslaan=lambda dossier, data: services.aandachtspunt_aanmaken(
            dossier_id=dossier.pk, omschrijving=data["omschrijving"], by=request.user),
        titel=met_naam(_("Aandachtspunt voor %(naam)s")), knop=_("Aandachtspunt toevoegen"),
        melding=_("Het aandachtspunt staat op de werkvoorraad."), terug_label=_("Terug naar het dossier"),
    )


@login_required
@require_POST
def samenvatting(request: HttpRequest) -> HttpResponse:
    """The werkcoach turns the daily e-mail digest on or off (opt-out per user)."""
    aan = request.POST.get("aan") == "1"
    services.samenvatting_instellen(aan=aan, by=request.user)
    messages.success(request, _("U ontvangt de dagelijkse samenvatting per e-mail.") if aan
                     else _("U ontvangt geen dagelijkse samenvatting meer per e-mail."))
    return redirect("werkvoorraad:lijst")
