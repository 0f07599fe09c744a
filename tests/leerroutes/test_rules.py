"""Table tests for the pure leerroute rules: aanbieder qualification, date windows, Z-route hours
(Besluit 3.14), exam attempts, PVT (Besluit 3.1), MAP (Besluit 3.2), ontzorging (Pw 56a), MB."""

from datetime import date
from decimal import Decimal

import pytest

from leerroutes import rules
from leerroutes.rules import AanbiederFeiten, ExamenFeit, UrenRegel, ZRouteTelling
from leerroutes.rules import UrenCategorie as C
from pip_plans.rules import Leerroute as R

START = date(2026, 3, 1)
KEURMERK = AanbiederFeiten("12345", date(2026, 3, 1), False)
VERLOPEN = AanbiederFeiten("12345", date(2026, 2, 28), False)
GEEN = AanbiederFeiten("", None, False)
NUMMER_ZONDER_DATUM = AanbiederFeiten("12345", None, False)
TST = AanbiederFeiten("", None, True)


@pytest.mark.parametrize(
    ("route", "aanbieder", "verwacht"),
    [
        pytest.param(R.B1, KEURMERK, None, id="B-keurmerk-valid-on-its-last-day"),
        pytest.param(R.Z, KEURMERK, None, id="Z-keurmerk-valid"),
        pytest.param(R.B1, VERLOPEN, rules.KEURMERK_VERLOPEN % {"datum": "28-02-2026"}, id="B-keurmerk-expired-day-before"),
        pytest.param(R.Z, GEEN, rules.GEEN_KEURMERK, id="Z-no-keurmerk"),
        pytest.param(R.B1, NUMMER_ZONDER_DATUM, rules.GEEN_KEURMERK, id="B-number-without-validity"),
        pytest.param(R.B1, TST, rules.GEEN_KEURMERK, id="B-taalschakeltraject-only-refused"),
        pytest.param(R.ONDERWIJS, TST, None, id="O-taalschakeltraject-recognised"),
        pytest.param(R.ONDERWIJS, KEURMERK, rules.GEEN_TAALSCHAKELTRAJECT, id="O-keurmerk-is-not-enough"),
    ],
)
def test_aanbieder_fout_by_route(route, aanbieder, verwacht):
    assert rules.aanbieder_fout(route, aanbieder, START) == (str(verwacht) if verwacht else None)


@pytest.mark.parametrize(
    ("aanbieder", "op", "telt"),
    [(KEURMERK, START, True), (VERLOPEN, START, False), (TST, START, True), (GEEN, START, False)],
)
def test_hours_count_for_afschalen_at_keurmerk_or_taalschakeltraject_institutions(aanbieder, op, telt):
    assert rules.telt_voor_afschalen(aanbieder, op) is telt


DAGTEKENING = date(2026, 1, 15)
LAATSTE = date(2029, 1, 15)  # termijn start 16-01-2026 + 3 years − 1 day


def test_termijn_last_day_uses_the_calendar_module():
    assert rules.inburgeringstermijn_laatste_dag(date(2026, 1, 16), 3) == LAATSTE
    assert rules.inburgeringstermijn_laatste_dag(date(2024, 2, 29), 3) == date(2027, 2, 28)  # HR 2017:2225: no day off after clamping
    assert rules.inburgeringstermijn_laatste_dag(None, 3) is None


