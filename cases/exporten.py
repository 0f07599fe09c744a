"""Downloads of the dossier list and the werkvoorraad as CSV or Excel (issue 20 item 1). Each download
reads the list's own filter the way the list page does (the search term from the session token, the
other filters from the query string), runs the list's own selector (same access rules) and hands the
rows to `inburgering.export`, which caps, neutralises and logs."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from inburgering import export
from inburgering.export import Kolom
from inburgering.zoeken import zoekopdracht

from . import access, selectors
from .forms import dossierlijst_filter
from .termijnen import selectors as werkvoorraad_selectors
from .termijnen.forms import SignaalFilterForm
from .termijnen.selectors import SignaalFilter
from .views import vereist

# The columns the list shows; the BSN masked, as on the screen.
DOSSIER_KOLOMMEN = [
    Kolom(_("Dossier"), lambda d: d.pk),
    Kolom(_("Naam"), lambda d: d.inburgeraar.volledige_naam),
    Kolom(_("BSN"), lambda d: d.inburgeraar.bsn_gemaskeerd),
    Kolom(_("Doelgroep"), lambda d: d.get_doelgroep_kort_display()),
    Kolom(_("Fase"), lambda d: d.get_fase_display()),
    Kolom(_("Kennisgeving"), lambda d: d.datum_kennisgeving),
    Kolom(_("Werkcoach"), lambda d: str(d.werkcoach) if d.werkcoach_id else ""),
    Kolom(_("Team"), lambda d: str(d.team)),
]


def _signaal_kolommen(peildatum):
    def dagen(s):
        return (s.termijn.fatale_datum - peildatum).days if s.termijn_id else None

    return [
        Kolom(_("Dossier"), lambda s: s.dossier_id),
        Kolom(_("Inburgeraar"), lambda s: s.dossier.inburgeraar.volledige_naam),
        Kolom(_("Signaal"), lambda s: s.get_soort_display()),
        Kolom(_("Omschrijving"), lambda s: s.omschrijving),
        Kolom(_("Termijn"), lambda s: s.termijn.get_soort_display() if s.termijn_id else ""),
        Kolom(_("Fatale datum"), lambda s: s.termijn.fatale_datum if s.termijn_id else None),
        Kolom(_("Dagen tot fatale datum"), dagen),
        Kolom(_("Gesignaleerd"), lambda s: s.aangemaakt_op),
        Kolom(_("Werkcoach"), lambda s: str(s.dossier.werkcoach) if s.dossier.werkcoach_id else ""),
    ]


@login_required
@require_GET
def dossiers(request: HttpRequest, formaat: str) -> HttpResponse:
    vereist(access.mag_dossiers_zien(request.user))
    _form, filter = dossierlijst_filter(request.user, zoekopdracht(request, soort="dossiers").data)
    return export.download(
        request, formaat=formaat, lijst="dossiers", titel=_("Dossiers"), kolommen=DOSSIER_KOLOMMEN,
        rijen=selectors.dossier_lijst(user=request.user, filter=filter), dossier_veld="pk",
    )


@login_required
@require_GET
def werkvoorraad(request: HttpRequest, formaat: str) -> HttpResponse:
    user = request.user
    vereist(access.mag_dossiers_zien(user))
    form = SignaalFilterForm(
        zoekopdracht(request, soort="werkvoorraad").data, teams=selectors.teams(),
        werkcoaches=selectors.werkcoaches(), bereiken=werkvoorraad_selectors.bereiken_voor(user),
    )
    peildatum = localdate()
    return export.download(
        request, formaat=formaat, lijst="werkvoorraad", titel=_("Werkvoorraad"),
        kolommen=_signaal_kolommen(peildatum),
        rijen=werkvoorraad_selectors.werkvoorraad(user=user, filter=SignaalFilter(**form.waarden()),
                                                  peildatum=peildatum),
    )
