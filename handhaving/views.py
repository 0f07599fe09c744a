import mimetypes
from collections.abc import Callable
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import access
from cases.models import Dossier
from cases.views import dossier_formulier, dossier_pagina, lijstpagina
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.documenten.verzendformulier import POST, verzendkeuze
from inburgering.documenten.views import document_response
from inburgering.formulierpagina import formulier_pagina, fouten_naar_formulieren
from inburgering.kalender import datums
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import versie_van

from . import forms, rules, selectors, services
from .models import HandhavingInstellingen, Handhavingszaak, Notitie, ZaakStatus
from .rules import BesluitUitkomst, Regime


def _mag_bewerken(user: User, dossier: Dossier) -> bool:
    return access.mag_dossier_bewerken(user, dossier)


def _consulent(user: User, dossier: Dossier) -> bool:
    return user.heeft_rol(Rol.CONSULENT) and access.mag_dossier_bewerken(user, dossier)


def _zaak_pagina(request: HttpRequest, zaak_id: int, pagina: str, toegang: Callable | None = None):
    """The zaak (404 unless its dossier is visible) with the dossier page context; the read is logged."""
    try:
        zaak = selectors.zaak_voor(user=request.user, zaak_id=zaak_id)
    except Handhavingszaak.DoesNotExist:
        raise Http404 from None
    _dossier, context = dossier_pagina(request, zaak.dossier_id, pagina, toegang=toegang)
    context["actieve_tab"] = "handhaving"
    context["zaak"] = zaak
    return zaak, context


