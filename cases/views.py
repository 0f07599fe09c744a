import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from inburgering import sessietokens
from inburgering.accounts.models import User
from inburgering.audit.services import inzage_vastleggen
from inburgering.audit.verwerkingen import raadplegen_vastleggen
from inburgering.formulierpagina import (
    AL_VERSTUURD,
    AlVerstuurd,
    VersieVeld,
    formulier_pagina,
    fouten_naar_formulieren,
    gepost_token,
    nieuw_token,
    token_afronden,
    token_claimen,
)
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender.selectors import vandaag
from inburgering.paginering import ZOEK_GRENS, BegrensdePaginator
from inburgering.schrijven import versie_van
from inburgering.zoeken import filterdata, zoekopdracht

from . import access, bewaartermijn, bron_services, geschiedenis, persoonsbron, selectors, services
from .forms import (
    AanvullingForm,
    BeeindigenForm,
    BsnForm,
    DossierForm,
    FilterForm,
    HervattenForm,
    HerverdelenForm,
    InburgeraarForm,
    NieuwDossierExtraForm,
    OpschortenForm,
    ToewijzenForm,
    dossierlijst_filter,
)
from .models import ACTIEVE_FASEN, Dossier, Inburgeraar, Termijn
from .selectors import Bereik
from .tabs import tabs
from .termijnen import rules as termijn_rules
from .termijnen import services as termijn_services
from .termijnen.soorten import soort_regels

PAGINA_GROOTTE = 25


def vereist(toegestaan: bool) -> None:
    if not toegestaan:
        raise PermissionDenied


def lijstpagina(request: HttpRequest, rijen, parameters: QueryDict | None = None, *, zoekterm: str = "") -> dict:
    """One page of a filtered list, and the filter's query string for the page links (`parameters`, e.g.
    a search's without its term (inburgering.zoeken); default the request's own). With a `zoekterm` the
    count stops at ZOEK_GRENS instead of GRENS."""
    querystring = (request.GET if parameters is None else parameters).copy()
    querystring.pop("pagina", None)
    pagina = BegrensdePaginator(rijen, PAGINA_GROOTTE, grens=ZOEK_GRENS if zoekterm else None).get_page(
        request.GET.get("pagina"))
    # Logboek Dataverwerkingen: the page shown is a read of its dossiers (a Dossier row: its pk; another
    # row: its dossier_id). The page is fetched here once; the template iterates the same list.
    pagina.object_list = list(pagina.object_list)
    raadplegen_vastleggen(
        rij.pk if isinstance(rij, Dossier) else getattr(rij, "dossier_id", None) for rij in pagina.object_list
    )
    return {"pagina": pagina, "querystring": querystring.urlencode()}


