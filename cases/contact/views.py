from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.views import dossier_pagina, fouten_naar_formulieren

from . import selectors, services
from .forms import ContactmomentForm


@login_required
def contacten(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "contacten")
    context["contacten"] = selectors.contactmomenten(dossier)
    return render(request, "cases/contact/contacten.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "contact_nieuw")
    if not context["mag_bewerken"]:
        raise PermissionDenied
    form = ContactmomentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contactmoment_vastleggen(dossier_id=dossier.pk, gegevens=form.cleaned_data,
                                                        by=request.user)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("%(soort)s van %(datum)s is vastgelegd.")
                             % {"soort": contact.get_soort_display(), "datum": contact.datum.strftime("%d-%m-%Y")})
            return redirect("contact:contacten", pk=dossier.pk)
    context["form"] = form
    return render(request, "cases/contact/contact_form.html", context)
