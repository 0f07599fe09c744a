"""The Traject tab (everything in the vastgesteld PIP on one page), its small form pages, each
calling one service, and the aanbieder list for staff."""

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cases import access
from cases.models import Dossier, Fase
from cases.views import dossier_pagina, fouten_naar_formulieren
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.kalender.selectors import vandaag

from . import forms, selectors, services
from .models import Inschrijving, Map, Pvt
from .rules import Examenonderdeel, InschrijvingStatus, UrenCategorie, Voortgang

PAGINA_GROOTTE = 25
Opslaan = Callable[[Dossier, dict, User], object]


def _id(obj) -> int | None:
    return obj.pk if obj is not None else None


def _traject_url(dossier: Dossier, anker: str = "") -> str:
    return reverse("leerroutes:traject", args=[dossier.pk]) + (f"#{anker}" if anker else "")


def _mag_afronden(user: User, dossier: Dossier) -> bool:
    return user.heeft_rol(Rol.CONSULENT)


@login_required
def traject(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "traject")
    overzicht = selectors.traject_overzicht(dossier)
    context.update(
        o=overzicht,
        actief=overzicht.actieve_inschrijving,
        pvt_uren=overzicht.uren_totalen[UrenCategorie.PVT],
        uren_totaal=sum(overzicht.uren_totalen.values()),
        categorieen=[(label, overzicht.uren_totalen[code]) for code, label in UrenCategorie.CHOICES],
        map_voortgang=Voortgang(overzicht.uren_totalen[UrenCategorie.MAP_PRAKTIJK], overzicht.map_norm),
        gratis_pogingen=[(label, overzicht.gratis_pogingen[code]) for code, label in Examenonderdeel.CHOICES]
        if overzicht.gratis_pogingen is not None else [],
        mag_afronden=_mag_afronden(request.user, dossier) and dossier.fase == Fase.IN_UITVOERING,
    )
    return render(request, "leerroutes/traject.html", context)


def _formulier(
    request: HttpRequest, pk: int, *, pagina: str, form_class: type[Form], opslaan: Opslaan, titel: str,
    knop: str, melding: str, anker: str = "", uitleg: str = "", initial: Callable[[Dossier], dict] | None = None,
    toegang: Callable[[User, Dossier], bool] | None = None, template: str = "leerroutes/formulier.html",
    extra: Callable[[Dossier], dict] | None = None,
) -> HttpResponse:
    """One small form page: 403 (nothing logged) for who may not change the dossier, the read
    logged, the service's errors next to their fields, back to the Traject tab on success."""
    dossier, context = dossier_pagina(request, pk, pagina, alleen_bewerken=True, toegang=toegang)
    data = request.POST if request.method == "POST" else None  # an empty POST is still a submit
    form = form_class(data, initial=initial(dossier) if initial else {"datum": vandaag()})
    if request.method == "POST" and form.is_valid():
        try:
            opslaan(dossier, form.cleaned_data, request.user)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, melding)
            return redirect(_traject_url(dossier, anker))
    context.update({"form": form, "titel": titel, "knop": knop, "uitleg": uitleg, "anker": anker,
                    **(extra(dossier) if extra else {})})
    return render(request, template, context)


# --- enrolment ----------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def inschrijving_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(dossier, data, by):
        return services.inschrijving_aanmaken(
            dossier_id=dossier.pk, aanbieder_id=data["aanbieder"].pk, startdatum=data["startdatum"],
            geplande_einddatum=data["geplande_einddatum"], by=by,
        )

    def uitleg_pip(dossier):
        pip = selectors.geldend_pip(dossier)
        return {"uitleg": _("Leerroute volgens het geldende PIP: %(route)s.") % {"route": pip.get_leerroute_display()}
                if pip else _("Er is nog geen vastgesteld PIP.")}

    return _formulier(
        request, pk, pagina="traject_inschrijven", form_class=forms.InschrijvingForm, opslaan=opslaan,
        titel=_("Inschrijven voor de leerroute"), knop=_("Inschrijven"), melding=_("De inschrijving is vastgelegd."),
        anker="leerroute", initial=lambda d: {"startdatum": vandaag()}, extra=uitleg_pip,
    )