@login_required
@require_http_methods(["GET", "POST"])  # POST: a search, its term never in the URL
def dossier_lijst(request: HttpRequest) -> HttpResponse:
    user = request.user
    vereist(access.mag_dossiers_zien(user))
    zoeken = zoekopdracht(request, soort="dossiers")
    if zoeken.antwoord:
        return zoeken.antwoord
    form, filter = dossierlijst_filter(user, zoeken.data)
    context = {
        **lijstpagina(request, selectors.dossier_lijst(user=user, filter=filter).only(*selectors.LIJST_VELDEN),
                      zoeken.parameters, zoekterm=filter.zoek),
        "form": form,
        "filter": filter,
        "mag_aanmaken": access.mag_dossier_aanmaken(user),
        "mag_herverdelen": access.mag_herverdelen(user),
        "titel": {Bereik.MIJN: _("Mijn dossiers"), Bereik.TEAM: _("Dossiers van mijn team")}.get(
            filter.bereik, _("Alle dossiers")
        ),
    }
    if request.htmx and request.htmx.target == "resultaten":
        return zoeken.afronden(render(request, "cases/_dossier_resultaten.html", context))
    return zoeken.afronden(render(request, "cases/dossier_lijst.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def dossier_nieuw(request: HttpRequest) -> HttpResponse:
    """Registration starts from the BSN (issue 14): with a BRP connected, the BSN is looked up and the
    BRP's data shown to confirm (`dossier_nieuw_brp`); without an answer from the BRP, the data is typed by
    hand and marked as such (`dossier_nieuw_handmatig`). Without a BRP connection: the hand form directly."""
    vereist(access.mag_dossier_aanmaken(request.user))
    if not brp_gekoppeld():
        return _registratie(request, handmatig=True)
    form = BsnForm(request.POST if request.method == "POST" else None)
    bestaand = None
    if request.method == "POST" and form.is_valid():
        bsn = form.cleaned_data["bsn"]
        persoon = Inburgeraar.objects.filter(bsn=bsn).first()
        if persoon is not None:
            bestaand = access.zichtbare_dossiers(request.user).filter(inburgeraar=persoon).first()
            form.add_error("bsn", services.BsnBestaatAl.MELDING)
        else:
            try:
                gegevens = persoonsbron.persoon_opvragen(bsn)
            except persoonsbron.BronOnbereikbaar as fout:
                return redirect("cases:dossier_nieuw_handmatig", token=_registratie_bewaren(request, bsn, str(fout)))
            if gegevens is None:
                reden = _("De BRP kent dit BSN niet. Controleer het nummer; klopt het, voer de gegevens dan met de "
                          "hand in. Ze worden later uit de BRP bevestigd.")
                return redirect("cases:dossier_nieuw_handmatig", token=_registratie_bewaren(request, bsn, reden))
            return redirect("cases:dossier_nieuw_brp", token=_registratie_bewaren(request, bsn, ""))
    return render(request, "cases/dossier_nieuw_bsn.html", {"form": form, "bestaand": bestaand})


REGISTRATIES = "registraties"  # session key: token -> {"bsn", "reden"}; the BSN never goes in a URL
REGISTRATIE_GELDIG = 60 * 60  # seconds a looked-up BSN stays available for its registration


def _registratie_bewaren(request: HttpRequest, bsn: str, reden: str) -> str:
    return sessietokens.bewaren(request, REGISTRATIES, {"bsn": bsn, "reden": reden}, nu=time.time(),
                                geldigheid=REGISTRATIE_GELDIG, maximum=10)


def brp_gekoppeld() -> bool:
    """A person source is registered and configured (settings.BRP_URL): registration starts from the BSN."""
    return persoonsbron.persoonsbron() is not None and bool(settings.BRP_URL)


def _registratie_lezen(request: HttpRequest, token: str) -> dict:
    registratie = sessietokens.lezen(request, REGISTRATIES, token, nu=time.time())
    if registratie is None:
        raise Http404
    return registratie


@login_required
@require_http_methods(["POST"])
def brp_verversen(request: HttpRequest, pk: int) -> HttpResponse:
    """The refresh button: ask the BRP for this person now and apply the answer (issue 14)."""
    dossier = get_object_or_404(access.zichtbare_dossiers(request.user).select_related("inburgeraar"), pk=pk)
    vereist(access.mag_dossier_bewerken(request.user, dossier))
    try:
        gegevens = persoonsbron.persoon_opvragen(dossier.inburgeraar.bsn)
    except persoonsbron.BronOnbereikbaar as fout:
        messages.error(request, str(fout))
        return redirect("cases:dossier_detail", pk=pk)
    if gegevens is None:
        messages.error(request, _("De BRP kent dit BSN niet. Controleer het BSN van deze persoon."))
        return redirect("cases:dossier_detail", pk=pk)
    uitkomst = bron_services.bijwerken_uit_bron(inburgeraar_id=dossier.inburgeraar_id, gegevens=gegevens,
                                                door=request.user)
    if uitkomst.gewijzigd:
        messages.success(request, _("Bijgewerkt uit de BRP: %(velden)s.") % {"velden": ", ".join(uitkomst.gewijzigd)})
    else:
        messages.success(request, _("De gegevens komen overeen met de BRP."))
    if uitkomst.verhuisd:
        messages.info(request, _("Volgens de BRP is de persoon naar een andere gemeente verhuisd; zie de werkvoorraad."))
    if uitkomst.overleden:
        messages.info(request, _("Volgens de BRP is de persoon overleden; het dossier is beëindigd."))
    return redirect("cases:dossier_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def dossier_nieuw_brp(request: HttpRequest, token: str) -> HttpResponse:
    vereist(access.mag_dossier_aanmaken(request.user))
    registratie = _registratie_lezen(request, token)
    try:
        gegevens = persoonsbron.persoon_opvragen(registratie["bsn"])
    except persoonsbron.BronOnbereikbaar as fout:
        messages.error(request, str(fout))
        return redirect("cases:dossier_nieuw_handmatig", token=_registratie_bewaren(request, registratie["bsn"],
                                                                                     str(fout)))
    if gegevens is None:
        raise Http404
    return _registratie(request, gegevens=gegevens)


@login_required
@require_http_methods(["GET", "POST"])
def dossier_nieuw_handmatig(request: HttpRequest, token: str) -> HttpResponse:
    vereist(access.mag_dossier_aanmaken(request.user))
    registratie = _registratie_lezen(request, token)
    return _registratie(request, handmatig=True, bsn=registratie["bsn"], reden=registratie["reden"])


def _registratie(request: HttpRequest, *, handmatig: bool = False, bsn: str = "", reden: str = "",
                 gegevens: persoonsbron.Persoonsgegevens | None = None) -> HttpResponse:
    """The registration form: by hand (every person field) or from the BRP (its data shown, only what the
    BRP does not know asked). One transaction, sent once (form token), errors next to the fields."""
    user = request.user
    data = request.POST if request.method == "POST" else None
    if handmatig:
        persoon_form = InburgeraarForm(data, prefix="persoon", initial={"bsn": bsn}, bsn_vast=bool(bsn))
    else:
        persoon_form = AanvullingForm(data, prefix="persoon")
    dossier_form = DossierForm(data, prefix="dossier", initial={
        "datum_brp_vestiging": gegevens.datum_inschrijving_gemeente if gegevens else None})
    extra_form = NieuwDossierExtraForm(
        data, prefix="extra", werkcoaches=selectors.werkcoaches(), werkcoach_verplicht=not user.is_werkcoach
    )
    bestaand = None
    formulieren = (persoon_form, dossier_form, extra_form)
    token = gepost_token(request) if request.method == "POST" else nieuw_token()  # sent once (issue 12 item 9)
    if request.method == "POST" and all(f.is_valid() for f in formulieren):
        persoon = (persoon_form.cleaned_data if gegevens is None
                   else {**bron_services.nieuwe_persoon(gegevens), **persoon_form.cleaned_data})
        try:
            with transaction.atomic():
                token_claimen(request, token)
                dossier = services.inburgeraar_met_dossier_aanmaken(
                    persoon=persoon,
                    dossier=dossier_form.cleaned_data,
                    werkcoach=extra_form.cleaned_data["werkcoach"],
                    huishouden_bsn=extra_form.cleaned_data["huishouden_bsn"],
                    by=user,
                )
                token_afronden(request, token, reverse("cases:dossier_detail", args=[dossier.pk]))
        except AlVerstuurd as eerder:
            messages.info(request, AL_VERSTUURD)
            return redirect(eerder.doel or reverse("cases:dossier_lijst"))
        except services.BsnBestaatAl as fout:
            bestaand = fout.bestaand
            fouten_naar_formulieren(fout, *formulieren)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, *formulieren)
        else:
            messages.success(request, _("Het dossier van %(naam)s is aangemaakt.") % {"naam": dossier.inburgeraar})
            return redirect("cases:dossier_detail", pk=dossier.pk)
    return render(
        request,
        "cases/dossier_nieuw.html" if gegevens is None else "cases/dossier_nieuw_brp.html",
        {"persoon_form": persoon_form, "dossier_form": dossier_form, "extra_form": extra_form, "bestaand": bestaand,
         "formuliertoken": token, "gegevens": gegevens, "reden": reden, "brp_gekoppeld": brp_gekoppeld()},
    )


def dossier_pagina(
    request: HttpRequest, pk: int, pagina: str, *, alleen_bewerken: bool = False,
    toegang: Callable[[User, Dossier], bool] | None = None,
):
    """Load a visible dossier (404 otherwise), log the read, and return the shared page context.
    With `alleen_bewerken`, a user who may not change the (active) dossier gets 403; with `toegang`,
    a user for whom it returns False. Both are checked before the read is logged, so a refused page
    shows and logs nothing."""
    dossier = selectors.dossier_detail(user=request.user, pk=pk)
    mag_bewerken = access.mag_dossier_bewerken(request.user, dossier) and dossier.is_actief
    if (alleen_bewerken and not mag_bewerken) or (toegang and not toegang(request.user, dossier)):
        raise PermissionDenied
    inzage_vastleggen(request=request, dossier_id=dossier.pk, pagina=pagina)
    return dossier, {
        "dossier": dossier,
        "tabs": tabs(),
        "actieve_tab": pagina,
        "mag_bewerken": mag_bewerken,
        "mag_toewijzen": access.mag_toewijzen(request.user) and dossier.is_actief,
    }


# The words of a dossier form page that may depend on the dossier (e.g. its person's name in the title).
VAN_HET_DOSSIER = ("titel", "uitleg", "form_kwargs")


def dossier_formulier(
    request: HttpRequest, pk: int, *, pagina: str, opslaan: Callable[[Dossier, dict], object],
    initial: dict | Callable[[Dossier], dict] | None = None, toegang: Callable[[User, Dossier], bool] | None = None,
    extra: Callable[[Dossier], dict] | None = None, terug: str | Callable[[Dossier], str] | None = None,
    alleen_bewerken: bool = True, **pagina_kwargs,
) -> HttpResponse:
    """A simple form page on a dossier (inburgering.formulierpagina): 403, with nothing logged, for who
    may not change the (active) dossier (unless `alleen_bewerken=False`) or fails `toegang`; the read
    logged; `opslaan(dossier, data)` calls the service. `initial`, `extra` (more context), `terug` and
    `titel`, `uitleg`, `form_kwargs` may be functions of the dossier; `terug` defaults to the dossier
    overview."""
    dossier, context = dossier_pagina(request, pk, pagina, alleen_bewerken=alleen_bewerken, toegang=toegang)

    def van_dossier(waarde):
        return waarde(dossier) if callable(waarde) else waarde

    for sleutel in VAN_HET_DOSSIER:
        if sleutel in pagina_kwargs:
            pagina_kwargs[sleutel] = van_dossier(pagina_kwargs[sleutel])
    return formulier_pagina(
        request, context={**context, **(extra(dossier) if extra else {})},
        opslaan=lambda data: opslaan(dossier, data), initial=van_dossier(initial),
        terug=van_dossier(terug) or reverse("cases:dossier_detail", args=[dossier.pk]), **pagina_kwargs,
    )


def met_naam(tekst: str) -> Callable[[Dossier], str]:
    """A title with the person's name: `met_naam(_("Dossier van %(naam)s beëindigen"))`."""
    return lambda dossier: tekst % {"naam": dossier.inburgeraar.volledige_naam}


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "overzicht")
    context["huishoudgenoten"] = selectors.huishoudgenoten(dossier)
    context["termijnen"] = selectors.dossier_termijnen(dossier, vandaag=vandaag())
    context["brp_gekoppeld"] = brp_gekoppeld()
    if not dossier.is_actief:  # a closed dossier says when its data will be destroyed (issue 13)
        context["bewaring"] = bewaartermijn.bewaring(dossier, GemeenteInstellingen.huidig())
    return render(request, "cases/dossier_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def termijn_opschorten(request: HttpRequest, pk: int, termijn_id: int) -> HttpResponse:
    """Suspend a termijn with a recorded reason (e.g. a medical situation); resuming moves its dates.
    Only the gemeente's own working terms: for a statutory one the page says on which ground it moves."""
    termijn = _termijn(request, pk, termijn_id)
    if fout := termijn_rules.opschorten_soort_fout(label=termijn.get_soort_display(),
                                                   regels=soort_regels(termijn.soort)):
        messages.error(request, fout)
        return redirect("cases:dossier_detail", pk=pk)
    return dossier_formulier(
        request, pk, pagina="termijn", form_class=OpschortenForm, initial={"van": vandaag()},
        opslaan=lambda _dossier, data: termijn_services.termijn_opschorten(
            termijn_id=termijn.pk, van=data["van"], reden=data["reden"], by=request.user),
        titel=_("%(soort)s opschorten") % {"soort": termijn.get_soort_display()},
        uitleg=_fatale_datum(termijn, _("Tijdens de opschorting verschijnt de termijn niet als verlopen. "
                                        "Leg de reden vast.")),
        knop=_("Opschorten"), melding=_("De termijn is opgeschort."), terug_label=_("Terug naar het dossier"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def termijn_hervatten(request: HttpRequest, pk: int, termijn_id: int) -> HttpResponse:
    termijn = _termijn(request, pk, termijn_id)
    return dossier_formulier(
        request, pk, pagina="termijn", form_class=HervattenForm, initial={"tot": vandaag()},
        opslaan=lambda _dossier, data: termijn_services.termijn_hervatten(
            termijn_id=termijn.pk, tot=data["tot"], by=request.user),
        titel=_("%(soort)s hervatten") % {"soort": termijn.get_soort_display()},
        uitleg=_fatale_datum(termijn, _("Na het hervatten schuiven de streefdatum en de fatale datum op met het "
                                        "aantal opgeschorte dagen.")),
        knop=_("Hervatten"), melding=_("De termijn is hervat; de datums zijn verschoven."),
        terug_label=_("Terug naar het dossier"),
    )


def _termijn(request: HttpRequest, pk: int, termijn_id: int) -> Termijn:
    """A termijn of this dossier, if the user sees the dossier (404 otherwise); whether they may
    change it, dossier_formulier decides."""
    return get_object_or_404(
        Termijn.objects.filter(dossier__in=access.zichtbare_dossiers(request.user)), pk=termijn_id, dossier_id=pk
    )


def _fatale_datum(termijn: Termijn, uitleg: str) -> str:
    huidig = _("Huidige fatale datum: %(d)s.") % {"d": date_format(termijn.fatale_datum, "j F Y")}
    return f"{huidig} {uitleg}"


@login_required
def dossier_geschiedenis(request: HttpRequest, pk: int) -> HttpResponse:
    """Every change of the dossier and what hangs off it (cases.geschiedenis), newest first, a page at a
    time; the read is logged as for every dossier page."""
    dossier, context = dossier_pagina(request, pk, "geschiedenis")
    pagina = BegrensdePaginator(geschiedenis.gebeurtenissen(dossier), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina"))
    pagina.object_list = geschiedenis.uitwerken(pagina.object_list)
    context["pagina"] = pagina
    return render(request, "cases/dossier_geschiedenis.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def dossier_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    """Two model forms (person and dossier) and the version: not a simple form page."""
    dossier, context = dossier_pagina(request, pk, "bewerken", alleen_bewerken=True)
    data = request.POST if request.method == "POST" else None
    persoon_form = InburgeraarForm(data, instance=dossier.inburgeraar, prefix="persoon")
    dossier_form = DossierForm(data, instance=dossier, prefix="dossier")
    versie_form = VersieVeld(data, initial={"versie": versie_van(dossier)})
    formulieren = (persoon_form, dossier_form, versie_form)
    if request.method == "POST" and all(f.is_valid() for f in formulieren):
        try:
            services.dossier_bijwerken(
                dossier_id=dossier.pk,
                versie=versie_form.cleaned_data["versie"],
                persoon=persoon_form.cleaned_data,
                dossier=dossier_form.cleaned_data,
                by=request.user,
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, *formulieren)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("cases:dossier_detail", pk=dossier.pk)
    context.update(persoon_form=persoon_form, dossier_form=dossier_form, versie_form=versie_form)
    return render(request, "cases/dossier_bewerken.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def dossier_toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    # The role first: a werkcoach gets 403 here even for a dossier they cannot see. A manager may
    # assign without being allowed to edit the dossier.
    vereist(access.mag_toewijzen(request.user))
    return dossier_formulier(
        request, pk, pagina="toewijzen", alleen_bewerken=False, form_class=ToewijzenForm,
        form_kwargs={"werkcoaches": selectors.werkcoaches()},
        initial=lambda dossier: {"werkcoach": dossier.werkcoach_id, "versie": versie_van(dossier)},
        opslaan=lambda dossier, data: services.dossier_toewijzen(
            dossier_id=dossier.pk, versie=data["versie"], werkcoach=data["werkcoach"], reden=data["reden"],
            by=request.user),
        titel=met_naam(_("Dossier van %(naam)s toewijzen")),
        uitleg=lambda dossier: _("Huidige werkcoach: %(wc)s.") % {"wc": dossier.werkcoach},
        knop=_("Toewijzen"), melding=lambda dossier: _("Het dossier is toegewezen aan %(wc)s.") % {"wc": dossier.werkcoach},
        terug_label=_("Terug naar het dossier"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def dossier_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    return dossier_formulier(
        request, pk, pagina="beeindigen", form_class=BeeindigenForm,
        initial=lambda dossier: {"versie": versie_van(dossier)},
        opslaan=lambda dossier, data: services.dossier_beeindigen(
            dossier_id=dossier.pk, versie=data["versie"], reden=data["reden"], datum=data["datum"],
            toelichting=data["toelichting"], by=request.user),
        titel=met_naam(_("Dossier van %(naam)s beëindigen")),
        uitleg=_("Gebruik dit als de plicht eindigt zonder dat deze is voldaan: verhuizing, naturalisatie, AOW, "
                 "overlijden of vervallen plicht. Dit kan niet ongedaan worden gemaakt. Bij overlijden komen de "
                 "persoonsgegevens van alle dossiers van de persoon op de volgende vernietigingslijst; alleen de "
                 "kerngegevens blijven (Besluit inburgering 2021, art. 9.9)."),
        knop=_("Dossier beëindigen"), melding=_("Het dossier is beëindigd."), terug_label=_("Terug naar het dossier"),
    )


HERVERDELEN_MAXIMUM = 500  # dossiers in one bulk reassignment ("all matching the filter" included)
TE_VEEL_VOOR_HERVERDELEN = gettext_lazy(
    "Dit filter geeft meer dan %(max)s lopende dossiers. Verfijn het filter (bijvoorbeeld op team of werkcoach) "
    "en herverdeel in delen."
)


def _terug_naar_lijst(request: HttpRequest) -> tuple[QueryDict, str]:
    """The dossier list's query string the bulk action came from (filters and the search token, no personal
    data) and the list's URL with it: after the action the list keeps its filter (issue 19 item 5). Only a
    query string is taken, the path is always the list's own (no open redirect)."""
    terug = QueryDict((request.GET.get("terug") or "")[:2000], mutable=True)
    for sleutel in list(terug):
        if sleutel not in FilterForm.base_fields and sleutel not in ("zoekopdracht", "pagina"):
            del terug[sleutel]
    terug.pop("zoek", None)
    if not terug:
        terug["bereik"] = Bereik.ALLE
    return terug, f"{reverse('cases:dossier_lijst')}?{terug.urlencode()}"


def _dossiers_van_filter(request: HttpRequest, terug: QueryDict) -> list[int] | None:
    """The lopende dossiers the user sees under the list's filter, by id; None when there are more than
    HERVERDELEN_MAXIMUM (the user refines the filter instead)."""
    user = request.user
    _form, filter = dossierlijst_filter(user, filterdata(request, terug))
    ids = list(selectors.dossier_lijst(user=user, filter=filter)
               .filter(fase__in=ACTIEVE_FASEN).values_list("pk", flat=True)[:HERVERDELEN_MAXIMUM + 1])
    return None if len(ids) > HERVERDELEN_MAXIMUM else ids


@login_required
@require_http_methods(["GET", "POST"])
def dossiers_herverdelen(request: HttpRequest) -> HttpResponse:
    """Managers: select dossiers on the list (some, all on the page, or all matching the filter), choose a
    werkcoach and a reason, see how many and which, and move them all at once; back on the list with its
    filter."""
    vereist(access.mag_herverdelen(request.user))
    zichtbaar = access.zichtbare_dossiers(request.user).select_related("inburgeraar", "werkcoach")
    terug, terug_url = _terug_naar_lijst(request)
    data = request.POST if request.method == "POST" else None
    selectie = request.GET.get("selectie", "")
    te_veel = False
    if selectie == "filter":
        gevraagd = _dossiers_van_filter(request, terug)
        te_veel = gevraagd is None
        gevraagd = [str(i) for i in gevraagd or []]
    elif selectie == "pagina":
        gevraagd = request.GET.getlist("pagina_dossiers")
    else:
        gevraagd = request.GET.getlist("dossiers")
    form = HerverdelenForm(
        data, dossiers=zichtbaar, werkcoaches=selectors.werkcoaches(),
        initial={"dossiers": gevraagd},
    )
    if request.method == "POST" and form.is_valid():
        try:
            aantal = services.dossiers_herverdelen(
                dossier_ids=[d.pk for d in form.cleaned_data["dossiers"]],
                werkcoach=form.cleaned_data["werkcoach"], reden=form.cleaned_data["reden"], by=request.user,
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, form)
        else:
            messages.success(
                request, _("%(n)s dossiers zijn herverdeeld naar %(wc)s.") % {"n": aantal, "wc": form.cleaned_data["werkcoach"]}
            )
            return redirect(terug_url)
    gekozen_ids = data.getlist("dossiers") if data else gevraagd
    gekozen = list(zichtbaar.filter(pk__in=[i for i in gekozen_ids if i.isdigit()])
                   .order_by("inburgeraar__geslachtsnaam", "pk")[:HERVERDELEN_MAXIMUM])
    return render(request, "cases/dossiers_herverdelen.html", {
        "form": form, "gekozen": gekozen, "terug_url": terug_url, "selectie": selectie,
        "te_veel": TE_VEEL_VOOR_HERVERDELEN % {"max": HERVERDELEN_MAXIMUM} if te_veel else "",
    })
