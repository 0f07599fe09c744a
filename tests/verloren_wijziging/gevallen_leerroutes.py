"""Leerroutes' edit forms of an existing or singleton object (issue 9 §1): the PVT, the MAP and the Z-route norm (also
while still empty: version 0), the signing of the participatieverklaring, the MAP eindgesprek, the
enrolment's steps, financieel ontzorgen (start, verlengen, beëindigen), the start of the
maatschappelijke begeleiding and closing the dossier. Forms that only add a row (hours, exams, PVT
meetings, activities, vaste lasten, notes, a new enrolment) have no version."""

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse

from cases.models import Dossier
from cases.rules import Doelgroep
from cases.services import dossier_toewijzen
from inburgering.schrijven import versie_van
from leerroutes import rules, services
from leerroutes.models import (
    Inschrijving,
    MaatschappelijkeBegeleiding,
    Map,
    Ontzorging,
    Pvt,
    PvtSessie,
    Uren,
    ZRouteNorm,
)
from leerroutes.rules import UrenCategorie
from tests import klok
from tests.factories import AanbiederFactory, ConsulentFactory, InschrijvingFactory, PipFactory

from .geval import Geval, Opzet


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


KERN = ["vrijheid", "gelijkwaardigheid", "solidariteit", "participatie"]
ACHT = [code for code, _label in rules.MAP_THEMAS]


def _iso(dagen_geleden: int) -> str:
    return (VANDAAG - timedelta(days=dagen_geleden)).isoformat()


def _pip(werkcoach, **dossier):
    return PipFactory(
        vastgesteld=True, leerroute="B", dagtekening=VANDAAG - timedelta(days=200),
        termijn_start=VANDAAG - timedelta(days=199), dossier__werkcoach=werkcoach,
        dossier__datum_huisvesting=VANDAAG - timedelta(days=400), **{f"dossier__{k}": v for k, v in dossier.items()},
    )


def _gekozen(aanbieder) -> str:
    return f'<option value="{aanbieder.pk}" selected>'


def _url(naam: str, dossier_id: int, *args) -> str:
    return reverse(f"leerroutes:{naam}", args=[dossier_id, *args])


# --- PVT and MAP (singletons: empty = version 0) ------------------------------------------------------
def _pvt(request, *, bestaand: bool) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    d = _pip(werkcoach).dossier_id
    if bestaand:
        services.pvt_vastleggen(dossier_id=d, aanbieder_id=None, geplande_start=None, themas=["vrijheid"], versie=0,
                                by=werkcoach)

    def collega_slaat_op():
        services.pvt_vastleggen(dossier_id=d, aanbieder_id=None, geplande_start=None, themas=["solidariteit"],
                                vroege_start_reden="Van de collega",
                                versie=versie_van(Pvt.objects.filter(dossier_id=d).first()), by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("pvt", d),
        invoer={"themas": ["participatie"], "vroege_start_reden": "Mijn eigen toelichting"},
        zichtbare_invoer="Mijn eigen toelichting", collega_slaat_op=collega_slaat_op,
        stand=lambda: list(Pvt.objects.filter(dossier_id=d).values_list("themas", "vroege_start_reden")),
    )


def _z_route_norm(request, *, bestaand: bool) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    d = PipFactory(vastgesteld=True, leerroute="Z", niveau="", dossier__werkcoach=werkcoach).dossier_id
    grond = rules.CursusNormGrond.BEPERKING
    if bestaand:
        services.z_route_norm_vastleggen(dossier_id=d, cursus_uren=700, cursus_grond=grond, activiteit_uren=None,
                                         activiteit_grond="", toelichting="Eerste verklaring", versie=0, by=werkcoach)

    def collega_slaat_op():
        services.z_route_norm_vastleggen(
            dossier_id=d, cursus_uren=500, cursus_grond=grond, activiteit_uren=None, activiteit_grond="",
            toelichting="Van de collega", versie=versie_van(ZRouteNorm.objects.filter(dossier_id=d).first()),
            by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("z_route_norm", d),
        invoer={"cursus_uren": "600", "cursus_grond": grond, "toelichting": "Mijn eigen toelichting"},
        zichtbare_invoer="Mijn eigen toelichting", collega_slaat_op=collega_slaat_op,
        stand=lambda: list(ZRouteNorm.objects.filter(dossier_id=d).values_list("cursus_uren", "toelichting")),
    )


