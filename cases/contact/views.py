from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.views import dossier_formulier, dossier_pagina, met_naam

from . import selectors, services
from .forms import ContactmomentForm, VoortgangsgesprekUitnodigenForm


@login_required
def contacten(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "contacten")
    context["contacten"] = selectors.contactmomenten(dossier)
    context["uitnodigingen"] = selectors.voortgangsuitnodigingen(dossier)
    return render(request, "cases/contact/contacten.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return dossier_formulier(
        request, pk, pagina="contact_nieuw", form_class=ContactmomentForm,
        opslaan=lambda dossier, data: services.contactmoment_vastleggen(
            dossier_id=dossier.pk, gegevens=data, by=request.user),
        titel=met_naam(_("Contact met %(naam)s vastleggen")),
        uitleg=_("Een voortgangsgesprek zet de termijn voor het volgende gesprek opnieuw in. Een no-show wordt "
                 "bewaard voor de handhaving."),
        knop=_("Contact vastleggen"),
        melding=lambda contact: _("%(soort)s van %(datum)s is vastgelegd.") % {
            "soort": contact.get_soort_display(), "datum": contact.datum.strftime("%d-%m-%Y")},
        terug=lambda dossier: reverse("contact:contacten", args=[dossier.pk]),
        terug_label=_("Terug naar de contacten"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def voortgangsgesprek_uitnodigen(request: HttpRequest, pk: int) -> HttpResponse:
    """A werkcoach invites the person to a voortgangsgesprek by letter (issue 15)."""
    return dossier_formulier(
        request, pk, pagina="voortgangsgesprek_uitnodigen", form_class=VoortgangsgesprekUitnodigenForm,
        form_kwargs=lambda dossier: {"heeft_adres": bool(dossier.inburgeraar.adresregels)},
        opslaan=lambda dossier, data: services.voortgangsgesprek_uitnodigen(
            dossier_id=dossier.pk, datum=data["datum"], tijd=data["tijd"], plaats=data["plaats"],
            toelichting=data["toelichting"], per_post=data["verzendwijze"] == "post",
            uitgereikt_op=None if data["verzendwijze"] == "post" else data["uitgereikt_op"], by=request.user),
        titel=met_naam(_("%(naam)s uitnodigen voor een voortgangsgesprek")),
        uitleg=_("Het systeem maakt de uitnodigingsbrief. Per post gaat hij mee met de printbatch van de postkamer; "
                 "de dag van posten is de verzenddatum."),
        knop=_("Uitnodiging versturen"),
        melding=lambda u: _("De uitnodiging is gemaakt. De brief wacht op de printbatch.") if u.verzonden_op is None
        else _("De uitnodiging is gemaakt en uitgereikt."),
        terug=lambda dossier: reverse("contact:contacten", args=[dossier.pk]),
        terug_label=_("Terug naar de contacten"),
    )