@pytest.mark.parametrize(
    ("start", "einde", "laatste", "verwacht"),
    [
        pytest.param(DAGTEKENING, LAATSTE, LAATSTE, {}, id="both-edges-allowed"),
        pytest.param(date(2026, 1, 14), date(2026, 6, 1), LAATSTE,
                     {"startdatum": rules.VOOR_DAGTEKENING % {"datum": "15-01-2026"}}, id="start-day-before-dagtekening"),
        pytest.param(DAGTEKENING, date(2029, 1, 16), LAATSTE,
                     {"geplande_einddatum": rules.NA_TERMIJN % {"datum": "15-01-2029"}}, id="end-day-after-termijn"),
        pytest.param(date(2026, 6, 1), date(2026, 5, 31), LAATSTE,
                     {"geplande_einddatum": rules.EINDE_VOOR_START}, id="end-before-start"),
        pytest.param(DAGTEKENING, LAATSTE, None,
                     {"startdatum": rules.GEEN_TERMIJN, "geplande_einddatum": rules.GEEN_TERMIJN}, id="no-termijn"),
    ],
)
def test_inschrijving_dates_lie_between_dagtekening_and_termijn_end(start, einde, laatste, verwacht):
    fouten = rules.inschrijving_datum_fouten(
        startdatum=start, geplande_einddatum=einde, dagtekening=DAGTEKENING, termijn_laatste_dag=laatste
    )
    assert fouten == {k: str(v) for k, v in verwacht.items()}


def test_a_route_other_than_the_pips_is_refused():
    assert rules.route_fout(leerroute=R.B1, pip_route=R.B1) is None
    assert "Z-route" in rules.route_fout(leerroute=R.B1, pip_route=R.Z)


# --- Z-route arithmetic ---------------------------------------------------------------------------
def regel(categorie, aantal, intake=False):
    return UrenRegel(categorie, Decimal(aantal), intake)


ALLES = [
    regel(C.TAAL_KNM, 700), regel(C.TAAL_KNM, 50, intake=True),
    regel(C.PARTICIPATIE, 300), regel(C.MAP_PRAKTIJK, 40), regel(C.PVT, 12),
    regel(C.PARTICIPATIEWET, 100), regel(C.MB, 60), regel(C.PARTICIPATIE, 20, intake=True),
]
AAN = ZRouteTelling()
UIT = ZRouteTelling(intake_uren=False, participatiewet=False, maatschappelijke_begeleiding=False)


@pytest.mark.parametrize(
    ("asiel", "telling", "cursus", "activiteit"),
    [
        pytest.param(True, AAN, 750, 532, id="asiel-all-settings-on"),
        pytest.param(True, UIT, 700, 352, id="asiel-all-settings-off-map-and-pvt-still-count"),
        pytest.param(True, ZRouteTelling(intake_uren=False), 700, 512, id="asiel-intake-off"),
        pytest.param(True, ZRouteTelling(participatiewet=False), 750, 432, id="asiel-participatiewet-off"),
        pytest.param(True, ZRouteTelling(maatschappelijke_begeleiding=False), 750, 472, id="asiel-mb-off"),
        pytest.param(False, AAN, 750, None, id="gezins-no-activity-hours-required"),
        pytest.param(False, UIT, 700, None, id="gezins-intake-off"),
    ],
)
def test_z_route_hours_per_doelgroep_and_setting(asiel, telling, cursus, activiteit):
    stand = rules.z_route_stand(ALLES, is_asiel=asiel, telling=telling)
    assert stand.cursus.uren == cursus
    assert stand.cursus.over == 800 - cursus
    if activiteit is None:
        assert stand.activiteit is None
    else:
        assert stand.activiteit.uren == activiteit
        assert stand.activiteit.norm == 800


@pytest.mark.parametrize(
    ("asiel", "regels", "gehaald"),
    [
        pytest.param(True, [regel(C.TAAL_KNM, 800), regel(C.PARTICIPATIE, 800)], True, id="asiel-exactly-800-800"),
        pytest.param(True, [regel(C.TAAL_KNM, 800), regel(C.PARTICIPATIE, "799.5")], False, id="asiel-half-hour-short"),
        pytest.param(True, [regel(C.TAAL_KNM, 800)], False, id="asiel-no-activity"),
        pytest.param(False, [regel(C.TAAL_KNM, 800)], True, id="gezins-800-course-hours"),
        pytest.param(False, [regel(C.TAAL_KNM, 799)], False, id="gezins-799"),
    ],
)
def test_z_route_is_complete_only_at_the_norms(asiel, regels, gehaald):
    assert rules.z_route_stand(regels, is_asiel=asiel, telling=AAN).gehaald is gehaald