ACTIES = {
    "aanmelden": (services.inschrijving_aanmelden, gettext_lazy("Aanmelden bij de aanbieder"),
                  gettext_lazy("Aangemeld"), gettext_lazy("De aanmelding bij de aanbieder is vastgelegd.")),
    "starten": (services.inschrijving_starten, gettext_lazy("Start van de leerroute vastleggen"),
                gettext_lazy("Gestart"), gettext_lazy("De start is vastgelegd.")),
    "afronden": (services.inschrijving_afronden, gettext_lazy("Leerroute afronden"),
                 gettext_lazy("Afronden"), gettext_lazy("De leerroute is afgerond.")),
}


@login_required
@require_http_methods(["GET", "POST"])
def inschrijving_actie(request: HttpRequest, pk: int, inschrijving_id: int, actie: str) -> HttpResponse:
    if actie not in ACTIES:
        raise Http404
    service, titel, knop, melding = ACTIES[actie]
    inschrijving = get_object_or_404(Inschrijving, pk=inschrijving_id, dossier_id=pk)
    uitleg = _("Bij de Z-route is dit de datum van het eindgesprek met de gemeente; dat kan pas als de uren "
               "compleet zijn.") if actie == "afronden" and inschrijving.leerroute == "Z" else ""
    return _formulier(
        request, pk, pagina=f"traject_inschrijving_{actie}", form_class=forms.DatumForm,
        opslaan=lambda d, data, by: service(inschrijving_id=inschrijving.pk, datum=data["datum"], by=by),
        titel=str(titel), knop=str(knop), melding=str(melding), anker="leerroute", uitleg=uitleg,
    )


@login_required
@require_http_methods(["GET", "POST"])
def inschrijving_stoppen(request: HttpRequest, pk: int, inschrijving_id: int) -> HttpResponse:
    inschrijving = get_object_or_404(Inschrijving, pk=inschrijving_id, dossier_id=pk)
    return _formulier(
        request, pk, pagina="traject_inschrijving_stoppen", form_class=forms.StoppenForm,
        opslaan=lambda d, data, by: services.inschrijving_stoppen(inschrijving_id=inschrijving.pk, by=by, **data),
        titel=_("Inschrijving stoppen"), knop=_("Stoppen"), melding=_("De inschrijving is gestopt."),
        anker="leerroute", uitleg=_("De gevolgde uren en examenpogingen blijven bij het dossier."),
    )


# --- hours and exams ----------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def uren_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(dossier, data, by):
        return services.uren_vastleggen(dossier_id=dossier.pk, by=by, aanbieder_id=_id(data.pop("aanbieder")), **data)

    return _formulier(
        request, pk, pagina="traject_uren", form_class=forms.UrenForm, opslaan=opslaan, titel=_("Uren vastleggen"),
        knop=_("Uren vastleggen"), melding=_("De uren zijn vastgelegd."), anker="uren",
        initial=lambda d: {"aanbieder": _id(getattr(_actieve_inschrijving(d), "aanbieder", None))},
    )


def _actieve_inschrijving(dossier: Dossier) -> Inschrijving | None:
    return dossier.inschrijvingen.filter(status__in=InschrijvingStatus.ACTIEF).select_related("aanbieder").first()


@login_required
@require_http_methods(["GET", "POST"])
def examen_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier(
        request, pk, pagina="traject_examen", form_class=forms.ExamenForm,
        opslaan=lambda d, data, by: services.examen_vastleggen(dossier_id=d.pk, by=by, **data),
        titel=_("Examenresultaat vastleggen"), knop=_("Resultaat vastleggen"),
        melding=_("Het examenresultaat is vastgelegd."), anker="examens",
    )


# --- PVT and MAP ----------------------------------------------------------------------------------
def _themas_initial(model) -> Callable[[Dossier], dict]:
    def initial(dossier: Dossier) -> dict:
        obj = model.objects.filter(dossier=dossier).first()
        if obj is None:
            return {}
        velden = {"versie": obj.versie, "aanbieder": obj.aanbieder_id, "themas": obj.themas}
        if isinstance(obj, Pvt):
            velden.update(geplande_start=obj.geplande_start, vroege_start_reden=obj.vroege_start_reden)
        return velden

    return initial


