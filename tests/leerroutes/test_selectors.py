"""The Traject tab's selector: everything in a constant number of queries, and the numbers right."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from leerroutes import selectors, services
from leerroutes.demo import demo_aanbieders
from leerroutes.models import (
    Aanbieder,
    LeerroutesInstellingen,
    MaatschappelijkeBegeleiding,
    Map,
    MbActiviteit,
    Ontzorging,
    OntzorgingNotitie,
    Pvt,
    PvtSessie,
    VasteLast,
)
from leerroutes.rules import UrenCategorie as C
from tests import klok
from tests.factories import AanbiederFactory, ExamenFactory, InschrijvingFactory, PipFactory, UrenFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


# leerroutes settings, geldend PIP, enrolments (+aanbieder), hours (+aanbieder), exams, the Z-route norm,
# PVT + sessions, MAP, ontzorging + vaste lasten + notes (+author), begeleiding + activities (+aanbieder) = 14.
QUERIES_TRAJECT = 14  # the inburgeringstermijn (3 years) is law, not a setting read per page


@pytest.fixture
def z_route(werkcoach):
    """An asiel Z-route dossier with every onderdeel present, so every prefetch runs."""
    pip = PipFactory(vastgesteld=True, leerroute="Z", niveau="", dossier__werkcoach=werkcoach,
                     dagtekening=VANDAAG - timedelta(days=300), termijn_start=VANDAAG - timedelta(days=299))
    dossier = pip.dossier
    InschrijvingFactory(pip=pip)
    pvt = Pvt.objects.create(dossier=dossier, themas=["vrijheid"])
    PvtSessie.objects.create(pvt=pvt, datum=VANDAAG, uren=2, onderwerp="Start", vastgelegd_door=werkcoach)
    Map.objects.create(dossier=dossier)
    ontzorging = Ontzorging.objects.create(dossier=dossier, uitvoerder=AanbiederFactory(welzijn=True),
                                           bijstand_start=VANDAAG, einde=VANDAAG + timedelta(days=180))
    VasteLast.objects.create(ontzorging=ontzorging, soort="huur", begunstigde="Acantus", bedrag=600, van=VANDAAG)
    OntzorgingNotitie.objects.create(ontzorging=ontzorging, datum=VANDAAG, tekst="Eerste gesprek", door=werkcoach)
    begeleiding = MaatschappelijkeBegeleiding.objects.create(dossier=dossier, startdatum=VANDAAG)
    MbActiviteit.objects.create(begeleiding=begeleiding, soort="huisarts", datum=VANDAAG, vastgelegd_door=werkcoach,
                                aanbieder=AanbiederFactory(welzijn=True, naam="Cadanz Welzijn"))
    return dossier


def queries(dossier) -> int:
    with CaptureQueriesContext(connection) as ctx:
        overzicht = selectors.traject_overzicht(dossier)
        # touch everything a template would
        [(u.aanbieder, u.get_categorie_display()) for u in overzicht.uren]
        [(i.aanbieder.naam, i.pip_id) for i in overzicht.inschrijvingen]
        [r.examen.onderdeel for r in overzicht.examens]
        [(n.door, v.soort) for n in overzicht.coachingsnotities for v in overzicht.vaste_lasten]
        [a.aanbieder for a in overzicht.mb_activiteiten]
    return len(ctx.captured_queries)


def test_traject_overzicht_costs_the_same_queries_for_1_and_30_hours_and_exams(z_route):
    LeerroutesInstellingen.huidig()
    aanbieder = AanbiederFactory()
    UrenFactory(dossier=z_route, aanbieder=aanbieder)
    ExamenFactory(dossier=z_route)
    bij_1 = queries(z_route)
    for i in range(29):
        UrenFactory(dossier=z_route, aanbieder=AanbiederFactory(), categorie=C.PARTICIPATIE)
        ExamenFactory(dossier=z_route, onderdeel=["KNM", "LE", "LU", "SC", "SP"][i % 5])
    bij_30 = queries(z_route)
    assert bij_1 == bij_30 == QUERIES_TRAJECT


def test_traject_overzicht_shows_z_route_progress_and_what_is_missing(z_route):
    UrenFactory(dossier=z_route, categorie=C.TAAL_KNM, aantal=800, aanbieder=AanbiederFactory())
    UrenFactory(dossier=z_route, categorie=C.PARTICIPATIE, aantal=586)
    overzicht = selectors.traject_overzicht(z_route)
    assert overzicht.z_route.cursus.procent == 100
    assert overzicht.z_route.activiteit.uren == Decimal(586)  # sessions made without the service have no ledger row
    assert "nog 214 uur participatie" in overzicht.voldaan.ontbreekt
    assert [t.code for t in overzicht.pvt_themas][4:] == ["seksuele diversiteit", "gezondheid", "man/vrouw-relatie"]
    assert overzicht.actieve_inschrijving is not None


def test_z_route_settings_switch_counting_off(z_route, werkcoach):
    UrenFactory(dossier=z_route, categorie=C.PARTICIPATIEWET, aantal=100)
    UrenFactory(dossier=z_route, categorie=C.PARTICIPATIE, aantal=50, tijdens_intake=True)
    assert selectors.traject_overzicht(z_route).z_route.activiteit.uren == 150
    instellingen = LeerroutesInstellingen.huidig()
    instellingen.z_route_telt_participatiewet = False
    instellingen.z_route_telt_intake_uren = False
    instellingen.save()
    assert selectors.traject_overzicht(z_route).z_route.activiteit.uren == 0


def test_onderwijsroute_shows_map_as_exempt(werkcoach):
    pip = PipFactory(vastgesteld=True, leerroute="O", niveau="", dossier__werkcoach=werkcoach)
    overzicht = selectors.traject_overzicht(pip.dossier)
    assert overzicht.map_vrijgesteld
    assert overzicht.map_ontbreekt == []
    assert overzicht.voldaan.ontbreekt[0] == "taalschakeltraject nog niet afgerond"


def test_demo_aanbieders_are_created_once():
    demo_aanbieders()
    demo_aanbieders()
    assert Aanbieder.objects.count() == 5
    assert selectors.aanbieders(soort="onderwijsinstelling").get().taalschakeltraject_erkend
    assert services  # the services module imports cleanly next to the selectors