@pytest.mark.parametrize(
    ("uren", "procent"), [(0, 0), (400, 50), ("799.99", 99), (800, 100), (1200, 100)]
)
def test_progress_bar_percentage_is_rounded_down_and_capped(uren, procent):
    assert rules.Voortgang(Decimal(uren), 800).procent == procent


def test_hours_are_written_the_dutch_way():
    assert rules.uren_tekst(Decimal("212.00")) == "212"
    assert rules.uren_tekst(Decimal("12.50")) == "12,5"
    assert rules.uren_tekst(800) == "800"


@pytest.mark.parametrize(
    ("van", "tot", "aantal", "verwacht"),
    [
        pytest.param(date(2026, 5, 1), date(2026, 5, 31), Decimal(40), {}, id="ok"),
        pytest.param(date(2026, 5, 1), date(2026, 5, 1), Decimal(24), {}, id="one-day-24h"),
        pytest.param(date(2026, 5, 1), date(2026, 5, 1), Decimal(25), {"aantal": rules.UREN_MEER_DAN_PERIODE % {"max": 24}},
                     id="one-day-25h"),
        pytest.param(date(2026, 5, 1), date(2026, 5, 31), Decimal(0), {"aantal": rules.UREN_NUL}, id="zero"),
        pytest.param(date(2026, 5, 2), date(2026, 5, 1), Decimal(4), {"tot": rules.TOT_VOOR_VAN}, id="reversed"),
        pytest.param(date(2026, 6, 16), date(2026, 6, 30), Decimal(4), {"van": rules.UREN_TOEKOMST}, id="future"),
    ],
)
def test_uren_fouten(van, tot, aantal, verwacht):
    assert rules.uren_fouten(van=van, tot=tot, aantal=aantal, vandaag=date(2026, 6, 15)) == {
        k: str(v) for k, v in verwacht.items()
    }


# --- exams -------------------------------------------------------------------------------------------
def ex(onderdeel, resultaat="Gezakt", reden="", niveau="B1", dag=1):
    return ExamenFeit(onderdeel, niveau, date(2026, 1, dag), resultaat, reden)


@pytest.mark.parametrize(
    ("examens", "asiel", "over"),
    [
        pytest.param([], True, {"KNM": 2, "LE": 2, "LU": 2, "SC": 2, "SP": 2}, id="none-used"),
        pytest.param([ex("LE")], True, {"LE": 1}, id="one-failed"),
        pytest.param([ex("LE"), ex("LE", "Geslaagd", dag=2)], True, {"LE": 0}, id="two-used"),
        pytest.param([ex("LE"), ex("LE", dag=2), ex("LE", dag=3)], True, {"LE": 0}, id="never-negative"),
        pytest.param([ex("SP", "Geen", "Afgemeld")], True, {"SP": 2}, id="afgemeld-does-not-count"),
        pytest.param([ex("SP", "Geen", "Nietverwijtbaar")], True, {"SP": 2}, id="niet-verwijtbaar-does-not-count"),
        pytest.param([ex("SP", "Geen", "Verwijtbaar")], True, {"SP": 1}, id="verwijtbaar-counts"),
        pytest.param([ex("SP", "Geen", "Absent")], True, {"SP": 1}, id="absent-counts"),
        pytest.param([ex("KNM", niveau="")], True, {"KNM": 1, "LE": 2}, id="per-part"),
        pytest.param([ex("LE")], False, None, id="gezins-pays-no-free-attempts"),
    ],
)
def test_asiel_has_two_free_attempts_per_part(examens, asiel, over):
    uitkomst = rules.gratis_pogingen_over(examens, is_asiel=asiel)
    if over is None:
        assert uitkomst is None
    else:
        assert {k: uitkomst[k] for k in over} == over


