"""The privacy officer's pages (issue 13): the Logboek Dataverwerkingen and the register of processing
activities. Only the privacy officer (`Rol.PRIVACY`) sees them; everyone else, the beheerder included,
gets 403. The list pages the same way as every list (`cases.views.lijstpagina`, which the kernel may not
import): Django's Paginator, 25 per page, `includes/paginering.html`."""

from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .forms import VerwerkingenFilterForm
from .models import Dataverwerking, DataverwerkingDossier, Verwerkingsactiviteit

PAGINA_GROOTTE = 25


def _alleen_privacy(request: HttpRequest) -> None:
    if not request.user.is_privacy:
        raise PermissionDenied


def verwerkingen_zoeken(*, activiteit=None, handeling=None, dossier=None, gebruiker=None, van=None, tot=None):
    """The log, newest first (index `verwerking_tijd`); a dossier through its child rows (index
    `verwerking_dossier`, tests/verwerkingen/test_indexen.py)."""
    regels = Dataverwerking.objects.select_related("activiteit", "gebruiker").order_by("-tijdstip", "-id")
    if activiteit:
        regels = regels.filter(activiteit=activiteit)
    if handeling:
        regels = regels.filter(handelingen__contains=handeling)  # no code is part of another
    if dossier:
        regels = regels.filter(id__in=_verwerkingen_van_dossier(dossier))
    if gebruiker:
        regels = regels.filter(gebruiker=gebruiker)
    if van:
        regels = regels.filter(tijdstip__gte=timezone.make_aware(datetime.combine(van, time.min)))
    if tot:
        regels = regels.filter(tijdstip__lt=timezone.make_aware(datetime.combine(tot + timedelta(days=1), time.min)))
    return regels


def _verwerkingen_van_dossier(dossier_id: int):
    return DataverwerkingDossier.objects.filter(dossier_id=dossier_id).values("verwerking_id")


@login_required
@require_GET
def logboek(request: HttpRequest) -> HttpResponse:
    _alleen_privacy(request)
    form = VerwerkingenFilterForm(request.GET or None)
    regels = verwerkingen_zoeken(**form.waarden()) if request.GET else verwerkingen_zoeken()
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(request, "audit/verwerkingen.html", {
        "form": form,
        "pagina": Paginator(regels, PAGINA_GROOTTE).get_page(request.GET.get("pagina")),
        "querystring": querystring.urlencode(),
        "gefilterd": bool(querystring),
    })


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    _alleen_privacy(request)
    return render(request, "audit/register.html", {"activiteiten": Verwerkingsactiviteit.objects.order_by("naam")})
