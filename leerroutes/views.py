"""The Traject tab (everything in the vastgesteld PIP on one page), its small form pages, each
calling one service, and the aanbieder list for staff.

The form pages are a table: each `Pagina` states its form, its service, its words and the part of the
tab it returns to; `cases.views.dossier_formulier` does the rest (403 for who may not change the
dossier, the read logged, the service's errors next to the fields, back to the tab on success)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cases import access
from cases.models import Dossier, Fase
from cases.views import dossier_formulier, dossier_pagina, lijstpagina
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.formulierpagina import SJABLOON
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import versie_van

from . import forms, rules, selectors, services
from .models import Inschrijving, MaatschappelijkeBegeleiding, Map, Ontzorging, Pvt, ZRouteNorm
from .rules import Examenonderdeel, UrenCategorie, Voortgang

L = gettext_lazy
AANBIEDER_VELDEN = ("aanbieder", "uitvoerder")  # a chosen Aanbieder; the services take its id
ACTIE_LABELS = {  # the links on the Traject tab (`rules.inschrijving_acties`)
    "aanmelden": L("Aanmelden bij aanbieder"),
    "starten": L("Start vastleggen"),
    "afronden": L("Afronden"),
    rules.STOPPEN: L("Stoppen"),
}


def _id(obj) -> int | None:
    return obj.pk if obj is not None else None


def _traject_url(dossier: Dossier, anker: str = "") -> str:
    return reverse("leerroutes:traject", args=[dossier.pk]) + (f"#{anker}" if anker else "")


def _mag_afronden(user: User, dossier: Dossier) -> bool:
    return user.heeft_rol(Rol.CONSULENT)


def _inschrijving_acties(dossier: Dossier, inschrijving: Inschrijving) -> list[tuple[str, str]]:
    """The links of an enrolment's row: what `rules.inschrijving_acties` allows in its status."""
    return [
        (str(ACTIE_LABELS[actie]), reverse("leerroutes:inschrijving_actie", args=[dossier.pk, inschrijving.pk, actie]))
        for actie in rules.inschrijving_acties(inschrijving.status)
    ]


@login_required
def traject(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "traject")
    overzicht = selectors.traject_overzicht(dossier)
    context.update(
        o=overzicht,
        actief=overzicht.actieve_inschrijving,
        inschrijvingen=[(i, _inschrijving_acties(dossier, i)) for i in overzicht.inschrijvingen],
        pvt_uren=overzicht.uren_totalen[UrenCategorie.PVT],
        uren_totaal=sum(overzicht.uren_totalen.values()),
        uren_rijen=[(u, overzicht.uren_telt_niet.get(u.pk, "")) for u in overzicht.uren],
        categorieen=[(label, overzicht.uren_totalen[code]) for code, label in UrenCategorie.CHOICES],
        map_voortgang=Voortgang(overzicht.uren_totalen[UrenCategorie.MAP_PRAKTIJK], overzicht.map_norm),
        gratis_pogingen=[(label, overzicht.gratis_pogingen[code]) for code, label in Examenonderdeel.CHOICES]
        if overzicht.gratis_pogingen is not None else [],
        mag_afronden=_mag_afronden(request.user, dossier) and dossier.fase == Fase.IN_UITVOERING,
    )
    return render(request, "leerroutes/traject.html", context)


# --- the form pages ------------------------------------------------------------------------------
def _initial(*vandaag_velden: str, singleton: type[selectors.Enkel] | None = None) -> Callable[[Dossier], dict]:
    """Start values: today in `vandaag_velden`; the version of the dossier's `singleton` (0 while it
    does not exist), for a form that edits it."""
    def initial(dossier: Dossier) -> dict:
        waarden: dict = {veld: vandaag() for veld in vandaag_velden}
        if singleton is not None:
            waarden["versie"] = versie_van(selectors.enkel(singleton, dossier))
        return waarden

    return initial


DATUM_VANDAAG = _initial("datum")


def _themas_initial(model: type[Pvt] | type[Map]) -> Callable[[Dossier], dict]:
    def initial(dossier: Dossier) -> dict:
        obj = selectors.enkel(model, dossier)
        velden = {"versie": versie_van(obj)}
        if obj is not None:
            velden.update(aanbieder=obj.aanbieder_id, themas=obj.themas)
        if isinstance(obj, Pvt):
            velden.update(geplande_start=obj.geplande_start, vroege_start_reden=obj.vroege_start_reden)
        return velden

    return initial


def _uren_initial(dossier: Dossier) -> dict:
    return {"aanbieder": _id(getattr(selectors.actieve_inschrijving(dossier), "aanbieder", None))}


