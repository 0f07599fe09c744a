"""The download of the handhaving zaken list (issue 20 item 1) as CSV or Excel: the list's own
selector with the page's filters (status, afsluit_reden, boete_jaar: codes, no personal data)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cases import access
from inburgering import export
from inburgering.export import Kolom

from . import forms, selectors

KOLOMMEN = [
    Kolom(_("Zaak"), lambda z: z.pk),
    Kolom(_("Dossier"), lambda z: z.dossier_id),
    Kolom(_("Inburgeraar"), lambda z: z.dossier.inburgeraar.volledige_naam),
    Kolom(_("Verplichting"), lambda z: z.get_verplichting_display()),
    Kolom(_("Stap"), lambda z: z.get_status_display()),
    Kolom(_("Reden van afsluiten"), lambda z: z.get_afsluit_reden_display() if z.afsluit_reden else ""),
    Kolom(_("Geopend"), lambda z: z.geopend_op),
    Kolom(_("Werkcoach"), lambda z: str(z.dossier.werkcoach) if z.dossier.werkcoach_id else ""),
    Kolom(_("Besluit"), lambda z: z.get_besluit_uitkomst_display() if z.besluit_uitkomst else ""),
    Kolom(_("Boete (euro)"), lambda z: z.boetebedrag),
    Kolom(_("Dagtekening besluit"), lambda z: z.dagtekening),
    Kolom(_("Herroepen in bezwaar"), lambda z: z.herroepen if z.besluit_uitkomst else None),
]


@login_required
@require_GET
def zaken(request: HttpRequest, formaat: str) -> HttpResponse:
    if not access.mag_dossiers_zien(request.user):
        raise PermissionDenied
    filter = selectors.ZaakFilter(**forms.ZaakFilterForm(request.GET).waarden())
    return export.download(
        request, formaat=formaat, lijst="handhavingszaken", titel=_("Handhavingszaken"), kolommen=KOLOMMEN,
        rijen=selectors.zaken_lijst(user=request.user, filter=filter),
    )
