"""Date tables per termijn kind, through the calculators that compute them (DOMAIN §8), with the edge
dates: month ends, leap day, weekends and holidays (Algemene termijnenwet where it applies, not
where it does not) and DUO's exclusive einddatum. The date rules themselves are table-tested in
tests/kern/test_kalender.py and the PIP deadline in tests/pip_plans/test_rules.py; these tables
check that every kind uses them with the right convention."""

from datetime import date

import pytest

from handhaving import services as handhaving_services
from leerroutes import services as leerroutes_services
from leerroutes import termijnen as leerroutes_termijnen
from pip_plans import services as pip_services
from pip_plans import termijnen as pip_termijnen
from pip_plans.models import TermijnVerlengingDuo
from tests.factories import AanbiederFactory, PipFactory
from tests.termijnsoorten import S

pytestmark = pytest.mark.django_db



def _pip(werkcoach, start: date, **kwargs):
    dagtekening = date.fromordinal(start.toordinal() - 1)
    kwargs.setdefault("bekendmaking", dagtekening)
    return PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, dagtekening=dagtekening, termijn_start=start,
                      **kwargs)


def _berekend(calculator, dossier, soort) -> list:
    return [b for b in calculator(dossier) if b.soort == soort]


@pytest.mark.parametrize(("start", "laatste_dag"), [
    pytest.param(date(2025, 1, 1), date(2027, 12, 31), id="new-year-ends-on-new-years-eve"),
    pytest.param(date(2024, 2, 29), date(2027, 2, 28), id="leap-day-start-clamped-no-day-off-hr-2017-2225"),
    # Dagtekening 28-02-2028: start 29-02-2028, last day 28-02-2031 (DUO einddatum 01-03-2031).
    pytest.param(date(2028, 2, 29), date(2031, 2, 28), id="dagtekening-28-feb-2028-hr-2017-2225"),
    pytest.param(date(2023, 3, 1), date(2026, 2, 28), id="first-of-month-ends-at-month-end"),
    pytest.param(date(2025, 3, 1), date(2028, 2, 29), id="ends-on-a-leap-day"),
    pytest.param(date(2024, 2, 28), date(2027, 2, 27), id="saturday-end-is-not-moved-no-atw"),
])
def test_inburgeringstermijn_is_three_years_without_the_termijnenwet_wet_11_hr_2017_2225(werkcoach, start, laatste_dag):
    """Wet 11, HR 1-9-2017 ECLI:NL:HR:2017:2225 for the month end; no Atw (art. 4 a)."""
    pip = _pip(werkcoach, start)
    [termijn] = _berekend(pip_termijnen.bereken, pip.dossier, S.INBURGERINGSTERMIJN)
    assert (termijn.basisdatum, termijn.fatale_datum) == (start, laatste_dag)


@pytest.mark.parametrize(("duo_einddatum", "laatste_dag"), [
    pytest.param(date(2028, 3, 1), date(2028, 2, 29), id="exclusive-first-of-march-is-leap-day"),
    pytest.param(date(2029, 3, 1), date(2029, 2, 28), id="exclusive-first-of-march-non-leap"),
    pytest.param(date(2029, 1, 1), date(2028, 12, 31), id="exclusive-new-year"),
])
def test_a_duo_extension_ends_the_day_before_duos_exclusive_einddatum_for_every_kind_due_then(
        werkcoach, duo_einddatum, laatste_dag):
    pip = _pip(werkcoach, date(2025, 1, 1))
    TermijnVerlengingDuo.objects.create(dossier=pip.dossier, besluitdatum=date(2026, 1, 5), grond="ambtshalve",
                                        duo_einddatum=duo_einddatum, vastgelegd_door=werkcoach)
    [termijn] = _berekend(pip_termijnen.bereken, pip.dossier, S.INBURGERINGSTERMIJN)
    assert termijn.fatale_datum == laatste_dag
    eind = {b.soort: b.fatale_datum for b in leerroutes_termijnen.bereken(pip.dossier)
            if b.soort in (S.PVT_AFGEROND, S.MAP_AFGEROND, S.EXAMENS_AFGEROND)}
    assert eind == {S.PVT_AFGEROND: laatste_dag, S.MAP_AFGEROND: laatste_dag, S.EXAMENS_AFGEROND: laatste_dag}


