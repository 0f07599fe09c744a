"""The inzageverzoek pages (AVG art. 15, issue 13), for the privacy officer only (403 for every other role).

1. `start`: a form with the BSN and the kenmerk of the request, POSTed (the BSN never in a URL).
2. A found person: the BSN and kenmerk are kept in the session under a random, short-lived token
   (as `inburgering.zoeken` keeps a search term) and the browser goes to `overzicht/<token>/`: name,
   dossiers, counts per category, documents, reads.
3. `downloaden/<token>/` (POST): the PDF or the JSON as an attachment, named without BSN or name.

Every summary shown and every export is written to the security log (`Gebeurtenis.EXPORT`) with the
kenmerk, the dossier numbers and a keyed hash of the BSN; never the BSN or the name in clear.
"""

import io
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from inburgering import sessietokens
from inburgering.audit.models import Gebeurtenis, Handeling
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import verwerking_vastleggen
from inburgering.kalender.selectors import vandaag
from inburgering.zoeken import zoekterm_hash

from .inzage import Inzage, exporteer_json, exporteer_pdf, inzage_samenstellen
from .inzage_forms import InzageverzoekForm

SESSIE_SLEUTEL = "inzageverzoeken"
GELDIGHEID = 30 * 60  # seconds a summary and its downloads stay available
MAXIMUM = 5  # requests kept per session; the oldest goes first
GEEN_GEGEVENS = _("Over dit BSN zijn geen gegevens vastgelegd.")
VERLOPEN = _("Dit inzageverzoek is verlopen. Vul het BSN opnieuw in.")
FORMATEN = {"pdf": "application/pdf", "json": "application/json"}


def _alleen_privacy(request: HttpRequest) -> None:
    if not request.user.is_privacy:
        raise PermissionDenied


def _vastleggen(request: HttpRequest, *, formaat: str, kenmerk: str, bsn: str, inzage: Inzage | None) -> None:
    details = {"soort": "inzageverzoek", "formaat": formaat, "kenmerk": kenmerk,
               "dossiers": inzage.alle_dossier_ids if inzage else [], "bsn_hmac": zoekterm_hash(bsn)}
    if inzage is None:
        details["gevonden"] = False
    beveiliging_vastleggen(Gebeurtenis.EXPORT, request=request, details=details)
    if inzage is not None:  # the Logboek Dataverwerkingen: a summary is a read, a download an export
        verwerking_vastleggen(Handeling.RAADPLEGEN if formaat == "overzicht" else Handeling.EXPORTEREN,
                              dossier_ids=inzage.alle_dossier_ids, activiteit="inzageverzoek")


def _bewaren(request: HttpRequest, bsn: str, kenmerk: str) -> str:
    return sessietokens.bewaren(request, SESSIE_SLEUTEL, [bsn, kenmerk], nu=time.time(), geldigheid=GELDIGHEID,
                                maximum=MAXIMUM)


def _verzoek(request: HttpRequest, token: str) -> tuple[str, str] | None:
    bewaard = sessietokens.lezen(request, SESSIE_SLEUTEL, token, nu=time.time())
    return (bewaard[0], bewaard[1]) if bewaard else None


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    _alleen_privacy(request)
    geen_gegevens = False
    if request.method == "POST":
        form = InzageverzoekForm(request.POST)
        if form.is_valid():
            bsn, kenmerk = form.cleaned_data["bsn"], form.cleaned_data["kenmerk"]
            inzage = inzage_samenstellen(bsn)
            if inzage is None:
                _vastleggen(request, formaat="overzicht", kenmerk=kenmerk, bsn=bsn, inzage=None)
                geen_gegevens = True
            else:
                return redirect("inzage:overzicht", token=_bewaren(request, bsn, kenmerk))
    else:
        form = InzageverzoekForm()
    return render(request, "avg/inzage_start.html", {
        "form": form, "titel": _("Inzageverzoek"), "geen_gegevens": GEEN_GEGEVENS if geen_gegevens else "",
    })


@login_required
@require_http_methods(["GET"])
def overzicht(request: HttpRequest, token: str) -> HttpResponse:
    _alleen_privacy(request)
    verzoek = _verzoek(request, token)
    if verzoek is None:
        messages.warning(request, VERLOPEN)
        return redirect("inzage:start")
    bsn, kenmerk = verzoek
    inzage = inzage_samenstellen(bsn)
    if inzage is None:  # removed meanwhile (the core's term passed)
        messages.warning(request, GEEN_GEGEVENS)
        return redirect("inzage:start")
    _vastleggen(request, formaat="overzicht", kenmerk=kenmerk, bsn=bsn, inzage=inzage)
    return render(request, "avg/inzage_overzicht.html", {
        "titel": _("Inzageverzoek"), "inzage": inzage, "kenmerk": kenmerk, "token": token,
        "aantal_rijen": sum(len(c.rijen) for c in inzage.categorieen),
    })


def bestandsnaam(kenmerk: str, formaat: str) -> str:
    """`inzageverzoek-<kenmerk>-<date>.<formaat>`: no BSN, no name."""
    delen = ["inzageverzoek", slugify(kenmerk)[:60], vandaag().isoformat()]
    return "-".join(d for d in delen if d) + f".{formaat}"


@login_required
@require_POST
def downloaden(request: HttpRequest, token: str) -> HttpResponse:
    _alleen_privacy(request)
    formaat = request.POST.get("formaat", "")
    if formaat not in FORMATEN:
        return HttpResponseBadRequest()
    verzoek = _verzoek(request, token)
    if verzoek is None:
        messages.warning(request, VERLOPEN)
        return redirect("inzage:start")
    bsn, kenmerk = verzoek
    inzage = inzage_samenstellen(bsn)
    if inzage is None:
        messages.warning(request, GEEN_GEGEVENS)
        return redirect("inzage:start")
    inhoud = exporteer_pdf(inzage, kenmerk=kenmerk) if formaat == "pdf" else exporteer_json(inzage, kenmerk=kenmerk)
    _vastleggen(request, formaat=formaat, kenmerk=kenmerk, bsn=bsn, inzage=inzage)
    return FileResponse(io.BytesIO(inhoud), as_attachment=True, filename=bestandsnaam(kenmerk, formaat),
                        content_type=FORMATEN[formaat])
