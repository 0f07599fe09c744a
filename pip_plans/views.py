from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import access
from cases import selectors as dossier_selectors
from cases.models import Dossier, Fase
from cases.views import dossier_formulier, dossier_pagina, lijstpagina
from inburgering.accounts.roles import Rol
from inburgering.audit.services import inzage_vastleggen
from inburgering.documenten.views import document_response
from inburgering.formulierpagina import formulier_pagina, fouten_naar_formulieren
from inburgering.kalender import datums
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import VERSIE_CODE, versie_van

from . import rules, selectors, services
from . import termijnen as pip_termijnen
from .forms import (
    InformatieVerzoekForm,
    IntrekkenForm,
    OntvangenForm,
    PipForm,
    TeBeoordelenFilterForm,
    TermijnVerlengingDuoForm,
    TerugsturenForm,
    VaststellenForm,
    WijzigingForm,
)
from .models import OPEN_STATUSSEN, InformatieVerzoek, Pip, PipStatus


def _pip(request: HttpRequest, pip_id: int, pagina: str, *, alleen_bewerken: bool = False) -> Pip:
    """A PIP the user may see (its dossier is visible), with the read logged. With `alleen_bewerken`,
    a user who may not change the (active) dossier gets 403, before anything is logged."""
    pip = get_object_or_404(
        Pip.objects.select_related("dossier__inburgeraar", "dossier__werkcoach", "dossier__team", "auteur",
                                   "vastgesteld_door", "vorige", "document"),
        pk=pip_id, dossier__in=access.zichtbare_dossiers(request.user).values("pk"),
    )
    if alleen_bewerken and not (access.mag_dossier_bewerken(request.user, pip.dossier) and pip.dossier.is_actief):
        raise PermissionDenied
    inzage_vastleggen(request=request, dossier_id=pip.dossier_id, pagina=pagina)
    return pip


def _pip_tab_url(dossier_id: int) -> str:
    return reverse("pip_plans:pip_tab", args=[dossier_id])


