from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import access
from cases.selectors import Bereik, DossierFilter, dossier_lijst
from cases.termijnen.selectors import bereiken_voor
from cases.views import lijstpagina
from inburgering.accounts.roles import Rol
from pip_plans.rules import Leerroute

from . import grafieken, selectors

BEREIK_LABELS = {
    Bereik.MIJN: gettext_lazy("Mijn dossiers"), Bereik.TEAM: gettext_lazy("Mijn team"),
    Bereik.ALLE: gettext_lazy("Alle dossiers"),
}

ALLE_ROUTES = "alle"


def mag_dashboard_zien(user) -> bool:
    """Managers and consulenten: aggregates over every dossier. Not werkcoaches (DESIGN.md "Access")."""
    return access.mag_alle_dossiers_zien(user)


@login_required
def na_inloggen(request: HttpRequest) -> HttpResponse:
    """Where the login sends every role (LOGIN_REDIRECT_URL, issue 11 item 6): werkcoach, consulent and
    manager to their dossiers (the list opens on the role's scope), functioneel beheer — which sees no
    dossier data — to /beheer/. A user without a role gets the refusal of the start page."""
    user = request.user
    if access.mag_dossiers_zien(user):
        return redirect("cases:dossier_lijst")
    if user.heeft_rol(Rol.BEHEERDER):
        return redirect("admin:index")
    if user.heeft_rol(Rol.PRIVACY):
        return redirect("avg:start")
    if user.heeft_rol(Rol.POSTKAMER):
        return redirect("post:post")
    if user.heeft_rol(Rol.KOPPELBEHEER):
        return redirect("duo:outbox")
    raise PermissionDenied


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The start page: the user's dossiers by fase, open signals, this week's deadlines. Functioneel
    beheer (by role) sees no dossier data and goes to /beheer/."""
    user = request.user
    if user.heeft_rol(Rol.BEHEERDER) and not access.mag_dossiers_zien(user):
        return redirect("admin:index")
    if user.heeft_rol(Rol.PRIVACY):
        return redirect("avg:start")
    if user.heeft_rol(Rol.POSTKAMER):
        return redirect("post:post")
    if user.heeft_rol(Rol.KOPPELBEHEER):
        return redirect("duo:outbox")
    if not access.mag_dossiers_zien(user):
        raise PermissionDenied
    bereiken = bereiken_voor(user)
    bereik = request.GET.get("bereik") if request.GET.get("bereik") in bereiken else bereiken[0]
    return render(request, "dashboards/home.html", {
        "thuis": selectors.startpagina(user=user, bereik=bereik, peildatum=localdate()),
        "bereik": bereik,
        "bereiken": [(b, BEREIK_LABELS[b]) for b in bereiken],
        "mag_dashboard_zien": mag_dashboard_zien(user),
    })


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not mag_dashboard_zien(request.user):
        raise PermissionDenied
    gegevens = selectors.dashboard_voor_pagina(peildatum=localdate())
    return render(request, "dashboards/dashboard.html", {
        "d": gegevens, "live_tot": selectors.LIVE_TOT, "stand_minuten": selectors.STAND_MINUTEN,
        "fase_diagram": grafieken.staafdiagram(
            id="diagram-fasen", titel=_("Staafdiagram: aantal dossiers per fase"),
            groepen=[(t.label, [(t.aantal, number_format(t.aantal))]) for t in gegevens.per_fase],
            reeksen=[("fase", _("Dossiers"))],
        ),
        "route_diagram": grafieken.staafdiagram(
            id="diagram-routes", titel=_("Staafdiagram: verdeling van de geldende PIP's over de leerroutes, "
                                         "werkelijk en volgens de beleidsverwachting, in procenten"),
            groepen=[
                (r.label, [(r.aandeel, f"{number_format(r.aandeel, 1)}%"), (r.verwachting, f"{r.verwachting}%")])
                for r in gegevens.routes
            ],
            reeksen=[("werkelijk", _("Werkelijk")), ("verwachting", _("Verwachting (beleid)"))],
            maximum=100,
        ),
    })


@login_required
def route_dossiers(request: HttpRequest, leerroute: str) -> HttpResponse:
    """The dossiers behind a number of the route distribution: their geldend PIP has this route."""
    if not mag_dashboard_zien(request.user):
        raise PermissionDenied
    labels = dict(Leerroute.CHOICES)
    if leerroute not in labels and leerroute != ALLE_ROUTES:
        raise Http404
    pips = selectors.geldende_pips()
    if leerroute == ALLE_ROUTES:
        titel = _("Dossiers met een geldend PIP")
    else:
        pips = pips.filter(leerroute=leerroute)
        titel = _("Dossiers met een geldend PIP in de %(route)s") % {"route": labels[leerroute]}
    dossiers = dossier_lijst(user=request.user, filter=DossierFilter(bereik=Bereik.ALLE)).filter(
        pk__in=pips.values("dossier_id")
    )
    return render(request, "dashboards/route_dossiers.html", {
        **lijstpagina(request, dossiers), "titel": titel, "mag_herverdelen": False,
        "export_url": "dashboards:route_dossiers_export", "export_arg": leerroute,  # issue 20: the download links
    })