@login_required
def handhaving_tab(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "handhaving")
    context.update(zaken=selectors.zaken_voor_dossier(dossier), is_consulent=request.user.heeft_rol(Rol.CONSULENT),
                   eerdere_boetes=selectors.eerdere_boetes_elders(dossier))
    return render(request, "handhaving/tab.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def zaak_openen(request: HttpRequest, pk: int) -> HttpResponse:
    return dossier_formulier(
        request, pk, pagina="handhaving", form_class=forms.ZaakForm,
        opslaan=lambda dossier, data: services.zaak_openen(dossier_id=dossier.pk, by=request.user, **data),
        titel=_("Handhavingszaak openen"), knop=_("Zaak openen"),
        melding=_("De handhavingszaak is geopend. Voer eerst een gesprek met de inburgeraar."),
        volgende=lambda zaak: reverse("handhaving:zaak_detail", args=[zaak.pk]),
        terug=lambda dossier: reverse("handhaving:tab", args=[dossier.pk]), terug_label=_("Terug naar handhaving"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def eerdere_boete(request: HttpRequest, pk: int) -> HttpResponse:
    return dossier_formulier(
        request, pk, pagina="handhaving_eerdere_boete", form_class=forms.EerdereBoeteForm, toegang=_consulent,
        opslaan=lambda dossier, data: services.eerdere_boete_vastleggen(dossier_id=dossier.pk, by=request.user,
                                                                         **data),
        titel=_("Boete van een eerdere gemeente vastleggen"), knop=_("Vastleggen"),
        melding=_("De boete van de eerdere gemeente is vastgelegd. Zij telt mee voor het maximum."),
        uitleg=_("Boetes die een eerdere gemeente oplegde en die niet zijn herroepen of vernietigd, tellen mee voor "
                 "het maximum van Besluit inburgering 2021 art. 7.1 lid 5. De gemeente kan ze opvragen "
                 "(Wet inburgering 2021, art. 35 lid 4)."),
        volgende=lambda _boete: reverse("handhaving:tab", args=[pk]),
        terug=lambda dossier: reverse("handhaving:tab", args=[dossier.pk]), terug_label=_("Terug naar handhaving"),
    )


@login_required
def zaak_detail(request: HttpRequest, zaak_id: int) -> HttpResponse:
    zaak, context = _zaak_pagina(request, zaak_id, "handhaving_zaak")
    user = request.user
    stand = zaak.stand()
    stappen = rules.mogelijke_stappen(stand, bewerken=_mag_bewerken(user, zaak.dossier),
                                      consulent=_consulent(user, zaak.dossier))
    context.update(
        tijdlijn=selectors.tijdlijn(zaak),
        gesprekken=list(zaak.gesprekken.all()),
        acties=[(f"handhaving:{stap.value}", stap.label) for stap in stappen],
        instellingen=HandhavingInstellingen.huidig(),
        brieven=[(soort, label, doc) for soort, label, doc in (
            ("waarschuwing", _("Waarschuwing"), zaak.waarschuwing_document),
            ("rapport", _("Rapport (Awb 5:48)"), zaak.rapport_document),
            ("voornemen", _("Voornemen tot boete"), zaak.voornemen_document),
            ("besluit", _("Boetebeschikking"), zaak.besluit_document),
        ) if doc is not None],
        wacht_op_besluit=zaak.status == ZaakStatus.VOORNEMEN,
        beslistermijn=rules.beslistermijn_einde(zaak.rapport_dagtekening) if zaak.rapport_dagtekening else None,
        vandaag=vandaag(),
    )
    return render(request, "handhaving/zaak_detail.html", context)


def _stap_context(zaak: Handhavingszaak) -> dict:
    """What every step page on a zaak shows around its form: the way back and what the zaak is about."""
    return {"terug": reverse("handhaving:zaak_detail", args=[zaak.pk]),
            "terug_label": _("Terug naar de handhavingszaak"),
            "onderwerp": f"{zaak.get_verplichting_display()} ({zaak.get_status_display().lower()})"}


def _zaak_formulier(request: HttpRequest, zaak_id: int, *, pagina: str, opslaan: Callable,
                    toegang: Callable = _mag_bewerken, initial: Callable | dict | None = None,
                    form_kwargs: Callable | None = None, **pagina_kwargs) -> HttpResponse:
    """A step on a zaak (inburgering.formulierpagina): the zaak (404 unless its dossier is visible),
    403 with nothing logged for who fails `toegang`, the read logged; `opslaan(zaak, data)` calls the
    service, which gets the zaak's version the form was opened on. `initial`, `form_kwargs` and `uitleg`
    may be functions of the zaak. Back to the zaak, also after saving."""
    zaak, context = _zaak_pagina(request, zaak_id, pagina, toegang=toegang)
    stap = _stap_context(zaak)
    if callable(pagina_kwargs.get("uitleg")):
        pagina_kwargs["uitleg"] = pagina_kwargs["uitleg"](zaak)
    return formulier_pagina(
        request, context={**context, "onderwerp": stap["onderwerp"]},
        opslaan=lambda data: opslaan(zaak, data),
        initial={"versie": versie_van(zaak), **((initial(zaak) if callable(initial) else initial) or {})},
        form_kwargs=form_kwargs(zaak) if form_kwargs else None,
        terug=stap["terug"], terug_label=stap["terug_label"], **pagina_kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
def gesprek(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_gesprek", form_class=forms.GesprekForm,
        opslaan=lambda zaak, data: services.gesprek_vastleggen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Gesprek vastleggen"), knop=_("Vastleggen"), melding=_("Het gesprek is vastgelegd."),
        initial={"datum": vandaag()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def notitie(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_notitie", form_class=forms.NotitieForm,
        opslaan=lambda zaak, data: services.notitie_toevoegen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Notitie of bijlage toevoegen"), knop=_("Toevoegen"), melding=_("De notitie is toegevoegd."),
        initial={"datum": vandaag()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bijstand(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_bijstand", form_class=forms.BijstandForm,
        opslaan=lambda zaak, data: services.bijstand_verlaging_vastleggen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Verlaging van de bijstand (art. 27)"), knop=_("Vastleggen"), melding=_("Vastgelegd."),
        uitleg=_("Is de bijstand al verlaagd voor dezelfde gedraging, dan is een boete niet toegestaan "
                 "(Wet inburgering 2021, art. 27)."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def waarschuwing(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_waarschuwing", form_class=forms.WaarschuwingForm,
        opslaan=lambda zaak, data: services.waarschuwing_versturen(zaak_id=zaak.pk, by=request.user,
                                                                    **verzendkeuze(data)),
        titel=_("Schriftelijke waarschuwing: de brief maken"), knop=_("Waarschuwingsbrief maken"),
        uitleg=_("Dit maakt de waarschuwingsbrief (PDF) en legt de waarschuwing vast in de zaak. Er gaat nog niets "
                 "de deur uit: per post gaat de brief mee met de volgende printbatch van de postkamer; persoonlijk "
                 "uitgereikt geeft u hem zelf mee. De brief staat daarna onder Documenten."),
        melding=_("De waarschuwing is gemaakt. Per post gaat hij mee met de volgende printbatch; de brief staat "
                  "onder Documenten."),
        initial={"verzendwijze": POST},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rapport(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_rapport", form_class=forms.RapportForm,
        opslaan=lambda zaak, data: services.rapport_opmaken(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Rapport opmaken (Awb 5:48)"), knop=_("Rapport opmaken"),
        melding=_("Het rapport is opgemaakt. De beslistermijn van 13 weken (Awb 5:51) loopt vanaf de dagtekening."),
        initial=lambda zaak: {"dagtekening": vandaag(), "voorschrift": rules.VOORSCHRIFT.get(zaak.verplichting, ""),
                              "overtreding": zaak.omschrijving},
        uitleg=lambda zaak: _("Het rapport noemt de inburgeraar, de overtreding en het overtreden voorschrift, en waar "
                              "en wanneer die is geconstateerd (op %(d)s). U bent de opsteller; u kunt daarna niet "
                              "zelf over de boete besluiten. Een afschrift gaat mee met de boetebeschikking.")
        % {"d": f"{zaak.geconstateerd_op:%d-%m-%Y}" if zaak.geconstateerd_op else "—"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def voornemen(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_voornemen", form_class=forms.VoornemenForm, toegang=_consulent,
        opslaan=lambda zaak, data: services.voornemen_versturen(zaak_id=zaak.pk, by=request.user,
                                                                 **verzendkeuze(data)),
        titel=_("Voornemen tot boete"), knop=_("Voornemen versturen"),
        melding=_("Het voornemen is gemaakt. De zienswijzetermijn loopt vanaf de dag van verzending."),
        form_kwargs=lambda zaak: {"regime": zaak.regime}, initial={"verzendwijze": POST},
        uitleg=_("De brief noemt de voorgenomen boete en de zienswijzetermijn van %(w)s weken.")
        % {"w": HandhavingInstellingen.huidig().zienswijze_weken},
    )


@login_required
@require_http_methods(["GET", "POST"])
def zienswijze(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_zienswijze", form_class=forms.ZienswijzeForm,
        opslaan=lambda zaak, data: services.zienswijze_vastleggen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Zienswijze vastleggen"), knop=_("Vastleggen"),
        melding=_("De zienswijze is vastgelegd. Weeg die mee in het besluit."), initial={"ontvangen_op": vandaag()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bezwaar(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_bezwaar", form_class=forms.BezwaarForm, toegang=_consulent,
        opslaan=lambda zaak, data: services.bezwaar_vastleggen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Bezwaar vastleggen"), knop=_("Vastleggen"), melding=_("Het bezwaar is vastgelegd."),
        initial=lambda zaak: {"ontvangen_op": zaak.bezwaar_ontvangen_op or vandaag(), "uitkomst": zaak.bezwaar_uitkomst,
                              "beslist_op": zaak.bezwaar_beslist_op,
                              "bekendgemaakt_op": zaak.bezwaar_bekendgemaakt_op},
    )


@login_required
@require_http_methods(["GET", "POST"])
def beroep(request: HttpRequest, zaak_id: int) -> HttpResponse:
    velden = ("beroep_ingesteld_op", "beroep_uitkomst", "beroep_uitspraak_op", "hoger_beroep_ingesteld_op",
              "hoger_beroep_uitkomst", "hoger_beroep_uitspraak_op")
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_beroep", form_class=forms.BeroepForm, toegang=_consulent,
        opslaan=lambda zaak, data: services.beroep_vastleggen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Beroep en hoger beroep vastleggen"), knop=_("Vastleggen"), melding=_("Vastgelegd."),
        initial=lambda zaak: {veld: getattr(zaak, veld) for veld in velden},
        uitleg=lambda zaak: _("Beroep kon worden ingesteld tot en met %(d)s (6 weken na de bekendmaking van de "
                              "beslissing op bezwaar, Awb 6:7). Een boete die de rechter vernietigt, telt niet meer "
                              "mee voor het maximum en de verdubbeling.")
        % {"d": f"{zaak.beroep_einde:%d-%m-%Y}" if zaak.beroep_einde else "—"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def betaling(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_betaling", form_class=forms.BetalingForm,
        opslaan=lambda zaak, data: services.betaalstatus_wijzigen(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Betaling bijwerken"), knop=_("Opslaan"), melding=_("De betaalstatus is bijgewerkt."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def afsluiten(request: HttpRequest, zaak_id: int) -> HttpResponse:
    return _zaak_formulier(
        request, zaak_id, pagina="handhaving_afsluiten", form_class=forms.AfsluitenForm,
        opslaan=lambda zaak, data: services.zaak_afsluiten(zaak_id=zaak.pk, by=request.user, **data),
        titel=_("Zaak afsluiten"), knop=_("Afsluiten"), melding=_("De zaak is afgesloten."),
    )


# --- the decision -------------------------------------------------------------------------------------------
def _invoer(form: forms.BesluitForm) -> services.BesluitInvoer:
    d = form.cleaned_data
    per_post = d["verzendwijze"] == POST
    return services.BesluitInvoer(
        uitkomst=d["uitkomst"], dagtekening=d["dagtekening"], bekendmaking=None if per_post else d["uitgereikt_op"],
        per_post=per_post,
        motivering=d["motivering"], zienswijze_weging=d.get("zienswijze_weging", ""),
        asiel_motivering=d.get("asiel_motivering", ""), nieuwe_termijn_einde=d.get("nieuwe_termijn_einde"),
        boete=_boete_invoer(d),
    )


def _boete_invoer(d: dict) -> selectors.BoeteInvoer:
    return selectors.BoeteInvoer(
        verwijtbaarheid=d.get("verwijtbaarheid") or "", verwijtbaarheid_reden=d.get("verwijtbaarheid_reden") or "",
        matiging=d.get("matiging") or Decimal("0"), matiging_reden=d.get("matiging_reden") or "",
        duo_nieuwe_termijn_maanden=d.get("duo_nieuwe_termijn_maanden"),
        duo_nieuwe_termijn_start=d.get("duo_nieuwe_termijn_start"),
    )


def _besluit_initial(zaak: Handhavingszaak) -> dict:
    initial = {"uitkomst": BesluitUitkomst.BOETE, "dagtekening": vandaag(), "verzendwijze": POST,
               "verwijtbaarheid": zaak.verwijtbaarheid, "verwijtbaarheid_reden": zaak.verwijtbaarheid_reden,
               "versie": versie_van(zaak)}
    if zaak.regime == Regime.BREDE_INTAKE:
        maanden = HandhavingInstellingen.huidig().intake_nieuwe_termijn_maanden
        # A suggestion inside the legal maximum of `rules.nieuwe_termijn_fouten` (Wet 22), also at month ends.
        initial["nieuwe_termijn_einde"] = datums.plus_maanden(vandaag(), maanden) - datums.EEN_DAG
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def besluit(request: HttpRequest, zaak_id: int) -> HttpResponse:
    """The decision form with the computed amount and its derivation (formulier.html with more around
    the form). Without JavaScript: 'Bedrag berekenen' recomputes with the entered choices and saves
    nothing; 'Besluit nemen' decides."""
    zaak, context = _zaak_pagina(request, zaak_id, "handhaving_besluit", toegang=_consulent)
    initial = _besluit_initial(zaak)
    form = forms.BesluitForm(request.POST or None, zaak=zaak, initial=initial)
    berekening = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("actie") == "berekenen":
            berekening = selectors.berekening(zaak, _boete_invoer(form.cleaned_data),
                                              peildatum=form.cleaned_data["dagtekening"])
            if berekening.fouten:
                fouten_naar_formulieren(ValidationError(berekening.fouten), form)
        else:
            try:
                services.besluit_nemen(zaak_id=zaak.pk, invoer=_invoer(form), versie=form.cleaned_data["versie"],
                                       by=request.user)
            except ValidationError as fout:
                fouten_naar_formulieren(fout, form)
                berekening = selectors.berekening(zaak, _boete_invoer(form.cleaned_data),
                                                  peildatum=form.cleaned_data["dagtekening"])
            else:
                messages.success(request, _("Het besluit is vastgelegd."))
                return redirect("handhaving:zaak_detail", zaak_id=zaak.pk)
    if berekening is None:
        berekening = selectors.berekening(zaak, _boete_invoer(initial), peildatum=vandaag())
    context.update(_stap_context(zaak), form=form, berekening=berekening, instellingen=HandhavingInstellingen.huidig(),
                   eigen_zaak=zaak.geopend_door_id == request.user.pk,
                   eigen_rapport=zaak.rapport_door_id == request.user.pk,
                   beslistermijn=rules.beslistermijn_einde(zaak.rapport_dagtekening) if zaak.rapport_dagtekening
                   else None, vandaag=vandaag(), titel=_("Besluit nemen"), uitleg="")
    return render(request, "handhaving/besluit.html", context)


# --- downloads and the queue ----------------------------------------------------------------------------------
@login_required
def brief(request: HttpRequest, zaak_id: int, soort: str) -> HttpResponse:
    zaak, _context = _zaak_pagina(request, zaak_id, f"handhaving_brief_{soort}"[:50])
    document = {"waarschuwing": zaak.waarschuwing_document, "rapport": zaak.rapport_document,
                "voornemen": zaak.voornemen_document,
                "besluit": zaak.besluit_document}.get(soort)
    if document is None:
        raise Http404
    return document_response(document)


@login_required
def bijlage(request: HttpRequest, zaak_id: int, notitie_id: int) -> HttpResponse:
    """An attachment of a note of THIS zaak: looked up through its zaak before the read is logged (404 for
    another zaak's note, with nothing logged)."""
    notitie = Notitie.objects.filter(zaak_id=zaak_id, pk=notitie_id).exclude(bijlage="").first()
    if notitie is None:
        raise Http404
    _zaak_pagina(request, zaak_id, "handhaving_bijlage")
    # The content type follows the stored (checked) type, not the name the user gave.
    response = FileResponse(notitie.bijlage.open("rb"), as_attachment=True,
                            filename=notitie.bijlage_naam or "bijlage",
                            content_type=mimetypes.guess_type(notitie.bijlage.name)[0] or "application/octet-stream")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def zaken(request: HttpRequest) -> HttpResponse:
    """Every zaak of the dossiers the user may see, filtered as the dashboard's numbers link to it
    (`?status=`, `?boete_jaar=`, `?afsluit_reden=`). Two queries plus the request's own."""
    if not access.mag_dossiers_zien(request.user):
        raise PermissionDenied
    form = forms.ZaakFilterForm(request.GET)
    filter = selectors.ZaakFilter(**form.waarden())
    lijst = selectors.zaken_lijst(user=request.user, filter=filter)
    return render(request, "handhaving/zaken.html", {
        **lijstpagina(request, lijst), "form": form, "filter": filter,
        "is_consulent": request.user.heeft_rol(Rol.CONSULENT),
    })


@login_required
def te_besluiten(request: HttpRequest) -> HttpResponse:
    if not request.user.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied
    return render(request, "handhaving/te_besluiten.html", {
        **lijstpagina(request, selectors.te_besluiten(user=request.user)), "vandaag": vandaag(),
    })