def _checklist(dossier: Dossier) -> dict:
    return {"voldaan": selectors.traject_overzicht(dossier).voldaan}


@dataclass(frozen=True)
class Pagina:
    """One form page of the Traject tab. `naam` is its name in the inzage log; the service is called
    with the dossier's (or the enrolment's) id, the user and the form's data."""

    naam: str
    form_class: type[Form]
    service: Callable[..., object]
    titel: str
    knop: str
    melding: str
    anker: str = ""
    uitleg: str = ""
    initial: Callable[[Dossier], dict] = DATUM_VANDAAG
    toegang: Callable[[User, Dossier], bool] | None = None
    extra: Callable[[Dossier], dict] | None = None
    template: str = SJABLOON


def _service_argumenten(data: dict) -> dict:
    """The form's data as the service's keyword arguments: a chosen aanbieder becomes `…_id`."""
    argumenten = dict(data)
    for veld in AANBIEDER_VELDEN:
        if veld in argumenten:
            argumenten[f"{veld}_id"] = _id(argumenten.pop(veld))
    return argumenten


def _toon(
    request: HttpRequest, pk: int, pagina: Pagina, *, uitleg: str | Callable[[Dossier], str] = "",
    initial: Callable[[Dossier], dict] | None = None, **sleutel: int,
) -> HttpResponse:
    """Show `pagina` for dossier `pk`; `sleutel` names the object the service acts on (default: the
    dossier, `dossier_id`)."""
    def opslaan(dossier: Dossier, data: dict) -> object:
        return pagina.service(**(sleutel or {"dossier_id": dossier.pk}), by=request.user, **_service_argumenten(data))

    return dossier_formulier(
        request, pk, pagina=pagina.naam, form_class=pagina.form_class, opslaan=opslaan,
        titel=str(pagina.titel), knop=str(pagina.knop), melding=str(pagina.melding),
        uitleg=uitleg if callable(uitleg) else str(uitleg or pagina.uitleg), initial=initial or pagina.initial, toegang=pagina.toegang,
        extra=pagina.extra, template=pagina.template,
        terug=lambda d: _traject_url(d, pagina.anker), terug_label=_("Terug naar het traject"),
    )


def _formulier_view(pagina: Pagina) -> Callable[[HttpRequest, int], HttpResponse]:
    """The view of a page on the dossier itself (URL `…/traject/<page>/`)."""
    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        return _toon(request, pk, pagina)

    return view


# --- enrolment ----------------------------------------------------------------------------------
INSCHRIJVEN = Pagina(
    "traject_inschrijven", forms.InschrijvingForm, services.inschrijving_aanmaken, L("Inschrijven voor de leerroute"),
    L("Inschrijven"), L("De inschrijving is vastgelegd."), anker="leerroute", initial=_initial("startdatum"),
)


@login_required
@require_http_methods(["GET", "POST"])
def inschrijving_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _toon(request, pk, INSCHRIJVEN, uitleg=_route_volgens_pip)


def _route_volgens_pip(dossier: Dossier) -> str:
    """Read after the page checked access (a function of the dossier `dossier_formulier` loaded)."""
    pip = selectors.geldend_pip(dossier)
    return (_("Leerroute volgens het geldende PIP: %(route)s.") % {"route": pip.get_leerroute_display()} if pip
            else _("Er is nog geen vastgesteld PIP."))


INSCHRIJVING_PAGINAS = {
    "aanmelden": Pagina("traject_inschrijving_aanmelden", forms.DatumForm, services.inschrijving_aanmelden,
                        L("Aanmelden bij de aanbieder"), L("Aangemeld"),
                        L("De aanmelding bij de aanbieder is vastgelegd."), anker="leerroute"),
    "starten": Pagina("traject_inschrijving_starten", forms.DatumForm, services.inschrijving_starten,
                      L("Start van de leerroute vastleggen"), L("Gestart"), L("De start is vastgelegd."),
                      anker="leerroute"),
    "afronden": Pagina("traject_inschrijving_afronden", forms.DatumForm, services.inschrijving_afronden,
                       L("Leerroute afronden"), L("Afronden"), L("De leerroute is afgerond."), anker="leerroute"),
    rules.STOPPEN: Pagina("traject_inschrijving_stoppen", forms.StoppenForm, services.inschrijving_stoppen,
                          L("Inschrijving stoppen"), L("Stoppen"), L("De inschrijving is gestopt."), anker="leerroute",
                          uitleg=L("De gevolgde uren en examenpogingen blijven bij het dossier.")),
}
Z_AFRONDEN = L("Bij de Z-route is dit de datum van het eindgesprek met de gemeente; dat kan pas als de uren "
               "compleet zijn.")