def test_attempt_numbers_count_per_part_and_skip_sittings_that_do_not_count():
    examens = [ex("LE", dag=1), ex("LU", dag=2), ex("LE", "Geen", "Afgemeld", dag=3), ex("LE", "Geslaagd", dag=4)]
    assert rules.pogingnummers(examens) == [1, 1, None, 2]


def test_highest_level_passed_per_part():
    examens = [ex("LE", "Geslaagd", niveau="A2"), ex("LE", "Geslaagd", niveau="B1", dag=2),
               ex("LU", "Gezakt"), ex("SP", "Geslaagd", niveau="B2"), ex("KNM", "Geslaagd", niveau="")]
    assert rules.behaalde_niveaus(examens) == {"LE": "B1", "SP": "B2", "KNM": ""}
    assert rules.niveau_gehaald("B2", "B1") and rules.niveau_gehaald("B1", "A2")
    assert not rules.niveau_gehaald("A2", "B1")
    assert not rules.niveau_gehaald(None, "A2")


@pytest.mark.parametrize(
    ("feit", "verwacht"),
    [
        pytest.param(ex("LE", "Geslaagd"), {}, id="ok"),
        pytest.param(ex("LE", "Geen"), {"reden_geen_resultaat": rules.REDEN_NODIG}, id="geen-without-reason"),
        pytest.param(ex("LE", "Gezakt", "Absent"), {"reden_geen_resultaat": rules.REDEN_ALLEEN_BIJ_GEEN},
                     id="reason-with-result"),
        pytest.param(ex("LE", niveau=""), {"niveau": rules.NIVEAU_NODIG}, id="language-needs-level"),
        pytest.param(ex("KNM", niveau=""), {}, id="knm-without-level"),
        pytest.param(ExamenFeit("LE", "B1", date(2026, 7, 1), "Gezakt"), {"datum": rules.EXAMEN_TOEKOMST}, id="future"),
    ],
)
def test_examen_fouten(feit, verwacht):
    assert rules.examen_fouten(feit, vandaag=date(2026, 6, 15)) == {k: str(v) for k, v in verwacht.items()}


# --- PVT ----------------------------------------------------------------------------------------------
HUISVESTING = date(2025, 8, 31)


@pytest.mark.parametrize(
    ("asiel", "huisvesting", "start", "reden", "fout"),
    [
        pytest.param(True, HUISVESTING, date(2026, 8, 31), "", False, id="asiel-exactly-12-months"),
        pytest.param(True, HUISVESTING, date(2026, 8, 30), "", True, id="asiel-one-day-early"),
        pytest.param(True, HUISVESTING, date(2026, 1, 1), "Wil graag eerder, taalniveau goed", False,
                     id="asiel-early-with-reason"),
        pytest.param(True, None, date(2026, 1, 1), "", True, id="asiel-huisvesting-unknown"),
        pytest.param(False, HUISVESTING, date(2025, 9, 1), "", False, id="gezins-may-start-earlier"),
        pytest.param(True, HUISVESTING, None, "", False, id="no-planned-start-yet"),
        pytest.param(True, date(2024, 2, 29), date(2025, 2, 28), "", False, id="leap-day-clamped"),
    ],
)
def test_pvt_start_for_asiel_not_before_huisvesting_plus_12_months(asiel, huisvesting, start, reden, fout):
    uitkomst = rules.pvt_start_fout(is_asiel=asiel, huisvesting=huisvesting, geplande_start=start, maanden=12, reden=reden)
    assert (uitkomst is not None) is fout


KERN = ["vrijheid", "gelijkwaardigheid", "solidariteit", "participatie"]


