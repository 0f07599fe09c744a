"""Table tests for the Z-route hours that depend on the dossier (Besluit 3.14): course hours only at a
keurmerk institution (lid 2 a) and a lowered hour norm with its ground (lid 8–10; DUO's medical
partial ontheffing for the activity hours)."""

from datetime import date
from decimal import Decimal

import pytest

from leerroutes import rules
from leerroutes.rules import (
    AanbiederFeiten,
    ActiviteitNormGrond,
    CursusNormGrond,
    UrenRegel,
    ZNorm,
    ZRouteTelling,
)
from leerroutes.rules import UrenCategorie as C
from leerroutes.voldaan import VoldaanFeiten, plicht_voldaan
from pip_plans.rules import Leerroute

DAG = date(2026, 3, 2)
GELDIG = AanbiederFeiten(keurmerk_nummer="1234", keurmerk_geldig_tot=DAG, taalschakeltraject_erkend=False)
VERLOPEN = AanbiederFeiten(keurmerk_nummer="1234", keurmerk_geldig_tot=date(2026, 3, 1), taalschakeltraject_erkend=False)
GEEN_NUMMER = AanbiederFeiten(keurmerk_nummer="", keurmerk_geldig_tot=date(2030, 1, 1), taalschakeltraject_erkend=False)
ALLEEN_TST = AanbiederFeiten(keurmerk_nummer="", keurmerk_geldig_tot=None, taalschakeltraject_erkend=True)


@pytest.mark.parametrize(
    ("categorie", "aanbieder", "telt"),
    [
        pytest.param(C.TAAL_KNM, GELDIG, True, id="keurmerk-valid-on-the-last-day-counts"),
        pytest.param(C.TAAL_KNM, VERLOPEN, False, id="keurmerk-expired-the-day-before-does-not-count"),
        pytest.param(C.TAAL_KNM, GEEN_NUMMER, False, id="no-keurmerk-number-does-not-count"),
        pytest.param(C.TAAL_KNM, ALLEEN_TST, False, id="taalschakeltraject-only-is-no-keurmerk"),
        pytest.param(C.TAAL_KNM, None, False, id="no-aanbieder-cannot-be-shown-to-count"),
        pytest.param(C.PARTICIPATIE, None, True, id="activity-hours-need-no-keurmerk"),
        pytest.param(C.MAP_PRAKTIJK, VERLOPEN, True, id="map-hours-need-no-keurmerk"),
    ],
)
def test_course_hours_count_only_at_a_keurmerk_institution_besluit_3_14_lid_2_a(categorie, aanbieder, telt):
    reden = rules.cursusuren_telt_niet(categorie=categorie, aanbieder=aanbieder, aanbieder_naam="Taalhuis", van=DAG)
    assert (reden is None) is telt
    if not telt:
        assert "Besluit 3.14 lid 2 a" in reden


def test_the_reason_names_the_aanbieder_and_the_date_besluit_3_14_lid_2_a():
    reden = rules.cursusuren_telt_niet(categorie=C.TAAL_KNM, aanbieder=VERLOPEN, aanbieder_naam="Taalhuis", van=DAG)
    assert reden == str(rules.TELT_NIET_GEEN_KEURMERK % {"aanbieder": "Taalhuis", "datum": "02-03-2026"})


def regel(categorie, aantal, telt_niet=""):
    return UrenRegel(categorie, Decimal(aantal), False, telt_niet)


@pytest.mark.parametrize(
    ("regels", "cursus_norm", "activiteit_norm", "cursus", "gehaald"),
    [
        pytest.param([regel(C.TAAL_KNM, 800), regel(C.PARTICIPATIE, 800)], 800, 800, 800, True, id="800-800"),
        pytest.param([regel(C.TAAL_KNM, 700), regel(C.TAAL_KNM, 100, "geen keurmerk"), regel(C.PARTICIPATIE, 800)],
                     800, 800, 700, False, id="hours-without-keurmerk-left-out-lid-2-a"),
        pytest.param([regel(C.TAAL_KNM, 600), regel(C.PARTICIPATIE, 800)], 600, 800, 600, True,
                     id="lowered-course-norm-600-lid-8"),
        pytest.param([regel(C.TAAL_KNM, 599), regel(C.PARTICIPATIE, 800)], 600, 800, 599, False,
                     id="lowered-course-norm-one-hour-short"),
        pytest.param([regel(C.TAAL_KNM, 800), regel(C.PARTICIPATIE, 400)], 800, 400, 800, True,
                     id="medical-partial-ontheffing-400-activity-hours"),
        pytest.param([regel(C.TAAL_KNM, 800)], 800, 0, 800, True, id="activity-norm-0"),
    ],
)
def test_z_route_stand_uses_the_lowered_norm_and_keurmerk_hours_besluit_3_14(regels, cursus_norm, activiteit_norm,
                                                                            cursus, gehaald):
    stand = rules.z_route_stand(regels, is_asiel=True, telling=ZRouteTelling(), cursus_norm=cursus_norm,
                                activiteit_norm=activiteit_norm)
    assert (stand.cursus.uren, stand.cursus.norm, stand.activiteit.norm) == (cursus, cursus_norm, activiteit_norm)
    assert stand.gehaald is gehaald