def test_the_z_route_is_due_at_the_end_of_the_termijn(werkcoach):
    pip = _pip(werkcoach, date(2024, 2, 29), leerroute="Z", niveau="")
    [termijn] = _berekend(leerroutes_termijnen.bereken, pip.dossier, S.ZROUTE_AFGEROND)
    assert termijn.fatale_datum == date(2027, 2, 28)


@pytest.mark.parametrize(("start", "laatste_dag"), [
    pytest.param(date(2024, 8, 31), date(2026, 2, 28), id="31-aug-ends-28-feb-hr-2017-2225"),
    pytest.param(date(2022, 8, 31), date(2024, 2, 29), id="31-aug-ends-on-leap-day-hr-2017-2225"),
    pytest.param(date(2024, 8, 28), date(2026, 2, 27), id="28-aug-ends-27-feb"),
    pytest.param(date(2024, 2, 29), date(2025, 8, 28), id="leap-day-start"),
    pytest.param(date(2025, 1, 1), date(2026, 6, 30), id="first-of-month-ends-at-month-end"),
])
def test_schakel_window_is_a_period_of_18_months_besluit_5_4_hr_2017_2225(werkcoach, start, laatste_dag):
    pip = _pip(werkcoach, start)
    [termijn] = _berekend(pip_termijnen.bereken, pip.dossier, S.SCHAKELEN)
    assert (termijn.basisdatum, termijn.fatale_datum) == (start, laatste_dag)


@pytest.mark.parametrize(("huisvesting", "vroegst"), [
    pytest.param(date(2024, 2, 29), date(2025, 2, 28), id="leap-day-clamped"),
    pytest.param(date(2023, 8, 31), date(2024, 8, 31), id="month-end-same-day"),
    pytest.param(date(2024, 1, 31), date(2025, 1, 31), id="january-end"),
])
def test_pvt_start_for_asiel_is_an_earliest_start_twelve_months_after_huisvesting(werkcoach, huisvesting, vroegst):
    pip = _pip(werkcoach, date(2024, 6, 3), dossier__datum_huisvesting=huisvesting)
    [termijn] = _berekend(leerroutes_termijnen.bereken, pip.dossier, S.PVT_START)
    assert (termijn.basisdatum, termijn.streefdatum) == (huisvesting, vroegst)
    assert termijn.fatale_datum == date(2027, 6, 2)  # lapses only with the inburgeringstermijn


@pytest.mark.parametrize(("bijstand_start", "laatste_dag"), [
    pytest.param(date(2023, 8, 31), date(2024, 2, 29), id="31-aug-to-leap-day-hr-2017-2225"),
    pytest.param(date(2024, 8, 31), date(2025, 2, 28), id="31-aug-to-28-feb-hr-2017-2225"),
    pytest.param(date(2024, 8, 30), date(2025, 2, 28), id="30-aug-to-28-feb"),
    pytest.param(date(2024, 8, 29), date(2025, 2, 28), id="29-aug-to-28-feb-common-year"),
    pytest.param(date(2024, 8, 28), date(2025, 2, 27), id="28-aug-to-27-feb"),
    pytest.param(date(2025, 3, 1), date(2025, 8, 31), id="first-of-month-ends-at-month-end"),
    pytest.param(date(2024, 2, 29), date(2024, 8, 28), id="leap-day-start"),
])
def test_ontzorging_ends_after_a_period_of_six_months_hr_2017_2225(werkcoach, bijstand_start, laatste_dag):
    pip = _pip(werkcoach, date(2024, 6, 3))
    leerroutes_services.ontzorging_starten(
        dossier_id=pip.dossier_id, uitvoerder_id=AanbiederFactory(soort="schuldhulp_budgetbeheer").pk,
        bijstand_start=bijstand_start, asielvergunning_bepaalde_tijd=True, by=werkcoach,
    )
    [termijn] = _berekend(leerroutes_termijnen.bereken, pip.dossier, S.ONTZORGING_EINDE)
    assert (termijn.basisdatum, termijn.fatale_datum) == (bijstand_start, laatste_dag)