@login_required
@require_http_methods(["GET", "POST"])
def pvt(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(dossier, data, by):
        return services.pvt_vastleggen(dossier_id=dossier.pk, by=by, aanbieder_id=_id(data.pop("aanbieder")), **data)

    return _formulier(
        request, pk, pagina="traject_pvt", form_class=forms.PvtForm, opslaan=opslaan,
        titel=_("Participatieverklaringstraject (PVT)"), knop=_("Opslaan"), melding=_("De PVT is opgeslagen."),
        anker="pvt", initial=_themas_initial(Pvt),
    )


@login_required
@require_http_methods(["GET", "POST"])
def pvt_sessie(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier(
        request, pk, pagina="traject_pvt_sessie", form_class=forms.PvtSessieForm,
        opslaan=lambda d, data, by: services.pvt_sessie_vastleggen(dossier_id=d.pk, by=by, **data),
        titel=_("PVT-bijeenkomst vastleggen"), knop=_("Vastleggen"), melding=_("De bijeenkomst is vastgelegd."),
        anker="pvt", initial=lambda d: {"datum": vandaag(), "aanwezig": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pvt_ondertekening(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier(
        request, pk, pagina="traject_pvt_ondertekening", form_class=forms.DatumForm,
        opslaan=lambda d, data, by: services.pvt_ondertekening_vastleggen(dossier_id=d.pk, datum=data["datum"], by=by),
        titel=_("Ondertekening participatieverklaring"), knop=_("Vastleggen"),
        melding=_("De ondertekening van de participatieverklaring is vastgelegd."), anker="pvt",
        uitleg=_("Alleen als de PVT compleet is: minimaal 12 uur, de vier kernwaarden en een activiteit of excursie."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def map_traject(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(dossier, data, by):
        return services.map_vastleggen(dossier_id=dossier.pk, by=by, aanbieder_id=_id(data.pop("aanbieder")), **data)

    return _formulier(
        request, pk, pagina="traject_map", form_class=forms.MapForm, opslaan=opslaan,
        titel=_("Module Arbeidsmarkt en Participatie (MAP)"), knop=_("Opslaan"), melding=_("De MAP is opgeslagen."),
        anker="map", initial=_themas_initial(Map),
    )


@login_required
@require_http_methods(["GET", "POST"])
def map_eindgesprek(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier(
        request, pk, pagina="traject_map_eindgesprek", form_class=forms.EindgesprekForm,
        opslaan=lambda d, data, by: services.map_eindgesprek_vastleggen(dossier_id=d.pk, by=by, **data),
        titel=_("MAP-eindgesprek vastleggen"), knop=_("Vastleggen"), melding=_("Het eindgesprek is vastgelegd."),
        anker="map",
    )


# --- financieel ontzorgen and maatschappelijke begeleiding ------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def ontzorging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(dossier, data, by):
        return services.ontzorging_starten(dossier_id=dossier.pk, by=by, uitvoerder_id=data.pop("uitvoerder").pk, **data)

    return _formulier(
        request, pk, pagina="traject_ontzorging", form_class=forms.OntzorgingForm, opslaan=opslaan,
        titel=_("Financieel ontzorgen starten"), knop=_("Starten"), melding=_("Het financieel ontzorgen is gestart."),
        anker="ontzorging", initial=lambda d: {},
    )


ONTZORGING_PAGINAS = {
    "vaste-last": (forms.VasteLastForm, services.vaste_last_toevoegen, gettext_lazy("Vaste last toevoegen"),
                   gettext_lazy("Toevoegen"), gettext_lazy("De vaste last is toegevoegd.")),
    "verlengen": (forms.VerlengenForm, services.ontzorging_verlengen, gettext_lazy("Ontzorgen verlengen"),
                  gettext_lazy("Verlengen"), gettext_lazy("Het ontzorgen is verlengd.")),
    "beeindigen": (forms.VroegEindeForm, services.ontzorging_beeindigen, gettext_lazy("Ontzorgen eerder beëindigen"),
                   gettext_lazy("Beëindigen"), gettext_lazy("Het ontzorgen is beëindigd.")),
    "notitie": (forms.NotitieForm, services.ontzorging_notitie_toevoegen, gettext_lazy("Coachingsnotitie toevoegen"),
                gettext_lazy("Toevoegen"), gettext_lazy("De notitie is toegevoegd.")),
}


@login_required
@require_http_methods(["GET", "POST"])
def ontzorging_actie(request: HttpRequest, pk: int, actie: str) -> HttpResponse:
    if actie not in ONTZORGING_PAGINAS:
        raise Http404
    form_class, service, titel, knop, melding = ONTZORGING_PAGINAS[actie]
    return _formulier(
        request, pk, pagina=f"traject_ontzorging_{actie}", form_class=form_class,
        opslaan=lambda d, data, by: service(dossier_id=d.pk, by=by, **data),
        titel=str(titel), knop=str(knop), melding=str(melding), anker="ontzorging",
        initial=lambda d: {"datum": vandaag(), "van": vandaag()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def begeleiding_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier(
        request, pk, pagina="traject_begeleiding", form_class=forms.BegeleidingForm,
        opslaan=lambda d, data, by: services.begeleiding_starten(dossier_id=d.pk, aanbieder_id=_id(data["aanbieder"]), by=by),
        titel=_("Maatschappelijke begeleiding starten"), knop=_("Starten"),
        melding=_("De maatschappelijke begeleiding is gestart."), anker="begeleiding", initial=lambda d: {},
        uitleg=_("De begeleiding start op de dag van inschrijving in de BRP."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def mb_activiteit(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(dossier, data, by):
        return services.mb_activiteit_vastleggen(dossier_id=dossier.pk, by=by, aanbieder_id=_id(data.pop("aanbieder")), **data)

    return _formulier(
        request, pk, pagina="traject_mb_activiteit", form_class=forms.MbActiviteitForm, opslaan=opslaan,
        titel=_("Activiteit maatschappelijke begeleiding"), knop=_("Vastleggen"),
        melding=_("De activiteit is vastgelegd."), anker="begeleiding",
    )


# --- afronden --------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def afronden(request: HttpRequest, pk: int) -> HttpResponse:
    """Consulent only: close as voldaan (when the checklist is complete) or by a DUO ontheffing /
    vrijstelling. Others get 403 before anything is logged."""
    def opslaan(dossier, data, by):
        return services.dossier_afronden(dossier_id=dossier.pk, by=by, **data)

    def checklist(dossier):
        return {"voldaan": selectors.traject_overzicht(dossier).voldaan}

    return _formulier(
        request, pk, pagina="traject_afronden", form_class=forms.AfrondenForm, opslaan=opslaan,
        titel=_("Dossier afronden"), knop=_("Dossier afronden"), melding=_("Het dossier is afgerond."),
        toegang=_mag_afronden, template="leerroutes/afronden.html", extra=checklist,
        initial=lambda d: {"datum": vandaag()},
    )


# --- aanbieders -------------------------------------------------------------------------------------
@login_required
def aanbieders(request: HttpRequest) -> HttpResponse:
    if not (access.mag_dossiers_zien(request.user) or request.user.heeft_rol(Rol.BEHEERDER)):
        raise PermissionDenied
    form = forms.AanbiederFilterForm(request.GET or None)
    qs = selectors.aanbieders()
    if form.is_valid():
        qs = _gefilterd(qs, soort=form.cleaned_data["soort"], keurmerk=form.cleaned_data["keurmerk"], op=vandaag())
    pagina = Paginator(qs, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(request, "leerroutes/aanbieders.html", {
        "form": form, "pagina": pagina, "querystring": querystring.urlencode(), "vandaag": vandaag(),
    })


def _gefilterd(qs, *, soort: str, keurmerk: str, op: date):
    if soort:
        qs = qs.filter(soort=soort)
    geldig = Q(keurmerk_geldig_tot__gte=op) & ~Q(keurmerk_nummer="")
    if keurmerk == "ja":
        qs = qs.filter(geldig)
    elif keurmerk == "nee":
        qs = qs.exclude(geldig)
    return qs
