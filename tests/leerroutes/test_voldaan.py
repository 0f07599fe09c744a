"""'Plicht voldaan' per leerroute × doelgroep (DOMAIN §6), complete and incomplete."""

from decimal import Decimal

import pytest

from leerroutes import voldaan
from leerroutes.rules import Voortgang, ZRouteStand
from leerroutes.voldaan import VoldaanFeiten, afgeschaalde_onderdelen, plicht_voldaan
from pip_plans.rules import Leerroute as R

ALLE_B1 = {"LE": "B1", "LU": "B1", "SC": "B1", "SP": "B1", "KNM": ""}
PVT_OPEN = ("participatieverklaring nog niet ondertekend",)
MAP_OPEN = ("MAP-eindgesprek ontbreekt",)


def z(cursus, activiteit=None):
    return ZRouteStand(
        Voortgang(Decimal(cursus), 800), None if activiteit is None else Voortgang(Decimal(activiteit), 800)
    )


def feiten(route, asiel, **kwargs):
    return VoldaanFeiten(leerroute=route, is_asiel=asiel, **kwargs)


DOELGROEPEN = [pytest.param(True, id="asiel"), pytest.param(False, id="gezins")]


@pytest.mark.parametrize("asiel", DOELGROEPEN)
@pytest.mark.parametrize(
    ("route", "compleet"),
    [
        pytest.param(R.B1, {"behaald": ALLE_B1}, id="B1-route"),
        pytest.param(R.ONDERWIJS, {"taalschakeltraject_afgerond": True}, id="onderwijsroute"),
        pytest.param(R.Z, {"z_route_afgerond": True}, id="Z-route"),
    ],
)
def test_every_route_and_doelgroep_is_met_when_complete(route, compleet, asiel):
    uitkomst = plicht_voldaan(feiten(route, asiel, **compleet))
    assert (uitkomst.voldaan, uitkomst.ontbreekt) == (True, ())
    assert uitkomst.punten and all(punt.gehaald for punt in uitkomst.punten)


@pytest.mark.parametrize(
    ("route", "asiel", "gegeven", "labels", "open_"),
    [
        pytest.param(R.B1, True, {"behaald": {**ALLE_B1, "SP": "A2"}, "afgeschaald": frozenset({"SC"})},
                     ["Lees-examen op B1", "Luister-examen op B1", "Schrijf-examen op A2", "Spreek-examen op B1",
                      "KNM-examen", "PVT en participatieverklaring", "MAP met eindgesprek"],
                     ["Spreek-examen op B1"], id="B1-route"),
        pytest.param(R.ONDERWIJS, False, {"pvt_ontbreekt": PVT_OPEN},
                     ["Taalschakeltraject", "PVT en participatieverklaring"],
                     ["Taalschakeltraject", "PVT en participatieverklaring"], id="onderwijsroute-no-map"),
        pytest.param(R.Z, True, {"z_route": z(800, 212), "map_ontbreekt": MAP_OPEN},
                     ["800 uur taalles en KNM", "800 uur participatie", "Eindgesprek Z-route met de gemeente",
                      "PVT en participatieverklaring", "MAP met eindgesprek"],
                     ["800 uur participatie", "Eindgesprek Z-route met de gemeente", "MAP met eindgesprek"],
                     id="Z-route-asiel"),
        pytest.param(R.Z, False, {"z_route": z(100)},
                     ["800 uur taalles en KNM", "Eindgesprek Z-route met de gemeente",
                      "PVT en participatieverklaring", "MAP met eindgesprek"],
                     ["800 uur taalles en KNM", "Eindgesprek Z-route met de gemeente"], id="Z-route-gezins-no-activity"),
    ],
)
def test_the_checklist_shows_every_requirement_of_the_route_done_or_open(route, asiel, gegeven, labels, open_):
    uitkomst = plicht_voldaan(feiten(route, asiel, **gegeven))
    assert [punt.label for punt in uitkomst.punten] == labels
    assert [punt.label for punt in uitkomst.punten if not punt.gehaald] == open_
    assert [wat for punt in uitkomst.punten for wat in punt.ontbreekt] == list(uitkomst.ontbreekt)


B1_LEEG = ["Lees-examen nog niet behaald", "Luister-examen nog niet behaald", "Schrijf-examen nog niet behaald",
           "Spreek-examen nog niet behaald", "KNM-examen nog niet behaald"]


