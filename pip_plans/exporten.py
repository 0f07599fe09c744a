"""The download of the review queue Te beoordelen (issue 20 items 1 and 4) as CSV or Excel: the queue's
own selector with the page's team filter and sort, the columns the page shows."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cases import selectors as dossier_selectors
from inburgering import export
from inburgering.accounts.roles import Rol
from inburgering.export import Kolom
from inburgering.kalender.selectors import vandaag

from . import selectors
from .forms import TeBeoordelenFilterForm


def kolommen(peildatum) -> list[Kolom]:
    return [
        Kolom(_("Dossier"), lambda p: p.dossier_id),
        Kolom(_("Inburgeraar"), lambda p: p.dossier.inburgeraar.volledige_naam),
        Kolom(_("Team"), lambda p: str(p.dossier.team)),
        Kolom(_("Versie"), lambda p: p.versie),
        Kolom(_("Leerroute"), lambda p: p.get_leerroute_display()),
        Kolom(_("Opgesteld door"), lambda p: str(p.auteur) if p.auteur_id else ""),
        Kolom(_("Aangeboden op"), lambda p: p.ingediend_op),
        Kolom(_("Fatale datum PIP-termijn"), lambda p: p.fatale_datum),
        Kolom(_("Dagen tot fatale datum"), lambda p: (p.fatale_datum - peildatum).days if p.fatale_datum else None),
    ]


@login_required
@require_GET
def te_beoordelen(request: HttpRequest, formaat: str) -> HttpResponse:
    if not request.user.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied
    form = TeBeoordelenFilterForm(request.GET or None, teams=dossier_selectors.teams())
    return export.download(
        request, formaat=formaat, lijst="te-beoordelen", titel=_("Te beoordelen"), kolommen=kolommen(vandaag()),
        rijen=selectors.te_beoordelen(user=request.user, **form.waarden()),
    )