def _map(request, *, bestaand: bool) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    d = _pip(werkcoach).dossier_id
    mijn, andere = AanbiederFactory(naam="MAP-aanbieder"), AanbiederFactory(naam="Andere MAP-aanbieder")
    if bestaand:
        services.map_vastleggen(dossier_id=d, aanbieder_id=None, themas=ACHT[:1], versie=0, by=werkcoach)

    def collega_slaat_op():
        services.map_vastleggen(dossier_id=d, aanbieder_id=andere.pk, themas=ACHT[:2],
                                versie=versie_van(Map.objects.filter(dossier_id=d).first()), by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("map", d), invoer={"aanbieder": str(mijn.pk), "themas": ACHT[:3]},
        zichtbare_invoer=_gekozen(mijn), collega_slaat_op=collega_slaat_op,
        stand=lambda: list(Map.objects.filter(dossier_id=d).values_list("aanbieder_id", "themas")),
    )


def _pvt_ondertekening(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    dossier = _pip(werkcoach).dossier
    pvt = Pvt.objects.create(dossier=dossier, themas=KERN)
    sessie = PvtSessie.objects.create(pvt=pvt, datum=VANDAAG - timedelta(days=20), uren=Decimal(12),
                                      onderwerp="Excursie", activiteit=True, aanwezig=True, vastgelegd_door=werkcoach)
    Uren.objects.create(dossier=dossier, categorie=UrenCategorie.PVT, van=sessie.datum, tot=sessie.datum,
                        aantal=Decimal(12), pvt_sessie=sessie, vastgelegd_door=werkcoach)

    def collega_slaat_op():
        services.pvt_ondertekening_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=5),
                                              versie=Pvt.objects.get(pk=pvt.pk).versie, by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("pvt_ondertekening", dossier.pk), invoer={"datum": _iso(3)},
        zichtbare_invoer=f'value="{_iso(3)}"', collega_slaat_op=collega_slaat_op,
        stand=lambda: Pvt.objects.get(pk=pvt.pk).ondertekend_op,
    )


def _map_eindgesprek(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    dossier = _pip(werkcoach).dossier
    map_ = Map.objects.create(dossier=dossier, themas=ACHT)
    Uren.objects.create(dossier=dossier, categorie=UrenCategorie.MAP_PRAKTIJK, van=VANDAAG - timedelta(days=30),
                        tot=VANDAAG - timedelta(days=10), aantal=Decimal(40), vastgelegd_door=werkcoach)

    def collega_slaat_op():
        services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=5),
                                            uitkomst="voldoende", verslag="Verslag van de collega",
                                            versie=Map.objects.get(pk=map_.pk).versie, by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("map_eindgesprek", dossier.pk),
        invoer={"datum": _iso(3), "uitkomst": "voldoende", "verslag": "Mijn eigen verslag"},
        zichtbare_invoer="Mijn eigen verslag", collega_slaat_op=collega_slaat_op,
        stand=lambda: Map.objects.filter(pk=map_.pk).values_list("eindgesprek_op", "eindgesprek_verslag").get(),
    )


# --- the enrolment's steps --------------------------------------------------------------------------------
_INSCHRIJVING_VELDEN = ("status", "aangemeld_op", "gestart_op", "afgerond_op", "gestopt_op", "stop_reden",
                        "stop_toelichting")


