"""The termijnen leerroutes owns (DOMAIN §8): which appear for which route, when they are gehaald,
and that the leerroutes services recompute them in the same transaction."""

from datetime import date, timedelta

import pytest

from cases.models import Termijn
from cases.termijnen.services import termijnen_herberekenen
from inburgering.kalender import datums
from leerroutes import rules, services, termijnen
from leerroutes.models import Inschrijving, Map, Ontzorging, Pvt
from leerroutes.rules import ExamenFeit
from pip_plans.models import TermijnVerlengingDuo
from tests import klok
from tests.factories import AanbiederFactory, PipFactory
from tests.termijnsoorten import S
from tests.versies import nu

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _soorten(dossier) -> dict[str, Termijn]:
    return {t.soort: t for t in Termijn.objects.filter(dossier=dossier, bron="leerroutes")}


def _pip(werkcoach, **kwargs):
    return PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, **kwargs)


@pytest.mark.parametrize(("route", "niveau", "verwacht"), [
    ("B", "B1", {S.PVT_AFGEROND, S.MAP_AFGEROND, S.EXAMENS_AFGEROND}),
    ("Z", "", {S.PVT_AFGEROND, S.MAP_AFGEROND, S.ZROUTE_AFGEROND}),
    ("O", "B1", {S.PVT_AFGEROND}),
])
def test_each_route_gets_its_termijnen_due_at_the_end_of_the_inburgeringstermijn(werkcoach, route, niveau, verwacht):
    pip = _pip(werkcoach, leerroute=route, niveau=niveau)
    termijnen_herberekenen(dossier_id=pip.dossier_id)
    gevonden = _soorten(pip.dossier)
    assert set(gevonden) == verwacht
    einde = datums.inburgeringstermijn(pip.termijn_start, 3).laatste_dag
    assert {t.fatale_datum for t in gevonden.values()} == {einde}
    assert all(t.status == "open" for t in gevonden.values())


def test_without_a_pip_nothing_is_due(werkcoach, dossier):
    assert termijnen.bereken(dossier) == []


def test_a_duo_extension_moves_the_due_date(werkcoach):
    pip = _pip(werkcoach)
    TermijnVerlengingDuo.objects.create(dossier=pip.dossier, besluitdatum=VANDAAG, grond="op_aanvraag",
                                        duo_einddatum=date(2031, 3, 1), vastgelegd_door=werkcoach)
    berekend = {b.soort: b for b in termijnen.bereken(pip.dossier)}
    assert berekend[S.PVT_AFGEROND].fatale_datum == date(2031, 2, 28)  # DUO's exclusive end date


def test_pvt_start_for_asiel_warns_from_12_months_after_huisvesting_and_is_gehaald_at_the_first_session(werkcoach):
    huisvesting = VANDAAG - timedelta(days=400)
    pip = _pip(werkcoach, dossier__datum_huisvesting=huisvesting)
    services.pvt_vastleggen(dossier_id=pip.dossier_id, aanbieder_id=None, geplande_start=VANDAAG, versie=nu(Pvt, dossier_id=pip.dossier_id), by=werkcoach)
    termijnen_herberekenen(dossier_id=pip.dossier_id)
    start = _soorten(pip.dossier)[S.PVT_START]
    assert start.streefdatum == datums.vroegste_start_na_maanden(huisvesting, 12)
    assert start.status == "open"

    services.pvt_sessie_vastleggen(dossier_id=pip.dossier_id, datum=VANDAAG, uren=3, onderwerp="Vrijheid",
                                   by=werkcoach)
    start = _soorten(pip.dossier)[S.PVT_START]
    assert (start.status, start.gehaald_op) == ("gehaald", VANDAAG)


def test_no_pvt_start_termijn_for_gezinsmigranten(werkcoach):
    pip = _pip(werkcoach, dossier__doelgroep="Gezinsvormer", dossier__datum_huisvesting=VANDAAG)
    assert S.PVT_START not in {b.soort for b in termijnen.bereken(pip.dossier)}


def test_signing_the_participatieverklaring_makes_pvt_afgerond_gehaald(werkcoach):
    pip = _pip(werkcoach)
    d = pip.dossier_id
    services.pvt_vastleggen(dossier_id=d, aanbieder_id=None, geplande_start=None,
                            themas=["vrijheid", "gelijkwaardigheid", "solidariteit", "participatie"], versie=nu(Pvt, dossier_id=d), by=werkcoach)
    services.pvt_sessie_vastleggen(dossier_id=d, datum=VANDAAG, uren=12, onderwerp="Excursie", activiteit=True,
                                   by=werkcoach)
    assert _soorten(pip.dossier)[S.PVT_AFGEROND].status == "open"
    services.pvt_ondertekening_vastleggen(dossier_id=d, datum=VANDAAG, versie=nu(Pvt, dossier_id=d), by=werkcoach)
    assert _soorten(pip.dossier)[S.PVT_AFGEROND].gehaald_op == VANDAAG


