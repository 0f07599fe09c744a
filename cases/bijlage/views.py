"""The Documenten tab (issue 15): the list, the upload form, and the two downloads. A download is looked
up through its dossier (another dossier's letter or bijlage under this dossier's URL: 404, nothing
logged), logged as a read of the dossier (`inzage_vastleggen`, page "document"), and verified against
the sha256 recorded when the file was made or uploaded (a changed file: the Dutch error page)."""

import hmac
import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import selectors as dossier_selectors
from cases.models import DossierBijlage
from cases.views import dossier_formulier, dossier_pagina, lijstpagina, met_naam
from inburgering.audit.services import inzage_vastleggen
from inburgering.documenten.models import Document
from inburgering.documenten.services import DocumentGemanipuleerd
from inburgering.documenten.views import _ONVEILIG_IN_BESTANDSNAAM, document_response

from . import services
from .forms import BijlageForm
from .selectors import DocumentRijen

PAGINA_DOWNLOAD = "document"
FOUT_BIJLAGE_GEWIJZIGD = "Het bestand van bijlage {id} komt niet overeen met de vastgelegde SHA-256; het is gewijzigd."


@login_required
def documenten(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "documenten")
    context.update(lijstpagina(request, DocumentRijen(dossier)))
    return render(request, "cases/documenten.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def document_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    return dossier_formulier(
        request, pk, pagina="document_toevoegen", form_class=BijlageForm,
        opslaan=lambda dossier, data: services.bijlage_toevoegen(dossier_id=dossier.pk, by=request.user, **data),
        titel=met_naam(_("Document toevoegen aan het dossier van %(naam)s")),
        uitleg=_("Het bestand wordt gecontroleerd op soort, grootte en virussen. Wie het document later "
                 "downloadt, wordt vastgelegd."),
        knop=_("Toevoegen"),
        melding=lambda bijlage: _("Het document “%(omschrijving)s” is toegevoegd.") % {
            "omschrijving": bijlage.omschrijving},
        terug=lambda dossier: reverse("cases:documenten", args=[dossier.pk]),
        terug_label=_("Terug naar de documenten"),
    )


def _download_vastleggen(request: HttpRequest, pk: int) -> None:
    inzage_vastleggen(request=request, dossier_id=pk, pagina=PAGINA_DOWNLOAD)


@login_required
def brief_download(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    """A letter of THIS dossier (404 for a dossier the user does not see, or another dossier's letter)."""
    dossier = dossier_selectors.dossier_detail(user=request.user, pk=pk)
    document = Document.objects.filter(dossier_id=dossier.pk, pk=document_id).first()
    if document is None:
        raise Http404
    response = document_response(document)  # verifies the sha256 first: a refused download logs no read
    _download_vastleggen(request, dossier.pk)
    return response


@login_required
def bijlage_download(request: HttpRequest, pk: int, bijlage_id: int) -> HttpResponse:
    """An uploaded document of THIS dossier, verified against its sha256 before it is served."""
    dossier = dossier_selectors.dossier_detail(user=request.user, pk=pk)
    bijlage = DossierBijlage.objects.filter(dossier_id=dossier.pk, pk=bijlage_id).first()
    if bijlage is None:
        raise Http404
    with bijlage.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    if not hmac.compare_digest(services.sha256_van_bytes(inhoud), bijlage.sha256):
        raise DocumentGemanipuleerd(FOUT_BIJLAGE_GEWIJZIGD.format(id=bijlage.pk))  # the same Dutch error page
    _download_vastleggen(request, dossier.pk)
    naam = _ONVEILIG_IN_BESTANDSNAAM.sub(" ", bijlage.originele_naam).strip() or "document"
    # The content type is the one detected at upload, not the name the user gave.
    response = FileResponse(io.BytesIO(inhoud), as_attachment=True, filename=naam, content_type=bijlage.mime_type)
    response["Cache-Control"] = "private, no-store"  # personal data: no shared or browser cache
    return response