def norm(cursus=None, cursus_grond="", activiteit=None, activiteit_grond="", toelichting="Besluit DUO 12-01-2026"):
    return ZNorm(cursus_uren=cursus, cursus_grond=cursus_grond, activiteit_uren=activiteit,
                 activiteit_grond=activiteit_grond, toelichting=toelichting)


@pytest.mark.parametrize(
    ("feiten", "asiel", "verwacht"),
    [
        pytest.param(norm(), True, {}, id="nothing-lowered"),
        pytest.param(norm(600, CursusNormGrond.BEPERKING), True, {}, id="impairment-lid-8"),
        pytest.param(norm(500, CursusNormGrond.EERDER_ONDERWIJS), False, {}, id="earlier-vso-lid-9-10-gezins"),
        pytest.param(norm(activiteit=300, activiteit_grond=ActiviteitNormGrond.MEDISCH_DUO), True, {},
                     id="medical-partial-ontheffing-duo"),
        pytest.param(norm(600), True, {"cursus_grond": rules.z_route.NORM_GROND_NODIG}, id="norm-without-ground"),
        pytest.param(norm(cursus_grond=CursusNormGrond.BEPERKING), True, {"cursus_uren": rules.z_route.NORM_NODIG},
                     id="ground-without-norm"),
        pytest.param(norm(800, CursusNormGrond.BEPERKING), True,
                     {"cursus_uren": rules.z_route.NORM_TE_HOOG % {"norm": 800}}, id="800-is-no-lowering"),
        pytest.param(norm(activiteit=300, activiteit_grond=ActiviteitNormGrond.MEDISCH_DUO), False,
                     {"activiteit_uren": rules.z_route.ACTIVITEIT_ALLEEN_ASIEL}, id="gezins-has-no-activity-hours"),
        pytest.param(norm(activiteit=300), True, {"activiteit_grond": rules.z_route.NORM_ZONDER_GROND},
                     id="activity-norm-without-ground"),
        pytest.param(norm(600, CursusNormGrond.BEPERKING, toelichting=" "), True,
                     {"toelichting": rules.z_route.TOELICHTING_NODIG}, id="no-record-of-what-it-rests-on"),
    ],
)
def test_a_lowered_norm_needs_its_ground_besluit_3_14_lid_8_10(feiten, asiel, verwacht):
    assert rules.z_norm_fouten(feiten, is_asiel=asiel) == {k: str(v) for k, v in verwacht.items()}


@pytest.mark.parametrize(
    ("feiten", "cursus", "activiteit"),
    [
        pytest.param(None, 800, 800, id="no-norm-recorded-800-800"),
        pytest.param(norm(600, CursusNormGrond.BEPERKING), 600, 800, id="course-lowered"),
        pytest.param(norm(activiteit=0, activiteit_grond=ActiviteitNormGrond.MEDISCH_DUO), 800, 0,
                     id="activity-lowered-to-0"),
    ],
)
def test_the_recorded_norm_replaces_the_800_hours_besluit_3_14(feiten, cursus, activiteit):
    normen = rules.z_normen(feiten)
    assert (normen.cursus, normen.activiteit) == (cursus, activiteit)


def test_plicht_voldaan_on_the_z_route_uses_the_lowered_norm_besluit_3_14():
    stand = rules.z_route_stand([regel(C.TAAL_KNM, 600)], is_asiel=False, telling=ZRouteTelling(), cursus_norm=600)
    uitkomst = plicht_voldaan(VoldaanFeiten(leerroute=Leerroute.Z, is_asiel=False, z_route=stand))
    assert uitkomst.punten[0].label == "600 uur taalles en KNM"
    assert uitkomst.punten[0].gehaald