def test_passing_the_last_exam_makes_examens_afgerond_gehaald(werkcoach):
    pip = _pip(werkcoach)
    for onderdeel, niveau in [("KNM", ""), ("LE", "B1"), ("LU", "B1"), ("SC", "B1")]:
        services.examen_vastleggen(dossier_id=pip.dossier_id, onderdeel=onderdeel, niveau=niveau,
                                   datum=VANDAAG - timedelta(days=2), resultaat="Geslaagd", by=werkcoach)
    assert _soorten(pip.dossier)[S.EXAMENS_AFGEROND].status == "open"
    services.examen_vastleggen(dossier_id=pip.dossier_id, onderdeel="SP", niveau="B1", datum=VANDAAG,
                               resultaat="Geslaagd", by=werkcoach)
    assert _soorten(pip.dossier)[S.EXAMENS_AFGEROND].gehaald_op == VANDAAG


def test_a_voldoende_map_eindgesprek_makes_map_afgerond_gehaald(werkcoach):
    pip = _pip(werkcoach)
    d = pip.dossier_id
    services.map_vastleggen(dossier_id=d, aanbieder_id=None, themas=[c for c, _l in rules.MAP_THEMAS], versie=nu(Map, dossier_id=d), by=werkcoach)
    services.uren_vastleggen(dossier_id=d, categorie="map_praktijk", van=VANDAAG - timedelta(days=10), tot=VANDAAG,
                             aantal=40, by=werkcoach)
    services.map_eindgesprek_vastleggen(dossier_id=d, datum=VANDAAG, uitkomst="voldoende", versie=nu(Map, dossier_id=d), by=werkcoach)
    assert _soorten(pip.dossier)[S.MAP_AFGEROND].gehaald_op == VANDAAG


def test_ontzorging_einde_follows_start_extension_and_early_end(werkcoach):
    pip = _pip(werkcoach)
    vkb = AanbiederFactory(naam="VKB", soort="schuldhulp_budgetbeheer")
    d = pip.dossier_id
    start = VANDAAG - timedelta(days=20)
    ontzorging = services.ontzorging_starten(dossier_id=d, uitvoerder_id=vkb.pk, bijstand_start=start,
                                             asielvergunning_bepaalde_tijd=True, by=werkcoach)
    einde = _soorten(pip.dossier)[S.ONTZORGING_EINDE]
    assert (einde.basisdatum, einde.fatale_datum, einde.status) == (start, ontzorging.einde, "open")
    nieuw = ontzorging.einde + timedelta(days=60)
    services.ontzorging_verlengen(dossier_id=d, nieuw_einde=nieuw, reden="Budgetbeheer", versie=nu(Ontzorging, dossier_id=d), by=werkcoach)
    assert _soorten(pip.dossier)[S.ONTZORGING_EINDE].fatale_datum == nieuw
    services.ontzorging_beeindigen(dossier_id=d, datum=VANDAAG, reden="Bijstand beëindigd", versie=nu(Ontzorging, dossier_id=d), by=werkcoach)
    assert _soorten(pip.dossier)[S.ONTZORGING_EINDE].gehaald_op == VANDAAG


def test_z_route_afgerond_is_gehaald_on_the_eindgesprek(werkcoach):
    pip = _pip(werkcoach, leerroute="Z", niveau="")
    inschrijving = services.inschrijving_aanmaken(
        dossier_id=pip.dossier_id, aanbieder_id=AanbiederFactory().pk, startdatum=pip.dagtekening,
        geplande_einddatum=pip.dagtekening + timedelta(days=300), by=werkcoach)
    services.inschrijving_aanmelden(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    services.inschrijving_starten(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    for categorie in ("taal_knm", "participatie"):
        services.uren_vastleggen(dossier_id=pip.dossier_id, categorie=categorie, van=VANDAAG - timedelta(days=60),
                                 tot=VANDAAG, aantal=800, aanbieder_id=inschrijving.aanbieder_id, by=werkcoach)
    services.inschrijving_afronden(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    assert _soorten(pip.dossier)[S.ZROUTE_AFGEROND].gehaald_op == VANDAAG


def _e(onderdeel, niveau, dag, resultaat="Geslaagd"):
    return ExamenFeit(onderdeel, niveau, date(2026, 1, dag), resultaat)


@pytest.mark.parametrize(("examens", "afgeschaald", "verwacht"), [
    ([], frozenset(), None),
    ([_e("KNM", "", 1), _e("LE", "B1", 2), _e("LU", "B1", 3), _e("SC", "B1", 4), _e("SP", "B1", 5)], frozenset(),
     date(2026, 1, 5)),
    ([_e("KNM", "", 1), _e("LE", "B1", 2), _e("LU", "B1", 3), _e("SC", "B1", 4), _e("SP", "A2", 5)], frozenset(),
     None),
    ([_e("KNM", "", 1), _e("LE", "B1", 2), _e("LU", "B1", 3), _e("SC", "B1", 4), _e("SP", "A2", 5)],
     frozenset({"SP"}), date(2026, 1, 5)),
    ([_e("KNM", "", 9), _e("LE", "B1", 2), _e("LU", "B1", 3), _e("SC", "B1", 4), _e("SP", "B1", 5, "Gezakt"),
      _e("SP", "B1", 7)], frozenset(), date(2026, 1, 9)),
    ([_e("KNM", "", 1), _e("LE", "B2", 2), _e("LE", "B1", 8), _e("LU", "B1", 3), _e("SC", "B1", 4),
      _e("SP", "B1", 5)], frozenset(), date(2026, 1, 5)),  # the first pass counts
])
def test_examens_behaald_op(examens, afgeschaald, verwacht):
    assert rules.examens_behaald_op(examens, afgeschaald=afgeschaald) == verwacht
