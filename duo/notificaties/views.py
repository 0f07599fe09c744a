import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cases.views import dossier_pagina, lijstpagina, vereist
from inburgering.accounts.roles import Rol

from . import contract, ontvangen, rules, selectors, services
from . import instroom as wachtrij
from .access import mag_koppeling_zien
from .forms import MeldingenFilter
from .models import DuoInstroom, NotificatieStatus

logger = logging.getLogger(__name__)


# --- DUO's Notificatie API ------------------------------------------------------------------------------------
def _antwoord(status: int) -> HttpResponse:
    """Every answer carries API-Version (the contract's info.version); 201, 400, 401 and 403 have no body."""
    antwoord = HttpResponseNotAllowed(["POST"]) if status == 405 else HttpResponse(status=status)
    antwoord["API-Version"] = contract.api_versie()
    return antwoord


def _geauthenticeerd(request: HttpRequest) -> bool:
    """Production: the reverse proxy checked DUO's PKIoverheid client certificate and passes its subject in
    DUO_NOTIFICATIE_CERT_HEADER (it must overwrite that header on every request). Dev/test: the token."""
    if settings.DUO_NOTIFICATIE_CERT_HEADER and rules.certificaat_geldig(
            subject=request.headers.get(settings.DUO_NOTIFICATIE_CERT_HEADER, ""),
            verwacht=settings.DUO_NOTIFICATIE_CERT_SUBJECT):
        return True
    return rules.token_geldig(header=request.headers.get("Authorization", ""),
                              verwacht=settings.DUO_NOTIFICATIE_TOKEN)


@csrf_exempt  # a machine-to-machine API: authenticated by certificate or token, not by a session
def notificatie_ontvangen(request: HttpRequest) -> HttpResponse:
    """POST /duo/notificaties (contract: POST /notificaties). Stores the notification and answers at once; the
    effect follows in a worker. The same notification twice: 201 again, nothing new stored."""
    if request.method != "POST":
        return _antwoord(405)
    if not _geauthenticeerd(request):
        logger.warning("DUO-notificatie geweigerd: niet geauthenticeerd")
        return _antwoord(401)
    try:
        headers = contract.headers_controleren(request.headers)
        body = contract.body_lezen(request.META.get("CONTENT_TYPE", ""), request.body)
    except contract.OngeldigVerzoek as fout:
        logger.info("DUO-notificatie geweigerd: %s", fout)  # names the field, never its value
        return _antwoord(400)
    if headers["bron"] != settings.DUO_OIN_DUO or headers["doel"] != settings.DUO_OIN_GEMEENTE:
        logger.warning("DUO-notificatie geweigerd: bron of doel is niet DUO → deze gemeente")
        return _antwoord(403)
    ontvangen.notificatie_opslaan(body=body, bericht_id=contract.bericht_id(headers["berichtId"]),
                                  bron=headers["bron"])
    return _antwoord(201)


# --- the inflow queue -------------------------------------------------------------------------------------------
@login_required
@require_GET
def instroom(request: HttpRequest) -> HttpResponse:
    vereist(request.user.heeft_rol(Rol.WERKCOACH, Rol.CONSULENT, Rol.MANAGER))
    context = lijstpagina(request, selectors.instroom_wachtrij(request.user))
    context["mag_oppakken"] = request.user.heeft_rol(Rol.WERKCOACH)
    return render(request, "duo_notificaties/instroom.html", context)


@login_required
@require_POST
def instroom_oppakken(request: HttpRequest, instroom_id: int) -> HttpResponse:
    vereist(request.user.heeft_rol(Rol.WERKCOACH))
    try:
        dossier = wachtrij.instroom_oppakken(instroom_id=instroom_id, by=request.user)
    except DuoInstroom.DoesNotExist:
        raise Http404(wachtrij.AL_OPGEPAKT) from None  # another team's, or taken up already
    except (ValidationError, PermissionDenied) as fout:
        messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect("duo_notificaties:instroom")
    messages.success(request, "Het dossier is aangemaakt en staat in uw caseload.")
    return redirect("cases:dossier_detail", pk=dossier.pk)


# --- the koppelbeheerder: notifications and differences ---------------------------------------------------------
@login_required
@require_GET
def meldingen(request: HttpRequest) -> HttpResponse:
    vereist(mag_koppeling_zien(request.user))
    form = MeldingenFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    context = lijstpagina(request, selectors.notificaties(status=filters.get("status") or "",
                                                          gebeurtenis=filters.get("gebeurtenis") or ""))
    for rij in context["pagina"].object_list:
        rij.betekenis = rules.regel_voor(rij.gebeurtenis_id).betekenis
    context.update(form=form, fout=NotificatieStatus.FOUT, onbekend=selectors.aantal_onbekend())
    return render(request, "duo_notificaties/meldingen.html", context)


@login_required
@require_POST
def opnieuw(request: HttpRequest, notificatie_id: int) -> HttpResponse:
    vereist(mag_koppeling_zien(request.user))
    services.notificatie_opnieuw(notificatie_id=notificatie_id, by=request.user)
    ontvangen.inplannen(notificatie_id)
    messages.success(request, "De melding wordt opnieuw verwerkt.")
    return redirect("duo_koppeling:meldingen")


@login_required
@require_GET
def verschillen(request: HttpRequest) -> HttpResponse:
    vereist(mag_koppeling_zien(request.user))
    return render(request, "duo_notificaties/verschillen.html", lijstpagina(request, selectors.verschillen()))


# --- the dossier tab "Gegevens van DUO" -------------------------------------------------------------------------
@login_required
def dossier_tab(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "duo_gegevens")
    context.update(
        gegevens=[(g, selectors.regels(g.waarde)) for g in dossier.duo_gegevens.all()],
        notificaties=list(dossier.duo_notificaties.order_by("-ontvangen_op")[:50]),
        verschillen=list(dossier.duo_verschillen.all()),
    )
    for rij in context["notificaties"]:
        rij.betekenis = rules.regel_voor(rij.gebeurtenis_id).betekenis
    return render(request, "duo_notificaties/dossier_tab.html", context)