@login_required
@require_http_methods(["GET", "POST"])
def inschrijving_actie(
    request: HttpRequest, pk: int, inschrijving_id: int, actie: str = rules.STOPPEN
) -> HttpResponse:
    """A step of an enrolment (`…/<actie>/`, or `…/stoppen/`); the form carries the enrolment's version."""
    if actie not in INSCHRIJVING_PAGINAS:
        raise Http404
    inschrijving = get_object_or_404(Inschrijving, pk=inschrijving_id, dossier_id=pk)
    z_afronden = actie == "afronden" and inschrijving.leerroute == rules.Leerroute.Z
    return _toon(
        request, pk, INSCHRIJVING_PAGINAS[actie], inschrijving_id=inschrijving.pk,
        uitleg=Z_AFRONDEN if z_afronden else "", initial=lambda d: {"datum": vandaag(), "versie": inschrijving.versie},
    )


inschrijving_stoppen = inschrijving_actie  # its own URL, `…/stoppen/`

# --- hours and exams ----------------------------------------------------------------------------
uren_nieuw = _formulier_view(Pagina(
    "traject_uren", forms.UrenForm, services.uren_vastleggen, L("Uren vastleggen"), L("Uren vastleggen"),
    L("De uren zijn vastgelegd."), anker="uren", initial=_uren_initial,
))


def _z_norm_initial(dossier: Dossier) -> dict:
    norm = selectors.enkel(ZRouteNorm, dossier)
    velden: dict = {"versie": versie_van(norm)}
    if norm is not None:
        velden.update(cursus_uren=norm.cursus_uren, cursus_grond=norm.cursus_grond,
                      activiteit_uren=norm.activiteit_uren, activiteit_grond=norm.activiteit_grond,
                      toelichting=norm.toelichting)
    return velden


z_route_norm = _formulier_view(Pagina(
    "traject_z_route_norm", forms.ZRouteNormForm, services.z_route_norm_vastleggen, L("Urennorm Z-route"),
    L("Opslaan"), L("De urennorm van de Z-route is opgeslagen."), anker="uren", initial=_z_norm_initial,
    uitleg=L("De Z-route vraagt 800 uur taalles en KNM en, voor asielstatushouders, 800 uur participatie "
             "(Besluit 3.14). Een lagere norm geldt alleen met een grond: een auditieve of visuele beperking "
             "(lid 8), eerder gevolgd vso, praktijkonderwijs of een entreeopleiding (lid 9–10), of een "
             "gedeeltelijke medische ontheffing van DUO voor de participatie-uren."),
))
examen_nieuw = _formulier_view(Pagina(
    "traject_examen", forms.ExamenForm, services.examen_vastleggen, L("Examenresultaat vastleggen"),
    L("Resultaat vastleggen"), L("Het examenresultaat is vastgelegd."), anker="examens",
))

# --- PVT and MAP ----------------------------------------------------------------------------------
pvt = _formulier_view(Pagina(
    "traject_pvt", forms.PvtForm, services.pvt_vastleggen, L("Participatieverklaringstraject (PVT)"), L("Opslaan"),
    L("De PVT is opgeslagen."), anker="pvt", initial=_themas_initial(Pvt),
))
pvt_sessie = _formulier_view(Pagina(
    "traject_pvt_sessie", forms.PvtSessieForm, services.pvt_sessie_vastleggen, L("PVT-bijeenkomst vastleggen"),
    L("Vastleggen"), L("De bijeenkomst is vastgelegd."), anker="pvt",
    initial=lambda d: {"datum": vandaag(), "aanwezig": True},
))
pvt_ondertekening = _formulier_view(Pagina(
    "traject_pvt_ondertekening", forms.DatumForm, services.pvt_ondertekening_vastleggen,
    L("Ondertekening participatieverklaring"), L("Vastleggen"),
    L("De ondertekening van de participatieverklaring is vastgelegd."), anker="pvt",
    uitleg=L("Alleen als de PVT compleet is: minimaal 12 uur, de vier kernwaarden en een activiteit of excursie."),
    initial=_initial("datum", singleton=Pvt),
))
map_traject = _formulier_view(Pagina(
    "traject_map", forms.MapForm, services.map_vastleggen, L("Module Arbeidsmarkt en Participatie (MAP)"),
    L("Opslaan"), L("De MAP is opgeslagen."), anker="map", initial=_themas_initial(Map),
))
map_eindgesprek = _formulier_view(Pagina(
    "traject_map_eindgesprek", forms.EindgesprekForm, services.map_eindgesprek_vastleggen,
    L("MAP-eindgesprek vastleggen"), L("Vastleggen"), L("Het eindgesprek is vastgelegd."), anker="map",
    initial=_initial("datum", singleton=Map),
))