BEZWAAR = [
    pytest.param(date(2026, 1, 19), date(2026, 3, 2), id="plain-42-days-on-a-monday"),
    pytest.param(date(2024, 1, 18), date(2024, 2, 29), id="ends-on-leap-day"),
    pytest.param(date(2025, 3, 15), date(2025, 4, 28), id="koningsdag-on-saturday-then-sunday-to-monday"),
    pytest.param(date(2025, 11, 13), date(2025, 12, 29), id="christmas-then-weekend-to-monday"),
    pytest.param(date(2025, 11, 20), date(2026, 1, 5), id="new-years-day-kb-friday-02-01-2026-then-weekend-atw-art-3"),
]


@pytest.mark.parametrize(("bekendmaking", "fataal"), BEZWAAR)
def test_bezwaartermijn_of_a_pip_is_42_days_after_bekendmaking_with_the_termijnenwet(werkcoach, bekendmaking, fataal):
    pip = _pip(werkcoach, date(2024, 6, 3), bekendmaking=bekendmaking,
               bezwaar_einde=pip_services.bezwaar_einde(bekendmaking))
    [termijn] = _berekend(pip_termijnen.bereken, pip.dossier, S.BEZWAAR)
    assert (termijn.sleutel, termijn.basisdatum, termijn.fatale_datum) == (f"pip-{pip.pk}", bekendmaking, fataal)


@pytest.mark.parametrize(("bekendmaking", "fataal"), BEZWAAR)
def test_bezwaartermijn_of_a_boetebeschikking_follows_the_same_rule(bekendmaking, fataal):
    assert handhaving_services.bezwaar_einde(bekendmaking) == fataal


@pytest.mark.parametrize(("verzonden", "fataal"), [
    pytest.param(date(2026, 3, 2), date(2026, 3, 16), id="plain-two-weeks"),
    pytest.param(date(2026, 4, 13), date(2026, 4, 28), id="koningsdag-monday-to-tuesday"),
    pytest.param(date(2025, 12, 11), date(2025, 12, 29), id="christmas-thursday-friday-weekend"),
    pytest.param(date(2024, 2, 15), date(2024, 2, 29), id="ends-on-leap-day"),
])
def test_zienswijze_is_two_weeks_after_the_voornemen_with_the_termijnenwet(verzonden, fataal):
    assert handhaving_services.zienswijze_einde(verzonden) == fataal


@pytest.mark.parametrize(("start", "aantal", "eerste"), [
    # 2024-02-29 → 2027-02-28 spans 1095 days; 6 gesprekken → every 182 days.
    pytest.param(date(2024, 2, 29), 6, date(2024, 8, 29), id="leap-day-start-six-gesprekken"),
    # 2025-01-01 → 2027-12-31 spans 1094 days; 12 gesprekken → every 91 days.
    pytest.param(date(2025, 1, 1), 12, date(2025, 4, 2), id="twelve-gesprekken"),
    # 2027-03-01 → 2030-02-28 spans 1095 days (leap day 2028); one gesprek: due on the termijn's last day.
    pytest.param(date(2027, 3, 1), 1, date(2030, 2, 28), id="one-gesprek-due-on-the-last-day-not-after"),
])
def test_the_first_voortgangsgesprek_follows_the_number_agreed_in_the_pip(werkcoach, start, aantal, eerste):
    pip = _pip(werkcoach, start, aantal_voortgangsgesprekken=aantal)
    [termijn] = _berekend(pip_termijnen.bereken, pip.dossier, S.VOORTGANGSGESPREK)
    assert (termijn.basisdatum, termijn.fatale_datum) == (start, eerste)
