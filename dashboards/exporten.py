"""Downloads of the dashboard (issue 20 item 1): each table as CSV or Excel with its aggregate rows
(counts per werkcoach, fase, leerroute, termijn and handhaving stap: no data of citizens), and the
dossier list behind a leerroute number with the dossier list's columns. Same access as the dashboard."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cases.exporten import DOSSIER_KOLOMMEN
from cases.selectors import Bereik, DossierFilter, dossier_lijst
from inburgering import export
from inburgering.export import Kolom
from pip_plans.rules import Leerroute

from . import selectors
from .views import ALLE_ROUTES, mag_dashboard_zien


@dataclass(frozen=True)
class Tabel:
    titel: object
    kolommen: list[Kolom]
    rijen: object  # Dashboard -> list of rows


def _termijn_rijen(d) -> list[tuple]:
    kpi = d.pip_kpi
    return [
        (_("PIP vaststellen"), _("Op tijd vastgesteld"), kpi.tijdig),
        (_("PIP vaststellen"), _("Te laat vastgesteld"), kpi.te_laat),
        (_("PIP vaststellen"), _("Verlopen, nog niet vastgesteld"), kpi.verlopen),
        *[(t.label, _("Dossiers met een verlopen termijn"), t.aantal) for t in d.verlopen_termijnen],
    ]


def _handhaving_rijen(d) -> list[tuple]:
    h = d.handhaving
    return [
        *[(_("Open zaken"), label, aantal) for _status, label, aantal in h.open_per_status],
        (_("Boetes beslist in %(jaar)s") % {"jaar": h.jaar}, _("Aantal"), h.boetes_dit_jaar),
        (_("Boetes beslist in %(jaar)s") % {"jaar": h.jaar}, _("Totaalbedrag (euro)"), h.boetes_dit_jaar_totaal),
        (_("Afgesloten zaken"), _("Naleving hersteld"), h.afgesloten_naleving_hersteld),
        (_("Afgesloten zaken"), _("Totaal"), h.afgesloten),
    ]


def _drie(kop1, kop2, kop3) -> list[Kolom]:
    return [Kolom(kop1, lambda r: r[0]), Kolom(kop2, lambda r: r[1]), Kolom(kop3, lambda r: r[2])]


TABELLEN = {
    "caseload": Tabel(_("Caseload per werkcoach"), [
        Kolom(_("Werkcoach"), lambda r: str(r.werkcoach)),
        Kolom(_("Team"), lambda r: str(r.werkcoach.team) if r.werkcoach.team_id else ""),
        Kolom(_("Lopende dossiers"), lambda r: r.dossiers),
        Kolom(_("Open signalen"), lambda r: r.open_signalen),
        Kolom(_("Waarvan termijn verlopen"), lambda r: r.verlopen_signalen),
    ], lambda d: d.caseload),
    "fasen": Tabel(_("Dossiers per fase"), [
        Kolom(_("Fase"), lambda t: t.label), Kolom(_("Dossiers"), lambda t: t.aantal),
    ], lambda d: d.per_fase),
    "routes": Tabel(_("Leerroutes tegenover de verwachting"), [
        Kolom(_("Leerroute"), lambda r: r.label),
        Kolom(_("PIP's"), lambda r: r.aantal),
        Kolom(_("Werkelijk (%)"), lambda r: r.aandeel),
        Kolom(_("Verwachting (%)"), lambda r: r.verwachting),
        Kolom(_("Verschil (procentpunt)"), lambda r: r.verschil),
    ], lambda d: d.routes),
    "termijnen": Tabel(_("Termijnen"), _drie(_("Termijn"), _("Stand"), _("Aantal")), _termijn_rijen),
    "handhaving": Tabel(_("Handhaving"), _drie(_("Onderdeel"), _("Stand"), _("Aantal")), _handhaving_rijen),
}


def _dashboard_toegang(request: HttpRequest) -> None:
    if not mag_dashboard_zien(request.user):
        raise PermissionDenied


@login_required
@require_GET
def tabel(request: HttpRequest, tabel: str, formaat: str) -> HttpResponse:
    _dashboard_toegang(request)
    if tabel not in TABELLEN:
        raise Http404
    export.formaat_of_404(formaat)
    t = TABELLEN[tabel]
    gegevens = selectors.dashboard(peildatum=localdate())
    return export.download(request, formaat=formaat, lijst=f"dashboard-{tabel}", titel=t.titel,
                           kolommen=t.kolommen, rijen=list(t.rijen(gegevens)), dossier_veld=None)


@login_required
@require_GET
def route_dossiers(request: HttpRequest, leerroute: str, formaat: str) -> HttpResponse:
    """The dossiers behind a number of the route distribution (as `views.route_dossiers` selects them)."""
    _dashboard_toegang(request)
    if leerroute not in dict(Leerroute.CHOICES) and leerroute != ALLE_ROUTES:
        raise Http404
    pips = selectors.geldende_pips()
    if leerroute != ALLE_ROUTES:
        pips = pips.filter(leerroute=leerroute)
    dossiers = dossier_lijst(user=request.user, filter=DossierFilter(bereik=Bereik.ALLE)).filter(
        pk__in=pips.values("dossier_id"))
    return export.download(request, formaat=formaat, lijst=f"dossiers-leerroute-{leerroute}",
                           titel=_("Dossiers per leerroute"), kolommen=DOSSIER_KOLOMMEN, rijen=dossiers,
                           dossier_veld="pk")
