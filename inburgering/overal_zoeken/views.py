"""The search-everywhere pages: POST /zoeken/ keeps the term under a token and redirects to
/zoeken/<token>/, the results grouped by kind. The term is never in a URL, a log or the page title."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inburgering import sessietokens, zoeken
from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import raadplegen_vastleggen

from . import aanbieders_voor
from . import zoeken as overal_zoeken

SOORT = "overal"  # the kind of search in the security log
MAX_LENGTE = 100


def _mag_zoeken(request: HttpRequest) -> None:
    if not aanbieders_voor(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """GET: the empty search page. POST: keep the term and go to its results (303)."""
    _mag_zoeken(request)
    if request.method == "POST":
        term = request.POST.get("term", "").strip()
        fout = ""
        if not term:
            fout = _("Vul een naam, BSN, V-nummer of kenmerk in.")
        elif len(term) > MAX_LENGTE:
            fout = _("Een zoekterm is ten hoogste %(n)s tekens.") % {"n": MAX_LENGTE}
        if fout:
            return render(request, "zoeken/resultaten.html", {"fout": fout, "term": term[:MAX_LENGTE]})
        token = sessietokens.bewaren(request, zoeken.SESSIE_SLEUTEL, term, nu=zoeken._nu(),
                                     geldigheid=zoeken.GELDIGHEID, maximum=zoeken.MAXIMUM)
        beveiliging_vastleggen(Gebeurtenis.ZOEKOPDRACHT, request=request,
                               details={"soort": SOORT, "term_hmac": zoeken.zoekterm_hash(term)})
        return HttpResponseRedirect(reverse("overal_zoeken:resultaten", args=[token]), status=303)
    return render(request, "zoeken/resultaten.html", {})


@login_required
@require_http_methods(["GET"])
def resultaten(request: HttpRequest, token: str) -> HttpResponse:
    _mag_zoeken(request)
    term = sessietokens.lezen(request, zoeken.SESSIE_SLEUTEL, token, nu=zoeken._nu())
    if term is None:
        messages.warning(request, zoeken.VERLOPEN)
        return render(request, "zoeken/resultaten.html", {})
    groepen = overal_zoeken(request.user, term, token=token)
    # Logboek Dataverwerkingen: the page shows data of these dossiers (as the dossier list does).
    raadplegen_vastleggen(t.dossier_id for g in groepen for t in g.treffers)
    return render(request, "zoeken/resultaten.html", {
        "term": term, "groepen": groepen, "gezocht": True,
        "aantal": sum(len(g.treffers) for g in groepen),
    })
