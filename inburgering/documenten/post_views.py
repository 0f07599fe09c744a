"""The postkamer's pages (issue 15): the letters waiting for the post, composing the print batch, its PDF and
verzendlijst, and confirming the day it was posted. Only `Rol.POSTKAMER`: letters carry personal data, so
not the beheerder; the waiting list shows kenmerken, not names (the names are in the PDF, in the envelope)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inburgering.accounts.roles import Rol
from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.formulieren import DatumInput, DatumVeld
from inburgering.formulierpagina import VersieVeld, formulier_pagina
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import versie_van

from . import verzending
from .models import Verzendbatch
from .views import document_response

PAGINA = 25


class BevestigenForm(VersieVeld):
    gepost_op = DatumVeld(label=_("Gepost op"), widget=DatumInput(),
                          help_text=_("De dag waarop de brieven naar de post zijn gegaan: hun bekendmaking."))


def _postkamer(request: HttpRequest) -> None:
    if not request.user.heeft_rol(Rol.POSTKAMER):
        raise PermissionDenied


@login_required
@require_GET
def post(request: HttpRequest) -> HttpResponse:
    _postkamer(request)
    wachtend = verzending.wachtend().order_by("aangemaakt_op", "pk")
    batches = Verzendbatch.objects.order_by("-aangemaakt_op", "-id")
    return render(request, "documenten/post.html", {
        "wachtend": Paginator(wachtend, PAGINA).get_page(request.GET.get("wachtend")),
        "pagina": Paginator(batches, PAGINA).get_page(request.GET.get("pagina")), "querystring": "",
    })


@login_required
@require_POST
def samenstellen(request: HttpRequest) -> HttpResponse:
    _postkamer(request)
    try:
        batch = verzending.batch_samenstellen(door=request.user, request=request)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("post:post")
    messages.success(request, _("De printbatch is samengesteld. Download de brieven, post ze en bevestig daarna "
                                "de verzenddatum."))
    return redirect("post:batch", pk=batch.pk)


@login_required
@require_GET
def batch(request: HttpRequest, pk: int) -> HttpResponse:
    _postkamer(request)
    gevonden = get_object_or_404(Verzendbatch.objects.select_related("aangemaakt_door", "bevestigd_door"), pk=pk)
    return render(request, "documenten/post_batch.html", {
        "batch": gevonden, "aantal": gevonden.verzendingen.count(),
    })


@login_required
@require_GET
def download(request: HttpRequest, pk: int, wat: str) -> HttpResponse:
    _postkamer(request)
    gevonden = get_object_or_404(Verzendbatch, pk=pk)
    document = {"brieven": gevonden.bundel, "verzendlijst": gevonden.verzendlijst}.get(wat)
    if document is None:  # an unknown part, or the letters of a batch already posted (removed then)
        raise Http404
    beveiliging_vastleggen(Gebeurtenis.EXPORT, request=request, details={
        "soort": f"printbatch_{wat}", "batch": gevonden.pk})
    return document_response(document)


@login_required
@require_http_methods(["GET", "POST"])
def bevestigen(request: HttpRequest, pk: int) -> HttpResponse:
    _postkamer(request)
    gevonden = get_object_or_404(Verzendbatch, pk=pk)
    return formulier_pagina(
        request, form_class=BevestigenForm,
        opslaan=lambda data: verzending.batch_bevestigen(batch_id=gevonden.pk, door=request.user, request=request,
                                                        **data),
        titel=_("Verzending bevestigen"), knop=_("Bevestigen"),
        melding=_("De verzending is bevestigd. De bezwaartermijnen lopen vanaf de dag na de verzenddatum."),
        terug=reverse("post:batch", args=[gevonden.pk]), context={"batch": gevonden},
        initial={"gepost_op": vandaag(), "versie": versie_van(gevonden)},
        uitleg=_("Bevestig pas als de brieven echt naar de post zijn. De verzenddatum is de bekendmaking van elke "
                 "beschikking in deze batch (Awb 3:41); de bezwaartermijn begint de dag erna."),
    )
