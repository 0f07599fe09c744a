from functools import cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cases import access
from cases.models import BredeIntake, Dossier, Fase, IntakeGezondheid, Uitnodiging, WarmeOverdracht
from cases.views import dossier_formulier, dossier_pagina, met_naam
from inburgering.accounts.models import User
from inburgering.formulierpagina import formulier_pagina, fouten_naar_formulieren
from inburgering.schrijven import versie_van

from . import rules, selectors, services
from .forms import (
    AfrondenForm,
    GezondheidForm,
    IntakeForm,
    OverdrachtForm,
    UitnodigingForm,
    WerkervaringFormSet,
    werkervaringen_uit,
    zonder_versie,
)

TERUG_NAAR_INTAKE = gettext_lazy("Terug naar de intake")


def _intake_open(_user: User, dossier: Dossier) -> bool:
    return rules.intake_open(dossier.fase)


def _naar_intake(dossier: Dossier) -> str:
    return reverse("intake:intake_tab", args=[dossier.pk])


@login_required
def intake_tab(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "intake")
    mag_gezondheid = access.mag_gezondheid_zien(request.user, dossier)
    overzicht = selectors.intake_overzicht(dossier, mag_gezondheid=mag_gezondheid)
    context.update(
        overzicht=overzicht,
        mag_gezondheid=mag_gezondheid,
        intake_open=context["mag_bewerken"] and rules.intake_open(dossier.fase),
        afronden_form=AfrondenForm(),
    )
    return render(request, "cases/intake/intake_tab.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def overdracht_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    bestaand = cache(lambda dossier: WarmeOverdracht.objects.filter(dossier=dossier).first())
    return dossier_formulier(
        request, pk, pagina="overdracht_bewerken", toegang=_intake_open, form_class=OverdrachtForm,
        form_kwargs=lambda dossier: {"instance": bestaand(dossier)},
        initial=lambda dossier: {"versie": versie_van(bestaand(dossier))},
        opslaan=lambda dossier, data: services.overdracht_vastleggen(
            dossier_id=dossier.pk, gegevens=zonder_versie(data), versie=data["versie"], by=request.user),
        titel=met_naam(_("Warme overdracht van %(naam)s")),
        uitleg=_("Het driegesprek tussen inburgeraar, COA en werkcoach, bij voorkeur in het AZC."),
        knop=_("Opslaan"), melding=_("De warme overdracht is vastgelegd."), terug=_naar_intake,
        terug_label=TERUG_NAAR_INTAKE, template="cases/intake/overdracht_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def intake_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "intake_bewerken", alleen_bewerken=True, toegang=_intake_open)
    intake = BredeIntake.objects.filter(dossier=dossier).first()
    data = request.POST if request.method == "POST" else None
    form = IntakeForm(data, instance=intake, zonder_overdracht=dossier.fase == Fase.AANGEMELD,
                      initial={"versie": versie_van(intake)})
    formset = WerkervaringFormSet(
        data, prefix="werk",
        initial=[{"beroep": w.beroep, "land": w.land, "jaren": w.jaren, "omschrijving": w.omschrijving}
                 for w in intake.werkervaringen.all()] if intake else None,
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.intake_opslaan(
                dossier_id=dossier.pk, gegevens=zonder_versie(form.cleaned_data), werkervaringen=werkervaringen_uit(formset),
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
    """Health answers: a separate page, so every read is logged on its own (pagina 'gezondheid').
    Who may read them but not change them (any more) sees them without a form."""
    dossier, context = dossier_pagina(request, pk, "gezondheid", toegang=access.mag_gezondheid_zien)
    intake = get_object_or_404(BredeIntake, dossier=dossier)
    bestaand = IntakeGezondheid.objects.filter(intake=intake).first()
    woorden = {"titel": met_naam(_("Gezondheid van %(naam)s"))(dossier), "terug": _naar_intake(dossier),
               "terug_label": TERUG_NAAR_INTAKE}
    if not context["mag_bewerken"] or intake.is_afgerond:
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "cases/intake/gezondheid.html", {**context, **woorden, "gezondheid": bestaand})
    return formulier_pagina(
        request, context=context, form_class=GezondheidForm, form_kwargs={"instance": bestaand},
        initial={"versie": versie_van(bestaand)},
        opslaan=lambda data: services.gezondheid_opslaan(
            dossier_id=dossier.pk, gegevens=zonder_versie(data), versie=data["versie"], by=request.user),
        knop=_("Opslaan"), melding=_("De gegevens over gezondheid zijn opgeslagen."),
        template="cases/intake/gezondheid.html", **woorden,
    )


@login_required
@require_POST
def intake_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, _context = dossier_pagina(request, pk, "intake_afronden", alleen_bewerken=True, toegang=_intake_open)
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


OPROEP_UITLEG = {
    1: gettext_lazy("Het systeem maakt de brief met de oproep. Per post gaat hij mee met de printbatch van de "
                    "postkamer; de dag van posten is de verzenddatum."),
    2: gettext_lazy("De persoon is niet verschenen. De brief met de tweede oproep is ook de schriftelijke "
                    "waarschuwing: wie weer niet komt, kan een boete van € 250 krijgen (Wet inburgering 2021, "
                    "art. 14 lid 1 en art. 22). Kies een nieuwe datum en een nieuwe reactietermijn."),
    3: gettext_lazy("De persoon is weer niet verschenen. De brief met de derde oproep zegt dat de gemeente de "
                    "intake zonder de persoon afrondt als hij of zij niet komt (art. 14 lid 2)."),
}


@login_required
@require_http_methods(["GET", "POST"])
def uitnodiging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    volgnummer = cache(lambda dossier: Uitnodiging.objects.filter(dossier=dossier).count() + 1)
    return dossier_formulier(
        request, pk, pagina="uitnodiging", toegang=_intake_open, form_class=UitnodigingForm,
        form_kwargs=lambda dossier: {"volgnummer": volgnummer(dossier),
                                     "heeft_adres": bool(dossier.inburgeraar.adresregels)},
        opslaan=lambda dossier, data: services.uitnodiging_vastleggen(
            dossier_id=dossier.pk, gesprek_op=data["gesprek_op"], tijd=data["tijd"], plaats=data["plaats"],
            meenemen=data["meenemen"], reactie_uiterlijk=data["reactie_uiterlijk"],
            per_post=data["verzendwijze"] == "post",
            uitgereikt_op=None if data["verzendwijze"] == "post" else data["uitgereikt_op"], by=request.user),
        titel=lambda dossier: _("Oproep %(n)s voor de brede intake") % {"n": volgnummer(dossier)},
        uitleg=lambda dossier: OPROEP_UITLEG.get(volgnummer(dossier), ""),
        knop=_("Oproep vastleggen"),
        melding=lambda oproep: _("De oproep is vastgelegd. De brief wacht op de printbatch.") if oproep.verzonden_op
        is None else _("De oproep is vastgelegd en uitgereikt."),
        terug=_naar_intake, terug_label=TERUG_NAAR_INTAKE,
    )


@login_required
@require_POST
def uitnodiging_uitkomst(request: HttpRequest, pk: int, uitnodiging_id: int) -> HttpResponse:
    """The outcome of an oproep of THIS dossier: the oproep is looked up through its dossier (404 for one of
    another dossier, before anything is logged), and the service changes it only on that dossier."""
    get_object_or_404(Uitnodiging.objects.filter(dossier__in=access.zichtbare_dossiers(request.user)),
                      pk=uitnodiging_id, dossier_id=pk)
    dossier, _context = dossier_pagina(request, pk, "uitnodiging", alleen_bewerken=True, toegang=_intake_open)
    verschenen = request.POST.get("verschenen")
    if verschenen not in ("ja", "nee"):
        messages.error(request, _("Kies of de persoon is verschenen."))
        return redirect("intake:intake_tab", pk=dossier.pk)
    try:
        services.uitnodiging_uitkomst(
            dossier_id=dossier.pk, uitnodiging_id=uitnodiging_id, verschenen=verschenen == "ja", by=request.user)
    except ValidationError as fout:
        for bericht in fout.messages:
            messages.error(request, bericht)
    else:
        messages.success(request, _("De uitkomst van de oproep is vastgelegd."))
    return redirect("intake:intake_tab", pk=dossier.pk)
