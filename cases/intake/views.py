from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import access
from cases.models import BredeIntake, Fase, IntakeGezondheid, Uitnodiging, WarmeOverdracht
from cases.views import dossier_pagina, fouten_naar_formulieren

from . import selectors, services
from .forms import (
    AfrondenForm,
    GezondheidForm,
    IntakeForm,
    OverdrachtForm,
    UitnodigingForm,
    WerkervaringFormSet,
    werkervaringen_uit,
)


def _schrijfbaar(context: dict) -> None:
    if not context["mag_bewerken"] or context["dossier"].fase not in services.INTAKE_FASEN:
        raise PermissionDenied


@login_required
def intake_tab(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "intake")
    mag_gezondheid = access.mag_gezondheid_zien(request.user, dossier)
    overzicht = selectors.intake_overzicht(dossier, mag_gezondheid=mag_gezondheid)
    context.update(
        overzicht=overzicht,
        mag_gezondheid=mag_gezondheid,
        intake_open=context["mag_bewerken"] and dossier.fase in services.INTAKE_FASEN,
        afronden_form=AfrondenForm(),
    )
    return render(request, "cases/intake/intake_tab.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def overdracht_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "overdracht_bewerken", alleen_bewerken=True)
    _schrijfbaar(context)
    bestaand = WarmeOverdracht.objects.filter(dossier=dossier).first()
    form = OverdrachtForm(request.POST or None, instance=bestaand,
                          initial={"versie": bestaand.versie if bestaand else None})
    if request.method == "POST" and form.is_valid():
        try:
            services.overdracht_vastleggen(dossier_id=dossier.pk, gegevens=form.gegevens(),
                                           versie=form.cleaned_data["versie"], by=request.user)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("De warme overdracht is vastgelegd."))
            return redirect("intake:intake_tab", pk=dossier.pk)
    context.update(form=form, titel=_("Warme overdracht vastleggen"))
    return render(request, "cases/intake/overdracht_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def intake_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "intake_bewerken", alleen_bewerken=True)
    _schrijfbaar(context)
    intake = BredeIntake.objects.filter(dossier=dossier).first()
    data = request.POST if request.method == "POST" else None
    form = IntakeForm(data, instance=intake, zonder_overdracht=dossier.fase == Fase.AANGEMELD,
                      initial={"versie": intake.versie if intake else None})
    formset = WerkervaringFormSet(
        data, prefix="werk",
        initial=[{"beroep": w.beroep, "land": w.land, "jaren": w.jaren, "omschrijving": w.omschrijving}
                 for w in intake.werkervaringen.all()] if intake else None,
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.intake_opslaan(
                dossier_id=dossier.pk, gegevens=form.gegevens(), werkervaringen=werkervaringen_uit(formset),
                versie=form.cleaned_data["versie"], by=request.user,
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("De intake is opgeslagen."))
            return redirect("intake:intake_tab", pk=dossier.pk)
    context.update(form=form, formset=formset)
    return render(request, "cases/intake/intake_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def gezondheid(request: HttpRequest, pk: int) -> HttpResponse:
    """Health answers: a separate page, so every read is logged on its own (pagina 'gezondheid')."""
    dossier, context = dossier_pagina(request, pk, "gezondheid", toegang=access.mag_gezondheid_zien)
    intake = get_object_or_404(BredeIntake, dossier=dossier)
    bestaand = IntakeGezondheid.objects.filter(intake=intake).first()
    bewerkbaar = context["mag_bewerken"] and not intake.is_afgerond
    form = None
    if bewerkbaar:
        form = GezondheidForm(request.POST or None, instance=bestaand,
                              initial={"versie": bestaand.versie if bestaand else None})
        if request.method == "POST" and form.is_valid():
            try:
                services.gezondheid_opslaan(dossier_id=dossier.pk, gegevens=form.gegevens(),
                                            versie=form.cleaned_data["versie"], by=request.user)
            except ValidationError as fout:
                fouten_naar_formulieren(fout, form)
            else:
                messages.success(request, _("De gegevens over gezondheid zijn opgeslagen."))
                return redirect("intake:intake_tab", pk=dossier.pk)
    elif request.method == "POST":
        raise PermissionDenied
    context.update(form=form, gezondheid=bestaand)
    return render(request, "cases/intake/gezondheid.html", context)


@login_required
@require_POST
def intake_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "intake_afronden", alleen_bewerken=True)
    _schrijfbaar(context)
    form = AfrondenForm(request.POST)
    form.is_valid()
    try:
        services.intake_afronden(dossier_id=dossier.pk, zonder_persoon=form.cleaned_data.get("zonder_persoon", False),
                                 by=request.user)
    except ValidationError as fout:
        # One alert, not one per missing item: "… Nog nodig: a; b; c."
        kop, *ontbreekt = fout.messages
        messages.error(request, f"{kop} {'; '.join(ontbreekt)}." if ontbreekt else kop)
        return redirect("intake:intake_tab", pk=dossier.pk)
    messages.success(request, _("De brede intake is afgerond. U kunt nu het PIP opstellen."))
    return redirect("pip_plans:pip_tab", pk=dossier.pk)


@login_required
@require_http_methods(["GET", "POST"])
def uitnodiging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "uitnodiging", alleen_bewerken=True)
    _schrijfbaar(context)
    aantal = Uitnodiging.objects.filter(dossier=dossier).count()
    form = UitnodigingForm(request.POST or None, eerste=aantal == 0)
    if request.method == "POST" and form.is_valid():
        try:
            services.uitnodiging_vastleggen(
                dossier_id=dossier.pk, verzonden_op=form.cleaned_data["verzonden_op"],
                gesprek_op=form.cleaned_data["gesprek_op"], reactie_uiterlijk=form.cleaned_data["reactie_uiterlijk"],
                waarschuwing_op=form.cleaned_data.get("waarschuwing_op"), by=request.user,
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(request, _("De oproep is vastgelegd."))
            return redirect("intake:intake_tab", pk=dossier.pk)
    context.update(form=form, volgnummer=aantal + 1)
    return render(request, "cases/intake/uitnodiging_form.html", context)


@login_required
@require_POST
def uitnodiging_uitkomst(request: HttpRequest, pk: int, uitnodiging_id: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "uitnodiging", alleen_bewerken=True)
    _schrijfbaar(context)
    verschenen = request.POST.get("verschenen")
    if verschenen not in ("ja", "nee"):
        messages.error(request, _("Kies of de persoon is verschenen."))
        return redirect("intake:intake_tab", pk=dossier.pk)
    try:
        services.uitnodiging_uitkomst(uitnodiging_id=uitnodiging_id, verschenen=verschenen == "ja", by=request.user)
    except ValidationError as fout:
        for bericht in fout.messages:
            messages.error(request, bericht)
    else:
        messages.success(request, _("De uitkomst van de oproep is vastgelegd."))
    return redirect("intake:intake_tab", pk=dossier.pk)