# --- financieel ontzorgen and maatschappelijke begeleiding ------------------------------------------
ontzorging_nieuw = _formulier_view(Pagina(
    "traject_ontzorging", forms.OntzorgingForm, services.ontzorging_starten, L("Financieel ontzorgen starten"),
    L("Starten"), L("Het financieel ontzorgen is gestart."), anker="ontzorging",
    initial=_initial(singleton=Ontzorging),
))
_ONTZORGING_INITIAL = _initial("datum", "van", singleton=Ontzorging)
ONTZORGING_PAGINAS = {
    "vaste-last": Pagina("traject_ontzorging_vaste-last", forms.VasteLastForm, services.vaste_last_toevoegen,
                         L("Vaste last toevoegen"), L("Toevoegen"), L("De vaste last is toegevoegd."),
                         anker="ontzorging", initial=_ONTZORGING_INITIAL),
    "verlengen": Pagina("traject_ontzorging_verlengen", forms.VerlengenForm, services.ontzorging_verlengen,
                        L("Ontzorgen verlengen"), L("Verlengen"), L("Het ontzorgen is verlengd."), anker="ontzorging",
                        initial=_ONTZORGING_INITIAL),
    "beeindigen": Pagina("traject_ontzorging_beeindigen", forms.VroegEindeForm, services.ontzorging_beeindigen,
                         L("Ontzorgen eerder beëindigen"), L("Beëindigen"), L("Het ontzorgen is beëindigd."),
                         anker="ontzorging", initial=_ONTZORGING_INITIAL),
    "notitie": Pagina("traject_ontzorging_notitie", forms.NotitieForm, services.ontzorging_notitie_toevoegen,
                      L("Coachingsnotitie toevoegen"), L("Toevoegen"), L("De notitie is toegevoegd."),
                      anker="ontzorging", initial=_ONTZORGING_INITIAL),
}


@login_required
@require_http_methods(["GET", "POST"])
def ontzorging_actie(request: HttpRequest, pk: int, actie: str) -> HttpResponse:
    if actie not in ONTZORGING_PAGINAS:
        raise Http404
    return _toon(request, pk, ONTZORGING_PAGINAS[actie])


begeleiding_nieuw = _formulier_view(Pagina(
    "traject_begeleiding", forms.BegeleidingForm, services.begeleiding_starten,
    L("Maatschappelijke begeleiding starten"), L("Starten"), L("De maatschappelijke begeleiding is gestart."),
    anker="begeleiding", uitleg=L("De begeleiding start op de dag van inschrijving in de BRP."),
    initial=_initial(singleton=MaatschappelijkeBegeleiding),
))
mb_activiteit = _formulier_view(Pagina(
    "traject_mb_activiteit", forms.MbActiviteitForm, services.mb_activiteit_vastleggen,
    L("Activiteit maatschappelijke begeleiding"), L("Vastleggen"), L("De activiteit is vastgelegd."),
    anker="begeleiding",
))

# --- afronden --------------------------------------------------------------------------------------
# Consulent only: close as voldaan (when the checklist is complete) or by a DUO ontheffing /
# vrijstelling. Others get 403 before anything is logged. The form edits the dossier: its version.
afronden = _formulier_view(Pagina(
    "traject_afronden", forms.AfrondenForm, services.dossier_afronden, L("Dossier afronden"), L("Dossier afronden"),
    L("Het dossier is afgerond."), toegang=_mag_afronden, extra=_checklist, template="leerroutes/afronden.html",
    initial=lambda d: {"datum": vandaag(), "versie": versie_van(d)},
))


# --- aanbieders -------------------------------------------------------------------------------------
@login_required
def aanbieders(request: HttpRequest) -> HttpResponse:
    if not (access.mag_dossiers_zien(request.user) or request.user.heeft_rol(Rol.BEHEERDER)):
        raise PermissionDenied
    form = forms.AanbiederFilterForm(request.GET or None)
    qs = selectors.aanbieders()
    if form.is_valid():
        qs = _gefilterd(qs, soort=form.cleaned_data["soort"], keurmerk=form.cleaned_data["keurmerk"], op=vandaag())
    return render(request, "leerroutes/aanbieders.html", {**lijstpagina(request, qs), "form": form, "vandaag": vandaag()})


def _gefilterd(qs, *, soort: str, keurmerk: str, op: date):
    if soort:
        qs = qs.filter(soort=soort)
    geldig = Q(keurmerk_geldig_tot__gte=op) & ~Q(keurmerk_nummer="")
    if keurmerk == "ja":
        qs = qs.filter(geldig)
    elif keurmerk == "nee":
        qs = qs.exclude(geldig)
    return qs