def _inschrijving(request, actie: str, *, vooraf: tuple[str, ...] = ()) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    inschrijving = InschrijvingFactory(pip=_pip(werkcoach))
    d, i = inschrijving.dossier_id, inschrijving.pk
    for stap in vooraf:
        getattr(services, f"inschrijving_{stap}")(inschrijving_id=i, datum=VANDAAG - timedelta(days=10),
                                                   versie=Inschrijving.objects.get(pk=i).versie, by=werkcoach)

    def collega_slaat_op():
        versie = Inschrijving.objects.get(pk=i).versie
        if actie == "stoppen":
            services.inschrijving_stoppen(inschrijving_id=i, reden="uitval", toelichting="Van de collega",
                                          datum=VANDAAG - timedelta(days=5), versie=versie, by=collega)
        else:
            getattr(services, f"inschrijving_{actie}")(inschrijving_id=i, datum=VANDAAG - timedelta(days=5),
                                                       versie=versie, by=collega)

    if actie == "stoppen":
        url, invoer = _url("inschrijving_stoppen", d, i), {"reden": "overig", "toelichting": "Mijn eigen reden",
                                                             "datum": _iso(3)}
        zichtbaar = "Mijn eigen reden"
    else:
        url, invoer, zichtbaar = _url("inschrijving_actie", d, i, actie), {"datum": _iso(3)}, f'value="{_iso(3)}"'
    return Opzet(
        gebruiker=werkcoach, url=url, invoer=invoer, zichtbare_invoer=zichtbaar, collega_slaat_op=collega_slaat_op,
        stand=lambda: Inschrijving.objects.filter(pk=i).values_list(*_INSCHRIJVING_VELDEN).get(),
    )


# --- financieel ontzorgen and maatschappelijke begeleiding ------------------------------------------------
def _asiel_dossier(werkcoach) -> Dossier:
    return _pip(werkcoach, doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                datum_brp_vestiging=VANDAAG - timedelta(days=60)).dossier