@pytest.mark.parametrize("asiel", DOELGROEPEN)
@pytest.mark.parametrize(
    ("route", "gegeven", "ontbreekt"),
    [
        pytest.param(R.B1, {}, B1_LEEG, id="B1-nothing-done"),
        pytest.param(R.B1, {"behaald": {**ALLE_B1, "SP": "A2"}}, ["Spreek-examen nog niet behaald op B1"],
                     id="B1-one-part-only-A2"),
        pytest.param(R.B1, {"behaald": {k: v for k, v in ALLE_B1.items() if k != "KNM"}},
                     ["KNM-examen nog niet behaald"], id="B1-knm-missing"),
        pytest.param(R.B1, {"behaald": ALLE_B1, "pvt_ontbreekt": PVT_OPEN}, list(PVT_OPEN), id="B1-pvt-missing"),
        pytest.param(R.B1, {"behaald": ALLE_B1, "map_ontbreekt": MAP_OPEN}, list(MAP_OPEN), id="B1-map-missing"),
        pytest.param(R.ONDERWIJS, {}, ["taalschakeltraject nog niet afgerond"], id="O-taalschakeltraject-open"),
        pytest.param(R.ONDERWIJS, {"taalschakeltraject_afgerond": True, "pvt_ontbreekt": PVT_OPEN}, list(PVT_OPEN),
                     id="O-pvt-missing"),
        pytest.param(R.Z, {"z_route_afgerond": True, "map_ontbreekt": MAP_OPEN}, list(MAP_OPEN), id="Z-map-missing"),
        pytest.param(R.Z, {"z_route_afgerond": True, "pvt_ontbreekt": PVT_OPEN}, list(PVT_OPEN), id="Z-pvt-missing"),
    ],
)
def test_every_route_and_doelgroep_lists_what_is_missing(route, gegeven, ontbreekt, asiel):
    uitkomst = plicht_voldaan(feiten(route, asiel, **gegeven))
    assert not uitkomst.voldaan
    assert list(uitkomst.ontbreekt) == ontbreekt


@pytest.mark.parametrize(
    ("asiel", "stand", "ontbreekt"),
    [
        pytest.param(True, z(800, 588), ["nog 212 uur participatie", "eindgesprek Z-route met de gemeente ontbreekt"],
                     id="asiel-activity-hours-short"),
        pytest.param(True, z(600, 800), ["nog 200 uur taalles en KNM", "eindgesprek Z-route met de gemeente ontbreekt"],
                     id="asiel-course-hours-short"),
        pytest.param(True, z(800, 800), ["eindgesprek Z-route met de gemeente ontbreekt"], id="asiel-hours-done"),
        pytest.param(False, z("799.5"), ["nog 0,5 uur taalles en KNM", "eindgesprek Z-route met de gemeente ontbreekt"],
                     id="gezins-course-hours-short"),
        pytest.param(False, z(800), ["eindgesprek Z-route met de gemeente ontbreekt"], id="gezins-hours-done"),
    ],
)
def test_z_route_lists_missing_hours_per_doelgroep(asiel, stand, ontbreekt):
    uitkomst = plicht_voldaan(feiten(R.Z, asiel, z_route=stand))
    assert list(uitkomst.ontbreekt) == ontbreekt


def test_z_route_exams_are_optional():
    assert plicht_voldaan(feiten(R.Z, True, z_route_afgerond=True, behaald={})).voldaan


def test_onderwijsroute_needs_no_map_and_no_exams():
    assert plicht_voldaan(feiten(R.ONDERWIJS, False, taalschakeltraject_afgerond=True, behaald={})).voldaan


@pytest.mark.parametrize(
    ("behaald", "afgeschaald", "voldaan_"),
    [
        pytest.param({**ALLE_B1, "SP": "A2", "SC": "A2"}, frozenset({"SP", "SC"}), True, id="afgeschaald-parts-at-A2"),
        pytest.param({**ALLE_B1, "SP": "A2", "SC": "A2"}, frozenset({"SP"}), False, id="SC-not-afgeschaald"),
        pytest.param({"LE": "A2", "LU": "A2", "SC": "A2", "SP": "A2", "KNM": ""},
                     frozenset({"LE", "LU", "SC", "SP"}), True, id="wholly-afgeschaald"),
        pytest.param({**ALLE_B1, "SP": "B2"}, frozenset(), True, id="B2-counts-for-B1"),
    ],
)
def test_b1_route_respects_afschalen(behaald, afgeschaald, voldaan_):
    assert plicht_voldaan(feiten(R.B1, True, behaald=behaald, afgeschaald=afgeschaald)).voldaan is voldaan_


@pytest.mark.parametrize(
    ("niveau", "geheel", "onderdelen", "verwacht"),
    [
        ("B1", False, [], frozenset()),
        ("B1", False, ["SP", "SC"], frozenset({"SP", "SC"})),
        ("B1", True, [], frozenset({"LE", "LU", "SC", "SP"})),
        ("A2", False, [], frozenset({"LE", "LU", "SC", "SP"})),
        ("B1", False, ["KNM", "SP"], frozenset({"SP"})),
        pytest.param("A2", False, ["SP"], frozenset({"SP"}), id="partial-afschalen-sets-A2-but-only-the-parts-count"),
    ],
)
def test_afgeschaalde_onderdelen_from_the_pip(niveau, geheel, onderdelen, verwacht):
    assert afgeschaalde_onderdelen(niveau=niveau, geheel=geheel, onderdelen=onderdelen) == verwacht


def test_without_a_vastgesteld_pip_the_plicht_is_not_met():
    uitkomst = plicht_voldaan(feiten(None, True))
    assert uitkomst == voldaan.Voldaan(False, (str(voldaan.GEEN_PIP),))
