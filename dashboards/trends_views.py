"""The trends page (issue 20 item 7) and the rows behind each of its numbers. Who sees the dashboard sees
the trends (managers and consulenten: aggregates over every dossier); the rows are the dossier list's."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.selectors import Bereik, DossierFilter, dossier_lijst
from cases.views import lijstpagina
from pip_plans.rules import Leerroute

from . import trends_regels as regels
from . import trends_selectors as selectors
from .views import mag_dashboard_zien


def _titels() -> dict[str, str]:
    routes = dict(Leerroute.CHOICES)
    return {
        selectors.INSTROOM: _("Nieuwe dossiers (kennisgeving) in %(maand)s"),
        selectors.INTAKE: _("Dossiers met de brede intake afgerond in %(maand)s"),
        selectors.PIP: _("Dossiers met het eerste PIP vastgesteld in %(maand)s"),
        selectors.PIP_TIJDIG: _("Dossiers met het eerste PIP binnen de termijn vastgesteld in %(maand)s"),
        selectors.PIP_TE_LAAT: _("Dossiers met het eerste PIP na de fatale datum vastgesteld in %(maand)s"),
        selectors.BOETES: _("Dossiers met een boete opgelegd in %(maand)s"),
        **{selectors.ROUTE_VOORVOEGSEL + code: _("Dossiers met het eerste PIP in de %(route)s vastgesteld in "
                                                 "%%(maand)s") % {"route": routes[code]}
           for code in selectors.ROUTES},
    }


@login_required
@require_http_methods(["GET"])
def trends(request: HttpRequest) -> HttpResponse:
    if not mag_dashboard_zien(request.user):
        raise PermissionDenied
    gegevens = selectors.trends(peildatum=localdate())
    return render(request, "dashboards/trends.html", {
        "t": gegevens, "routes": Leerroute.CHOICES,
        "route_regels": [(code, label, gegevens.routes_totaal.get(code, 0), gegevens.route_aandeel(code),
                          gegevens.verwachting[code]) for code, label in Leerroute.CHOICES],
    })


@login_required
@require_http_methods(["GET"])
def trend_rijen(request: HttpRequest, maat: str, maand: str) -> HttpResponse:
    """The dossiers behind one number of the trends page, as a page of the dossier list."""
    if not mag_dashboard_zien(request.user):
        raise PermissionDenied
    eerste_dag = regels.maand_lezen(maand)
    if maat not in selectors.MATEN or eerste_dag is None:
        raise Http404
    dossiers = dossier_lijst(user=request.user, filter=DossierFilter(bereik=Bereik.ALLE)).filter(
        pk__in=selectors.dossier_ids(maat, eerste_dag))
    titel = _titels()[maat] % {"maand": date_format(eerste_dag, "F Y")}
    return render(request, "dashboards/trends_rijen.html", {
        **lijstpagina(request, dossiers), "titel": titel, "mag_herverdelen": False,
    })