def _ontzorging_starten(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    d = _asiel_dossier(werkcoach).pk
    mijn, andere = AanbiederFactory(naam="VKB", welzijn=True), AanbiederFactory(naam="Budgetbeheer", welzijn=True)

    def collega_slaat_op():
        services.ontzorging_starten(dossier_id=d, uitvoerder_id=andere.pk, bijstand_start=VANDAAG - timedelta(days=20),
                                    asielvergunning_bepaalde_tijd=True, versie=0, by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("ontzorging_nieuw", d),
        invoer={"uitvoerder": str(mijn.pk), "bijstand_start": _iso(10), "asielvergunning_bepaalde_tijd": "on"},
        zichtbare_invoer=_gekozen(mijn), collega_slaat_op=collega_slaat_op,
        stand=lambda: list(Ontzorging.objects.filter(dossier_id=d).values_list("uitvoerder_id", "bijstand_start")),
    )


def _ontzorging(request, actie: str) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    d = _asiel_dossier(werkcoach).pk
    ontzorging = services.ontzorging_starten(
        dossier_id=d, uitvoerder_id=AanbiederFactory(naam="VKB", welzijn=True).pk,
        bijstand_start=VANDAAG - timedelta(days=30), asielvergunning_bepaalde_tijd=True, versie=0, by=werkcoach,
    )
    einde = ontzorging.geplande_laatste_dag

    def collega_slaat_op():
        versie = Ontzorging.objects.get(pk=ontzorging.pk).versie
        if actie == "verlengen":
            services.ontzorging_verlengen(dossier_id=d, nieuw_einde=einde + timedelta(days=30), reden="Van de collega",
                                          versie=versie, by=collega)
        else:
            services.ontzorging_beeindigen(dossier_id=d, datum=VANDAAG - timedelta(days=2), reden="Van de collega",
                                           versie=versie, by=collega)

    invoer = ({"nieuw_einde": (einde + timedelta(days=90)).isoformat(), "reden": "Mijn eigen reden"}
              if actie == "verlengen" else {"datum": VANDAAG.isoformat(), "reden": "Mijn eigen reden"})
    return Opzet(
        gebruiker=werkcoach, url=_url("ontzorging_actie", d, actie), invoer=invoer,
        zichtbare_invoer="Mijn eigen reden", collega_slaat_op=collega_slaat_op,
        stand=lambda: Ontzorging.objects.filter(pk=ontzorging.pk).values_list(
            "verlengd_tot", "verlenging_reden", "beeindigd_op", "beeindig_reden").get(),
    )


def _begeleiding_starten(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    d = _asiel_dossier(werkcoach).pk
    mijn, andere = AanbiederFactory(naam="Cadanz Welzijn", welzijn=True), AanbiederFactory(naam="Welzijn", welzijn=True)

    def collega_slaat_op():
        services.begeleiding_starten(dossier_id=d, aanbieder_id=andere.pk, versie=0, by=collega)

    return Opzet(
        gebruiker=werkcoach, url=_url("begeleiding_nieuw", d), invoer={"aanbieder": str(mijn.pk)},
        zichtbare_invoer=_gekozen(mijn), collega_slaat_op=collega_slaat_op,
        stand=lambda: list(MaatschappelijkeBegeleiding.objects.filter(dossier_id=d).values_list("aanbieder_id")),
    )


# --- afronden -------------------------------------------------------------------------------------------
def _afronden(request) -> Opzet:
    consulent = request.getfixturevalue("consulent")
    collega = ConsulentFactory(username="consulent_2", team=consulent.team)
    d = _pip(request.getfixturevalue("werkcoach")).dossier_id

    def collega_slaat_op():  # closing it first would make the page a 403; a change that keeps it open
        dossier_toewijzen(dossier_id=d, werkcoach=request.getfixturevalue("collega"), reden="Overgenomen",
                          versie=Dossier.objects.get(pk=d).versie, by=collega)

    return Opzet(
        gebruiker=consulent, url=_url("afronden", d),
        invoer={"reden": "vrijstelling", "datum": VANDAAG.isoformat(), "grond": "diploma",
                "duo_besluit_datum": _iso(3), "toelichting": "Mijn eigen toelichting"},
        zichtbare_invoer="Mijn eigen toelichting", collega_slaat_op=collega_slaat_op,
        stand=lambda: Dossier.objects.filter(pk=d).values_list("fase", "eind_reden", "eind_toelichting",
                                                               "werkcoach_id").get(),
    )


GEVALLEN = [
    Geval("leerroutes: PVT, nog leeg", lambda r: _pvt(r, bestaand=False)),
    Geval("leerroutes: PVT, bestaand", lambda r: _pvt(r, bestaand=True)),
    Geval("leerroutes: MAP, nog leeg", lambda r: _map(r, bestaand=False)),
    Geval("leerroutes: urennorm Z-route, nog leeg", lambda r: _z_route_norm(r, bestaand=False)),
    Geval("leerroutes: urennorm Z-route, bestaand", lambda r: _z_route_norm(r, bestaand=True)),
    Geval("leerroutes: MAP, bestaand", lambda r: _map(r, bestaand=True)),
    Geval("leerroutes: ondertekening participatieverklaring", _pvt_ondertekening),
    Geval("leerroutes: MAP-eindgesprek", _map_eindgesprek),
    Geval("leerroutes: inschrijving aanmelden", lambda r: _inschrijving(r, "aanmelden")),
    Geval("leerroutes: inschrijving starten", lambda r: _inschrijving(r, "starten", vooraf=("aanmelden",))),
    Geval("leerroutes: inschrijving afronden",
          lambda r: _inschrijving(r, "afronden", vooraf=("aanmelden", "starten"))),
    Geval("leerroutes: inschrijving stoppen", lambda r: _inschrijving(r, "stoppen")),
    Geval("leerroutes: ontzorging starten", _ontzorging_starten),
    Geval("leerroutes: ontzorging verlengen", lambda r: _ontzorging(r, "verlengen")),
    Geval("leerroutes: ontzorging beëindigen", lambda r: _ontzorging(r, "beeindigen")),
    Geval("leerroutes: begeleiding starten", _begeleiding_starten),
    Geval("leerroutes: dossier afronden", _afronden),
]
