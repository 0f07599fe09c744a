"""The privacy officer's pages: vernietigingslijsten (review, exclude, offer, approve with four eyes), the
dossiers an exclusion keeps, and the verklaring van vernietiging. Only `Rol.PRIVACY`; the beheerder
sees the lists' metadata in /beheer/ (avg.admin), never the names."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from cases.views import lijstpagina
from inburgering.accounts.roles import Rol
from inburgering.audit.verwerkingen import raadplegen_vastleggen
from inburgering.documenten.views import document_response
from inburgering.formulierpagina import formulier_pagina
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.schrijven import versie_van

from . import forms, services
from .models import OPEN_LIJST, LijstStatus, Regel, Vernietigingslijst


def _privacy(request: HttpRequest) -> None:
    if not request.user.heeft_rol(Rol.PRIVACY):
        raise PermissionDenied


@login_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    _privacy(request)
    eerdere = Vernietigingslijst.objects.exclude(status__in=OPEN_LIJST).select_related("verklaring")
    return render(request, "avg/start.html", {
        "open_lijsten": list(Vernietigingslijst.objects.filter(status__in=OPEN_LIJST).order_by("aangemaakt_op", "pk")),
        **lijstpagina(request, eerdere),
        "aantal_uitgesloten": len(services.uitgesloten()),
        "instellingen": GemeenteInstellingen.huidig(),
    })


@login_required
@require_GET
def uitgesloten(request: HttpRequest) -> HttpResponse:
    """Dossiers past their date that an exclusion keeps off the list, with names for the review."""
    _privacy(request)
    rijen = services.uitgesloten()
    pagina = Paginator(rijen, 25).get_page(request.GET.get("pagina"))
    personen = services.personen_met_dossier(k.dossier_id for k, _r in pagina.object_list)
    raadplegen_vastleggen(personen)
    return render(request, "avg/uitgesloten.html", {
        "pagina": pagina, "querystring": "",
        "rijen": [(k, redenen, personen.get(k.dossier_id)) for k, redenen in pagina.object_list],
    })


@login_required
@require_GET
def lijst(request: HttpRequest, pk: int) -> HttpResponse:
    _privacy(request)
    vernietigingslijst = get_object_or_404(Vernietigingslijst.objects.select_related(
        "voorbereid_door", "beoordeeld_door"), pk=pk)
    context = lijstpagina(request, vernietigingslijst.regels.order_by("vernietigen_vanaf", "dossier_nummer", "pk"))
    regels = list(context["pagina"].object_list)
    personen = services.personen_met_dossier(r.dossier_nummer for r in regels)
    raadplegen_vastleggen(personen)  # names shown: a read of those dossiers (Logboek Dataverwerkingen)
    context.update({
        "lijst": vernietigingslijst,
        "rijen": [(r, personen.get(r.dossier_nummer)) for r in regels],
        "telling": {
            "totaal": vernietigingslijst.regels.count(),
            "uitgezonderd": vernietigingslijst.regels.filter(uitgezonderd=True).count(),
        },
        "versie": versie_van(vernietigingslijst),
        "mag_beoordelen": vernietigingslijst.status == LijstStatus.TER_GOEDKEURING
        and vernietigingslijst.voorbereid_door_id != request.user.pk,
        "zelfde_persoon": services.ZELFDE_PERSOON,
    })
    return render(request, "avg/lijst.html", context)


def _lijst_formulier(request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
    _privacy(request)
    vernietigingslijst = get_object_or_404(Vernietigingslijst, pk=pk)
    terug = reverse("avg:lijst", args=[pk])
    return formulier_pagina(request, terug=terug, initial={"versie": versie_van(vernietigingslijst)},
                            context={"lijst": vernietigingslijst}, **kwargs)


@login_required
@require_http_methods(["GET", "POST"])
def uitzonderen(request: HttpRequest, pk: int, regel_pk: int) -> HttpResponse:
    _privacy(request)
    regel = get_object_or_404(Regel, pk=regel_pk, lijst_id=pk)
    return _lijst_formulier(
        request, pk, form_class=forms.UitzonderenForm,
        opslaan=lambda data: services.regel_uitzonderen(regel_id=regel.pk, door=request.user, **data),
        titel=_("Dossier %(nr)s uitzonderen") % {"nr": regel.dossier_nummer}, knop=_("Uitzonderen"),
        melding=_("Het dossier is uitgezonderd en wordt niet vernietigd."),
        uitleg=_("Het dossier blijft bewaard en komt tot de gekozen datum niet op een nieuwe lijst."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def aanbieden(request: HttpRequest, pk: int) -> HttpResponse:
    return _lijst_formulier(
        request, pk, form_class=forms.AanbiedenForm,
        opslaan=lambda data: services.ter_goedkeuring_aanbieden(lijst_id=pk, door=request.user, **data),
        titel=_("Lijst ter goedkeuring aanbieden"), knop=_("Ter goedkeuring aanbieden"),
        melding=_("De lijst is ter goedkeuring aangeboden. Een andere privacy officer keurt hem goed."),
        uitleg=_("Na het aanbieden kunt u geen regels meer uitzonderen. Een andere privacy officer beoordeelt "
                 "de lijst (vier ogen)."),
    )


def _beoordelen(request: HttpRequest, pk: int, data: dict) -> Vernietigingslijst:
    if data["besluit"] == "afwijzen":
        return services.afwijzen(lijst_id=pk, versie=data["versie"], toelichting=data["toelichting"],
                                 door=request.user)
    services.goedkeuren(lijst_id=pk, versie=data["versie"], toelichting=data["toelichting"], door=request.user)
    return services.uitvoeren(lijst_id=pk, door=request.user)  # same transaction: all or nothing


@login_required
@require_http_methods(["GET", "POST"])
def beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    return _lijst_formulier(
        request, pk, form_class=forms.BeoordelenForm, opslaan=lambda data: _beoordelen(request, pk, data),
        titel=_("Vernietigingslijst beoordelen"), knop=_("Besluit vastleggen"),
        melding=lambda lijst: (_("De gegevens zijn vernietigd. De verklaring van vernietiging staat bij de lijst.")
                               if lijst.status == LijstStatus.VERNIETIGD else _("De lijst is afgewezen.")),
        uitleg=_("Bij goedkeuren worden de persoonsgegevens in de dossiers op deze lijst direct en "
                 "onherroepelijk vernietigd; alleen de kerngegevens blijven (Besluit inburgering 2021, art. "
                 "9.9). Een dossier waarvoor intussen een uitzondering geldt, wordt overgeslagen."),
    )


@login_required
@require_GET
def verklaring(request: HttpRequest, pk: int) -> HttpResponse:
    _privacy(request)
    vernietigingslijst = get_object_or_404(Vernietigingslijst.objects.select_related("verklaring"), pk=pk,
                                           verklaring__isnull=False)
    return document_response(vernietigingslijst.verklaring)