@pytest.mark.parametrize(
    ("uren", "themas", "activiteit", "ontbreekt"),
    [
        pytest.param(12, KERN, True, [], id="complete-at-exactly-12h"),
        pytest.param("11.5", KERN, True, ["nog 0,5 uur PVT (minimaal 12)"], id="half-hour-short"),
        pytest.param(12, KERN[:3], True, ["PVT-kernwaarden nog niet behandeld: participatie"], id="one-value-missing"),
        pytest.param(12, [*KERN, "gezondheid"], False, [str(rules.PVT_ACTIVITEIT)], id="no-activity"),
        pytest.param(0, [], False, ["nog 12 uur PVT (minimaal 12)",
                                    "PVT-kernwaarden nog niet behandeld: vrijheid, gelijkwaardigheid, solidariteit, participatie",
                                    str(rules.PVT_ACTIVITEIT)], id="nothing-yet"),
    ],
)
def test_pvt_needs_12_hours_the_core_values_and_an_activity_before_signing(uren, themas, activiteit, ontbreekt):
    kwargs = {"uren": Decimal(uren), "themas": themas, "activiteit_bijgewoond": activiteit}
    assert rules.pvt_ontbreekt(**kwargs, ondertekend_op=None) == [*ontbreekt, str(rules.PVT_ONDERTEKENING)]
    assert rules.pvt_ontbreekt(**kwargs, ondertekend_op=date(2026, 5, 1)) == []
    fouten = rules.pvt_ondertekening_fouten(**kwargs, datum=date(2026, 5, 1), vandaag=date(2026, 6, 1),
                                            termijn_start=date(2026, 1, 1))
    assert ("pvt" in fouten) is bool(ontbreekt)


def test_pvt_themes_are_the_core_values_plus_the_gemeentes_extra_themes():
    themas = rules.pvt_themas(["seksuele diversiteit", "gezondheid"])
    assert [code for code, _l in themas] == [*KERN, "seksuele diversiteit", "gezondheid"]
    assert rules.pvt_thema_fouten(["vrijheid", "gezondheid"], ["gezondheid"]) == {}
    assert "themas" in rules.pvt_thema_fouten(["astrologie"], ["gezondheid"])


@pytest.mark.parametrize(
    ("datum", "termijn_start", "fout"),
    [
        (date(2026, 6, 1), date(2026, 1, 1), None),
        (date(2026, 1, 1), date(2026, 1, 1), None),
        (date(2025, 12, 31), date(2026, 1, 1), "start"),
        (date(2026, 6, 16), date(2026, 1, 1), "toekomst"),
        (date(2025, 12, 31), None, None),
    ],
)
def test_duo_refuses_dates_in_the_future_or_before_the_termijn(datum, termijn_start, fout):
    uitkomst = rules.duo_datum_fout(datum, vandaag=date(2026, 6, 15), termijn_start=termijn_start)
    assert (uitkomst is None) is (fout is None)
    if fout == "start":
        assert "01-01-2026" in uitkomst


# --- MAP -----------------------------------------------------------------------------------------------
ACHT = [code for code, _l in rules.MAP_THEMAS]


@pytest.mark.parametrize(
    ("route", "vrijgesteld"), [(R.ONDERWIJS, True), (R.B1, False), (R.Z, False), (None, False)]
)
def test_onderwijsroute_is_exempt_from_map(route, vrijgesteld):
    assert (rules.map_route_fout(route) is not None) is vrijgesteld


@pytest.mark.parametrize(
    ("uren", "themas", "datum", "uitkomst", "ontbreekt"),
    [
        pytest.param(40, ACHT, date(2026, 5, 1), "voldoende", [], id="complete"),
        pytest.param(40, ACHT, None, "", [str(rules.MAP_EINDGESPREK)], id="only-eindgesprek-missing"),
        pytest.param(40, ACHT, date(2026, 5, 1), "onvoldoende", [str(rules.MAP_ONVOLDOENDE)], id="onvoldoende"),
        pytest.param(28, ACHT, None, "", ["nog 12 uur MAP-praktijk (norm 40)", str(rules.MAP_EINDGESPREK)],
                     id="hours-short"),
        pytest.param(40, ACHT[:7], None, "", ["MAP-thema's nog niet behandeld: werkcultuur", str(rules.MAP_EINDGESPREK)],
                     id="one-theme-open"),
    ],
)
def test_map_ontbreekt(uren, themas, datum, uitkomst, ontbreekt):
    assert rules.map_ontbreekt(uren=Decimal(uren), norm=40, themas=themas, eindgesprek_op=datum, uitkomst=uitkomst) == ontbreekt