def _pip_formulier(request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
    """A simple form page on the PIP tab of a dossier: back to the tab, and there after saving."""
    return dossier_formulier(request, pk, terug=lambda dossier: _pip_tab_url(dossier.pk),
                             terug_label=_("Terug naar het PIP"), **kwargs)


@login_required
def pip_tab(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "pip")
    versies = selectors.pip_versies(dossier)
    verzoeken = list(dossier.pip_informatieverzoeken.all())
    statussen = [p.status for p in versies]
    geldend = next((p for p in versies if p.status == PipStatus.VASTGESTELD), None)
    open_pip = next((p for p in versies if p.status in OPEN_STATUSSEN), None)
    deadline = None if geldend else selectors.pip_deadline_voor(dossier, verzoeken)
    uiterst = deadline.deadline.oorspronkelijke_fatale_datum if deadline else None
    context.update(
        verzoeken_te_laat={v.pk for v in verzoeken if not rules.informatieverzoek_verlengt(
            gevraagd_op=v.gevraagd_op, oorspronkelijke_fatale_datum=uiterst)} if deadline else set(),
        onherroepelijk_sinds=datums.onherroepelijk_sinds(geldend.bezwaar_einde, vandaag()) if geldend else None,
        versies=versies,
        geldend=geldend,
        open_pip=open_pip,
        verzoeken=verzoeken,
        deadline=deadline,
        inburgeringstermijn=pip_termijnen.inburgeringstermijn(dossier),
        verlengingen=list(dossier.termijnverlengingen.all()),
        mag_opstellen=context["mag_bewerken"] and rules.opstellen_fout(
            in_opstelling=dossier.fase == Fase.PIP_IN_OPSTELLING, statussen=statussen) is None,
        mag_wijzigen=context["mag_bewerken"] and rules.wijziging_fout(statussen=statussen) is None,
        # Issue 19 item 8: said before the werkcoach offers the concept, not after the consulent opens it.
        indienen_fout=rules.indienen_termijn_fout(deadline.deadline if deadline else None)
        if open_pip is not None and open_pip.status == PipStatus.CONCEPT else None,
        mag_beoordelen=open_pip is not None and rules.kan_beoordelen(
            is_consulent=request.user.heeft_rol(Rol.CONSULENT), status=open_pip.status),
    )
    return render(request, "pip_plans/pip_tab.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pip_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """The first PIP: the one form flow, on the PIP's own page with its sections and the LBT outcome."""
    return _pip_formulier(
        request, pk, pagina="pip_nieuw", form_class=PipForm, form_kwargs={"wijziging": False},
        opslaan=lambda dossier, data: services.pip_opstellen(dossier_id=dossier.pk, gegevens=data, by=request.user),
        extra=lambda dossier: {"lbt": services.lbt_uitkomst(dossier)}, template="pip_plans/pip_form.html",
        titel=_("PIP opstellen"), knop=_("Concept opslaan"), melding=_("Het PIP is als concept opgeslagen."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def pip_bewerken(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_bewerken")
    if not (access.mag_dossier_bewerken(request.user, pip.dossier) and pip.is_bewerkbaar):
        raise PermissionDenied
    form = PipForm(request.POST or None, instance=pip, wijziging=pip.vorige_id is not None,
                   initial={"versie": versie_van(pip)})
    _geregistreerde_nt2_uren_tonen(form, pip)
    if request.method == "GET" and "controle" in request.GET:
        _regels_bij_velden(form, pip)
    if request.method == "POST" and form.is_valid():
        try:
            services.pip_bijwerken(
                pip_id=pip.pk, wijzigingsnummer=form.cleaned_data["versie"], gegevens=form.gegevens(),
                by=request.user,
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("De wijzigingen in het PIP zijn opgeslagen."))
            return redirect("pip_plans:pip_tab", pk=pip.dossier_id)
    return render(request, "pip_plans/pip_form.html", {
        "dossier": pip.dossier, "pip": pip, "form": form, "lbt": services.lbt_uitkomst(pip.dossier),
        "knop": _("Concept opslaan"), "terug": _pip_tab_url(pip.dossier_id),
    })


def _geregistreerde_nt2_uren_tonen(form: PipForm, pip: Pip) -> None:
    """Afschalen (Besluit 5.5): once NT2 hours are registered in the traject they are the source of
    truth — shown, prefilled and not editable; typing a number is possible only when none are."""
    veld = form.fields.get("afschalen_nt2_uren")
    if veld is None:
        return
    uren = int(services.geregistreerde_nt2_uren(pip.dossier))
    if uren > 0:
        veld.disabled = True  # a disabled field takes its value from `initial`, also on POST
        form.initial["afschalen_nt2_uren"] = uren
        veld.help_text = _("Geregistreerd in het traject bij instellingen met keurmerk of taalschakeltraject: "
                           "%(uren)s uur. Dit aantal telt.") % {"uren": uren}
    else:
        veld.help_text = _("Er zijn nog geen NT2-uren geregistreerd in het traject. Vul het aantal in uit de "
                           "opgave van de aanbieder.")


def _regels_bij_velden(form: PipForm, pip: Pip) -> None:
    """After a refused "Ter beoordeling aanbieden": the rules' messages next to the fields they are
    about, in the error summary and with aria-invalid (WCAG 3.3.1), on the not yet bound edit form."""
    try:
        services.inhoud_valideren(pip)
    except ValidationError as fout:
        form.cleaned_data = {}  # add_error on an unbound form expects it
        form.add_error(None, _("Het PIP is niet ter beoordeling aangeboden. Pas eerst dit aan:"))
        fouten_naar_formulieren(fout, form)


@login_required
@require_POST
def pip_indienen(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_indienen")
    try:
        services.pip_indienen(pip_id=pip.pk, by=request.user)
    except ValidationError as fout:
        if hasattr(fout, "error_dict"):  # the content rules: shown next to their fields on the edit form
            return redirect(reverse("pip_plans:pip_bewerken", args=[pip.pk]) + "?controle=1")
        for bericht in fout.messages:
            messages.error(request, bericht)
        if getattr(fout, "code", None) == services.TERMIJN_ONBEKEND_CODE:  # missing dossier data, not content
            return redirect("pip_plans:pip_tab", pk=pip.dossier_id)
        return redirect("pip_plans:pip_bewerken", pip_id=pip.pk)
    messages.success(request, _("Het PIP is ter beoordeling aangeboden aan een consulent."))
    return redirect("pip_plans:pip_tab", pk=pip.dossier_id)


@login_required
@require_http_methods(["GET", "POST"])
def pip_intrekken(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_intrekken", alleen_bewerken=True)
    return formulier_pagina(
        request, form_class=IntrekkenForm, initial={"versie": versie_van(pip)},
        opslaan=lambda data: services.pip_intrekken(pip_id=pip.pk, reden=data["reden"], versie=data["versie"],
                                                    by=request.user),
        titel=_("PIP-concept intrekken"), knop=_("Intrekken"), melding=_("Het concept-PIP is ingetrokken."),
        uitleg=_("Het concept van versie %(v)s wordt ingetrokken en niet meer gebruikt. Het blijft zichtbaar in de "
                 "geschiedenis.") % {"v": pip.versie},
        terug=_pip_tab_url(pip.dossier_id), terug_label=_("Terug naar het PIP"),
        context={"dossier": pip.dossier, "pip": pip},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pip_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    return _pip_formulier(
        request, pk, pagina="pip_wijzigen", form_class=WijzigingForm,
        opslaan=lambda dossier, data: services.pip_wijziging_starten(
            dossier_id=dossier.pk, reden=data["reden"], toelichting=data["toelichting"], by=request.user),
        titel=_("PIP wijzigen"), knop=_("Nieuwe versie maken"),
        uitleg=_("Een wijziging (schakelen, afschalen, verhuizing of iets anders) wordt een nieuwe versie van het "
                 "PIP, gebaseerd op het geldende PIP. De start van de inburgeringstermijn verandert niet."),
        melding=lambda pip: _("Versie %(v)s is aangemaakt als concept. Pas de afspraken aan.") % {"v": pip.versie},
        volgende=lambda pip: reverse("pip_plans:pip_bewerken", args=[pip.pk]),
    )


@login_required
def pip_detail(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_detail")
    return render(request, "pip_plans/pip_detail.html", _beoordeel_context(request, pip))


def _status_melding(request: HttpRequest, fout: ValidationError, pip: Pip) -> HttpResponse | None:
    """A non-field error (e.g. a second click after another consulent already decided) cannot be shown
    on the review forms, which are hidden once the PIP left review: show it as a message instead. A
    stale version (the PIP is in review again, changed) stays on the form, with the input kept."""
    if hasattr(fout, "error_dict") or getattr(fout, "code", None) == VERSIE_CODE:
        return None
    for bericht in fout.messages:
        messages.error(request, bericht)
    return redirect("pip_plans:pip_detail", pip_id=pip.pk)


def _beoordeel_context(request: HttpRequest, pip: Pip, **forms) -> dict:
    kan_beoordelen = rules.kan_beoordelen(is_consulent=request.user.heeft_rol(Rol.CONSULENT), status=pip.status)
    context = {"pip": pip, "dossier": pip.dossier, "kan_beoordelen": kan_beoordelen,
               "eigen_pip": kan_beoordelen and services.heeft_meegeschreven(pip, request.user),
               "onherroepelijk_sinds": datums.onherroepelijk_sinds(pip.bezwaar_einde, vandaag())}
    if kan_beoordelen:
        versie = versie_van(pip)
        context["terugsturen_form"] = forms.get("terugsturen_form") or TerugsturenForm(initial={"versie": versie})
        context["vaststellen_form"] = forms.get("vaststellen_form") or VaststellenForm(
            initial={"dagtekening": vandaag(), "verzendwijze": "post", "versie": versie}
        )
    return context


@login_required
@require_POST
def pip_terugsturen(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_terugsturen")
    form = TerugsturenForm(request.POST)
    if form.is_valid():
        try:
            services.pip_terugsturen(pip_id=pip.pk, opmerkingen=form.cleaned_data["opmerkingen"],
                                     versie=form.cleaned_data["versie"], by=request.user)
        except ValidationError as fout:
            if melding := _status_melding(request, fout, pip):
                return melding
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("Het PIP is teruggestuurd naar de werkcoach."))
            return redirect("pip_plans:te_beoordelen")
    return render(request, "pip_plans/pip_detail.html", _beoordeel_context(request, pip, terugsturen_form=form))


@login_required
@require_POST
def pip_vaststellen(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_vaststellen")
    form = VaststellenForm(request.POST)
    if form.is_valid():
        try:
            per_post = form.cleaned_data["verzendwijze"] == "post"
            services.pip_vaststellen(
                pip_id=pip.pk, dagtekening=form.cleaned_data["dagtekening"], per_post=per_post,
                bekendmaking=None if per_post else form.cleaned_data["uitgereikt_op"],
                versie=form.cleaned_data["versie"], by=request.user,
            )
        except ValidationError as fout:
            if melding := _status_melding(request, fout, pip):
                return melding
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("Het PIP is vastgesteld. De beschikking staat klaar voor de printbatch.")
                             if per_post else _("Het PIP is vastgesteld. De beschikking is uitgereikt."))
            return redirect("pip_plans:pip_tab", pk=pip.dossier_id)
    return render(request, "pip_plans/pip_detail.html", _beoordeel_context(request, pip, vaststellen_form=form))


@login_required
def pip_beschikking(request: HttpRequest, pip_id: int) -> HttpResponse:
    pip = _pip(request, pip_id, "pip_beschikking")
    if pip.document is None:
        raise Http404  # only a vastgesteld version has a beschikking
    return document_response(pip.document)


@login_required
def te_beoordelen(request: HttpRequest) -> HttpResponse:
    if not request.user.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied
    form = TeBeoordelenFilterForm(request.GET or None, teams=dossier_selectors.teams())
    filter = form.waarden()
    peildatum = vandaag()
    context = lijstpagina(request, selectors.te_beoordelen(user=request.user, **filter))
    context.update({
        "form": form,
        "regels": [selectors.WachtrijRegel(pip=pip, peildatum=peildatum) for pip in context["pagina"].object_list],
    })
    return render(request, "pip_plans/te_beoordelen.html", context)


def _informatieverzoek_uitleg(dossier: Dossier) -> str:
    """Besluit 5.3 lid 2, with the day after which a request no longer extends the deadline."""
    uitleg = str(_("Gebruik dit alleen als het plan zonder deze informatie redelijkerwijs niet kan worden "
                   "vastgesteld (Besluit inburgering 2021, art. 5.3 lid 2). De termijn wordt dan uiterlijk 2 weken "
                   "na ontvangst."))
    uiterst = selectors.pip_deadline_voor(dossier, []).deadline.oorspronkelijke_fatale_datum
    if uiterst:
        uitleg += " " + str(_("Alleen een verzoek dat uiterlijk op %(datum)s (het einde van de termijn van 10 weken) "
                              "is gedaan, verlengt de termijn; een later verzoek wordt wel vastgelegd maar verlengt "
                              "niets.") % {"datum": f"{uiterst:%d-%m-%Y}"})
    return uitleg


def _informatieverzoek_melding(verzoek: InformatieVerzoek) -> str:
    if selectors.informatieverzoek_verlengt(verzoek):
        return str(_("Het verzoek is vastgelegd. De PIP-termijn is opgeschort tot de ontvangst."))
    uiterst = selectors.pip_deadline_voor(verzoek.dossier, []).deadline.oorspronkelijke_fatale_datum
    return str(rules.VERZOEK_TE_LAAT % {"datum": f"{uiterst:%d-%m-%Y}"})


@login_required
@require_http_methods(["GET", "POST"])
def informatieverzoek_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _pip_formulier(
        request, pk, pagina="pip_informatie", form_class=InformatieVerzoekForm, initial={"gevraagd_op": vandaag()},
        opslaan=lambda dossier, data: services.informatieverzoek_vastleggen(
            dossier_id=dossier.pk, by=request.user, **data),
        titel=_("Wachten op informatie van een derde"), knop=_("Vastleggen"),
        uitleg=_informatieverzoek_uitleg,
        melding=_informatieverzoek_melding,
    )


@login_required
@require_http_methods(["GET", "POST"])
def informatie_ontvangen(request: HttpRequest, pk: int, verzoek_id: int) -> HttpResponse:
    verzoek = get_object_or_404(InformatieVerzoek, pk=verzoek_id, dossier_id=pk)
    return _pip_formulier(
        request, pk, pagina="pip_informatie", form_class=OntvangenForm,
        initial={"ontvangen_op": vandaag(), "versie": versie_van(verzoek)},
        opslaan=lambda dossier, data: services.informatie_ontvangen(
            verzoek_id=verzoek.pk, ontvangen_op=data["ontvangen_op"], versie=data["versie"], by=request.user),
        titel=_("Ontvangst van informatie vastleggen"), knop=_("Vastleggen"), uitleg=str(verzoek),
        melding=_("De ontvangst is vastgelegd; de termijn is bijgewerkt."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def termijnverlenging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """Record DUO's extension of the inburgeringstermijn (SS103/SS104), with its ground and new end."""
    return _pip_formulier(
        request, pk, pagina="pip_termijnverlenging", form_class=TermijnVerlengingDuoForm,
        initial={"besluitdatum": vandaag()},
        opslaan=lambda dossier, data: services.termijnverlenging_duo_vastleggen(
            dossier_id=dossier.pk, by=request.user, **data),
        titel=_("Verlenging inburgeringstermijn door DUO vastleggen"), knop=_("Vastleggen"),
        uitleg=_("Alleen DUO verlengt de inburgeringstermijn (ambtshalve of op aanvraag). Leg hier het besluit vast "
                 "zoals DUO het doorgeeft. De start van de termijn verandert niet; de termijnen die aan het einde van "
                 "de inburgeringstermijn verlopen schuiven mee."),
        melding=_("De verlenging is vastgelegd; de termijnen zijn bijgewerkt."),
    )
