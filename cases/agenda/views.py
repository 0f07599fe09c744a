"""The Afspraken tab of a dossier, the agenda (day and week view) and the iCalendar feed."""

from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import access
from cases.models import Afspraak, AgendaFeed
from cases.views import dossier_formulier, dossier_pagina, lijstpagina, met_naam
from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import huidige_verzamelaar, raadplegen_vastleggen
from inburgering.formulierpagina import VersieVeld
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import versie_van

from . import ical, rules, selectors, services
from .forms import AfspraakForm

TOKEN_SESSIE = "agenda_nieuwe_link"  # the new token, shown once on the next agenda page
FEED_PAD = "/agenda/ical/[token].ics"  # what the logs hold instead of the path with the token
FEED_INTERVAL = timedelta(seconds=30)  # a feed is served at most once per interval (429 otherwise)
PRODID = "-//Gemeente//Inburgering agenda//NL"


@login_required
def afspraken(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "afspraken")
    context.update(lijstpagina(request, selectors.dossier_afspraken(dossier)))
    context["nu"] = timezone.now()
    return render(request, "cases/agenda_afspraken.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def afspraak_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return dossier_formulier(
        request, pk, pagina="afspraak_nieuw", form_class=AfspraakForm,
        form_kwargs=lambda dossier: {"medewerkers": services.kiesbare_medewerkers(dossier)},
        initial=lambda dossier: {"medewerkers": [dossier.werkcoach_id or request.user.pk]},
        opslaan=lambda dossier, data: services.afspraak_plannen(
            dossier_id=dossier.pk, soort=data["soort"], datum=data["datum"], begintijd=data["begintijd"],
            eindtijd=data["eindtijd"], locatie=data["locatie"], medewerker_ids=[m.pk for m in data["medewerkers"]],
            externe_deelnemers=data["externe_deelnemers"], toelichting=data["toelichting"],
            toch_inplannen=data["toch_inplannen"], by=request.user),
        titel=met_naam(_("Afspraak plannen met %(naam)s")),
        uitleg=_("De afspraak komt in de agenda van de gekozen medewerkers en in hun agendalink. Een "
                 "uitnodigingsbrief voor een intake of voortgangsgesprek maakt u bij de intake of de contacten."),
        knop=_("Afspraak plannen"),
        melding=lambda a: _("De afspraak op %(datum)s is gepland.") % {
            "datum": timezone.localtime(a.start).strftime("%d-%m-%Y %H:%M")},
        terug=lambda dossier: reverse("agenda:afspraken", args=[dossier.pk]),
        terug_label=_("Terug naar de afspraken"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def afspraak_afzeggen(request: HttpRequest, pk: int, afspraak_id: int) -> HttpResponse:
    afspraak = get_object_or_404(
        access.beperk_tot_zichtbaar(Afspraak.objects.filter(dossier_id=pk), request.user), pk=afspraak_id)
    return dossier_formulier(
        request, pk, pagina="afspraak_afzeggen", form_class=VersieVeld, initial={"versie": versie_van(afspraak)},
        opslaan=lambda dossier, data: services.afspraak_afzeggen(
            dossier_id=dossier.pk, afspraak_id=afspraak.pk, versie=data["versie"], by=request.user),
        titel=_("%(soort)s van %(datum)s afzeggen") % {
            "soort": afspraak.get_soort_display(), "datum": timezone.localtime(afspraak.start).strftime("%d-%m-%Y %H:%M")},
        uitleg=_("De afspraak blijft in de lijst staan als afgezegd; agenda's die de agendalink volgen halen "
                 "hem weg. Laat de inburgeraar zelf weten dat de afspraak niet doorgaat."),
        knop=_("Afspraak afzeggen"), melding=_("De afspraak is afgezegd."),
        terug=lambda dossier: reverse("agenda:afspraken", args=[dossier.pk]),
        terug_label=_("Terug naar de afspraken"),
    )


def _datum(waarde: str | None) -> date:
    try:
        gekozen = date.fromisoformat(waarde or "")
    except ValueError:
        return vandaag()
    return gekozen if date(2000, 1, 1) <= gekozen <= date(2100, 12, 31) else vandaag()


@login_required
def agenda(request: HttpRequest) -> HttpResponse:
    """The user's appointments per day, for one day or one week; previous, next and today are links."""
    if not access.mag_dossiers_zien(request.user):
        raise PermissionDenied
    weergave = request.GET.get("weergave") if request.GET.get("weergave") in rules.WEERGAVEN else rules.WEEK
    datum = _datum(request.GET.get("datum"))
    eerste, na_laatste = rules.periode(weergave, datum)
    begin = timezone.make_aware(datetime.combine(eerste, time.min))
    eind = timezone.make_aware(datetime.combine(na_laatste, time.min))
    rijen = list(selectors.agenda(request.user, begin, eind)[: selectors.AGENDA_GRENS + 1])
    meer = len(rijen) > selectors.AGENDA_GRENS
    rijen = rijen[: selectors.AGENDA_GRENS]
    raadplegen_vastleggen(a.dossier_id for a in rijen)  # the page shows names of these dossiers
    per_dag: dict[date, list[Afspraak]] = {}
    for afspraak in rijen:
        per_dag.setdefault(max(timezone.localdate(afspraak.start), eerste), []).append(afspraak)
    dagen = [(eerste + timedelta(days=i), per_dag.get(eerste + timedelta(days=i), []))
             for i in range((na_laatste - eerste).days)]
    vorige, volgende = rules.buren(weergave, datum)
    return render(request, "cases/agenda.html", {
        "weergave": weergave, "datum": datum, "dagen": dagen, "meer": meer, "grens": selectors.AGENDA_GRENS,
        "vorige": vorige, "volgende": volgende, "vandaag": vandaag(), "laatste": na_laatste - timedelta(days=1),
        "feed": AgendaFeed.objects.filter(gebruiker=request.user).first(),
        "nieuwe_link": _nieuwe_link(request),
    })


def _nieuwe_link(request: HttpRequest) -> str:
    token = request.session.pop(TOKEN_SESSIE, "")
    return request.build_absolute_uri(reverse("agenda:ical", args=[token])) if token else ""


@login_required
@require_http_methods(["POST"])
def agendalink_vernieuwen(request: HttpRequest) -> HttpResponse:
    """Make (or renew) the user's secret calendar address: the previous one stops working at once."""
    if not access.mag_dossiers_zien(request.user):
        raise PermissionDenied
    had_er_een = AgendaFeed.objects.filter(gebruiker=request.user).exists()
    request.session[TOKEN_SESSIE] = services.agendalink_vernieuwen(by=request.user)
    beveiliging_vastleggen(Gebeurtenis.AGENDALINK, request=request,
                           details={"actie": "vernieuwd" if had_er_een else "aangemaakt"})
    messages.success(request, _("Uw nieuwe agendalink staat hieronder. Een eerdere link werkt niet meer."))
    return redirect("agenda:agenda")


@login_required
@require_http_methods(["POST"])
def agendalink_intrekken(request: HttpRequest) -> HttpResponse:
    if not access.mag_dossiers_zien(request.user):
        raise PermissionDenied
    if services.agendalink_intrekken(by=request.user):
        beveiliging_vastleggen(Gebeurtenis.AGENDALINK, request=request, details={"actie": "ingetrokken"})
        messages.success(request, _("Uw agendalink is ingetrokken; hij werkt niet meer."))
    return redirect("agenda:agenda")


def _zonder_padlog(antwoord: HttpResponse) -> HttpResponse:
    """Django logs every 4xx response with its path (logger django.request): for the feed that path holds
    the token. The refusal is answered without that log line; the Logboek Dataverwerkingen gets FEED_PAD."""
    antwoord._has_been_logged = True  # django.utils.log.log_response skips a response marked so
    return antwoord


def _niet_gevonden() -> HttpResponse:
    return _zonder_padlog(HttpResponse(_("Deze agendalink bestaat niet (meer)."), status=404,
                                       content_type="text/plain; charset=utf-8"))


@require_http_methods(["GET", "HEAD"])
def ical_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's appointments as iCalendar, for a calendar program: no login, the token is the credential.
    Summaries hold the soort, the initials and the kenmerk only. The logs get the path without the token.
    A fixed number of queries; one fetch per FEED_INTERVAL per link (429 with Retry-After otherwise)."""
    verzamelaar = huidige_verzamelaar()
    if verzamelaar is not None:
        verzamelaar.pad = FEED_PAD
    feed = selectors.feed_van_token(token)
    if feed is None:
        return _niet_gevonden()
    nu = timezone.now()
    if not AgendaFeed.objects.filter(Q(laatst_opgehaald__isnull=True) | Q(laatst_opgehaald__lte=nu - FEED_INTERVAL),
                                     pk=feed.pk).update(laatst_opgehaald=nu):
        antwoord = HttpResponse(_("Te vaak opgehaald; probeer het over een halve minuut opnieuw."), status=429,
                                content_type="text/plain; charset=utf-8")
        antwoord["Retry-After"] = str(int(FEED_INTERVAL.total_seconds()))
        return _zonder_padlog(antwoord)
    gebruiker = feed.gebruiker
    afspraken_ = selectors.feed_afspraken(gebruiker, nu)
    if verzamelaar is not None:  # the Logboek Dataverwerkingen: the owner of the link read these dossiers
        verzamelaar.gebruiker, verzamelaar.activiteit, verzamelaar.request = gebruiker, "leerroute-begeleiding", None
    raadplegen_vastleggen(a.dossier_id for a in afspraken_)
    domein = request.get_host().split(":")[0] or "inburgering"
    inhoud = ical.kalender(
        (ical.Gebeurtenis(
            uid=f"afspraak-{a.pk}@{domein}", start=a.start, eind=a.eind, gewijzigd=a.gewijzigd_op,
            volgnummer=max(a.versie - 1, 0), afgezegd=a.geannuleerd,
            samenvatting=rules.samenvatting(a.get_soort_display(), rules.initialen(
                a.dossier.inburgeraar.voornamen, a.dossier.inburgeraar.geslachtsnaam), a.kenmerk),
            url=request.build_absolute_uri(reverse("agenda:afspraken", args=[a.dossier_id])),
        ) for a in afspraken_),
        naam=_("Afspraken inburgering"), prodid=PRODID,
    )
    antwoord = HttpResponse(inhoud.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = 'inline; filename="afspraken.ics"'
    antwoord["Cache-Control"] = "no-store, private"
    antwoord["Referrer-Policy"] = "no-referrer"
    antwoord["X-Robots-Tag"] = "noindex"
    return antwoord