@pytest.mark.parametrize(
    ("uren", "norm", "themas", "uitkomst", "fout"),
    [
        (40, 40, ACHT, "voldoende", False),
        (39, 40, ACHT, "voldoende", True),
        (20, 20, ACHT, "voldoende", False),  # the norm is a setting [?]
        (40, 40, ACHT[:1], "voldoende", True),
        (0, 40, [], "onvoldoende", False),  # an onvoldoende eindgesprek can always be recorded
    ],
)
def test_map_eindgesprek_voldoende_only_when_hours_and_themes_done(uren, norm, themas, uitkomst, fout):
    fouten = rules.map_eindgesprek_fouten(uren=Decimal(uren), norm=norm, themas=themas, uitkomst=uitkomst,
                                          datum=date(2026, 5, 1), vandaag=date(2026, 6, 1), termijn_start=None)
    assert ("uitkomst" in fouten) is fout


# --- ontzorging ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "maanden", "einde"),
    [
        pytest.param(date(2026, 1, 1), 6, date(2026, 6, 30), id="first-of-month"),
        pytest.param(date(2025, 8, 31), 6, date(2026, 2, 28), id="31-aug-plus-6-months-ends-28-feb-hr-2017-2225"),
        pytest.param(date(2023, 8, 31), 6, date(2024, 2, 29), id="31-aug-leap-year-29-feb-hr-2017-2225"),
        pytest.param(date(2026, 3, 15), 6, date(2026, 9, 14), id="mid-month"),
        pytest.param(date(2026, 3, 15), 12, date(2027, 3, 14), id="setting-12-months"),
    ],
)
def test_ontzorging_ends_the_day_before_start_plus_n_months(start, maanden, einde):
    assert rules.ontzorging_einde(start, maanden) == einde


@pytest.mark.parametrize(
    ("asiel", "vergunning", "fout"),
    [
        (True, True, None),
        (True, False, rules.ONTZORGEN_VERGUNNING),
        (False, True, rules.ONTZORGEN_ALLEEN_ASIEL),
    ],
)
def test_ontzorging_only_for_asylum_permit_holders(asiel, vergunning, fout):
    assert rules.ontzorging_fout(is_asiel=asiel, asielvergunning_bepaalde_tijd=vergunning) == (str(fout) if fout else None)


def test_extension_needs_a_later_end_and_a_reason():
    einde = date(2026, 6, 30)
    assert rules.verlenging_fouten(huidig_einde=einde, nieuw_einde=date(2026, 12, 31), reden="budgetbeheer") == {}
    assert set(rules.verlenging_fouten(huidig_einde=einde, nieuw_einde=einde, reden=" ")) == {"nieuw_einde", "reden"}


@pytest.mark.parametrize(
    ("datum", "fout"),
    [(date(2026, 1, 1), False), (date(2026, 6, 30), False), (date(2025, 12, 31), True), (date(2026, 7, 1), True)],
)
def test_early_end_lies_inside_the_period(datum, fout):
    fouten = rules.vroegtijdig_einde_fouten(start=date(2026, 1, 1), huidig_einde=date(2026, 6, 30), datum=datum,
                                            reden="bijstand beëindigd")
    assert ("datum" in fouten) is fout


def test_vaste_last_kind_comes_from_the_settings_list():
    soorten = ["huur", "gas"]
    kwargs = {"soorten": soorten, "start": date(2026, 1, 1), "einde": date(2026, 6, 30), "van": date(2026, 1, 1),
              "tot": None}
    assert rules.vaste_last_fouten(soort="huur", bedrag=Decimal("650.00"), **kwargs) == {}
    assert set(rules.vaste_last_fouten(soort="internet", bedrag=Decimal(0), **kwargs)) == {"soort", "bedrag"}
    assert "van" in rules.vaste_last_fouten(soort="gas", bedrag=Decimal(1), **{**kwargs, "tot": date(2026, 7, 1)})


# --- maatschappelijke begeleiding -----------------------------------------------------------------------
def test_begeleiding_only_for_asiel_and_starts_at_brp_registration():
    assert rules.begeleiding_fout(is_asiel=True, brp_vestiging=date(2026, 1, 5)) is None
    assert rules.begeleiding_fout(is_asiel=False, brp_vestiging=date(2026, 1, 5)) == str(rules.MB_ALLEEN_ASIEL)
    assert rules.begeleiding_fout(is_asiel=True, brp_vestiging=None) == str(rules.MB_GEEN_BRP)
    fouten = rules.mb_activiteit_fouten(datum=date(2026, 1, 4), start=date(2026, 1, 5), vandaag=date(2026, 6, 1), uren=None)
    assert "datum" in fouten


# --- the enrolment's steps and closing by a DUO decision -------------------------------------------------
@pytest.mark.parametrize(
    ("status", "acties"),
    [
        pytest.param(rules.InschrijvingStatus.GEPLAND, ("aanmelden", "stoppen"), id="gepland"),
        pytest.param(rules.InschrijvingStatus.AANGEMELD, ("starten", "stoppen"), id="aangemeld"),
        pytest.param(rules.InschrijvingStatus.GESTART, ("afronden", "stoppen"), id="gestart"),
        pytest.param(rules.InschrijvingStatus.AFGEROND, (), id="afgerond-nothing"),
        pytest.param(rules.InschrijvingStatus.GESTOPT, (), id="gestopt-nothing"),
    ],
)
def test_an_enrolment_takes_its_next_step_or_stops_while_it_runs(status, acties):
    assert rules.inschrijving_acties(status) == acties


@pytest.mark.parametrize(
    ("reden", "toelichting", "fouten"),
    [
        pytest.param(rules.StopReden.UITVAL, "", {}, id="uitval-without-toelichting"),
        pytest.param(rules.StopReden.OVERIG, "Verhuisd naar het buitenland", {}, id="overig-with-toelichting"),
        pytest.param(rules.StopReden.OVERIG, "  ", {"toelichting": str(rules.TOELICHTING_NODIG)}, id="overig-blank"),
    ],
)
def test_another_reason_to_stop_needs_a_toelichting(reden, toelichting, fouten):
    assert rules.stoppen_fouten(reden=reden, toelichting=toelichting) == fouten


VANDAAG_R = date(2026, 6, 1)
GRONDEN = ("medisch", "overig")


@pytest.mark.parametrize(
    ("grond", "besluit", "fouten"),
    [
        pytest.param("medisch", VANDAAG_R, {}, id="grond-and-date-today"),
        pytest.param("diploma", date(2026, 5, 1), {"grond": str(rules.GROND_NODIG)}, id="grond-of-the-other-kind"),
        pytest.param("", None, {"grond": str(rules.GROND_NODIG), "duo_besluit_datum": str(rules.BESLUIT_DATUM_NODIG)},
                     id="nothing"),
        pytest.param("overig", date(2026, 6, 2), {"duo_besluit_datum": str(rules.DATUM_TOEKOMST)}, id="future-date"),
    ],
)
def test_an_ontheffing_or_vrijstelling_names_its_grond_and_the_date_of_the_decision(grond, besluit, fouten):
    assert rules.duo_besluit_fouten(grond=grond, gronden=GRONDEN, duo_besluit_datum=besluit, vandaag=VANDAAG_R) == fouten
